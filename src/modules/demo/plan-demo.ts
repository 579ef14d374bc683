import { eq } from 'drizzle-orm';
import { NOMBRE_ACUMULACION } from '../../core/acumulacion.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { CALENDARIO_NACIONAL } from '../../core/dias-habiles.ts';
import { valorMedicion } from '../../core/indicador.ts';
import {
  ESQUEMAS_INSTRUMENTO_POR_DEFECTO,
  esquemaActividad,
  periodoPlanDeCorte,
  periodosDeVigencia,
} from '../../core/periodos.ts';
import { cifrasSeguimiento, type EstadoSeguimiento } from '../../core/seguimiento.ts';
import { pideJustificacion, RANGOS_POR_DEFECTO } from '../../core/semaforo.ts';
import { actividadSeleccionada, claveCriterio } from '../../core/verificacion.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  criterioVerificacion,
  entidad,
  evidencia,
  indicador,
  medicion,
  periodo,
  planAccion,
  seguimiento,
  versionPlan,
  vigenciaEntidad,
} from '../../db/schema.ts';
import { guardarArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { crearObjetivo } from '../plan/objetivos.service.ts';
import { cerrarPeriodo } from '../tablero/tablero.service.ts';
import {
  ACTIVIDADES_DEMO,
  type ActividadDemo,
  OBJETIVOS_DEMO,
  type UsuarioDemo,
} from './actividades-demo.ts';

const INDICADORES = [
  {
    codigo: 'IND-01',
    nombre: 'Oportunidad en la respuesta a las PQRSD',
    objetivo: 'Medir qué parte de las peticiones, quejas y reclamos se responde dentro del término legal.',
    tipo: 'eficacia',
    politica: 'servicio_ciudadano',
    formulaNumerador: 'PQRSD respondidas dentro del término legal',
    formulaDenominador: 'PQRSD recibidas en el periodo',
    unidad: '%',
    frecuencia: 'trimestral',
    lineaBase: 72,
    meta: 90,
    acumulacion: 'promedio',
    polaridad: 'creciente',
    fuente: 'Módulo de PQRSD del sistema de gestión documental',
    responsable: 'siau',
  },
  {
    codigo: 'IND-02',
    nombre: 'Días promedio para contratar',
    objetivo: 'Medir cuánto tarda un proceso de contratación desde la solicitud hasta el contrato firmado.',
    tipo: 'eficiencia',
    politica: 'compras_contratacion',
    formulaNumerador: 'Suma de días de los procesos contratados',
    formulaDenominador: 'Procesos contratados en el periodo',
    unidad: 'días',
    frecuencia: 'trimestral',
    lineaBase: 38,
    meta: 25,
    acumulacion: 'promedio',
    polaridad: 'decreciente',
    fuente: 'SECOP II y expedientes contractuales',
    responsable: 'compras',
  },
  {
    codigo: 'IND-03',
    nombre: 'Cumplimiento del programa anual de auditorías',
    objetivo:
      'Medir la ejecución del Plan Anual de Auditoría aprobado por el comité de coordinación de control interno.',
    tipo: 'eficacia',
    politica: 'control_interno',
    formulaNumerador: 'Auditorías ejecutadas en el año',
    formulaDenominador: 'Auditorías del Plan Anual de Auditoría',
    unidad: '%',
    frecuencia: 'trimestral',
    lineaBase: 83,
    meta: 100,
    // A running total: the latest measurement is the year's figure.
    acumulacion: 'ultimo',
    polaridad: 'creciente',
    fuente: 'Plan Anual de Auditoría y sus informes',
    responsable: 'auditoria',
  },
] as const satisfies readonly ({ responsable: UsuarioDemo } & Record<string, unknown>)[];
const MEDICIONES: [number, number][][] = [
  [
    [104, 120],
    [137, 150],
    [122, 130],
    [118, 125],
  ],
  [
    [1_080, 30],
    [870, 29],
    [728, 28],
    [650, 26],
  ],
  [
    [3, 12],
    [5, 12],
    [8, 12],
    [12, 12],
  ],
];

// Why a figure fell short, in turn: what a planning office reads in real reports.
const DIFICULTADES = [
  'Rotación del personal responsable y carga asistencial del periodo.',
  'Demoras en la contratación del apoyo previsto.',
  'Fallas de conectividad en la sede durante el periodo.',
  'Se reprogramó por la emergencia invernal del Putumayo.',
];

// Why a figure went over what was programmed, in turn (asked above the semáforo's blue band).
const JUSTIFICACIONES = [
  'Se adelantó lo programado para el periodo siguiente aprovechando la disponibilidad del equipo.',
  'La demanda del periodo fue mayor a la prevista y se atendió completa.',
  'Se sumó el apoyo de la Secretaría de Salud departamental, que no estaba previsto.',
];

const EVIDENCIA_FICTICIA = 'Evidencia de demostracion - MIPG Abierto';

/** The Junta Directiva's acuerdo that adopted the plan: fictional, and its PDF says so. */
const actoDemo = (vigencia: number) => ({
  tipoActo: 'acuerdo' as const,
  numeroActo: '003',
  fechaActo: `${vigencia}-01-27`,
  actoNombre: `acuerdo-003-de-${vigencia}-junta-directiva.pdf`,
});

function pdfActo(entidad: string, vigencia: number) {
  return pdfDemo([
    `JUNTA DIRECTIVA - ${entidad.toUpperCase()}`,
    `ACUERDO No. 003 DE ${vigencia} (27 de enero de ${vigencia})`,
    `Por el cual se aprueba el Plan de Accion Institucional ${vigencia}`,
    'y se integran los planes del Decreto 612 de 2018.',
    '',
    'ARTICULO PRIMERO. Aprobar el Plan de Accion Institucional de la vigencia,',
    'presentado por la Oficina Asesora de Planeacion.',
    'ARTICULO SEGUNDO. Publicarlo en la sede electronica antes del 31 de enero.',
    '',
    'DOCUMENTO FICTICIO DE DEMOSTRACION - MIPG Abierto. Sin validez juridica.',
  ]);
}

/**
 * What control interno chose to verify this year, as its Plan Anual de Auditoría would: two policies the law
 * asks it to follow and one dependencia it audits. The rest is complete once planeación accepts it.
 */
const seleccionDemo = (planeacion: string) => [
  {
    tipo: 'politica' as const,
    politica: 'servicio_ciudadano',
    motivo: 'Informe semestral de atención de PQRSD (Ley 1474 de 2011, art. 76).',
  },
  {
    tipo: 'politica' as const,
    politica: 'participacion_ciudadana',
    motivo: 'Evaluación de la rendición de cuentas a la ciudadanía.',
  },
  {
    tipo: 'dependencia' as const,
    dependenciaId: planeacion,
    motivo: 'Auditoría al proceso de direccionamiento estratégico del Plan Anual de Auditoría.',
  },
];

/** A report control interno did not choose ends with planeación's acceptance, whatever the script says. */
function segunSeleccion(estado: EstadoSeguimiento | null, elegida: boolean): EstadoSeguimiento | null {
  if (elegida || (estado !== 'verificado' && estado !== 'con_observaciones')) return estado;
  return 'aceptado';
}

const fmt = (n: number) => n.toLocaleString('es-CO', { maximumFractionDigits: 1 });

/** What the responsible writes for the period, in the words of the activity's goal type. */
function descripcion(a: ActividadDemo, numero: number, nombrePeriodo: string, valor: number) {
  const meta = a.metas[numero - 1]!;
  const periodo = nombrePeriodo.toLowerCase();
  switch (a.tipo) {
    case 'suma':
      return `En el ${periodo}: ${fmt(valor)} ${a.unidad} de ${fmt(meta)} programados.`;
    case 'ultimo':
      return `Total acumulado al corte del ${periodo}: ${fmt(valor)} ${a.unidad}; el nivel esperado era ${fmt(meta)}.`;
    case 'promedio':
      return `Resultado del ${periodo}: ${fmt(valor)} % frente a una meta de ${fmt(meta)} %.`;
    case 'maximo':
      return `Avance alcanzado al corte del ${periodo}: ${fmt(valor)} % de ${fmt(meta)} % programado.`;
    case 'hito':
      if (valor > 0) return `Cumplido: ${a.producto.charAt(0).toLowerCase()}${a.producto.slice(1)}.`;
      return meta > 0
        ? 'No se cumplió en el periodo previsto; queda para el siguiente.'
        : 'En preparación; se cumple en un periodo posterior.';
  }
}

/** Whether the figure falls short of what was due in the period, under the goal type. */
function quedoCorto(a: ActividadDemo, numero: number, valor: number) {
  const meta = a.metas[numero - 1]!;
  return a.tipo === 'hito' ? meta > 0 && valor === 0 : valor < meta;
}

/** A small valid one-page PDF, a line of text under another: the demo's evidence files and its act. */
function pdfDemo(lineas: readonly string[]): Buffer {
  const texto = (l: string) =>
    l
      .replace(/[()\\]/g, ' ')
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '');
  const contenido = `BT /F1 12 Tf 56 780 Td ${lineas.map((l) => `(${texto(l)}) Tj 0 -18 Td`).join(' ')} ET`;
  const objetos = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${contenido.length} >>\nstream\n${contenido}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const posiciones: number[] = [];
  objetos.forEach((o, i) => {
    posiciones.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objetos.length + 1}\n0000000000 65535 f \n${posiciones.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objetos.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export interface PersonasDemo {
  /** The account of each person of the demo. */
  persona: (usuario: UsuarioDemo) => string;
  /** The dependencia each person works in. */
  dependencia: (usuario: UsuarioDemo) => string;
}

/** Whether the activity runs in the period (it must report it): the same rule as the dashboard's. */
const activaEn = (a: { fechaInicio: string; fechaFin: string }, p: { inicio: string; corte: string }) =>
  a.fechaInicio <= p.corte && a.fechaFin >= p.inicio;

export async function sembrarPlanDemo(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  personas: PersonasDemo,
  dataDir: string | null,
) {
  const hoy = hoyEnColombia();
  const periodos = periodosDeVigencia(vigencia, 'trimestral', 10, CALENDARIO_NACIONAL);
  const pasados = periodos.filter((p) => p.corte < hoy);
  const conReporte = pasados.length ? pasados : periodos.slice(0, 1);
  const ultimo = conReporte.at(-1)!.numero;
  const planeacion = personas.persona('planeacion');
  const controlInterno = personas.persona('controlinterno');

  for (const o of OBJETIVOS_DEMO) await crearObjetivo(db, actor, entidadId, o);
  const [ent] = await db
    .select({ nombre: entidad.nombre, sitioWeb: entidad.sitioWeb })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  const pdf = dataDir ? pdfActo(ent!.nombre, vigencia) : null;
  const acto = {
    ...actoDemo(vigencia),
    ...(pdf && dataDir ? { actoHash: await guardarArchivo(dataDir, pdf), actoBytes: pdf.length } : {}),
  };
  const seleccion = seleccionDemo(personas.dependencia('planeacion')).map((c) => ({
    ...c,
    entidadId,
    vigencia,
    clave: claveCriterio(c),
    creadoPor: controlInterno,
  }));

  await db.transaction(async (tx) => {
    await tx.insert(vigenciaEntidad).values({
      entidadId,
      vigencia,
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      semaforo: RANGOS_POR_DEFECTO,
      esquemasInstrumento: ESQUEMAS_INSTRUMENTO_POR_DEFECTO,
    });
    await tx.insert(periodo).values(periodos.map((p) => ({ ...p, entidadId, vigencia })));
    // An E.S.E.'s plans are approved by its Junta Directiva, by acuerdo, before 31 January.
    const [plan] = await tx
      .insert(planAccion)
      .values({
        entidadId,
        vigencia,
        estado: 'publicado',
        fechaSesionComite: `${vigencia}-01-27`,
        actaComite: `Acuerdo 003 de ${vigencia} de la Junta Directiva`,
        ...acto,
        fechaPublicacion: `${vigencia}-01-30`,
        urlPublicacion: ent!.sitioWeb ? `${ent!.sitioWeb}/transparencia/planeacion` : null,
      })
      .returning();
    // Control interno's choice of what to verify (its author), audited as its screen would.
    for (const c of await tx.insert(criterioVerificacion).values(seleccion).returning())
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'crear',
        recurso: 'seleccion_verificacion',
        recursoId: c.id,
        antes: null,
        despues: {
          vigencia,
          tipo: c.tipo,
          politica: c.politica,
          dependenciaId: c.dependenciaId,
          motivo: c.motivo,
        },
      });
    // Three indicators with a hoja de vida, measured in every period with follow-up.
    const indicadores = await tx
      .insert(indicador)
      .values(
        INDICADORES.map(({ responsable, ...x }) => ({
          ...x,
          entidadId,
          vigencia,
          responsableId: personas.persona(responsable),
          dependenciaId: personas.dependencia(responsable),
        })),
      )
      .returning();
    for (const [n, x] of indicadores.entries())
      await tx.insert(medicion).values(
        conReporte.map((p, k) => {
          const [num, den] = MEDICIONES[n]![k % 4]!;
          return {
            indicadorId: x.id,
            periodo: p.numero,
            numerador: num,
            denominador: den,
            valor: valorMedicion(num, den, x.unidad),
            registradoPor: x.responsableId,
          };
        }),
      );
    const indicadorDe = new Map(indicadores.map((x) => [x.codigo, x.id]));
    const actividades = await tx
      .insert(actividad)
      .values(
        ACTIVIDADES_DEMO.map((a) => ({
          planId: plan!.id,
          politica: a.politica,
          codigo: a.codigo,
          indiceFurag: a.indice ?? null,
          plan612: a.plan612 ?? null,
          objetivo: a.objetivo,
          nombre: a.nombre,
          producto: a.producto,
          metaAnual: a.meta,
          unidad: a.unidad,
          acumulacion: a.tipo,
          metasPeriodo: [...a.metas],
          ponderacion: a.peso,
          dependenciaId: personas.dependencia(a.responsable),
          responsableId: personas.persona(a.responsable),
          corresponsables: (a.corresponsables ?? []).map(personas.persona),
          fechaInicio: `${vigencia}-${a.desde}`,
          fechaFin: `${vigencia}-${a.hasta}`,
          presupuesto: a.presupuesto ?? null,
          rubro: a.rubro ?? null,
          bpin: a.bpin ?? null,
          indicadorId: a.indicador ? indicadorDe.get(a.indicador)! : null,
        })),
      )
      .returning();
    await tx.insert(versionPlan).values({
      planId: plan!.id,
      version: 1,
      fechaSesionComite: plan!.fechaSesionComite,
      actaComite: plan!.actaComite,
      ...acto,
      actividades: actividades.map(({ creadoEn: _c, ...a }) => a),
    });

    let k = 0;
    for (const [i, a] of actividades.entries()) {
      const datos = ACTIVIDADES_DEMO[i]!;
      // Control interno does not verify its own office's reports: planeación's acceptance is the last step.
      const propia = a.politica === 'control_interno';
      const elegida = actividadSeleccionada(seleccion, a, new Set());
      // The PTEP by cuatrimestres: its periods cut so far, each in the quarter that holds its cut-off.
      const esquema = esquemaActividad(a, ESQUEMAS_INSTRUMENTO_POR_DEFECTO, 'trimestral');
      const suyos =
        esquema === 'trimestral'
          ? conReporte.map((p) => ({ ...p, numeroPlan: p.numero }))
          : periodosDeVigencia(vigencia, esquema, 10, CALENDARIO_NACIONAL)
              .map((p) => ({ ...p, numeroPlan: periodoPlanDeCorte(p.numero, 'trimestral', esquema) }))
              .filter((p) => p.numeroPlan <= ultimo && p.corte < hoy);
      for (const p of suyos) {
        if (!activaEn(a, p)) continue;
        k++;
        const estado = segunSeleccion(
          p.numeroPlan < ultimo ? (propia ? 'aceptado' : 'verificado') : datos.estado,
          elegida,
        );
        if (!estado) continue;
        const valor = datos.valores[p.numero - 1]!;
        // Control interno's own percentage, from the evidence: now and then less than reported.
        const cifras = cifrasSeguimiento(
          a.acumulacion,
          a.metaAnual,
          a.metasPeriodo,
          a.metasPeriodo.map((_, i) => (i < p.numero ? (datos.valores[i] ?? null) : null)),
          p.numero,
        );
        // Of the period's goal; a period with nothing programmed, of what was due so far.
        const comprobado =
          cifras.cumplimientoPeriodo ?? cifras.cumplimientoAcumulado ?? cifras.avanceAcumulado;
        const verificado =
          (estado === 'verificado' || estado === 'con_observaciones') && comprobado !== null
            ? Math.max(
                0,
                Math.min(100, Math.round(comprobado)) -
                  (estado === 'con_observaciones' ? 20 : k % 4 === 0 ? 10 : 0),
              )
            : null;
        const enviado = estado !== 'borrador';
        const [s] = await tx
          .insert(seguimiento)
          .values({
            entidadId,
            actividadId: a.id,
            periodo: p.numero,
            valor,
            descripcion: descripcion(datos, p.numero, p.nombre, valor),
            dificultades: quedoCorto(datos, p.numero, valor) ? DIFICULTADES[k % DIFICULTADES.length]! : null,
            justificacionSobreejecucion: pideJustificacion(
              a.acumulacion,
              valor,
              a.metasPeriodo[p.numero - 1]!,
            )
              ? JUSTIFICACIONES[k % JUSTIFICACIONES.length]!
              : null,
            estado,
            tardio: enviado && k % 7 === 0,
            observacionesPlaneacion:
              estado === 'devuelto'
                ? 'Adjunte el soporte firmado; la lista de asistencia sola no es suficiente.'
                : null,
            observacionesControl:
              estado === 'con_observaciones'
                ? 'La evidencia no muestra la fecha de publicación en la sede electrónica.'
                : null,
            reportadoPor: a.responsableId,
            enviadoEn: enviado ? new Date(`${p.cierra}T15:00:00-05:00`) : null,
            revisadoPor: ['aceptado', 'verificado', 'con_observaciones', 'devuelto'].includes(estado)
              ? planeacion
              : null,
            verificadoPor: estado === 'verificado' || estado === 'con_observaciones' ? controlInterno : null,
            avanceVerificado: verificado,
          })
          .returning();
        const pdf = dataDir
          ? pdfDemo([`${a.codigo} ${a.nombre} - ${p.nombre} ${vigencia}`, EVIDENCIA_FICTICIA])
          : null;
        await tx.insert(evidencia).values(
          pdf && dataDir
            ? {
                seguimientoId: s!.id,
                nombre: `${a.codigo}-${p.nombre.toLowerCase().replace(' ', '-')}.pdf`,
                hash: await guardarArchivo(dataDir, pdf),
                tipo: 'application/pdf',
                bytes: pdf.length,
                creadoPor: a.responsableId,
              }
            : {
                seguimientoId: s!.id,
                nombre: 'Publicación en la sede electrónica',
                url: 'https://www.hospitalriomulato.example/transparencia',
                creadoPor: a.responsableId,
              },
        );
      }
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'sembrar_demo',
      recurso: 'plan',
      recursoId: `${vigencia}:v1`,
      despues: {
        actividades: actividades.length,
        porTipoDeMeta: Object.fromEntries(
          Object.keys(NOMBRE_ACUMULACION).map((t) => [
            t,
            actividades.filter((a) => a.acumulacion === t).length,
          ]),
        ),
        periodosConSeguimiento: conReporte.map((p) => p.numero),
        acto: { tipo: acto.tipoActo, numero: acto.numeroActo, fecha: acto.fechaActo, pdf: !!pdf },
      },
    });
  });

  // Earlier periods are closed, as planeación would have done, with their figures frozen.
  for (const p of conReporte.filter((x) => x.numero < ultimo))
    await cerrarPeriodo(db, actor, planeacion, entidadId, vigencia, p.numero);
}
