// Thin fetch wrapper: sends the session's CSRF code on writes and turns API errors into Spanish messages.
let csrf = '';
export const fijarCsrf = (valor: string) => {
  csrf = valor;
};
export const leerCsrf = () => csrf;

/**
 * Who asks the person to log in again when the session ended mid-work (ui/sesion-vencida.tsx): it resolves
 * true once logged in, and the request that met the 401 is sent again, so what was typed is not lost.
 */
type AlVencerSesion = () => Promise<boolean>;
let alVencerSesion: AlVencerSesion | null = null;
export const atenderSesionVencida = (f: AlVencerSesion | null) => {
  alVencerSesion = f;
};
// Logging in and out answer 401 for their own reasons (a wrong password, a session already gone).
const sinReingreso = new Set(['/api/auth/login', '/api/auth/logout']);
const reingresar = async (status: number, url: string) =>
  status === 401 && !!alVencerSesion && !sinReingreso.has(url) && (await alVencerSesion());

export interface CampoInvalido {
  campo: string;
  mensaje: string;
}

export class ErrorApi extends Error {
  constructor(
    readonly status: number,
    mensaje: string,
    readonly campos: CampoInvalido[] = [],
  ) {
    super(mensaje);
  }
}

/** fetch with the session's cookie; no answer at all becomes the Spanish «no connection» error. */
const conectar = (url: string, init: RequestInit) =>
  fetch(url, { credentials: 'same-origin', ...init }).catch(() => {
    throw new ErrorApi(
      0,
      'No hay conexión con el servidor. Revise su conexión a internet e inténtelo de nuevo.',
    );
  });

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const r = await conectar(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (await reingresar(r.status, url)) return api<T>(method, url, body);
  if (r.status === 204) return undefined as T;
  const datos = await r.json().catch(() => null);
  if (!r.ok)
    throw new ErrorApi(
      r.status,
      datos?.mensaje ?? 'No fue posible completar la solicitud.',
      datos?.campos ?? [],
    );
  return datos as T;
}

/** Sends a file as the raw request body (no multipart), with its own content type. */
export async function subirArchivo(
  url: string,
  archivo: File,
  { metodo = 'PUT', tipo = archivo.type || 'application/octet-stream' } = {},
): Promise<void> {
  const r = await conectar(url, {
    method: metodo,
    headers: { 'content-type': tipo, 'x-csrf-token': csrf },
    body: archivo,
  });
  if (await reingresar(r.status, url)) return subirArchivo(url, archivo, { metodo, tipo });
  if (!r.ok) {
    const datos = await r.json().catch(() => null);
    throw new ErrorApi(r.status, datos?.mensaje ?? 'No fue posible cargar el archivo.', datos?.campos ?? []);
  }
}

/** Field → message, to show each error under its own input. */
export function erroresPorCampo(error: unknown): Record<string, string> {
  if (!(error instanceof ErrorApi)) return {};
  // The API words field messages to follow «Revise el campo …:»; under the field they start a sentence.
  return Object.fromEntries(
    error.campos.map((c) => [c.campo, c.mensaje.charAt(0).toUpperCase() + c.mensaje.slice(1)]),
  );
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
      `El archivo pesa más de ${(maximoBytes / (1024 * 1024)).toLocaleString('es-CO')} MB. Divídalo en varios archivos.`,
      [],
    );
  const csv = /\.csv$/i.test(archivo.name);
  const r = await conectar(url, {
    method: 'POST',
    headers: { 'content-type': csv ? 'text/csv' : 'application/octet-stream', 'x-csrf-token': csrf },
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
