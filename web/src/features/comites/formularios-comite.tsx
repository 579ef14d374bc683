// The committee's forms: register a committee, add a post, change a post's holder or end date, register a
// session. Each checks with the contract's schema (the server's own, with its Spanish messages) and places
// the server's errors on the field they name. People type dates as dd/mm/aaaa; the API takes aaaa-mm-dd.
import {
  type ComiteEntrada,
  ComiteEntradaSchema,
  type Convocar,
  ConvocarSchema,
  type IntegranteCambio,
  IntegranteCambioSchema,
  type IntegranteComite,
  type IntegranteEntrada,
  IntegranteEntradaSchema,
} from '@contrato/comites.ts';
import { hoyEnColombia } from '@core/calendario.ts';
import {
  type CaracterSesion,
  NOMBRE_ROL_INTEGRANTE,
  NOMBRE_TIPO_COMITE,
  ROLES_INTEGRANTE,
  type RolIntegrante,
  TIPOS_COMITE,
  type TipoComite,
} from '@core/comites.ts';
import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { campo, campoId, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { useAgregarIntegrante, useCambiarIntegrante, useConvocar, useCrearComite } from './api.ts';
import { Seccion } from './seccion.tsx';

const hoyCivil = () => fechaCivil(hoyEnColombia());
/** An optional date: empty goes as null (no date), anything else as aaaa-mm-dd for the schema to check. */
const fechaOpcional = (texto: string) => (texto.trim() ? fechaIso(texto.trim()) : null);
const FORMATO_FECHA = 'dd/mm/aaaa';

export function RegistrarComite({ entidadId }: { entidadId: string }) {
  const crear = useCrearComite(entidadId);
  const form = useFormulario({
    inicial: {
      tipo: 'cigd' as TipoComite,
      nombre: NOMBRE_TIPO_COMITE.cigd as string,
      actoCreacion: '',
      fechaActoCreacion: '',
    },
    esquema: ComiteEntradaSchema,
    etiquetas: {
      tipo: 'Tipo de comité',
      nombre: 'Nombre',
      actoCreacion: 'Acto de creación',
      fechaActoCreacion: 'Fecha de expedición del acto',
    },
    transformar: (v): ComiteEntrada => ({ ...v, fechaActoCreacion: fechaOpcional(v.fechaActoCreacion) }),
  });
  const tipo = campo(form, 'tipo');
  return (
    <Seccion id="registrar-comite" titulo="Registrar un comité">
      <Formulario
        form={form}
        etiquetaEnviar="Registrar comité"
        exito="El comité quedó registrado. Agregue sus integrantes por cargo."
        alEnviar={async (datos) => {
          await crear.mutateAsync(datos);
          form.reset();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              {...tipo}
              onChange={(e) => {
                const t = e.currentTarget.value as TipoComite;
                form.setFieldValue('tipo', t);
                // The name follows the type until the person writes his own («Otro comité» has none).
                form.setFieldValue('nombre', t === 'otro' ? '' : NOMBRE_TIPO_COMITE[t]);
              }}
              data={TIPOS_COMITE.map((t) => ({ value: t, label: NOMBRE_TIPO_COMITE[t] }))}
            />
            <TextInput required {...campo(form, 'nombre')} />
            <TextInput
              {...campo(form, 'actoCreacion')}
              description="Por ejemplo, «Resolución 112 de 2018 de la Gerencia»"
            />
            <TextInput {...campo(form, 'fechaActoCreacion')} description={FORMATO_FECHA} />
          </SimpleGrid>
        </Stack>
      </Formulario>
    </Seccion>
  );
}

export function AgregarCargo({ entidadId, comiteId }: { entidadId: string; comiteId: string }) {
  const agregar = useAgregarIntegrante(entidadId, comiteId);
  const form = useFormulario({
    inicial: {
      cargo: '',
      titular: '',
      rol: 'miembro' as RolIntegrante,
      voto: true,
      desde: hoyCivil(),
      hasta: '',
    },
    esquema: IntegranteEntradaSchema,
    etiquetas: {
      cargo: 'Cargo',
      titular: 'Titular actual',
      rol: 'Rol en el comité',
      voto: 'Tiene voz y voto',
      desde: 'Integra el comité desde',
      hasta: 'Integra el comité hasta',
    },
    transformar: (v): IntegranteEntrada => ({
      ...v,
      desde: fechaIso(v.desde.trim()),
      hasta: fechaOpcional(v.hasta),
    }),
  });
  return (
    <Seccion id="agregar-cargo" titulo="Agregar un cargo" nivel={3}>
      <Formulario
        form={form}
        etiquetaEnviar="Agregar cargo"
        exito="El cargo quedó agregado al comité."
        alEnviar={async (datos) => {
          await agregar.mutateAsync(datos);
          // The dates stay: the posts of a new committee usually start on the same day.
          form.setValues({ cargo: '', titular: '', rol: 'miembro', voto: true });
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              required
              {...campo(form, 'cargo')}
              description="El cargo, no la persona: «Secretario de Hacienda»"
            />
            <TextInput {...campo(form, 'titular')} description="Quien ocupa hoy el cargo (opcional)" />
            <NativeSelect
              {...campo(form, 'rol')}
              onChange={(e) => {
                const r = e.currentTarget.value as RolIntegrante;
                form.setFieldValue('rol', r);
                // A guest has voice only; every other role votes unless said otherwise.
                form.setFieldValue('voto', r !== 'invitado');
              }}
              data={ROLES_INTEGRANTE.map((r) => ({ value: r, label: NOMBRE_ROL_INTEGRANTE[r] }))}
            />
            <TextInput required {...campo(form, 'desde')} description={FORMATO_FECHA} />
            <TextInput
              {...campo(form, 'hasta')}
              description={`${FORMATO_FECHA}; vacía mientras el cargo siga en el comité`}
            />
          </SimpleGrid>
          <Checkbox
            {...form.getInputProps('voto', { type: 'checkbox' })}
            id={campoId(form, 'voto')}
            label="Tiene voz y voto"
          />
        </Stack>
      </Formulario>
    </Seccion>
  );
}

/** A post's new holder or end date: people change, posts stay (past actas keep naming the post). */
export function CambiarCargo({
  entidadId,
  comiteId,
  integrante: i,
  cerrar,
  alCambiar,
}: {
  entidadId: string;
  comiteId: string;
  integrante: IntegranteComite;
  cerrar: () => void;
  alCambiar: (mensaje: string) => void;
}) {
  const cambiar = useCambiarIntegrante(entidadId, comiteId, i.id);
  const form = useFormulario({
    inicial: { titular: i.titular ?? '', hasta: i.hasta ? fechaCivil(i.hasta) : '' },
    esquema: IntegranteCambioSchema,
    etiquetas: { titular: 'Titular del cargo', hasta: 'Fecha final en el comité' },
    // What was read goes along: if someone changed the post meanwhile, the server says so (409).
    transformar: (v): IntegranteCambio => ({
      titular: v.titular,
      hasta: fechaOpcional(v.hasta),
      leido: { titular: i.titular, hasta: i.hasta },
    }),
  });
  return (
    <Ventana opened onClose={cerrar} title={`Cambiar el cargo «${i.cargo}»`} size="lg">
      <Text size="sm" mb="sm">
        El cargo se conserva: las actas anteriores lo siguen nombrando. Cambie aquí quién lo ocupa o la fecha
        en que deja el comité.
      </Text>
      <Formulario
        form={form}
        etiquetaEnviar="Guardar el cambio"
        alEnviar={async (datos) => {
          await cambiar.mutateAsync(datos);
          alCambiar(`El cargo «${i.cargo}» quedó actualizado.`);
          cerrar();
        }}
        acciones={
          <Button variant="outline" onClick={cerrar}>
            Cancelar
          </Button>
        }
      >
        <Stack>
          <TextInput {...campo(form, 'titular')} description="Vacío si el cargo está sin titular" />
          <TextInput
            {...campo(form, 'hasta')}
            description={`${FORMATO_FECHA}; vacía mientras el cargo siga en el comité`}
          />
        </Stack>
      </Formulario>
    </Ventana>
  );
}

export function ConvocarSesion({
  entidadId,
  comiteId,
  alRegistrar,
}: {
  entidadId: string;
  comiteId: string;
  alRegistrar: (sesionId: string) => void;
}) {
  const convocar = useConvocar(entidadId, comiteId);
  const form = useFormulario({
    inicial: { caracter: 'ordinaria' as CaracterSesion, fecha: hoyCivil(), lugar: '' },
    esquema: ConvocarSchema,
    etiquetas: { caracter: 'Carácter', fecha: 'Fecha de la sesión', lugar: 'Lugar' },
    transformar: (v): Convocar => ({ ...v, fecha: fechaIso(v.fecha.trim()) }),
  });
  return (
    <Seccion id="registrar-sesion" titulo="Registrar una sesión" nivel={3}>
      <Text size="sm" mb="sm">
        El orden del día se arma con lo pendiente: planes por aprobar, periodos cerrados sin seguimiento y
        compromisos abiertos.
      </Text>
      <Formulario
        form={form}
        etiquetaEnviar="Registrar sesión"
        alEnviar={async (datos) => {
          const s = await convocar.mutateAsync(datos);
          alRegistrar(s.id);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            {...campo(form, 'caracter')}
            data={[
              { value: 'ordinaria', label: 'Ordinaria' },
              { value: 'extraordinaria', label: 'Extraordinaria' },
            ]}
          />
          <TextInput required {...campo(form, 'fecha')} description={`${FORMATO_FECHA}; nunca futura`} />
          <TextInput {...campo(form, 'lugar')} />
        </SimpleGrid>
      </Formulario>
    </Seccion>
  );
}
