import type { Entidad } from '@contrato/entidades.ts';
import { EntidadEntradaSchema } from '@contrato/entidades.ts';
import { NOMBRE_ORGANO, ORGANOS_APROBACION } from '@core/entidad.ts';
import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Formulario, campo as propsCampo, useFormulario, usePromesaDeEnvio } from '../../ui/formulario.tsx';

// What the form holds: the select's empty option is '' until sent.
export type DatosEntidad = Omit<Entidad, 'id' | 'tieneLogo' | 'orden'> & { orden: Entidad['orden'] | '' };

const VACIA: DatosEntidad = {
  nombre: '',
  sigla: '',
  nit: '',
  divipola: '',
  departamento: '',
  municipio: '',
  naturalezaJuridica: '',
  orden: '',
  categoria: '',
  tipoFormulario: 'MIPG',
  grupoPar: '',
  codigoSigep: '',
  organoAprobacion: 'cigd',
  direccion: '',
  telefono: '',
  correo: '',
  sitioWeb: '',
  horarioAtencion: '',
};

const ETIQUETAS: Record<keyof DatosEntidad, string> = {
  nombre: 'Nombre de la entidad',
  sigla: 'Sigla',
  nit: 'NIT con dígito de verificación',
  divipola: 'Código DIVIPOLA',
  departamento: 'Departamento',
  municipio: 'Municipio',
  naturalezaJuridica: 'Naturaleza jurídica',
  orden: 'Orden',
  categoria: 'Categoría',
  tipoFormulario: 'Formulario FURAG',
  grupoPar: 'Grupo par FURAG',
  codigoSigep: 'Código SIGEP',
  organoAprobacion: 'Órgano que aprueba los planes',
  direccion: 'Dirección',
  telefono: 'Teléfono',
  correo: 'Correo de contacto',
  sitioWeb: 'Sitio web',
  horarioAtencion: 'Horario de atención',
};

/** Empty texts and the select's empty option go as null, as the API keeps them. */
const limpiar = (d: DatosEntidad): DatosEntidad => ({
  ...(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v === '' ? null : v])) as DatosEntidad),
  nombre: d.nombre,
  nit: d.nit,
  tipoFormulario: d.tipoFormulario || 'MIPG',
  organoAprobacion: d.organoAprobacion || 'cigd',
});

export function FormularioEntidad({
  inicial,
  textoBoton,
  pendiente = false,
  error,
  soloLectura = false,
  alGuardar,
}: {
  inicial?: Entidad;
  textoBoton: string;
  /** With `mutate`: its state. With `mutateAsync` (a promise) they are not needed. */
  pendiente?: boolean;
  error?: unknown;
  soloLectura?: boolean;
  alGuardar: (d: DatosEntidad) => unknown;
}) {
  const form = useFormulario<DatosEntidad>({
    inicial: (() => {
      if (!inicial) return VACIA;
      const { id: _id, tieneLogo: _logo, ...resto } = inicial;
      // The API's nulls show as empty fields.
      return Object.fromEntries(Object.entries(resto).map(([k, v]) => [k, v ?? ''])) as DatosEntidad;
    })(),
    esquema: EntidadEntradaSchema,
    etiquetas: ETIQUETAS,
    transformar: limpiar,
  });
  const enviar = usePromesaDeEnvio(pendiente, error);
  const campo = (k: keyof DatosEntidad) => ({ ...propsCampo(form, k), readOnly: soloLectura });
  return (
    <Formulario
      form={form}
      alEnviar={(d) => enviar(() => alGuardar(d))}
      etiquetaEnviar={textoBoton}
      sinBoton={soloLectura}
      sinAviso={soloLectura}
      propsBoton={{ size: 'md' }}
    >
      <Stack>
        <Fieldset legend="Identificación">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput required {...campo('nombre')} />
            <TextInput {...campo('sigla')} />
            <TextInput description="Por ejemplo 846000253-6" required {...campo('nit')} />
            <TextInput description="2 dígitos (departamento) o 5 (municipio)" {...campo('divipola')} />
            <TextInput {...campo('departamento')} />
            <TextInput {...campo('municipio')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Clasificación">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              description="Por ejemplo: Empresa Social del Estado"
              {...campo('naturalezaJuridica')}
            />
            <NativeSelect
              data={[
                { value: '', label: 'Sin definir' },
                { value: 'nacional', label: 'Nacional' },
                { value: 'departamental', label: 'Departamental' },
                { value: 'distrital', label: 'Distrital' },
                { value: 'municipal', label: 'Municipal' },
              ]}
              {...campo('orden')}
              disabled={soloLectura}
            />
            <TextInput {...campo('categoria')} />
            <NativeSelect
              description="MECI: entidades fuera de la rama ejecutiva (concejos, personerías, contralorías). A ellas solo les aplica Control Interno: las demás políticas no aparecen en su plan ni en su tablero."
              data={[
                { value: 'MIPG', label: 'MIPG' },
                { value: 'MECI', label: 'MECI (solo control interno)' },
              ]}
              {...campo('tipoFormulario')}
              disabled={soloLectura}
            />
            <TextInput {...campo('grupoPar')} />
            <TextInput
              description="Con él se encuentra la entidad en los resultados de FURAG"
              inputMode="numeric"
              {...campo('codigoSigep')}
            />
            <NativeSelect
              data={ORGANOS_APROBACION.map((o) => ({ value: o, label: NOMBRE_ORGANO[o] }))}
              {...campo('organoAprobacion')}
              disabled={soloLectura}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Datos de contacto para las páginas públicas">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...campo('direccion')} />
            <TextInput type="tel" {...campo('telefono')} />
            <TextInput type="email" {...campo('correo')} />
            <TextInput type="url" description="Empieza por https://" {...campo('sitioWeb')} />
            <TextInput {...campo('horarioAtencion')} />
          </SimpleGrid>
        </Fieldset>
      </Stack>
    </Formulario>
  );
}
