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
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.MIPG_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.MIPG_ADMIN_EMAIL || undefined,
    adminPassword: env.MIPG_ADMIN_PASSWORD || undefined,
  };
}
