import { hoyEnColombia } from '../../core/calendario.ts';
import { CALENDARIO_NACIONAL } from '../../core/dias-habiles.ts';
import { valorMedicion } from '../../core/indicador.ts';
import { periodosDeVigencia } from '../../core/periodos.ts';
import type { EstadoSeguimiento } from '../../core/seguimiento.ts';
import { RANGOS_POR_DEFECTO } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
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
import { cerrarPeriodo } from '../tablero/tablero.service.ts';

type Meta = 'jornadas' | 'porcentaje' | 'informes' | 'documentos';
const METAS: Record<Meta, { unidad: string; anual: number; periodos: number[] }> = {
  jornadas: { unidad: 'jornadas', anual: 4, periodos: [1, 1, 1, 1] },
  porcentaje: { unidad: '%', anual: 100, periodos: [25, 25, 25, 25] },
  informes: { unidad: 'informes', anual: 4, periodos: [1, 1, 1, 1] },
  documentos: { unidad: 'documentos', anual: 12, periodos: [3, 3, 3, 3] },
};

// Two activities per policy: [activity, product, kind of goal, weight].
const ACTIVIDADES: Record<string, [string, string, Meta, number][]> = {
  talento_humano: [
    [
      'Ejecutar el plan institucional de capacitación',
      'Capacitaciones realizadas con listas de asistencia',
      'porcentaje',
      60,
    ],
    [
      'Realizar las actividades del plan de bienestar e incentivos',
      'Informe de actividades de bienestar',
      'jornadas',
      40,
    ],
  ],
  integridad: [
    [
      'Socializar el código de integridad con el personal asistencial',
      'Jornadas de socialización',
      'jornadas',
      50,
    ],
    [
      'Actualizar el procedimiento de conflicto de intereses',
      'Procedimiento adoptado y publicado',
      'informes',
      50,
    ],
  ],
  planeacion_institucional: [
    [
      'Hacer seguimiento trimestral al plan de desarrollo institucional',
      'Informe de seguimiento al plan',
      'informes',
      70,
    ],
    ['Actualizar el mapa de riesgos institucional', 'Mapa de riesgos publicado', 'porcentaje', 30],
  ],
  gestion_presupuestal: [
    [
      'Presentar los informes de ejecución presupuestal a la junta directiva',
      'Informes de ejecución',
      'informes',
      50,
    ],
    ['Depurar la cartera mayor a 360 días', 'Cartera depurada frente a la meta', 'porcentaje', 50],
  ],
  compras_contratacion: [
    [
      'Publicar y actualizar el plan anual de adquisiciones en el SECOP II',
      'Plan de adquisiciones publicado',
      'informes',
      40,
    ],
    [
      'Publicar en el SECOP II los contratos en el plazo legal',
      'Contratos publicados a tiempo',
      'porcentaje',
      60,
    ],
  ],
  fortalecimiento_organizacional: [
    [
      'Actualizar el mapa de procesos y sus caracterizaciones',
      'Caracterizaciones actualizadas',
      'documentos',
      60,
    ],
    ['Medir la carga laboral de los procesos asistenciales', 'Estudio de cargas laborales', 'porcentaje', 40],
  ],
  gobierno_digital: [
    [
      'Implementar la historia clínica electrónica interoperable',
      'Módulos de historia clínica en producción',
      'porcentaje',
      60,
    ],
    ['Publicar conjuntos de datos abiertos en datos.gov.co', 'Conjuntos de datos publicados', 'informes', 40],
  ],
  seguridad_digital: [
    [
      'Ejecutar el plan de seguridad y privacidad de la información',
      'Controles implementados',
      'porcentaje',
      60,
    ],
    [
      'Realizar copias de respaldo verificadas de los sistemas de información',
      'Informe de pruebas de restauración',
      'informes',
      40,
    ],
  ],
  defensa_juridica: [
    ['Sesionar el comité de conciliación', 'Actas del comité de conciliación', 'informes', 50],
    ['Actualizar la política de prevención del daño antijurídico', 'Política adoptada', 'porcentaje', 50],
  ],
  mejora_normativa: [
    [
      'Publicar los proyectos de actos administrativos para comentarios',
      'Proyectos publicados',
      'documentos',
      50,
    ],
    ['Depurar el normograma institucional', 'Normograma actualizado', 'porcentaje', 50],
  ],
  servicio_ciudadano: [
    ['Medir la satisfacción de los usuarios del servicio', 'Informe de satisfacción', 'informes', 50],
    ['Responder las PQRSD dentro del término legal', 'PQRSD respondidas a tiempo', 'porcentaje', 50],
  ],
  racionalizacion_tramites: [
    ['Racionalizar el trámite de asignación de citas', 'Trámite racionalizado en el SUIT', 'porcentaje', 60],
    ['Actualizar los trámites inscritos en el SUIT', 'Trámites actualizados', 'documentos', 40],
  ],
  participacion_ciudadana: [
    ['Realizar la audiencia pública de rendición de cuentas', 'Informe de la audiencia', 'porcentaje', 50],
    ['Reunir a la asociación de usuarios', 'Actas de reunión', 'jornadas', 50],
  ],
  seguimiento_evaluacion: [
    [
      'Medir los indicadores de calidad de la Resolución 256 de 2016',
      'Reporte de indicadores',
      'informes',
      60,
    ],
    [
      'Diligenciar el autodiagnóstico de las políticas MIPG',
      'Autodiagnósticos diligenciados',
      'porcentaje',
      40,
    ],
  ],
  transparencia: [
    [
      'Actualizar la sección de transparencia de la sede electrónica',
      'Matriz ITA cumplida',
      'porcentaje',
      60,
    ],
    ['Publicar el informe de solicitudes de acceso a la información', 'Informes publicados', 'informes', 40],
  ],
  gestion_documental: [
    ['Aplicar las tablas de retención documental', 'Transferencias documentales', 'documentos', 50],
    ['Organizar el fondo acumulado del archivo central', 'Metros lineales organizados', 'porcentaje', 50],
  ],
  informacion_estadistica: [
    [
      'Reportar los RIPS y la información a la Superintendencia Nacional de Salud',
      'Reportes enviados a tiempo',
      'informes',
      60,
    ],
    ['Documentar el inventario de información estadística', 'Inventario publicado', 'porcentaje', 40],
  ],
  gestion_conocimiento: [
    [
      'Documentar las lecciones aprendidas de los eventos adversos',
      'Lecciones aprendidas documentadas',
      'documentos',
      50,
    ],
    ['Realizar las sesiones de transferencia de conocimiento', 'Sesiones realizadas', 'jornadas', 50],
  ],
  control_interno: [
    ['Ejecutar el programa anual de auditorías internas', 'Auditorías ejecutadas', 'porcentaje', 60],
    [
      'Presentar el informe pormenorizado del estado del control interno',
      'Informes publicados',
      'informes',
      40,
    ],
  ],
};

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
    polaridad: 'creciente',
    fuente: 'Módulo de PQRSD del sistema de gestión documental',
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
    polaridad: 'decreciente',
    fuente: 'SECOP II y expedientes contractuales',
  },
  {
    codigo: 'IND-03',
    nombre: 'Cumplimiento del programa anual de auditorías',
    objetivo:
      'Medir la ejecución del programa de auditorías internas aprobado por el comité de control interno.',
    tipo: 'eficacia',
    politica: 'control_interno',
    formulaNumerador: 'Auditorías ejecutadas',
    formulaDenominador: 'Auditorías programadas a la fecha',
    unidad: '%',
    frecuencia: 'trimestral',
    lineaBase: 60,
    meta: 100,
    polaridad: 'creciente',
    fuente: 'Programa anual de auditorías y sus informes',
  },
] as const;
const MEDICIONES: [number, number][][] = [
  [
    [78, 100],
    [85, 104],
    [96, 110],
    [91, 98],
  ],
  [
    [1_080, 30],
    [870, 29],
    [728, 28],
    [650, 26],
  ],
  [
    [2, 3],
    [5, 6],
    [8, 9],
    [12, 12],
  ],
];

// How the last period's reports stand, in turn: a mix a planning office would recognise.
const ESTADOS_ULTIMO: (EstadoSeguimiento | null)[] = [
  'verificado',
  'aceptado',
  'enviado',
  'aceptado',
  'devuelto',
  null,
  'verificado',
  'borrador',
  'con_observaciones',
  'aceptado',
  'enviado',
  null,
];
const FACTORES = [1, 0.8, 1.2, 0.5, 1, 0.9, 0.6, 1, 1.1, 0.7];

/** A small valid one-page PDF: the demo's evidence files. */
function pdfDemo(titulo: string): Buffer {
  const texto = titulo
    .replace(/[()\\]/g, ' ')
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '');
  const contenido = `BT /F1 12 Tf 56 780 Td (${texto}) Tj 0 -18 Td (Evidencia de demostracion - MIPG Abierto) Tj ET`;
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
  planeacion: string;
  controlInterno: string;
  /** Who reports each policy's activities (1.ª línea). */
  reportante: (politica: string) => string;
  dependencia: (politica: string) => string;
}

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

  await db.transaction(async (tx) => {
    await tx.insert(vigenciaEntidad).values({
      entidadId,
      vigencia,
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      semaforo: RANGOS_POR_DEFECTO,
    });
    await tx.insert(periodo).values(periodos.map((p) => ({ ...p, entidadId, vigencia })));
    const [plan] = await tx
      .insert(planAccion)
      .values({
        entidadId,
        vigencia,
        estado: 'publicado',
        fechaSesionComite: `${vigencia}-01-29`,
        actaComite: `Acta 01 de ${vigencia} del Comité Institucional de Gestión y Desempeño`,
      })
      .returning();
    const filas = Object.entries(ACTIVIDADES).flatMap(([politica, lista], i) =>
      lista.map(([nombre, producto, meta, ponderacion], j) => ({
        planId: plan!.id,
        politica,
        codigo: `${politica.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(2, '0')}.${j + 1}`,
        nombre,
        producto,
        metaAnual: METAS[meta].anual,
        unidad: METAS[meta].unidad,
        metasPeriodo: METAS[meta].periodos,
        ponderacion,
        dependenciaId: personas.dependencia(politica),
        responsableId: personas.reportante(politica),
        fechaInicio: `${vigencia}-01-15`,
        fechaFin: `${vigencia}-12-15`,
        presupuesto: j === 0 ? (i + 2) * 4_500_000 : null,
        rubro: j === 0 ? '2.1.2.02.02' : null,
      })),
    );
    // Three indicators with a hoja de vida, measured in every period with follow-up.
    const indicadores = await tx
      .insert(indicador)
      .values(
        INDICADORES.map((x) => ({
          ...x,
          entidadId,
          vigencia,
          responsableId: personas.reportante(x.politica),
          dependenciaId: personas.dependencia(x.politica),
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
    const indicadorDe = new Map(indicadores.map((x) => [x.politica, x.id]));
    const actividades = await tx
      .insert(actividad)
      .values(
        filas.map((f) => ({
          ...f,
          indicadorId: f.codigo.endsWith('.1') ? (indicadorDe.get(f.politica) ?? null) : null,
        })),
      )
      .returning();
    await tx.insert(versionPlan).values({
      planId: plan!.id,
      version: 1,
      fechaSesionComite: plan!.fechaSesionComite,
      actaComite: plan!.actaComite,
      actividades: actividades.map(({ creadoEn: _c, ...a }) => a),
    });

    let k = 0;
    for (const [i, a] of actividades.entries()) {
      for (const p of conReporte) {
        k++;
        const estado: EstadoSeguimiento | null =
          p.numero < ultimo ? 'verificado' : ESTADOS_ULTIMO[i % ESTADOS_ULTIMO.length]!;
        if (!estado) continue;
        const meta = a.metasPeriodo[p.numero - 1]!;
        // Counts (reports, sessions) are whole numbers; percentages keep one decimal.
        const exacto = meta * FACTORES[k % FACTORES.length]!;
        const valor = a.unidad === '%' ? Math.round(exacto * 10) / 10 : Math.round(exacto);
        const enviado = estado !== 'borrador';
        const [s] = await tx
          .insert(seguimiento)
          .values({
            entidadId,
            actividadId: a.id,
            periodo: p.numero,
            valor,
            descripcion: `Avance de «${a.nombre.toLowerCase()}» en el ${p.nombre.toLowerCase()}: ${valor.toLocaleString('es-CO')} ${a.unidad} de ${meta.toLocaleString('es-CO')} programados.`,
            dificultades:
              valor < meta ? 'Rotación del personal responsable y carga asistencial del periodo.' : null,
            estado,
            tardio: enviado && k % 7 === 0,
            observacionesPlaneacion:
              estado === 'devuelto'
                ? 'Adjunte el acta firmada; la lista de asistencia no es suficiente.'
                : null,
            observacionesControl:
              estado === 'con_observaciones'
                ? 'La evidencia no muestra la fecha de publicación en la sede electrónica.'
                : null,
            reportadoPor: a.responsableId,
            enviadoEn: enviado ? new Date(`${p.cierra}T15:00:00-05:00`) : null,
            revisadoPor: ['aceptado', 'verificado', 'con_observaciones', 'devuelto'].includes(estado)
              ? personas.planeacion
              : null,
            verificadoPor:
              estado === 'verificado' || estado === 'con_observaciones' ? personas.controlInterno : null,
          })
          .returning();
        const pdf = dataDir ? pdfDemo(`${a.codigo} ${a.nombre} - ${p.nombre} ${vigencia}`) : null;
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
      despues: { actividades: actividades.length, periodosConSeguimiento: conReporte.map((p) => p.numero) },
    });
  });

  // Earlier periods are closed, as planeación would have done, with their figures frozen.
  for (const p of conReporte.filter((x) => x.numero < ultimo))
    await cerrarPeriodo(db, actor, personas.planeacion, entidadId, vigencia, p.numero);
}
