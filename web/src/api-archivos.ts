// Uploads (a file as the request body, a spreadsheet to import): apart from api.ts, which is in the first
// load, since only the pages that upload need them.
import { TABLA_MAXIMA_BYTES } from '@contrato/excel.ts';
import { numeroCo } from '@core/numeros.ts';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { conectar, ErrorApi, leerCsrf, reingresar } from './api.ts';

/** Sends a file as the raw request body (no multipart), with its own content type. */
export async function subirArchivo(
  url: string,
  archivo: File,
  { metodo = 'PUT', tipo = archivo.type || 'application/octet-stream' } = {},
): Promise<void> {
  const r = await conectar(url, {
    method: metodo,
    headers: { 'content-type': tipo, 'x-csrf-token': leerCsrf() },
    body: archivo,
  });
  if (await reingresar(r.status, url)) return subirArchivo(url, archivo, { metodo, tipo });
  if (!r.ok) {
    const datos = await r.json().catch(() => null);
    throw new ErrorApi(r.status, datos?.mensaje ?? 'No fue posible cargar el archivo.', datos?.campos ?? []);
  }
}

export interface ProblemaImportacion {
  fila: number;
  columna: string;
  problema: string;
}

/** A rejected import: the message and, when the file was read, its problems by row and column. */
export class ErrorTabla extends ErrorApi {
  constructor(
    status: number,
    mensaje: string,
    readonly problemas: ProblemaImportacion[],
  ) {
    super(status, mensaje);
  }
}

/**
 * Uploads a spreadsheet to an import route (.csv as text/csv, anything else as .xlsx) and returns its answer;
 * a file over `maximoBytes` is refused here, before it travels.
 */
export async function importarTabla<T>(url: string, archivo: File, maximoBytes: number): Promise<T> {
  if (archivo.size > maximoBytes)
    throw new ErrorTabla(
      413,
      `El archivo pesa más de ${numeroCo(maximoBytes / (1024 * 1024))} MB. Divídalo en varios archivos.`,
      [],
    );
  const csv = /\.csv$/i.test(archivo.name);
  const r = await conectar(url, {
    method: 'POST',
    headers: { 'content-type': csv ? 'text/csv' : 'application/octet-stream', 'x-csrf-token': leerCsrf() },
    body: archivo,
  });
  if (await reingresar(r.status, url)) return importarTabla<T>(url, archivo, maximoBytes);
  const datos = await r.json().catch(() => null);
  if (!r.ok)
    throw new ErrorTabla(
      r.status,
      datos?.mensaje ?? 'No fue posible importar el archivo.',
      datos?.problemas ?? [],
    );
  return datos as T;
}

/**
 * The upload of a filled template (people, dependencias) to its `…/importar` route: all rows or none, with
 * the file's problems in ErrorTabla; once it enters, the lists under `clave` are read again.
 */
export function useImportarPlantilla<T>(url: string, clave: QueryKey) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (archivo: File) => importarTabla<T>(url, archivo, TABLA_MAXIMA_BYTES),
    onSuccess: () => cliente.invalidateQueries({ queryKey: clave }),
  });
}
