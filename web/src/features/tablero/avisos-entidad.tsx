import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { avisosQuery } from '../inicio/api.ts';

/**
 * What the entity as a whole is late with (today: the CIGD's quarterly follow-up of the plan), on the internal
 * dashboard for everyone in it; the public dashboard never asks for it.
 */
export function AvisosEntidad() {
  const { entidad, vigencia } = useTrabajo();
  const avisos = useQuery(avisosQuery(entidad?.id, vigencia));
  return avisos.data?.avisos.map((a) => (
    <Alert key={a.tipo} color="red.9" variant="outline" title="Seguimiento del comité vencido">
      {a.texto}
      {a.vence && ` (vencía el ${fechaCivil(a.vence)})`}. <Enlace a={a.enlace}>Ir al comité</Enlace>
    </Alert>
  ));
}
