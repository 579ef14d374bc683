// Reports generated from the data (issue 11 §2): the quarterly report to the CIGD and the informe de gestión.
// Their figures are the ones frozen when planeación closed the period (corte_periodo), never recomputed: the
// report the committee reads on a later day says what the dashboard said when the period closed.

import { and, eq, inArray } from 'drizzle-orm';
import { type Tablero, TableroSchema } from '../../contrato/tablero.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { fechaCivil, porcentajeTexto } from '../../core/formato.ts';
import { numeroCo } from '../../core/numeros.ts';
import { esquemaActividad, periodosContados } from '../../core/periodos.ts';
import { ESTADOS_SEGUIMIENTO, type EstadoSeguimiento, seguimientoCuenta } from '../../core/seguimiento.ts';
import { NOMBRE_ESTADO } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, cortePeriodo, seguimiento } from '../../db/schema.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { sinNoFinitos } from '../../server/esquemas.ts';
import { versionesAprobadas } from '../plan/flujo.service.ts';
import { planDe } from '../plan/plan.service.ts';
import { lectorPeriodos, leerVigencia, type VigenciaLeida } from '../vigencias/vigencia.service.ts';
import type { Informe } from './documento-informe.ts';

const NIVEL: Record<string, string> = { rojo: 'Rojo', amarillo: 'Amarillo', verde: 'Verde', azul: 'Azul' };
const nivel = (s: string | null) => (s ? (NIVEL[s] ?? s) : 'Sin dato');

/** The entity's letterhead: name, NIT and logo (a missing logo file leaves it out, never fails). */

/** The figures frozen when the period closed; 409 (saying so) when it is open. */
async function cifrasCongeladas(db: Db, entidadId: string, v: VigenciaLeida, numero: number) {
  const p = v.periodos.find((x) => x.numero === numero);
  if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${v.vigencia}`);
  if (!p.cerrado)
    throw conflicto(
      `El periodo «${p.nombre}» de ${v.vigencia} no está cerrado: el informe se genera con las cifras que se congelan al cerrarlo. Planeación lo cierra desde la página de la vigencia.`,
    );
  const [corte] = await db
    .select()
    .from(cortePeriodo)
    .where(
      and(
        eq(cortePeriodo.entidadId, entidadId),
        eq(cortePeriodo.vigencia, v.vigencia),
        eq(cortePeriodo.periodo, numero),
      ),
    );
  if (!corte) throw conflicto(`El periodo «${p.nombre}» no tiene cifras congeladas: ciérrelo de nuevo.`);
  // Older snapshots lack fields added later: the contract's defaults fill them, as the dashboard does.
  const tablero: Tablero = TableroSchema.parse(sinNoFinitos(corte.datos));
  return { periodo: p, tablero, cerradoEn: corte.cerradoEn };
}

interface Reporte {
  periodo: number;
  nombrePeriodo: string;
  descripcion: string;
  dificultades: string | null;
  estado: EstadoSeguimiento;
}

/**
 * Each activity's reports up to the cut-off of the plan's period `numero`, oldest first: an instrument with
 * its own scheme (the PTEP by cuatrimestres) counts its own periods up to that cut-off.
 */
async function reportesHasta(db: Db, entidadId: string, v: VigenciaLeida, numero: number, ids: string[]) {
  const porActividad = new Map<string, { meta: number; unidad: string; reportes: Reporte[] }>();
  if (!ids.length) return porActividad;
  const [acts, segs, periodosDe] = await Promise.all([
    db
      .select({
        id: actividad.id,
        plan612: actividad.plan612,
        planPropio: actividad.planPropio,
        metaAnual: actividad.metaAnual,
        unidad: actividad.unidad,
      })
      .from(actividad)
      .where(inArray(actividad.id, ids)),
    db
      .select({
        actividadId: seguimiento.actividadId,
        periodo: seguimiento.periodo,
        descripcion: seguimiento.descripcion,
        dificultades: seguimiento.dificultades,
        estado: seguimiento.estado,
      })
      .from(seguimiento)
      .where(and(eq(seguimiento.entidadId, entidadId), inArray(seguimiento.actividadId, ids)))
      .orderBy(seguimiento.periodo),
    lectorPeriodos(db, entidadId, v),
  ]);
  const hasta = new Map<string, { n: number; nombres: string[] }>();
  for (const a of acts) {
    const esquema = esquemaActividad(a, v.esquemasInstrumento, v.esquema);
    hasta.set(a.id, {
      n: periodosContados(numero, v.esquema, esquema),
      nombres: periodosDe(esquema).map((p) => p.nombre),
    });
    porActividad.set(a.id, { meta: a.metaAnual, unidad: a.unidad, reportes: [] });
  }
  for (const s of segs) {
    const h = hasta.get(s.actividadId);
    if (!h || s.periodo > h.n) continue;
    porActividad.get(s.actividadId)!.reportes.push({
      periodo: s.periodo,
      nombrePeriodo: h.nombres[s.periodo - 1] ?? `Periodo ${s.periodo}`,
      descripcion: s.descripcion,
      dificultades: s.dificultades?.trim() || null,
      estado: s.estado,
    });
  }
  return porActividad;
}

/** What the report says about an activity that is behind: its difficulties, else what it reported. */
function explicacion(r: Reporte | undefined) {
  if (!r || r.estado === 'borrador') return 'Sin reporte en el periodo.';
  return r.dificultades ?? r.descripcion;
}

const enRiesgo = (a: Tablero['actividades'][number]) =>
  a.estado === 'atrasada' || a.estado === 'sin_reporte' || a.semaforo === 'rojo' || a.semaforo === 'amarillo';

/** The three consolidations of a frozen dashboard, as the report's tables. */
function seccionesAvance(t: Tablero): Informe['secciones'] {
  const nombreDimension = new Map(t.dimensiones.map((d) => [d.codigo, d.nombre]));
  return [
    {
      titulo: 'Avance por dimensión',
      hoja: 'Dimensiones',
      tabla: {
        columnas: [
          { titulo: 'Dimensión', anchoXlsx: 50 },
          { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 70, anchoXlsx: 12 },
        ],
        filas: t.dimensiones.map((d) => [d.nombre, d.avance]),
      },
    },
    {
      titulo: 'Avance por política',
      hoja: 'Políticas',
      tabla: {
        columnas: [
          { titulo: 'Política', anchoXlsx: 50 },
          { titulo: 'Dimensión', anchoPdf: 110, anchoXlsx: 30 },
          { titulo: 'Actividades', tipo: 'numero', anchoPdf: 56, anchoXlsx: 12 },
          { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 58, anchoXlsx: 12 },
          { titulo: 'Cumplimiento', tipo: 'porcentaje', anchoPdf: 68, anchoXlsx: 14 },
          { titulo: 'Semáforo', anchoPdf: 52, anchoXlsx: 12 },
        ],
        filas: t.politicas
          .filter((p) => p.actividades > 0)
          .map((p) => [
            p.nombre,
            nombreDimension.get(p.dimension) ?? p.dimension,
            p.actividades,
            p.avance,
            p.cumplimiento,
            nivel(p.semaforo),
          ]),
      },
      siVacia: 'El plan no tiene actividades.',
    },
    {
      titulo: 'Avance por dependencia',
      hoja: 'Dependencias',
      tabla: {
        columnas: [
          { titulo: 'Dependencia', anchoXlsx: 50 },
          { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 70, anchoXlsx: 12 },
        ],
        filas: t.dependencias.map((d) => [d.nombre, d.avance]),
      },
      siVacia: 'Ninguna actividad tiene dependencia asignada.',
    },
  ];
}

/** The quarterly follow-up report to the Comité Institucional de Gestión y Desempeño, from a closed period. */
export async function informeTrimestral(db: Db, entidadId: string, vigencia: number, numero: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const { periodo: p, tablero: t, cerradoEn } = await cifrasCongeladas(db, entidadId, v, numero);
  const riesgo = t.actividades.filter(enRiesgo);
  const [reportes, versiones, plan] = await Promise.all([
    reportesHasta(
      db,
      entidadId,
      v,
      numero,
      riesgo.map((a) => a.id),
    ),
    versionesAprobadas(db, entidadId, vigencia),
    planDe(db, entidadId, vigencia),
  ]);
  const nombrePolitica = new Map(t.politicas.map((x) => [x.clave, x.nombre]));
  // Modifications approved within the period (the first version is the plan itself, not a modification).
  const modificaciones = versiones.filter((x) => {
    const dia = x.fechaSesionComite ?? hoyEnColombia(new Date(x.aprobadoEn));
    return x.version > 1 && dia >= p.inicio && dia <= p.corte;
  });
  const hoy = hoyEnColombia();
  const porque = plan?.justificacion ? `: ${plan.justificacion.replace(/[.\s]+$/, '')}` : '';
  const decisiones = [
    `Dar por realizado el seguimiento del plan de acción con corte al ${fechaCivil(p.corte)} (este informe).`,
    ...(riesgo.length
      ? [
          `Definir acciones para las ${riesgo.length} actividades en riesgo o atrasadas y sus responsables (sección «Actividades en riesgo o atrasadas»).`,
        ]
      : []),
    ...(plan && plan.version > 1 && (plan.estado === 'borrador' || plan.estado === 'enviado')
      ? [
          plan.estado === 'enviado'
            ? `Aprobar o devolver la modificación del plan en curso (versión ${plan.version})${porque}.`
            : `Conocer la modificación del plan en preparación (versión ${plan.version})${porque}; se presentará para aprobación.`,
        ]
      : []),
    ...(plan && plan.version === 1 && plan.estado === 'enviado'
      ? ['Aprobar o devolver el plan de acción.']
      : []),
    ...v.periodos
      .filter((x) => !x.cerrado && x.corte < hoy)
      .map(
        (x) =>
          `Periodo «${x.nombre}» (corte ${fechaCivil(x.corte)}) pendiente de cierre: acordar con planeación la fecha de cierre para su seguimiento.`,
      ),
  ];
  const informe: Informe = {
    titulo: 'Informe trimestral de seguimiento al Comité Institucional de Gestión y Desempeño',
    subtitulo: `Plan de acción ${vigencia} — ${p.nombre}, corte al ${fechaCivil(p.corte)}`,
    portada: [
      ['Vigencia', String(vigencia)],
      ['Periodo', `${p.nombre} (del ${fechaCivil(p.inicio)} al ${fechaCivil(p.corte)})`],
      ['Cifras', `Congeladas al cerrar el periodo, el ${fechaCivil(hoyEnColombia(cerradoEn))}`],
      ['Avance del plan', porcentajeTexto(t.avance)],
      ['Actividades', String(t.actividades.length)],
      ['Sin reporte', String(t.sinReporte)],
      ['En riesgo o atrasadas', String(riesgo.length)],
    ],
    secciones: [
      ...seccionesAvance(t),
      {
        titulo: 'Actividades en riesgo o atrasadas',
        hoja: 'En riesgo',
        parrafos: [
          'Actividades atrasadas, sin reporte o con semáforo rojo o amarillo al corte, con la explicación de su reporte.',
        ],
        tabla: {
          columnas: [
            { titulo: 'Código', anchoPdf: 44, anchoXlsx: 12 },
            { titulo: 'Actividad', anchoXlsx: 50 },
            { titulo: 'Dependencia', anchoPdf: 70, anchoXlsx: 25 },
            { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 44, anchoXlsx: 10 },
            { titulo: 'Estado', anchoPdf: 50, anchoXlsx: 12 },
            { titulo: 'Explicación del reporte', anchoXlsx: 60 },
          ],
          filas: riesgo.map((a) => [
            a.codigo,
            `${a.nombre} (${nombrePolitica.get(a.politica) ?? a.politica})`,
            a.dependencia,
            a.avance,
            `${NOMBRE_ESTADO[a.estado]} · ${nivel(a.semaforo)}`,
            explicacion(reportes.get(a.id)?.reportes.at(-1)),
          ]),
        },
        siVacia: 'Ninguna actividad está en riesgo ni atrasada al corte.',
      },
      {
        titulo: 'Modificaciones del plan en el periodo',
        hoja: 'Modificaciones',
        tabla: {
          columnas: [
            { titulo: 'Versión', tipo: 'numero', anchoPdf: 44, anchoXlsx: 10 },
            { titulo: 'Aprobada', anchoPdf: 60, anchoXlsx: 12 },
            { titulo: 'Tipo', anchoPdf: 60, anchoXlsx: 12 },
            { titulo: 'Justificación', anchoXlsx: 60 },
            { titulo: 'Acta', anchoPdf: 90, anchoXlsx: 25 },
          ],
          filas: modificaciones.map((x) => [
            x.version,
            fechaCivil(x.fechaSesionComite ?? hoyEnColombia(new Date(x.aprobadoEn))),
            x.tipoCambio === 'menor' ? 'Menor' : 'Sustancial',
            x.justificacion,
            x.actaComite,
          ]),
        },
        siVacia: 'El plan no tuvo modificaciones aprobadas en el periodo.',
      },
      { titulo: 'Decisiones solicitadas al comité', parrafos: decisiones.map((d, i) => `${i + 1}. ${d}`) },
    ],
  };
  return { informe, nombreArchivo: `informe-trimestral-${vigencia}-${numero}` };
}

/**
 * The informe de gestión of a vigencia: the whole year when its last period is closed, else up to its last
 * closed period (the cover says which). 409 when no period is closed yet.
 */
export async function informeGestion(db: Db, entidadId: string, vigencia: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const ultimo = v.periodos.filter((p) => p.cerrado).at(-1);
  if (!ultimo)
    throw conflicto(
      `La vigencia ${vigencia} no tiene periodos cerrados: el informe de gestión se genera con las cifras congeladas al cerrar un periodo.`,
    );
  const completa = ultimo.numero === v.periodos.at(-1)?.numero;
  const { tablero: t, cerradoEn } = await cifrasCongeladas(db, entidadId, v, ultimo.numero);
  const reportes = await reportesHasta(
    db,
    entidadId,
    v,
    ultimo.numero,
    t.actividades.map((a) => a.id),
  );
  const nombrePolitica = new Map(t.politicas.map((x) => [x.clave, x.nombre]));
  const cumplida = (a: Tablero['actividades'][number]) => a.avance !== null && a.avance >= 100;
  const meta = (id: string) => {
    const r = reportes.get(id);
    return r ? `${numeroCo(r.meta)} ${r.unidad}` : null;
  };
  const cumplidas = t.actividades.filter(cumplida);
  const noCumplidas = t.actividades.filter((a) => !cumplida(a));
  const cuentan = new Set<EstadoSeguimiento>(ESTADOS_SEGUIMIENTO.filter(seguimientoCuenta));
  const informes = t.actividades.flatMap((a) =>
    (reportes.get(a.id)?.reportes ?? [])
      .filter((r) => cuentan.has(r.estado))
      .map((r) => [a.codigo, r.nombrePeriodo, r.descripcion, r.dificultades]),
  );
  const alcance = completa
    ? `Vigencia ${vigencia} completa (cerrada al ${fechaCivil(ultimo.corte)})`
    : `Vigencia ${vigencia} en curso: con corte al último periodo cerrado, «${ultimo.nombre}» (${fechaCivil(ultimo.corte)})`;
  const informe: Informe = {
    titulo: `Informe de gestión ${vigencia}`,
    subtitulo: completa
      ? `Resultados del plan de acción de la vigencia ${vigencia}`
      : `Resultados del plan de acción ${vigencia} al último periodo cerrado: ${ultimo.nombre}`,
    portada: [
      ['Alcance', alcance],
      ['Cifras', `Congeladas al cerrar el periodo, el ${fechaCivil(hoyEnColombia(cerradoEn))}`],
      ['Avance del plan', porcentajeTexto(t.avance)],
      ['Metas cumplidas', `${cumplidas.length} de ${t.actividades.length}`],
    ],
    secciones: [
      ...seccionesAvance(t).filter((s) => s.hoja !== 'Dimensiones'),
      {
        titulo: 'Metas cumplidas',
        hoja: 'Metas cumplidas',
        tabla: {
          columnas: [
            { titulo: 'Código', anchoPdf: 50, anchoXlsx: 12 },
            { titulo: 'Actividad', anchoXlsx: 50 },
            { titulo: 'Política', anchoPdf: 100, anchoXlsx: 30 },
            { titulo: 'Meta anual', anchoPdf: 70, anchoXlsx: 18 },
            { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 48, anchoXlsx: 10 },
          ],
          filas: cumplidas.map((a) => [
            a.codigo,
            a.nombre,
            nombrePolitica.get(a.politica) ?? a.politica,
            meta(a.id),
            a.avance,
          ]),
        },
        siVacia: 'Ninguna meta se había cumplido al corte.',
      },
      {
        titulo: completa ? 'Metas no cumplidas' : 'Metas aún no cumplidas al corte',
        hoja: 'Metas no cumplidas',
        tabla: {
          columnas: [
            { titulo: 'Código', anchoPdf: 44, anchoXlsx: 12 },
            { titulo: 'Actividad', anchoXlsx: 45 },
            { titulo: 'Meta anual', anchoPdf: 60, anchoXlsx: 18 },
            { titulo: 'Avance', tipo: 'porcentaje', anchoPdf: 44, anchoXlsx: 10 },
            { titulo: 'Explicación', anchoXlsx: 60 },
          ],
          filas: noCumplidas.map((a) => [
            a.codigo,
            a.nombre,
            meta(a.id),
            a.avance,
            explicacion(reportes.get(a.id)?.reportes.at(-1)),
          ]),
        },
        siVacia: 'Todas las metas se cumplieron.',
      },
      {
        titulo: 'Logros y dificultades de los reportes',
        hoja: 'Logros y dificultades',
        parrafos: ['Lo que cada responsable reportó en los periodos, según lo aceptó planeación.'],
        tabla: {
          columnas: [
            { titulo: 'Código', anchoPdf: 44, anchoXlsx: 12 },
            { titulo: 'Periodo', anchoPdf: 70, anchoXlsx: 20 },
            { titulo: 'Logros', anchoXlsx: 60 },
            { titulo: 'Dificultades', anchoXlsx: 60 },
          ],
          filas: informes,
        },
        siVacia: 'No hay reportes aceptados en la vigencia.',
      },
    ],
  };
  return { informe, nombreArchivo: `informe-de-gestion-${vigencia}` };
}
