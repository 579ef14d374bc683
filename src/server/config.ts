import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { esCorreoSimple } from '../core/correo.ts';

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
  /** Outgoing e-mail; null (MIPG_SMTP_URL unset): everything stays in-app. */
  correo: ConfigCorreo | null;
  /** Hour (0–23, Colombia) of the daily digest of pending items (MIPG_RESUMEN_HORA, 7 by default). */
  resumenHora: number;
}

export interface ConfigCorreo {
  /** smtp://usuario:clave@host:587 or smtps://…:465 */
  smtpUrl: string;
  /** Address in the From header (MIPG_CORREO_REMITENTE). */
  remitente: string;
  /** Public address of the platform, for the links in e-mails (MIPG_URL_PUBLICA), without a final «/». */
  urlPublica: string;
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

export function leerCorreo(env: NodeJS.ProcessEnv): ConfigCorreo | null {
  const smtp = env.MIPG_SMTP_URL?.trim();
  if (!smtp) return null;
  let url: URL;
  try {
    url = new URL(smtp);
  } catch {
    url = new URL('invalida:');
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname)
    throw new Error(
      'La variable MIPG_SMTP_URL debe ser la dirección del servidor de correo, como «smtp://usuario:clave@correo.entidad.gov.co:587» o «smtps://…:465» (la clave con caracteres especiales va codificada, p. ej. %40 para @).',
    );
  const remitente = env.MIPG_CORREO_REMITENTE?.trim() ?? '';
  if (!esCorreoSimple(remitente))
    throw new Error(
      `La variable MIPG_CORREO_REMITENTE (obligatoria con MIPG_SMTP_URL) debe ser el correo que envía los mensajes, p. ej. «mipg@entidad.gov.co» (recibí «${remitente}»).`,
    );
  const publica = env.MIPG_URL_PUBLICA?.trim() ?? '';
  let base: URL | null = null;
  try {
    base = new URL(publica);
  } catch {}
  if (!base || (base.protocol !== 'https:' && base.protocol !== 'http:') || base.search || base.hash)
    throw new Error(
      `La variable MIPG_URL_PUBLICA (obligatoria con MIPG_SMTP_URL) debe ser la dirección con la que las personas abren la plataforma, p. ej. «https://mipg.entidad.gov.co», para los enlaces de los correos (recibí «${publica}»).`,
    );
  return { smtpUrl: smtp, remitente, urlPublica: base.toString().replace(/\/+$/, '') };
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
  const resumenHora = Number(env.MIPG_RESUMEN_HORA ?? 7);
  if (!Number.isInteger(resumenHora) || resumenHora < 0 || resumenHora > 23)
    throw new Error(
      `La variable MIPG_RESUMEN_HORA debe ser la hora del resumen diario en Colombia, de 0 a 23 (recibí «${env.MIPG_RESUMEN_HORA}»).`,
    );
  return {
    correo: leerCorreo(env),
    resumenHora,
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
