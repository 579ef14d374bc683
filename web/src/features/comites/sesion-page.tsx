// One session of a committee: attendance with its quorum, agenda and notes, typed decisions (the plan's
// approval among them), commitments, the acta as PDF and the signed scan that locks it.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Cargando, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { sesionQuery } from './api.ts';
import './comites.css';
import { Acta, Asistencia, Compromisos, Decisiones, Desarrollo } from './formularios-sesion.tsx';

export function SesionPage() {
  const { comiteId, sesionId } = useParams({ strict: false }) as { comiteId: string; sesionId: string };
  const { entidad, vigencia } = useTrabajo();
  const sesion = useQuery(sesionQuery(entidad?.id, comiteId, sesionId));
  const s = sesion.data;
  const titulo = s ? `Acta n.º ${s.numero} de ${s.anio}` : 'Sesión del comité';
  const editable = !!s && s.comite.puedeGestionar && !s.actaFirmada;
  return (
    <Pagina
      titulo={titulo}
      descripcion={
        s
          ? `${s.comite.nombre} · sesión ${s.caracter} del ${fechaCivil(s.fecha)}${s.lugar ? ` · ${s.lugar}` : ''}`
          : undefined
      }
    >
      <Enlace a={`/comites/${comiteId}`}>Volver al comité</Enlace>
      {sesion.isPending ? (
        <Cargando que="la sesión" />
      ) : sesion.error ? (
        <MensajeError error={sesion.error} />
      ) : (
        s &&
        entidad && (
          // Remounted when the acta is locked, so the forms give way to what was recorded.
          <Stack key={`${s.id}:${s.actaFirmada}`}>
            <Asistencia s={s} entidadId={entidad.id} editable={editable} />
            <Desarrollo s={s} entidadId={entidad.id} editable={editable} />
            <Decisiones s={s} entidadId={entidad.id} editable={editable} vigencia={vigencia} />
            <Compromisos s={s} entidadId={entidad.id} editable={editable} />
            <Acta s={s} entidadId={entidad.id} />
          </Stack>
        )
      )}
    </Pagina>
  );
}
