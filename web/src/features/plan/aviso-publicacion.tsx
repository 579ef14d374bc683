import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { planQuery } from './api.ts';

// Its own module: the tablero shows it without loading the plan's forms and their schemas.
/**
 * Decreto 612: the plan is published by 31 January. From 1 February an unpublished plan shows as overdue on
 * the dashboard, for everyone who looks at it, with the way to the plan.
 */
export function AvisoPublicacion() {
  const { entidad, vigencia } = useTrabajo();
  const plan = useQuery(planQuery(entidad?.id, vigencia));
  if (!plan.data?.publicacion.vencida) return null;
  return (
    <Alert color="red.9" variant="outline" title="Plan de acción sin publicar: plazo vencido">
      El plan de acción {vigencia} debía publicarse en la sede electrónica a más tardar el{' '}
      {fechaCivil(plan.data.publicacion.limite)} (Decreto 612 de 2018).{' '}
      <Enlace a={`/plan?vigencia=${vigencia}`}>Ver el plan y su aprobación</Enlace>
    </Alert>
  );
}
