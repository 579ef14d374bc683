import { formatearNit } from '../../core/nit.ts';
import type { Db } from '../../db/client.ts';
import { ErrorApi } from '../../server/errores.ts';
import { obtenerEntidad } from '../entidades/entidad.service.ts';
import { leerLogo } from '../entidades/logo.service.ts';
import type { Membrete } from './pdf.ts';

/** The entity's letterhead for its documents: name, NIT and logo (left out when it has none). */
export async function membreteDe(db: Db, dataDir: string, entidadId: string): Promise<Membrete> {
  const e = await obtenerEntidad(db, entidadId);
  // No logo is no logo; any other failure to read it is not hidden.
  const logo = e.logo
    ? await leerLogo(db, dataDir, entidadId).catch((x) => {
        if (x instanceof ErrorApi && x.status === 404) return null;
        throw x;
      })
    : null;
  return { nombre: e.nombre, nit: `NIT ${formatearNit(e.nit, e.dv)}`, logo };
}
