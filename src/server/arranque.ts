import { accessSync, constants, mkdirSync } from 'node:fs';
import { sincronizarCatalogo } from '../db/catalogo.ts';
import { type Conexion, conectar, ErrorConfiguracion } from '../db/client.ts';
import type { Config } from './config.ts';

/** Opens the database (creating the data folder), applies migrations and syncs the MIPG catalog. */
export async function abrirBase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<Conexion> {
  if (!config.databaseUrl) {
    try {
      mkdirSync(config.dataDir, { recursive: true });
      accessSync(config.dataDir, constants.W_OK);
    } catch {
      throw new ErrorConfiguracion(
        `No se puede escribir en la carpeta de datos «${config.dataDir}». Elija otra con la variable MIPG_DATA_DIR o corrija sus permisos.`,
      );
    }
  }
  const conexion = await conectar({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await sincronizarCatalogo(conexion.db);
  return conexion;
}
