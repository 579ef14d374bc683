import type { Entidad } from '@contrato/entidades.ts';
import { Paper } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { type DatosEntidad, FormularioEntidad } from './formulario-entidad.tsx';
import { LogoEntidad } from './logo-entidad.tsx';

export function EntidadPage() {
  const { entidad, puede } = useTrabajo();
  const cliente = useQueryClient();
  const consulta = useQuery({
    queryKey: ['entidad', entidad?.id],
    queryFn: () => api<Entidad>('GET', `/api/entidades/${entidad!.id}`),
    enabled: !!entidad,
  });
  const guardar = useMutation({
    mutationFn: (d: DatosEntidad) => api<Entidad>('PUT', `/api/entidades/${entidad!.id}`, d),
    onSuccess: (e) => {
      cliente.setQueryData(['entidad', e.id], e);
      cliente.invalidateQueries({ queryKey: ['sesion'] });
    },
  });
  if (!entidad)
    return (
      <Pagina titulo="Entidad">
        <p>
          Aún no hay entidades. <Enlace a="/entidades">Registre la primera entidad</Enlace>.
        </p>
      </Pagina>
    );
  const editable = puede('entidad.editar');
  return (
    <Pagina
      titulo="Datos de la entidad"
      descripcion={
        editable
          ? 'Estos datos identifican a la entidad y aparecen en el pie de sus páginas públicas.'
          : 'Solo el administrador de la entidad puede cambiar estos datos.'
      }
    >
      {consulta.isPending && <Cargando que="los datos de la entidad" />}
      <MensajeError error={consulta.error} />
      {guardar.isSuccess && <Exito>Los cambios quedaron guardados y registrados en la auditoría.</Exito>}
      {consulta.data && (
        <Paper withBorder p="lg">
          <FormularioEntidad
            key={consulta.data.id}
            inicial={consulta.data}
            textoBoton="Guardar cambios"
            pendiente={guardar.isPending}
            error={guardar.error}
            soloLectura={!editable}
            alGuardar={(d) => guardar.mutate(d)}
          />
        </Paper>
      )}
      {consulta.data && editable && <LogoEntidad entidad={consulta.data} />}
    </Pagina>
  );
}
