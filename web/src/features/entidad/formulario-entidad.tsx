import type { Entidad } from '@contrato/entidades.ts';
import { NOMBRE_ORGANO, ORGANOS_APROBACION } from '@core/entidad.ts';
import { Button, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';

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

export function FormularioEntidad({
  inicial,
  textoBoton,
  pendiente,
  error,
  soloLectura = false,
  alGuardar,
}: {
  inicial?: Entidad;
  textoBoton: string;
  pendiente: boolean;
  error: unknown;
  soloLectura?: boolean;
  alGuardar: (d: DatosEntidad) => void;
}) {
  const [d, setD] = useState<DatosEntidad>(() => {
    if (!inicial) return VACIA;
    const { id: _id, tieneLogo: _logo, ...resto } = inicial;
    return resto;
  });
  const errores = erroresPorCampo(error);
  const campo = (k: keyof DatosEntidad) => ({
    value: d[k] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => setD({ ...d, [k]: e.currentTarget.value }),
    error: errores[k],
    readOnly: soloLectura,
  });
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    const limpio = Object.fromEntries(
      Object.entries(d).map(([k, v]) => [k, v === '' ? null : v]),
    ) as DatosEntidad;
    alGuardar({
      ...limpio,
      nombre: d.nombre,
      nit: d.nit,
      tipoFormulario: d.tipoFormulario || 'MIPG',
      organoAprobacion: d.organoAprobacion || 'cigd',
    });
  };
  return (
    <form onSubmit={enviar} noValidate>
      <Stack>
        {error != null && Object.keys(errores).length > 0 && (
          <MensajeError error={new Error('Hay campos por corregir: revise los mensajes bajo cada campo.')} />
        )}
        {error != null && !Object.keys(errores).length && <MensajeError error={error} />}
        <Fieldset legend="Identificación">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Nombre de la entidad" required {...campo('nombre')} />
            <TextInput label="Sigla" {...campo('sigla')} />
            <TextInput
              label="NIT con dígito de verificación"
              description="Por ejemplo 846000253-6"
              required
              {...campo('nit')}
            />
            <TextInput
              label="Código DIVIPOLA"
              description="2 dígitos (departamento) o 5 (municipio)"
              {...campo('divipola')}
            />
            <TextInput label="Departamento" {...campo('departamento')} />
            <TextInput label="Municipio" {...campo('municipio')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Clasificación">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Naturaleza jurídica"
              description="Por ejemplo: Empresa Social del Estado"
              {...campo('naturalezaJuridica')}
            />
            <NativeSelect
              label="Orden"
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
            <TextInput label="Categoría" {...campo('categoria')} />
            <NativeSelect
              label="Formulario FURAG"
              description="MECI: entidades fuera de la rama ejecutiva (concejos, personerías, contralorías)"
              data={[
                { value: 'MIPG', label: 'MIPG' },
                { value: 'MECI', label: 'MECI (solo control interno)' },
              ]}
              {...campo('tipoFormulario')}
              disabled={soloLectura}
            />
            <TextInput label="Grupo par FURAG" {...campo('grupoPar')} />
            <TextInput
              label="Código SIGEP"
              description="Con él se encuentra la entidad en los resultados de FURAG"
              inputMode="numeric"
              {...campo('codigoSigep')}
            />
            <NativeSelect
              label="Órgano que aprueba los planes"
              data={ORGANOS_APROBACION.map((o) => ({ value: o, label: NOMBRE_ORGANO[o] }))}
              {...campo('organoAprobacion')}
              disabled={soloLectura}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Datos de contacto para las páginas públicas">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Dirección" {...campo('direccion')} />
            <TextInput label="Teléfono" type="tel" {...campo('telefono')} />
            <TextInput label="Correo de contacto" type="email" {...campo('correo')} />
            <TextInput
              label="Sitio web"
              type="url"
              description="Empieza por https://"
              {...campo('sitioWeb')}
            />
            <TextInput label="Horario de atención" {...campo('horarioAtencion')} />
          </SimpleGrid>
        </Fieldset>
        {!soloLectura && (
          <Button type="submit" loading={pendiente} size="md" style={{ alignSelf: 'flex-start' }}>
            {textoBoton}
          </Button>
        )}
      </Stack>
    </form>
  );
}
