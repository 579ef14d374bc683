// Control interno's reports a committee has not heard yet.
import { and, eq, gt, gte } from 'drizzle-orm';
import { type InformeControlInterno, puntoInformeControlInterno } from '../../core/comites.ts';
import type { Db } from '../../db/client.ts';
import { conclusionPtep, evaluacionMeci, sesionComite } from '../../db/schema.ts';

/**
 * The PTEP follow-ups and independent evaluations of this and the previous vigencia that no session of the
 * committee convened after they were last written had on its agenda (a rewritten report is heard again; a
 * point struck from an agenda was not heard), in the order of their cut-offs.
 */
export async function informesSinPresentar(
  db: Db,
  entidadId: string,
  comiteId: string,
  vigenciaActual: number,
): Promise<InformeControlInterno[]> {
  const [ptep, meci] = await Promise.all([
    db
      .select({
        vigencia: conclusionPtep.vigencia,
        numero: conclusionPtep.cuatrimestre,
        escrito: conclusionPtep.actualizadoEn,
      })
      .from(conclusionPtep)
      .where(and(eq(conclusionPtep.entidadId, entidadId), gte(conclusionPtep.vigencia, vigenciaActual - 1))),
    db
      .select({
        vigencia: evaluacionMeci.vigencia,
        numero: evaluacionMeci.semestre,
        escrito: evaluacionMeci.actualizadoEn,
      })
      .from(evaluacionMeci)
      .where(and(eq(evaluacionMeci.entidadId, entidadId), gte(evaluacionMeci.vigencia, vigenciaActual - 1))),
  ]);
  const informes = [
    ...ptep.map((f) => ({ informe: 'ptep' as const, ...f })),
    ...meci.map((f) => ({ informe: 'meci' as const, ...f })),
  ];
  if (!informes.length) return [];
  const primero = new Date(Math.min(...informes.map((i) => i.escrito.getTime())));
  const sesiones = await db
    .select({ orden: sesionComite.ordenDelDia, creada: sesionComite.creadoEn })
    .from(sesionComite)
    .where(and(eq(sesionComite.comiteId, comiteId), gt(sesionComite.creadoEn, primero)));
  const oido = (i: (typeof informes)[number]) => {
    const punto = puntoInformeControlInterno(i);
    return sesiones.some((s) => s.creada > i.escrito && s.orden.includes(punto));
  };
  // Cut-off month: the PTEP's at months 4, 8 and 12; the semesters' at 6 and 12 (the PTEP's first at a tie).
  const corte = (i: InformeControlInterno) =>
    i.vigencia * 100 + (i.informe === 'ptep' ? i.numero * 4 : i.numero * 6 + 0.5);
  return informes
    .filter((i) => !oido(i))
    .map(({ informe, vigencia, numero }) => ({ informe, vigencia, numero }))
    .sort((a, b) => corte(a) - corte(b));
}
