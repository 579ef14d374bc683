// What both benches share: a keep-alive load generator, waiting for health, and starting the server exactly
// as `npm start` does.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

/**
 * Closed loop: `concurrencia` requests in flight for `ms`; returns req/s and latency percentiles. `cabeceras`
 * are sent with every request (a browser's Accept-Encoding, a cookie, If-None-Match); `esperado` is the status
 * every answer must have.
 */
export async function carga(
  url: string,
  concurrencia: number,
  ms: number,
  cabeceras: Record<string, string> = {},
  esperado = 200,
) {
  const agente = new http.Agent({ keepAlive: true, maxSockets: concurrencia });
  const fin = performance.now() + ms;
  const tiempos: number[] = [];
  const una = () =>
    new Promise<void>((ok, mal) => {
      const t0 = performance.now();
      http
        .get(url, { agent: agente, headers: cabeceras }, (res) => {
          if (res.statusCode !== esperado) mal(new Error(`${url}: ${res.statusCode}`));
          res.resume();
          res.on('end', () => {
            tiempos.push(performance.now() - t0);
            ok();
          });
        })
        .on('error', mal);
    });
  const inicio = performance.now();
  await Promise.all(
    Array.from({ length: concurrencia }, async () => {
      while (performance.now() < fin) await una();
    }),
  );
  const segundos = (performance.now() - inicio) / 1000;
  agente.destroy();
  return { rps: tiempos.length / segundos, p50: percentil(tiempos, 0.5), p99: percentil(tiempos, 0.99) };
}

/** Milliseconds until `url` answers 200. */
export async function esperarSalud(url: string, limiteMs = 60_000): Promise<number> {
  const inicio = performance.now();
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return performance.now() - inicio;
    if (performance.now() - inicio > limiteMs) throw new Error(`${url} no respondió`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function lanzar(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The exact node flags and script of package.json's "start", so the benches measure what users run. */
const ARGS_START = JSON.parse(readFileSync('package.json', 'utf8'))
  .scripts.start.split(/\s+/)
  .slice(1) as string[];
export const lanzarComoNpmStart = (env: Record<string, string>) => lanzar(ARGS_START, env);

export async function detener(p: ChildProcess) {
  p.kill('SIGTERM');
  await new Promise((r) => p.once('exit', r));
}

export const f = (n: number, d = 1) =>
  n.toLocaleString('es-CO', { maximumFractionDigits: d, minimumFractionDigits: d });

/**
 * The session cookie of a login's Set-Cookie headers, as a browser sends it from then on. The mark of a recent
 * write (mipg_escrito) is left out: it lives 2 s in a browser, and kept for a whole run it would make every
 * read ask the database for the dashboard's version.
 */
/** «×0,80»: this copy's figure over the base's; «—» when the base's is zero or missing. */
export const razon = (nuestra: number, base: number) =>
  base > 0 && Number.isFinite(nuestra) ? `×${f(nuestra / base, 2)}` : '—';

export const cookieDeSesion = (setCookie: string[]) =>
  setCookie
    .map((c) => c.split(';')[0]!)
    .filter((c) => c.startsWith('mipg_sesion='))
    .join('; ');

/**
 * Nearest-rank percentile: the smallest value with at least `p` of the sample at or below it (of 100 times, p99
 * is the 99th, not the slowest; p50 of an even count is the lower middle).
 */
/** The middle value; with an even count, the mean of the two middle ones. */
export const mediana = (xs: readonly number[]) => {
  const o = [...xs].sort((a, b) => a - b);
  const m = Math.floor(o.length / 2);
  return o.length % 2 ? o[m]! : (o[m - 1]! + o[m]!) / 2;
};

export function percentil(xs: readonly number[], p: number) {
  if (xs.length === 0) return Number.NaN;
  const o = [...xs].sort((a, b) => a - b);
  return o[Math.min(o.length, Math.max(1, Math.ceil(o.length * p))) - 1]!;
}
