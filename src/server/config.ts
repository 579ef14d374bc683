import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
}

export function leerConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`La variable PORT debe ser un número de puerto entre 0 y 65535 (recibí «${env.PORT}»).`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.MIPG_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.MIPG_ADMIN_EMAIL || undefined,
    adminPassword: env.MIPG_ADMIN_PASSWORD || undefined,
  };
}
