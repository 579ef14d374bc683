import { eq } from 'drizzle-orm';
import { dimensionesImagen } from '../../core/dimensiones-imagen.ts';
import { tipoImagen } from '../../core/tipo-archivo.ts';
import type { Db } from '../../db/client.ts';
import { entidad } from '../../db/schema.ts';
import { ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { obtenerEntidad } from './entidad.service.ts';

export const LOGO_MAXIMO = 512 * 1024;
/** Pixels per side: a logo needs a few hundred; the cap keeps a tiny file from declaring a huge canvas. */
export const LOGO_LADO_MAXIMO = 4096;
export const TIPOS_LOGO = ['image/png', 'image/jpeg', 'image/webp'];

/** Sets the entity's logo: PNG, JPEG or WebP by content (no SVG: it can carry scripts), bounded in pixels. */
export async function cambiarLogo(db: Db, dataDir: string, actor: Actor, entidadId: string, imagen: unknown) {
  if (!Buffer.isBuffer(imagen))
    throw new ErrorApi(415, 'Envíe el logo como imagen PNG, JPEG o WebP.', [
      { campo: 'logo', mensaje: 'el archivo debe ser una imagen PNG, JPEG o WebP' },
    ]);
  const tipo = tipoImagen(imagen);
  const medidas = tipo && dimensionesImagen(imagen, tipo);
  if (!medidas)
    throw new ErrorApi(400, 'El archivo no es una imagen PNG, JPEG o WebP válida.', [
      { campo: 'logo', mensaje: 'el contenido del archivo no corresponde a una imagen PNG, JPEG o WebP' },
    ]);
  if (medidas.ancho > LOGO_LADO_MAXIMO || medidas.alto > LOGO_LADO_MAXIMO)
    throw invalido(
      'logo',
      `la imagen mide ${medidas.ancho} × ${medidas.alto} píxeles; el máximo es ${LOGO_LADO_MAXIMO} × ${LOGO_LADO_MAXIMO}`,
    );
  const antes = await obtenerEntidad(db, entidadId);
  const hash = await guardarArchivo(dataDir, imagen);
  await db.transaction(async (tx) => {
    await tx.update(entidad).set({ logo: hash }).where(eq(entidad.id, entidadId));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'cambiar_logo',
      recurso: 'entidad',
      recursoId: entidadId,
      antes: { logo: antes.logo },
      despues: { logo: hash, bytes: imagen.length },
    });
  });
}

/** The logo's bytes, type and hash (its ETag); 404 when the entity has none or the file is gone. */
export async function leerLogo(db: Db, dataDir: string, entidadId: string) {
  const e = await obtenerEntidad(db, entidadId);
  const imagen = e.logo ? await leerArchivo(dataDir, e.logo) : null;
  const tipo = imagen && tipoImagen(imagen);
  if (!imagen || !tipo || !e.logo) throw noEncontrado('el logo de la entidad');
  return { imagen, tipo, hash: e.logo };
}
