// Control interno's semiannual independent evaluation of the internal control system, by MECI component: what it
// wrote (versioned: two writers at once, the second gets 409), the verifications of the semester as its evidence,
// and the PDF the entity publishes.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { EvaluacionMeci, EvaluacionMeciEntrada } from '../../contrato/informes.ts';
import { fechaCivil, porcentajeTexto } from '../../core/formato.ts';
import { COMPONENTES_MECI, corteSemestre, estadoSistema, inicioSemestre } from '../../core/meci.ts';
import type { Db } from '../../db/client.ts';
import { actividad, evaluacionMeci, planAccion, seguimiento } from '../../db/schema.ts';
import { conflicto } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import type { Informe } from './documento-informe.ts';

type Semestre = 1 | 2;

/** The follow-up reports whose period ends in the semester, as control interno left them. */
async function insumos(db: Db, entidadId: string, vigencia: number, semestre: Semestre) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const desde = inicioSemestre(vigencia, semestre);
  const hasta = corteSemestre(vigencia, semestre);
  const periodos = v.periodos.filter((p) => p.corte >= desde && p.corte <= hasta).map((p) => p.numero);
  if (!periodos.length)
    return {
      reportes: 0,
      verificados: 0,
      conObservaciones: 0,
      porVerificar: 0,
      avanceVerificadoPromedio: null,
    };
  const [f] = await db
    .select({
      reportes: sql<number>`count(*)`.mapWith(Number),
      verificados: sql<number>`count(*) filter (where ${seguimiento.estado} = 'verificado')`.mapWith(Number),
      conObservaciones:
        sql<number>`count(*) filter (where ${seguimiento.estado} in ('con_observaciones', 'respondido'))`.mapWith(
          Number,
        ),
      porVerificar: sql<number>`count(*) filter (where ${seguimiento.estado} = 'aceptado')`.mapWith(Number),
      avance: sql<number | null>`avg(${seguimiento.avanceVerificado})`.mapWith((x) =>
        x === null ? null : Number(x),
      ),
    })
    .from(seguimiento)
    .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(
      and(
        eq(seguimiento.entidadId, entidadId),
        eq(planAccion.vigencia, vigencia),
        inArray(seguimiento.periodo, periodos),
      ),
    );
  return {
    reportes: f?.reportes ?? 0,
    verificados: f?.verificados ?? 0,
    conObservaciones: f?.conObservaciones ?? 0,
    porVerificar: f?.porVerificar ?? 0,
    avanceVerificadoPromedio: f?.avance == null ? null : Math.round(f.avance * 10) / 10,
  };
}

export async function leerEvaluacionMeci(
  db: Db,
  entidadId: string,
  vigencia: number,
  semestre: Semestre,
): Promise<EvaluacionMeci> {
  const [[f], datos] = await Promise.all([
    db
      .select()
      .from(evaluacionMeci)
      .where(
        and(
          eq(evaluacionMeci.entidadId, entidadId),
          eq(evaluacionMeci.vigencia, vigencia),
          eq(evaluacionMeci.semestre, semestre),
        ),
      ),
    insumos(db, entidadId, vigencia, semestre),
  ]);
  const componentes = f?.componentes ?? {};
  return {
    vigencia,
    semestre,
    corte: corteSemestre(vigencia, semestre),
    componentes,
    conclusion: f?.conclusion ?? null,
    version: f?.version ?? null,
    estado: estadoSistema(componentes),
    insumos: datos,
    actualizadoEn: f?.actualizadoEn.toISOString() ?? null,
  };
}

/** Control interno writes (or rewrites) the evaluation; `version` is the one it read. */
export async function guardarEvaluacionMeci(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  semestre: Semestre,
  e: EvaluacionMeciEntrada,
) {
  await db.transaction(async (tx) => {
    const cambio = {
      componentes: e.componentes,
      conclusion: e.conclusion || null,
      escritoPor: actor.usuarioId,
    };
    const hecho =
      e.version === null
        ? await tx
            .insert(evaluacionMeci)
            .values({ entidadId, vigencia, semestre, ...cambio })
            .onConflictDoNothing()
            .returning({ version: evaluacionMeci.version })
        : await tx
            .update(evaluacionMeci)
            .set({ ...cambio, version: sql`${evaluacionMeci.version} + 1`, actualizadoEn: sql`now()` })
            .where(
              and(
                eq(evaluacionMeci.entidadId, entidadId),
                eq(evaluacionMeci.vigencia, vigencia),
                eq(evaluacionMeci.semestre, semestre),
                eq(evaluacionMeci.version, e.version),
              ),
            )
            .returning({ version: evaluacionMeci.version });
    if (!hecho.length)
      throw conflicto(
        'Otra persona de control interno guardó esta evaluación mientras usted la editaba. Recargue para ver su versión; lo suyo no se guardó.',
      );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: e.version === null ? 'crear' : 'actualizar',
      recurso: 'evaluacion_meci',
      recursoId: `${vigencia}:${semestre}`,
      antes: null,
      despues: { ...cambio, version: hecho[0]!.version },
    });
  });
  return leerEvaluacionMeci(db, entidadId, vigencia, semestre);
}

/** The report the entity publishes: each component's judgement, the system's state, the evidence, the conclusion. */
export async function informeEvaluacionMeci(
  db: Db,
  entidadId: string,
  vigencia: number,
  semestre: Semestre,
): Promise<{ informe: Informe; nombreArchivo: string }> {
  const ev = await leerEvaluacionMeci(db, entidadId, vigencia, semestre);
  const si = (b: boolean) => (b ? 'Sí' : 'No');
  const i = ev.insumos;
  const informe: Informe = {
    titulo: 'Evaluación independiente del estado del sistema de control interno',
    subtitulo: `Vigencia ${vigencia}, semestre ${semestre} (corte al ${fechaCivil(ev.corte)}) · Decreto Ley 2106 de 2019, art. 156`,
    portada: [
      ['Vigencia', String(vigencia)],
      ['Periodo evaluado', `${fechaCivil(inicioSemestre(vigencia, semestre))} al ${fechaCivil(ev.corte)}`],
      [
        'Nivel del sistema',
        ev.estado.nivel === null ? 'Evaluación incompleta' : porcentajeTexto(ev.estado.nivel),
      ],
      [
        '¿El sistema es efectivo?',
        ev.estado.faltan.length
          ? `Sin concluir: faltan ${ev.estado.faltan.join(', ')}`
          : ev.estado.efectivo
            ? 'Sí: los cinco componentes están presentes y funcionando'
            : `No: ${ev.estado.conFallas.join(', ')} ${ev.estado.conFallas.length === 1 ? 'no está presente o no funciona' : 'no están presentes o no funcionan'}`,
      ],
    ],
    secciones: [
      {
        titulo: 'Componentes del MECI',
        hoja: 'Componentes',
        tabla: {
          columnas: [
            { titulo: 'Componente', anchoPdf: 90, anchoXlsx: 28 },
            { titulo: '¿Presente?', anchoPdf: 56, anchoXlsx: 10 },
            { titulo: '¿Funcionando?', anchoPdf: 70, anchoXlsx: 12 },
            { titulo: 'Nivel', tipo: 'porcentaje', anchoPdf: 40, anchoXlsx: 10 },
            { titulo: 'Fortalezas', anchoPdf: '*', anchoXlsx: 50 },
            { titulo: 'Debilidades', anchoPdf: '*', anchoXlsx: 50 },
          ],
          filas: COMPONENTES_MECI.map((c) => {
            const x = ev.componentes[c.clave];
            return x
              ? [
                  c.nombre,
                  si(x.presente),
                  si(x.funcionando),
                  x.nivel,
                  x.fortalezas || '—',
                  x.debilidades || '—',
                ]
              : [c.nombre, 'Sin evaluar', 'Sin evaluar', null, '—', '—'];
          }),
        },
      },
      {
        titulo: 'Insumos: verificaciones de control interno en el semestre',
        parrafos: [
          i.reportes
            ? `De ${i.reportes} reportes de seguimiento de los periodos con corte en el semestre, control interno verificó ${i.verificados} y dejó observaciones en ${i.conObservaciones}; ${i.porVerificar} aceptados por planeación esperan su verificación.${i.avanceVerificadoPromedio === null ? '' : ` El avance verificado promedio es ${porcentajeTexto(i.avanceVerificadoPromedio)}.`}`
            : 'Ningún periodo de la vigencia tiene su corte en este semestre.',
        ],
      },
      {
        titulo: 'Conclusión de control interno',
        parrafos: [ev.conclusion ?? 'Control interno aún no ha escrito la conclusión.'],
      },
    ],
  };
  return { informe, nombreArchivo: `evaluacion-independiente-${vigencia}-semestre-${semestre}` };
}
