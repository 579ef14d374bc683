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
export const reingresar = async (status: number, url: string) =>
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
export const conectar = (url: string, init: RequestInit) =>
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

/** Field → message, to show each error under its own input. */
export function erroresPorCampo(error: unknown): Record<string, string> {
  if (!(error instanceof ErrorApi)) return {};
  // The API words field messages to follow «Revise el campo …:»; under the field they start a sentence.
  return Object.fromEntries(
    error.campos.map((c) => [c.campo, c.mensaje.charAt(0).toUpperCase() + c.mensaje.slice(1)]),
  );
}
