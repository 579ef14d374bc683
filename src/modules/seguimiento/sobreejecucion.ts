// Over-execution: a period's figure above the semáforo's blue band is sent only with a justification, so
// planeación sees why the programming was off before it accepts the figure.
import { pideJustificacion } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import type { actividad, seguimiento } from '../../db/schema.ts';
import { ErrorApi } from '../../server/errores.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';

/** Throws a 400 naming the field when the report goes over the programmed and says nothing about why. */
export async function exigirJustificacionSobreejecucion(
  db: Db,
  a: typeof actividad.$inferSelect & { vigencia: number },
  s: typeof seguimiento.$inferSelect,
) {
  if (s.justificacionSobreejecucion?.trim()) return;
  const { semaforo } = await leerVigencia(db, s.entidadId, a.vigencia);
  const meta = a.metasPeriodo[s.periodo - 1] ?? 0;
  if (!pideJustificacion(a.acumulacion, s.valor, meta, semaforo)) return;
  const mensaje = `lo reportado supera lo programado para el periodo (${meta.toLocaleString('es-CO')} ${a.unidad}): explique por qué antes de enviar`;
  throw new ErrorApi(400, `Revise los datos: «Justificación de la sobreejecución»: ${mensaje}.`, [
    { campo: 'justificacionSobreejecucion', mensaje },
  ]);
}
