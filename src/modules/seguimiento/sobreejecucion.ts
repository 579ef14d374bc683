// Over-execution: a period's figure above the semáforo's blue band is sent only with a justification, so
// planeación sees why the programming was off before it accepts the figure (rule: core/semaforo.ts).
import { problemaSobreejecucion } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import type { actividad, seguimiento } from '../../db/schema.ts';
import { invalido } from '../../server/errores.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';

/** Throws a 400 naming the field when the report goes over the programmed and says nothing about why. */
export async function exigirJustificacionSobreejecucion(
  db: Db,
  a: typeof actividad.$inferSelect & { vigencia: number },
  s: typeof seguimiento.$inferSelect,
) {
  if (s.justificacionSobreejecucion?.trim()) return;
  const { semaforo } = await leerVigencia(db, s.entidadId, a.vigencia);
  const problema = problemaSobreejecucion(
    {
      tipo: a.acumulacion,
      valor: s.valor,
      metaPeriodo: a.metasPeriodo[s.periodo - 1] ?? 0,
      unidad: a.unidad,
      justificacion: s.justificacionSobreejecucion,
    },
    semaforo,
  );
  if (problema) throw invalido('justificacionSobreejecucion', problema);
}
