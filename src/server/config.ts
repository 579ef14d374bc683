import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Largest evidence file accepted, in bytes (MIPG_EVIDENCIA_MAX_MB, 25 MB by default). */
  evidenciaMaxBytes: number;
  /**
   * Proxies whose X-Forwarded-For/-Proto are believed (MIPG_TRUST_PROXY): addresses or CIDR ranges, or a
   * number of hops. None by default: anyone could otherwise pick the address that the rate limits and the
   * audit log see.
   */
  confiarEnProxy: false | number | string[];
}

const NOMBRES_PROXY = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function leerConfianzaProxy(valor: string | undefined): Config['confiarEnProxy'] {
  const v = (valor ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v) && Number(v) <= 10) return Number(v);
  const partes = v.split(',').map((p) => p.trim());
  const malas = partes.filter((p) => {
    const [ip, bits, ...resto] = p.split('/');
    if (NOMBRES_PROXY.has(p)) return false;
    const familia = isIP(ip ?? '');
    if (!familia || resto.length) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (familia === 4 ? 32 : 128));
  });
  if (malas.length || !partes.length)
    throw new Error(
      `La variable MIPG_TRUST_PROXY debe ser la lista de direcciones o rangos de sus proxies separados por comas (p. ej. «127.0.0.1,10.0.0.0/8»), «loopback», o el número de proxies (1 a 10); no entiendo «${malas.join(', ') || v}».`,
    );
  return partes;
}

export function leerConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`La variable PORT debe ser un número de puerto entre 0 y 65535 (recibí «${env.PORT}»).`);
  const mb = Number(env.MIPG_EVIDENCIA_MAX_MB ?? 25);
  if (!(mb > 0 && mb <= 1024))
    throw new Error(
      `La variable MIPG_EVIDENCIA_MAX_MB debe ser un número de megabytes entre 1 y 1024 (recibí «${env.MIPG_EVIDENCIA_MAX_MB}»).`,
    );
  return {
    evidenciaMaxBytes: Math.round(mb * 1024 * 1024),
    confiarEnProxy: leerConfianzaProxy(env.MIPG_TRUST_PROXY),
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.MIPG_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.MIPG_ADMIN_EMAIL || undefined,
    adminPassword: env.MIPG_ADMIN_PASSWORD || undefined,
  };
}
