import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorConfiguracion } from './errores-configuracion.ts';

const vivo = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process per data folder: a second one (say, the console while `npm start` runs) would
 * corrupt it. The lock file names the owner; a lock left by a dead process is taken over.
 */
export function tomarCandado(carpeta: string): () => void {
  const ruta = join(carpeta, 'mipg.pid');
  for (let intento = 0; intento < 2; intento++) {
    try {
      const fd = openSync(ruta, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let soltado = false;
      const soltar = () => {
        if (soltado) return;
        soltado = true;
        rmSync(ruta, { force: true });
        process.off('exit', soltar);
      };
      process.on('exit', soltar);
      return soltar;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const duenio = Number(readFileSync(ruta, 'utf8'));
      if (duenio && vivo(duenio)) {
        throw new ErrorConfiguracion(
          `La base de datos embebida en «${carpeta}» está en uso por otro proceso de MIPG Abierto (pid ${duenio}). Deténgalo (por ejemplo, el servidor de «npm start») antes de usar la consola, o use PostgreSQL con DATABASE_URL.`,
        );
      }
      rmSync(ruta, { force: true }); // stale: its owner is gone
    }
  }
  throw new ErrorConfiguracion(`No fue posible tomar el control de la carpeta de datos «${carpeta}».`);
}
