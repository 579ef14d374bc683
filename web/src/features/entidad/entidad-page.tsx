import { Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { Termino } from '../../ui/termino.tsx';
import { entidadQuery, useGuardarEntidad } from './api.ts';
import { FormularioEntidad } from './formulario-entidad.tsx';
import { LogoEntidad } from './logo-entidad.tsx';

export function EntidadPage() {
  const { entidad, puede } = useTrabajo();
  const consulta = useQuery(entidadQuery(entidad?.id));
  const guardar = useGuardarEntidad(entidad?.id ?? '');
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
        editable ? (
          <>
            Estos datos identifican a la entidad y aparecen en el pie de sus{' '}
            <Termino t="pagina-publica">páginas públicas</Termino>.
          </>
        ) : (
          'Solo el administrador de la entidad puede cambiar estos datos.'
        )
      }
    >
      {consulta.isPending && <Cargando que="los datos de la entidad" />}
      <MensajeError error={consulta.error} />
      {guardar.isSuccess && <Exito>Los cambios quedaron guardados y registrados en la auditoría.</Exito>}
      {consulta.data && (
        <Text>
          Palabras de este formulario: <Termino t="nit">NIT</Termino>,{' '}
          <Termino t="divipola">código DIVIPOLA</Termino>,{' '}
          <Termino t="formulario-furag">formulario FURAG</Termino> y{' '}
          <Termino t="grupo-par">grupo par</Termino>.
        </Text>
      )}
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
