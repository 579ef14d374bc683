// The forms of one session: attendance (the quorum is the server's count), the notes, typed decisions,
// commitments and the signed acta. Each checks with the contract's schema and places the server's errors on
// the field they name; once the signed acta is attached they only show what was recorded.
import {
  type CompromisoEntrada,
  CompromisoEntradaSchema,
  type DecisionEntrada,
  DecisionEntradaSchema,
  type Sesion,
  SesionCambioSchema,
} from '@contrato/comites.ts';
import { NOMBRE_DECISION, NOMBRE_ROL_INTEGRANTE, TIPOS_DECISION, type TipoDecision } from '@core/comites.ts';
import {
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { MensajeError } from '../../ui/componentes.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { aNumero, campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Numero } from '../../ui/numero.tsx';
import { usuariosQuery } from '../usuarios/api.ts';
import {
  urlSesion,
  useAdjuntarActa,
  useCambiarSesion,
  useComprometer,
  useCumplir,
  useDecidir,
} from './api.ts';
import { Seccion } from './seccion.tsx';

export type PropsSesion = { s: Sesion; entidadId: string; editable: boolean };

const nombreIntegrante = (i: Sesion['integrantes'][number]) =>
  `${i.cargo}${i.titular ? ` (${i.titular})` : ''} · ${NOMBRE_ROL_INTEGRANTE[i.rol]}${i.voto ? '' : ', sin voto'}`;

export function Asistencia({ s, entidadId, editable }: PropsSesion) {
  const cambiar = useCambiarSesion(entidadId, s.comite.id, s.id);
  const form = useFormulario({
    inicial: { asistentes: s.asistentes },
    esquema: SesionCambioSchema,
    etiquetas: { asistentes: 'Integrantes presentes' },
  });
  const q = s.quorum;
  return (
    <Seccion id="asistencia" titulo="Asistencia y quórum">
      <Text fw={700} role="status" c={q.hay ? 'green.9' : 'red.9'} mb="sm">
        {q.hay ? 'Hay quórum' : 'Sin quórum'}: {q.presentesConVoto} de {q.conVoto} integrantes con voto
        presentes (se requieren {q.requeridos}).
      </Text>
      {editable ? (
        <Formulario
          form={form}
          etiquetaEnviar="Guardar asistencia"
          alEnviar={(datos) => cambiar.mutateAsync(datos)}
        >
          <Checkbox.Group {...campo(form, 'asistentes')}>
            <Stack mt="xs" gap="xs">
              {s.integrantes.map((i) => (
                <Checkbox key={i.id} value={i.id} label={nombreIntegrante(i)} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Formulario>
      ) : (
        // Read only (a locked acta, or a person who only reads): who came and who did not, in full contrast.
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(
            [
              ['Asistentes', s.integrantes.filter((i) => s.asistentes.includes(i.id))],
              ['Ausentes', s.integrantes.filter((i) => !s.asistentes.includes(i.id))],
            ] as const
          ).map(([titulo, lista]) => (
            <div key={titulo}>
              <Title order={3} size="h5">
                {titulo}
              </Title>
              {lista.length === 0 ? (
                <Text size="sm">Ninguno.</Text>
              ) : (
                <ul>
                  {lista.map((i) => (
                    <li key={i.id}>{nombreIntegrante(i)}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </SimpleGrid>
      )}
    </Seccion>
  );
}

export function Desarrollo({ s, entidadId, editable }: PropsSesion) {
  const cambiar = useCambiarSesion(entidadId, s.comite.id, s.id);
  const form = useFormulario({
    inicial: { desarrollo: s.desarrollo },
    esquema: SesionCambioSchema,
    etiquetas: { desarrollo: 'Desarrollo de la sesión' },
  });
  return (
    <Seccion id="desarrollo" titulo="Orden del día y desarrollo">
      <ol>
        {s.ordenDelDia.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ol>
      <Formulario
        form={form}
        etiquetaEnviar="Guardar desarrollo"
        exito="El desarrollo quedó guardado."
        sinBoton={!editable}
        sinAviso={!editable}
        alEnviar={(datos) => cambiar.mutateAsync(datos)}
      >
        <Textarea
          {...campo(form, 'desarrollo')}
          description={
            editable ? 'Lo que se trató en cada punto del orden del día; hasta 20.000 caracteres' : undefined
          }
          autosize
          minRows={4}
          readOnly={!editable}
        />
      </Formulario>
    </Seccion>
  );
}

/** Decisions on the plan (and its quarterly follow-up) name the plan's vigencia; the others need not. */
const conVigencia = (t: TipoDecision) =>
  t === 'plan_aprobado' || t === 'modificacion_aprobada' || t === 'seguimiento_trimestral';

export function Decisiones({ s, entidadId, editable, vigencia }: PropsSesion & { vigencia: number }) {
  const decidir = useDecidir(entidadId, s.comite.id, s.id);
  const form = useFormulario({
    inicial: {
      tipo: 'plan_aprobado' as TipoDecision,
      vigencia: vigencia as number | string,
      periodo: 1 as number | string,
      descripcion: '',
    },
    esquema: DecisionEntradaSchema,
    etiquetas: {
      tipo: 'Tipo de decisión',
      vigencia: 'Vigencia del plan',
      periodo: 'Periodo cerrado',
      descripcion: 'Descripción de la decisión',
    },
    transformar: (v): DecisionEntrada => ({
      tipo: v.tipo,
      descripcion: v.descripcion,
      ...(conVigencia(v.tipo) ? { vigencia: aNumero(v.vigencia) } : {}),
      ...(v.tipo === 'seguimiento_trimestral' ? { periodo: aNumero(v.periodo) } : {}),
    }),
  });
  const tipo = form.values.tipo;
  return (
    <Seccion id="decisiones" titulo="Decisiones">
      {s.decisiones.length === 0 ? (
        <Text>Aún no se registran decisiones.</Text>
      ) : (
        <ol>
          {s.decisiones.map((d) => (
            <li key={d.id}>
              <strong>{NOMBRE_DECISION[d.tipo]}</strong>: {d.descripcion}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <Formulario
          form={form}
          etiquetaEnviar="Registrar decisión"
          exito="La decisión quedó registrada."
          alEnviar={async (datos) => {
            await decidir.mutateAsync(datos);
            form.setFieldValue('descripcion', '');
          }}
        >
          <Stack mt="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                {...campo(form, 'tipo')}
                data={TIPOS_DECISION.map((t) => ({ value: t, label: NOMBRE_DECISION[t] }))}
              />
              {conVigencia(tipo) && (
                <Numero
                  {...campo(form, 'vigencia')}
                  min={2018}
                  max={2100}
                  allowDecimal={false}
                  thousandSeparator=""
                />
              )}
              {tipo === 'seguimiento_trimestral' && (
                <Numero {...campo(form, 'periodo')} min={1} max={12} allowDecimal={false} />
              )}
            </SimpleGrid>
            <Textarea required autosize minRows={2} {...campo(form, 'descripcion')} />
            {(tipo === 'plan_aprobado' || tipo === 'modificacion_aprobada') && (
              <Text size="sm">
                Esta decisión aprueba el plan de acción {String(form.values.vigencia)} con la fecha y el acta
                de esta sesión.
              </Text>
            )}
          </Stack>
        </Formulario>
      )}
    </Seccion>
  );
}

export function Compromisos({ s, entidadId, editable }: PropsSesion) {
  const comprometer = useComprometer(entidadId, s.comite.id, s.id);
  const cumplir = useCumplir(entidadId, s.comite.id);
  const personas = useQuery({ ...usuariosQuery(entidadId), enabled: editable });
  const form = useFormulario({
    inicial: { descripcion: '', responsableId: '', fecha: '' },
    esquema: CompromisoEntradaSchema,
    etiquetas: { descripcion: 'Compromiso', responsableId: 'Responsable', fecha: 'Fecha del compromiso' },
    transformar: (v): CompromisoEntrada => ({ ...v, fecha: fechaIso(v.fecha.trim()) }),
  });
  const lista = (titulo: string, compromisos: Sesion['compromisos']) =>
    compromisos.length > 0 && (
      <>
        <Title order={3} size="h4" mt="sm">
          {titulo}
        </Title>
        <ul>
          {compromisos.map((k) => (
            <li key={k.id}>
              {k.descripcion} — {k.responsable}, {fechaCivil(k.fecha)}
              {k.cumplidoEn ? ` (cumplido el ${fechaCivil(k.cumplidoEn)})` : k.vencido ? ' (vencido)' : ''}
              {s.comite.puedeGestionar && !k.cumplidoEn && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  ml="xs"
                  loading={cumplir.isPending && cumplir.variables === k.id}
                  onClick={() => cumplir.mutate(k.id)}
                  aria-label={`Marcar cumplido: ${k.descripcion}`}
                >
                  Marcar cumplido
                </Button>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <Seccion id="compromisos" titulo="Compromisos">
      <MensajeError error={cumplir.error} />
      {lista('Compromisos de sesiones anteriores', s.compromisosAnteriores)}
      {lista('Compromisos de esta sesión', s.compromisos)}
      {s.compromisos.length === 0 && <Text>Esta sesión no tiene compromisos.</Text>}
      {editable && (
        <Formulario
          form={form}
          etiquetaEnviar="Registrar compromiso"
          exito="El compromiso quedó registrado."
          alEnviar={async (datos) => {
            await comprometer.mutateAsync(datos);
            form.setFieldValue('descripcion', '');
          }}
        >
          <Stack mt="sm">
            <Textarea required autosize {...campo(form, 'descripcion')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                required
                {...campo(form, 'responsableId')}
                data={[
                  { value: '', label: personas.isPending ? 'Cargando personas…' : 'Elija a la persona' },
                  ...(personas.data ?? []).map((p) => ({ value: p.id, label: p.nombre })),
                ]}
              />
              <TextInput required {...campo(form, 'fecha')} description="dd/mm/aaaa" />
            </SimpleGrid>
          </Stack>
        </Formulario>
      )}
    </Seccion>
  );
}

// Picked in the browser only: the server checks the file's content and name with the same field names.
const ActaFirmadaSchema = z.object({
  archivo: z.custom<File>((v) => v instanceof File && v.size > 0, 'elija el PDF escaneado del acta firmada'),
});

export function Acta({ s, entidadId }: { s: Sesion; entidadId: string }) {
  const adjuntar = useAdjuntarActa(entidadId, s.comite.id, s.id);
  const form = useFormulario({
    inicial: { archivo: null as File | null },
    esquema: ActaFirmadaSchema,
    etiquetas: { archivo: 'Acta firmada escaneada (PDF)' },
  });
  const url = urlSesion(entidadId, s.comite.id, s.id);
  return (
    <Seccion id="acta" titulo="Acta">
      <Group>
        <Anchor href={`${url}/acta.pdf`} download>
          Descargar el acta en PDF
        </Anchor>
        {s.actaFirmada && (
          <Anchor href={`${url}/acta-firmada`} download>
            Descargar el acta firmada
          </Anchor>
        )}
      </Group>
      {s.actaFirmada ? (
        <Text mt="sm" role="status">
          El acta firmada está adjunta: la sesión quedó cerrada y no admite cambios.
        </Text>
      ) : (
        s.comite.puedeGestionar && (
          <Stack mt="sm">
            <Formulario
              form={form}
              etiquetaEnviar="Adjuntar acta firmada"
              enviando="Adjuntando…"
              alEnviar={({ archivo }) => adjuntar.mutateAsync(archivo!)}
            >
              <FileInput
                {...campo(form, 'archivo')}
                description="Al adjuntarla, la sesión queda cerrada: asistencia, decisiones y compromisos ya no cambian."
                accept="application/pdf"
                clearable
                clearButtonProps={{ 'aria-label': 'Quitar el archivo elegido' }}
              />
            </Formulario>
          </Stack>
        )
      )}
    </Seccion>
  );
}
