// Fuzz of the whole API, generated from its OpenAPI document: every write route (JSON bodies built from their
// schema and broken one field at a time, raw bodies, garbage files) and every GET route's parameters, sent by
// the platform administrator (who also holds every role in a fully-populated entity) with the CSRF header.
// Every answer must be < 500 and, when 4xx, the Spanish error contract {error, mensaje, campos?}.
//
// Default: a fixed seed and a few fast-check runs per route (CI). Longer, with a random seed:
//   MIPG_FUZZ_RUNS=2000 npx vitest run src/server/fuzz.test.ts
// Repeat a run: MIPG_FUZZ_SEED=<seed> MIPG_FUZZ_RUNS=<runs>; only some routes: MIPG_FUZZ_RUTA=<text of "METHOD /route">.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generador } from './fuzz/casos.ts';
import { crearEscenario, type Escenario } from './fuzz/escenario.ts';
import { type Operacion, operacionesDe } from './fuzz/esquema.ts';
import { type Caso, Fallas, recortar, revisar } from './fuzz/revision.ts';
import type { Sesion } from './prueba.ts';

const LARGO = process.env.MIPG_FUZZ_RUNS !== undefined;
const CORRIDAS = Number(process.env.MIPG_FUZZ_RUNS ?? 6);
/** The whole fixed catalogue on every field (always in the long run; MIPG_FUZZ_COMPLETO=1 for a short one). */
const COMPLETO = LARGO || !!process.env.MIPG_FUZZ_COMPLETO;
const SEMILLA = process.env.MIPG_FUZZ_SEED
  ? Number(process.env.MIPG_FUZZ_SEED)
  : LARGO
    ? Math.floor(Math.random() * 2 ** 31)
    : 20_261_125;
const FILTRO = process.env.MIPG_FUZZ_RUTA;

let fx: Escenario;
beforeAll(async () => {
  fx = await crearEscenario();
}, 600_000);
afterAll(() => fx?.t.cerrar());

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

/** Routes that change the state others rely on go last: flows, then deletions, then sessions, then reads. */
function rango(op: Operacion): number {
  const { ruta, metodo } = op;
  if (metodo === 'GET') return 7;
  if (ruta === '/api/auth/logout') return 6;
  if (
    ruta.startsWith('/api/auth') ||
    ruta === '/api/configuracion-inicial' ||
    ruta.endsWith('/restablecer-clave')
  )
    return 5;
  if (metodo === 'DELETE') return 4;
  if (
    /\/planes\/:vigencia\/(enviar|devolver|aprobar|publicar|nueva-version)$|\/periodos\/:numero\/(cerrar|reabrir)$/.test(
      ruta,
    ) ||
    (metodo === 'PUT' && ruta.includes('/vigencias/'))
  )
    return 3;
  if (/\/seguimientos\/.+\/(enviar|aceptar|devolver|verificar|observar)$/.test(ruta)) return 2;
  return 1;
}

function sesionPara(op: Operacion): Sesion {
  if (op.ruta === '/api/auth/logout') return fx.sesionDesechable;
  if (op.ruta === '/api/auth/cambiar-clave') return fx.sesionClave;
  return fx.t.admin;
}

/** The cause of a 500 as the error handler logs it: the database's or the library's message and where. */
function causaDe(registro: unknown): string {
  // The error handler logs `{ err }` (errores.ts: a failed query without its parameters).
  const o = registro && typeof registro === 'object' && 'err' in registro ? registro.err : registro;
  if (o && typeof o === 'object' && 'consulta' in o) return recortar(JSON.stringify(o), 300);
  if (o && typeof o === 'object' && 'issues' in o)
    return `respuesta fuera de esquema: ${recortar(JSON.stringify((o as { issues: unknown }).issues), 300)}`;
  if (!(o instanceof Error)) return recortar(String(o), 200);
  const raiz = (o.cause instanceof Error ? o.cause : o) as Error & { code?: string };
  const donde =
    (o.stack ?? '')
      .split('\n')
      .find((l) => l.includes('/src/') && !l.includes('/src/server/errores.ts'))
      ?.trim()
      .replace(/^at /, '')
      .replace(/\S*\/src\//, 'src/') ?? '';
  return `${raiz.name}${raiz.code ? ` [${raiz.code}]` : ''}: ${recortar(raiz.message.split('\n')[0] ?? '', 160)}${donde ? ` @ ${donde}` : ''}`;
}

/** A 500 the error handler never saw (e.g. Fastify's own serializer failing on the error answer). */
function codigoDe(cuerpo: string): string | undefined {
  try {
    const c = JSON.parse(cuerpo) as { code?: string; message?: string };
    return c.code ? `${c.code}: ${c.message ?? ''} (no pasó por el manejador de errores)` : undefined;
  } catch {
    return undefined;
  }
}

describe('fuzz de la API', () => {
  it(
    'ninguna entrada produce un 500 ni un error fuera del contrato en español',
    async () => {
      const { t } = fx;
      const fallas = new Fallas();
      const operaciones = operacionesDe(t.app.swagger() as never)
        .filter((op) => op.ruta.startsWith('/api'))
        .sort((a, b) => rango(a) - rango(b));

      // Every write route the server has must be in the document (a hidden one would escape the fuzz). The
      // public pages' one form answers HTML, not the JSON contract: its hostile inputs are in consultas.test.ts.
      const documentadas = new Set(operaciones.map((o) => `${o.metodo} ${o.ruta}`));
      const ocultas = t.app.rutasApi
        .filter((r) => !r.url.startsWith('/publico/'))
        .filter((r) => r.method !== 'GET' && !documentadas.has(`${r.method} ${r.url}`))
        .map((r) => `${r.method} ${r.url}`);
      expect(ocultas).toEqual([]);
      expect(operaciones.filter((o) => o.metodo !== 'GET').length).toBeGreaterThan(30);

      // The error handler logs a 500's error through the app's logger: catch it to report the cause.
      let causa: string | undefined;
      const logger = t.app.log as unknown as { error: (...a: unknown[]) => void };
      const original = logger.error;
      logger.error = (o: unknown) => {
        causa ??= causaDe(o);
      };

      let enviadas = 0;
      const inicio = Date.now();
      const enviar = async (caso: Caso, sesion: Sesion | null) => {
        causa = undefined;
        enviadas++;
        const headers: Record<string, string> = sesion
          ? { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf }
          : {};
        if (caso.contenido?.tipo) headers['content-type'] = caso.contenido.tipo;
        const r = await t.app.inject({
          method: caso.metodo as 'GET',
          url: caso.url,
          headers,
          ...(caso.contenido === undefined ? {} : { payload: caso.contenido.datos }),
        });
        const motivo = revisar(r);
        if (motivo)
          fallas.registrar(caso, r, motivo, r.statusCode >= 500 ? (causa ?? codigoDe(r.body)) : undefined);
      };

      /** A route takes raw files when it does not refuse one with 415 (its parser is registered). */
      const aceptaArchivos = async (op: Operacion, sesion: Sesion) => {
        const url = generador(op, fx, { semilla: 0, corridas: 0, completo: false, archivos: false }).url;
        for (const tipo of ['application/octet-stream', 'image/png']) {
          const r = await t.app.inject({
            method: op.metodo,
            url,
            headers: { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf, 'content-type': tipo },
            payload: Buffer.from('sonda'),
          });
          if (r.statusCode !== 415) return true;
        }
        return false;
      };

      const tiempos: string[] = [];
      try {
        for (const op of operaciones) {
          if (FILTRO && !`${op.metodo} ${op.ruta}`.includes(FILTRO)) continue;
          const desde = Date.now();
          const antes = enviadas;
          const sesion = sesionPara(op);
          const archivos = op.metodo !== 'GET' && !op.cuerpos.length && (await aceptaArchivos(op, sesion));
          const semilla = SEMILLA ^ hash(`${op.metodo} ${op.ruta}`);
          const g = generador(op, fx, { semilla, corridas: CORRIDAS, completo: COMPLETO, archivos });
          for await (const caso of g.casos()) await enviar(caso, sesion);
          tiempos.push(`${op.metodo} ${op.ruta}: ${enviadas - antes} solicitudes, ${Date.now() - desde} ms`);
        }
        // After the fuzz has written whatever it could, every read of the entity must still work.
        for (const op of operaciones.filter((o) => o.metodo === 'GET')) {
          const conVigencia = op.parametros.some((p) => p.name === 'vigencia');
          for (const vigencia of conVigencia ? [2024, 2025, 2026] : [undefined]) {
            const g = generador(op, fx, {
              semilla: SEMILLA,
              corridas: 1,
              completo: false,
              archivos: false,
              vigencia,
            });
            const tipo = `lectura tras el fuzz${vigencia ? ` (vigencia ${vigencia})` : ''}`;
            await enviar({ metodo: 'GET', patron: op.ruta, url: g.url, tipo }, t.admin);
          }
        }
      } finally {
        logger.error = original;
      }
      if (process.env.MIPG_FUZZ_TIEMPOS) console.log(tiempos.join('\n'));
      console.log(
        `fuzz: ${enviadas} solicitudes en ${Math.round((Date.now() - inicio) / 1000)} s, semilla ${SEMILLA}, ${CORRIDAS} corridas por ruta${COMPLETO ? ', catálogo completo' : ''}, ${fallas.total} fallas distintas`,
      );
      if (fallas.total)
        throw new Error(
          `El fuzz encontró ${fallas.total} fallas distintas (repetir con MIPG_FUZZ_SEED=${SEMILLA} MIPG_FUZZ_RUNS=${CORRIDAS}${COMPLETO ? ' MIPG_FUZZ_COMPLETO=1' : ''}):\n${fallas.informe()}`,
        );
    },
    COMPLETO ? 6 * 60 * 60_000 : 600_000,
  );
});
