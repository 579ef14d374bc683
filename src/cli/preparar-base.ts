// Own process, run by `npm start` before the server on a new embedded database: initdb, every migration,
// the MIPG catalog and the first admin's password hash grow the memory by ~130 MB that is never given back;
// done here and ended, that memory goes with the process and the server starts at its usual idle size
// (ADR 0001).
// Any problem is left for the server to report in Spanish: this step only saves memory.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sincronizarCatalogo } from '../db/catalogo.ts';
import { abrirPglite } from '../db/client.ts';
import { crearAdministrador } from '../modules/usuarios/administrador.service.ts';
import { leerConfig } from '../server/config.ts';

try {
  const { dataDir, databaseUrl, adminEmail, adminPassword } = leerConfig();
  const carpeta = join(dataDir, 'pg');
  if (!databaseUrl && !existsSync(join(carpeta, 'PG_VERSION'))) {
    mkdirSync(carpeta, { recursive: true });
    const { cliente, db } = await abrirPglite(carpeta);
    await sincronizarCatalogo(db);
    if (adminEmail && adminPassword)
      await crearAdministrador({ db, tipo: 'pglite', cerrar: async () => {} }, adminEmail, adminPassword);
    await cliente.close();
  }
} catch {
  // The server will meet the same problem and explain it.
}
