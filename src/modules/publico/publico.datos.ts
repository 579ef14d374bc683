// Open data files of the published plan: CSV for Excel in es-CO and JSON for machines.

import { COLUMNAS_ACTIVIDADES, COLUMNAS_POLITICAS, type DatosAbiertos } from '../../contrato/publico.ts';
import { NOMBRE_ACUMULACION } from '../../core/acumulacion.ts';
import { neutralizarCsv } from '../../core/csv-formulas.ts';
import { fechaCivil } from '../../core/formato.ts';
import type { VistaPublica } from './publico.service.ts';

const BOM = '\uFEFF';
/**
 * Excel in Spanish (Colombia) reads «;» as the list separator and «,» as the decimal mark, and the BOM tells
 * it the file is UTF-8 (without it, «Gestión» shows as «GestiÃ³n»). So a double click opens the columns
 * right; LibreOffice and data tools detect «;» too.
 */
const SEPARADOR = ';';

const celda = (v: string | number | null) => {
  if (v === null) return '';
  if (typeof v === 'number') return decimal(v);
  const t = v;
  return /[;"\r\n,]|^\s|\s$/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};
/** Decimal comma, no thousands separator: Excel es-CO reads it as a number. */
const decimal = (n: number) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: 6, useGrouping: false }).replace('.', ',')
    : '';
/** Percentages with one decimal, as the page shows them. */
const pct = (n: number | null) => (n === null || !Number.isFinite(n) ? null : Math.round(n * 10) / 10);

function csv(encabezados: string[], filas: (string | number | null)[][]) {
  const texto = `${BOM}${[encabezados, ...filas].map((f) => f.map(celda).join(SEPARADOR)).join('\r\n')}\r\n`;
  // Names typed by people could start with = + - @: the spreadsheet must read them as text.
  return neutralizarCsv(Buffer.from(texto, 'utf8')).contenido;
}

export function csvActividades(d: DatosAbiertos) {
  const dimension = new Map(d.dimensiones.map((x) => [x.codigo, x.nombre]));
  return csv(
    COLUMNAS_ACTIVIDADES.map((c) => c.nombre),
    d.actividades.map((a) => [
      d.vigencia,
      d.corte ? fechaCivil(d.corte.fecha) : null,
      d.corte?.nombre ?? null,
      dimension.get(a.dimension) ?? a.dimension,
      a.politicaNombre,
      a.codigo,
      a.nombre,
      a.producto,
      a.dependencia,
      a.metaAnual,
      a.unidad,
      NOMBRE_ACUMULACION[a.acumulacion],
      fechaCivil(a.fechaInicio),
      fechaCivil(a.fechaFin),
      pct(a.avance),
      pct(a.cumplimiento),
      a.semaforoTexto,
      a.estado,
    ]),
  );
}

export function csvPoliticas(d: DatosAbiertos) {
  const dimension = new Map(d.dimensiones.map((x) => [x.codigo, x.nombre]));
  return csv(
    COLUMNAS_POLITICAS.map((c) => c.nombre),
    d.politicas.map((p) => [
      d.vigencia,
      d.corte ? fechaCivil(d.corte.fecha) : null,
      d.corte?.nombre ?? null,
      dimension.get(p.dimension) ?? p.dimension,
      p.nombre,
      pct(p.avance),
      pct(p.cumplimiento),
      p.semaforoTexto,
      p.actividades,
      p.sinReporte,
    ]),
  );
}

/** JSON with < > & written as \u escapes: the same data, and no markup even if a file is opened as a page. */
export const jsonSeguro = (datos: unknown) =>
  JSON.stringify(datos, null, 1).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * The metadata a national open data portal (datos.gov.co) asks to register a dataset: who publishes it, what
 * it covers, how often it changes, under which licence, and each file with its format and address.
 */
export function metadatos(v: VistaPublica & { datos: DatosAbiertos }, base: string) {
  const e = v.entidad;
  const ruta = `${base}/publico/${v.slug}`;
  const q = `?vigencia=${v.vigencia}`;
  return {
    titulo: `Plan de acción ${v.vigencia} y su avance — ${e.nombre}`,
    descripcion: `Actividades del plan de acción ${v.vigencia} de ${e.nombre} dentro del Modelo Integrado de Planeación y Gestión (MIPG), con su meta, su dependencia responsable y el avance reportado y revisado por la oficina de planeación en cada corte.`,
    entidad: {
      nombre: e.nombre,
      sigla: e.sigla,
      nit: `${e.nit}-${e.dv}`,
      correo: e.correo,
      sitioWeb: e.sitioWeb,
    },
    categoria: 'Función pública',
    etiquetas: ['MIPG', 'plan de acción', 'seguimiento', 'transparencia', 'Decreto 612 de 2018'],
    idioma: 'es',
    cobertura: { departamento: e.departamento, municipio: e.municipio },
    // Figures change with each follow-up cut-off (quarterly unless the entity set another scheme).
    frecuenciaActualizacion: 'Con cada corte de seguimiento del plan (por lo general, trimestral)',
    licencia: 'Creative Commons Atribución-CompartirIgual 4.0 Internacional (CC BY-SA 4.0)',
    fechaPublicacion: v.datos.aprobacion.fechaPublicacion,
    fechaCorte: v.datos.corte?.fecha ?? null,
    diccionario: `${base}/publico/diccionario`,
    recursos: [
      {
        nombre: 'Actividades y su avance',
        formato: 'CSV',
        codificacion: 'UTF-8',
        url: `${ruta}/actividades.csv${q}`,
      },
      {
        nombre: 'Avance por política',
        formato: 'CSV',
        codificacion: 'UTF-8',
        url: `${ruta}/politicas.csv${q}`,
      },
      {
        nombre: 'Plan y avance completos',
        formato: 'JSON',
        codificacion: 'UTF-8',
        url: `${ruta}/datos.json${q}`,
      },
    ],
  };
}
