import type { Pendiente } from '@contrato/pendientes.ts';
import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { avisosQuery } from '../inicio/api.ts';

// The heading and the link's words for each kind of notice the server sends (…/avisos).
const PRESENTACION: Partial<Record<Pendiente['tipo'], { titulo: string; enlace: string }>> = {
  publicar_plan: {
    titulo: 'Plan de acción sin publicar: plazo vencido',
    enlace: 'Ver el plan y su aprobación',
  },
  seguimiento_comite: { titulo: 'Seguimiento del comité vencido', enlace: 'Ir al comité' },
};

/**
 * What the entity as a whole is late with (the plan's publication by 31 January, the CIGD's quarterly
 * follow-up of the plan), on the internal dashboard for everyone in it; the public dashboard never asks for it.
 */
export function AvisosEntidad() {
  const { entidad, vigencia } = useTrabajo();
  const avisos = useQuery(avisosQuery(entidad?.id, vigencia));
  return avisos.data?.avisos.map((a) => {
    const p = PRESENTACION[a.tipo] ?? { titulo: 'Aviso de la entidad', enlace: 'Ver' };
    return (
      <Alert key={a.tipo} color="red.9" variant="outline" title={p.titulo}>
        {a.texto}
        {a.vence && ` (vencía el ${fechaCivil(a.vence)})`}. <Enlace a={a.enlace}>{p.enlace}</Enlace>
      </Alert>
    );
  });
}
