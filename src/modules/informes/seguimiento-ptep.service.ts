// Control interno's four-monthly follow-up of the Programa de Transparencia y Ética Pública (cut-offs 30 April,
// 31 August, 31 December; published within the 10 business days after): the activities of the PTEP with what
// was reported and verified in the cuatrimestre, and control interno's conclusions, the one part written by hand.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { logradoAcumulado, planeadoAcumulado } from '../../core/acumulacion.ts';
import { evaluarActividad } from '../../core/consolidacion.ts';
import { fechaCivil } from '../../core/formato.ts';
import { CLAVE_PTEP, esquemaActividad, mesesDe } from '../../core/periodos.ts';
import { NOMBRE_ESTADO_SEGUIMIENTO, seguimientoCuenta } from '../../core/seguimiento.ts';
import type { Db } from '../../db/client.ts';
import { actividad, conclusionPtep, planAccion, seguimiento } from '../../db/schema.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { calendarioDe } from '../calendario/calendario.service.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import type { Informe } from './documento-informe.ts';

const MESES = ['30 de abril', '31 de agosto', '31 de diciembre'];
const corteDe = (vigencia: number, c: number) =>
  [`${vigencia}-04-30`, `${vigencia}-08-31`, `${vigencia}-12-31`][c - 1]!;

export async function leerConclusionesPtep(
  db: Db,
  entidadId: string,
  vigencia: number,
  cuatrimestre: number,
) {
  const [f] = await db
    .select()
    .from(conclusionPtep)
    .where(
      and(
        eq(conclusionPtep.entidadId, entidadId),
        eq(conclusionPtep.vigencia, vigencia),
        eq(conclusionPtep.cuatrimestre, cuatrimestre),
      ),
    );
  return {
    vigencia,
    cuatrimestre,
    conclusiones: f?.conclusiones ?? null,
    actualizadoEn: f?.actualizadoEn.toISOString() ?? null,
  };
}

/** Control interno writes (or rewrites) its conclusions; the audit log keeps the text before and after. */
export async function guardarConclusionesPtep(
  db: Db,
  actor: Actor,
  escritoPor: string | null,
  entidadId: string,
  vigencia: number,
  cuatrimestre: number,
  conclusiones: string,
) {
  await db.transaction(async (tx) => {
    const antes = await leerConclusionesPtep(tx, entidadId, vigencia, cuatrimestre);
    // One statement: of two writers at once, the last one's text stays, and both are audited.
    await tx
      .insert(conclusionPtep)
      .values({ entidadId, vigencia, cuatrimestre, conclusiones, escritoPor })
      .onConflictDoUpdate({
        target: [conclusionPtep.entidadId, conclusionPtep.vigencia, conclusionPtep.cuatrimestre],
        set: { conclusiones, escritoPor, actualizadoEn: sql`now()` },
      });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: antes.conclusiones === null ? 'crear' : 'actualizar',
      recurso: 'conclusiones_ptep',
      recursoId: `${vigencia}:${cuatrimestre}`,
      antes: antes.conclusiones === null ? null : { conclusiones: antes.conclusiones },
      despues: { conclusiones },
    });
  });
  return leerConclusionesPtep(db, entidadId, vigencia, cuatrimestre);
}

/** The follow-up report of a cuatrimestre, from the PTEP's activities, their reports and verifications. */
export async function informeSeguimientoPtep(
  db: Db,
  entidadId: string,
  vigencia: number,
  cuatrimestre: number,
) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const corte = corteDe(vigencia, cuatrimestre);
  const [acts, conclusiones, calendario] = await Promise.all([
    db
      .select({
        id: actividad.id,
        codigo: actividad.codigo,
        nombre: actividad.nombre,
        plan612: actividad.plan612,
        planPropio: actividad.planPropio,
        metaAnual: actividad.metaAnual,
        metasPeriodo: actividad.metasPeriodo,
        acumulacion: actividad.acumulacion,
        ponderacion: actividad.ponderacion,
        politica: actividad.politica,
      })
      .from(actividad)
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(
        and(
          eq(planAccion.entidadId, entidadId),
          eq(planAccion.vigencia, vigencia),
          eq(actividad.plan612, CLAVE_PTEP),
        ),
      )
      .orderBy(actividad.codigo),
    leerConclusionesPtep(db, entidadId, vigencia, cuatrimestre),
    calendarioDe(db, entidadId),
  ]);
  const segs = acts.length
    ? await db
        .select()
        .from(seguimiento)
        .where(
          inArray(
            seguimiento.actividadId,
            acts.map((a) => a.id),
          ),
        )
    : [];
  const filas = acts.map((a) => {
    // The activity's periods (its instrument's scheme) that end within the cuatrimestre, and those up to it.
    const meses = mesesDe(esquemaActividad(a, v.esquemasInstrumento, v.esquema));
    const hasta = Math.floor((4 * cuatrimestre) / meses);
    const desde = Math.floor((4 * (cuatrimestre - 1)) / meses) + 1;
    const suyos = segs.filter((s) => s.actividadId === a.id && s.periodo <= hasta);
    const valores = Array.from({ length: hasta }, (_, i) => {
      const s = suyos.find((x) => x.periodo === i + 1);
      return s && seguimientoCuenta(s.estado) ? s.valor : null;
    });
    const r = evaluarActividad({
      id: a.id,
      politica: a.politica,
      dependencia: null,
      ponderacion: a.ponderacion,
      metaAnual: a.metaAnual,
      planeadoAlCorte: planeadoAcumulado(a.acumulacion, a.metasPeriodo, hasta),
      logradoAlCorte: logradoAcumulado(a.acumulacion, valores, a.metaAnual),
    });
    const delCuatrimestre = suyos.filter((s) => s.periodo >= desde).sort((x, y) => y.periodo - x.periodo)[0];
    return {
      a,
      avance: r.avance,
      reporte: delCuatrimestre,
    };
  });
  const verificados = filas.filter((f) => f.reporte?.estado === 'verificado').length;
  const conReporte = filas.filter((f) => f.reporte && f.reporte.estado !== 'borrador').length;
  const informe: Informe = {
    titulo: 'Seguimiento al Programa de Transparencia y Ética Pública',
    subtitulo: `Oficina de Control Interno — cuatrimestre ${cuatrimestre} de ${vigencia}, corte al ${MESES[cuatrimestre - 1]}`,
    portada: [
      ['Vigencia', String(vigencia)],
      ['Cuatrimestre', `${cuatrimestre} (corte al ${fechaCivil(corte)})`],
      [
        'Publicación',
        `A más tardar el ${fechaCivil(calendario.sumarDiasHabiles(corte, 10))} (10 días hábiles)`,
      ],
      ['Actividades del programa', String(filas.length)],
      ['Con reporte en el cuatrimestre', String(conReporte)],
      ['Verificadas por control interno', String(verificados)],
    ],
    secciones: [
      {
        titulo: 'Actividades del programa',
        hoja: 'Actividades',
        tabla: {
          columnas: [
            { titulo: 'Código', anchoPdf: 44, anchoXlsx: 12 },
            { titulo: 'Actividad', anchoXlsx: 50 },
            { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 44, anchoXlsx: 10 },
            { titulo: 'Reporte', anchoPdf: 80, anchoXlsx: 25 },
            { titulo: 'Verificado', tipo: 'porcentaje', anchoPdf: 52, anchoXlsx: 10 },
            { titulo: 'Observaciones de control interno', anchoXlsx: 60 },
          ],
          filas: filas.map((f) => [
            f.a.codigo,
            f.a.nombre,
            f.avance,
            f.reporte ? NOMBRE_ESTADO_SEGUIMIENTO[f.reporte.estado] : 'Sin reporte',
            f.reporte?.avanceVerificado ?? null,
            f.reporte?.observacionesControl ?? null,
          ]),
        },
        siVacia: 'El plan de la vigencia no tiene actividades del Programa de Transparencia y Ética Pública.',
      },
      {
        titulo: 'Conclusiones de control interno',
        parrafos: conclusiones.conclusiones
          ? conclusiones.conclusiones.split(/\n{2,}/)
          : ['Control interno aún no ha escrito las conclusiones de este cuatrimestre (borrador).'],
      },
    ],
  };
  return { informe, nombreArchivo: `seguimiento-ptep-${vigencia}-${cuatrimestre}` };
}
