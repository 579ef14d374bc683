// A table uploaded by a person, as headers and rows, from a workbook (.xlsx, read in a worker) or a CSV
// (as Excel in Colombia saves it: «;» between fields, often in Windows-1252 rather than UTF-8).
import { parse } from 'csv-parse/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FilaHoja } from '../../core/plan-importacion.ts';
import { ErrorApi, reintentarSiOcupado } from '../../server/errores.ts';
import { leerLibroPlanEnHilo } from '../excel/leer-en-hilo.ts';
import { type LecturaPlan, LIMITES_HOJA_PLAN, type LimitesHoja } from '../excel/plan-xlsx.ts';

export type TipoTabla = 'xlsx' | 'csv';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv';

/** An upload is a CSV when its content type says so; anything else is read as a workbook. */
export const tipoDeSubida = (contentType: string | string[] | undefined): TipoTabla =>
  String(contentType ?? '').startsWith(CSV) ? 'csv' : 'xlsx';

/** The routes of a plugin take a table (.xlsx or .csv) as the raw body, up to `bytes`. */
export function aceptarTablas(app: FastifyInstance, bytes: number) {
  app.addContentTypeParser(
    [XLSX, CSV, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: bytes },
    (_r, cuerpo, listo) => listo(null, cuerpo),
  );
}

const NO_ES_CSV = 'El archivo no es un CSV legible (texto separado por «;» o «,»).';

/** UTF-8 when it is valid UTF-8 (BOM or not); otherwise Windows-1252, what Excel's «CSV» uses on Windows. */
export function decodificarTexto(contenido: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(contenido);
  } catch {
    return new TextDecoder('windows-1252').decode(contenido);
  }
}

/** The separator that splits the header line into more fields, outside quotes. */
export function separadorDe(texto: string): ';' | ',' | '\t' {
  const primera = (texto.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const cuenta = (c: string) => primera.split(c).length - 1;
  const opciones = [';', ',', '\t'] as const;
  return opciones.reduce((mejor, c) => (cuenta(c) > cuenta(mejor) ? c : mejor), ';');
}

export function leerCsv(contenido: Buffer, limites: LimitesHoja = LIMITES_HOJA_PLAN): LecturaPlan {
  const texto = decodificarTexto(contenido);
  let registros: string[][];
  try {
    registros = parse(texto, {
      delimiter: separadorDe(texto),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      // One row beyond the limit is enough to say the file is too long.
      to_line: limites.filas + 2,
      max_record_size: 64 * 1024,
    });
  } catch {
    return { ok: false, status: 400, mensaje: NO_ES_CSV };
  }
  if (registros.length === 0) return { ok: false, status: 400, mensaje: NO_ES_CSV };
  const ancho = registros.findIndex((r) => r.length > limites.columnas);
  if (ancho >= 0)
    return {
      ok: false,
      status: 413,
      mensaje: `La fila ${(ancho + 1).toLocaleString('es-CO')} tiene más de ${limites.columnas} columnas. Borre las columnas sobrantes y vuelva a cargarlo.`,
    };
  if (registros.length > limites.filas + 1)
    return {
      ok: false,
      status: 413,
      mensaje: `El archivo tiene más de ${limites.filas.toLocaleString('es-CO')} ${limites.queFilas}. Divida ${limites.queDividir} en varios archivos.`,
    };
  const [encabezados = [], ...resto] = registros;
  return {
    ok: true,
    encabezados: encabezados.map((e) => e.trim()),
    filas: resto.map((celdas, i) => ({ numero: i + 2, celdas: celdas.map((c) => c.trim() || null) })),
  };
}

export async function leerTabla(
  contenido: Buffer,
  tipo: TipoTabla,
  limites: LimitesHoja = LIMITES_HOJA_PLAN,
): Promise<LecturaPlan> {
  return tipo === 'csv' ? leerCsv(contenido, limites) : leerLibroPlanEnHilo(contenido, undefined, limites);
}

/**
 * The table of an upload (`request.body`, .xlsx or .csv by its content type), for the import routes: an empty
 * body or an unreadable file is `{ ok: false }` with the Spanish message for a 400 (`falta` says what to send);
 * a file over `limites` is a 413 and a busy reading pool a 503 with `Retry-After`, thrown.
 */
export async function leerTablaSubida(
  request: FastifyRequest,
  reply: FastifyReply,
  falta: string,
  limites: LimitesHoja = LIMITES_HOJA_PLAN,
): Promise<{ ok: true; encabezados: string[]; filas: FilaHoja[] } | { ok: false; mensaje: string }> {
  const contenido = request.body;
  if (!Buffer.isBuffer(contenido) || contenido.length === 0) return { ok: false, mensaje: falta };
  const tabla = await leerTabla(contenido, tipoDeSubida(request.headers['content-type']), limites).catch(
    reintentarSiOcupado(reply),
  );
  if (!tabla.ok && tabla.status === 400) return { ok: false, mensaje: tabla.mensaje };
  if (!tabla.ok)
    throw new ErrorApi(tabla.status, tabla.mensaje, [{ campo: 'archivo', mensaje: tabla.mensaje }]);
  return tabla;
}

export interface ProblemaTabla {
  fila: number;
  columna: string;
  problema: string;
}

/** What an import does with the table: its counts for the 201, or its report for the 400. */
export type ResultadoTabla<C extends object> =
  | ({ ok: true } & C)
  | { ok: false; mensaje: string; problemas: ProblemaTabla[] };

/**
 * The whole answer of a route that takes a table as its body (.xlsx or .csv): reads the upload (an empty or
 * unreadable one is a 400 with `falta` or the reader's message; too large, 413; a busy pool, 503), hands its
 * headers and rows to `importar`, and answers 201 with the result without `ok`, or 400 with the report.
 */
export async function responderTablaSubida<C extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  lectura: { falta: string; limites?: LimitesHoja },
  importar: (tabla: { ok: true; encabezados: string[]; filas: FilaHoja[] }) => Promise<ResultadoTabla<C>>,
) {
  const rechazar = (mensaje: string, problemas: ProblemaTabla[]) =>
    reply.status(400).send({ error: 'validacion', mensaje, problemas });
  const tabla = await leerTablaSubida(request, reply, lectura.falta, lectura.limites);
  if (!tabla.ok) return rechazar(tabla.mensaje, []);
  const r = await importar(tabla);
  if (!r.ok) return rechazar(r.mensaje, r.problemas);
  const { ok: _ok, ...cuerpo } = r;
  return reply.status(201).send(cuerpo);
}
