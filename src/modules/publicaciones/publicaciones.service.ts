// The 31 January pack: which documents the entity must publish this year, each version uploaded, and the
// permanent public address that always serves the latest one (core/publicaciones.ts has the rules).
import { and, desc, eq, max } from 'drizzle-orm';
import type { DocumentoPaquete, Paquete } from '../../contrato/publicaciones.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { nombreSeguro } from '../../core/nombre-archivo.ts';
import {
  documentosDelPaquete,
  limitePaquete,
  paqueteVencido,
  publicadoATiempo,
} from '../../core/publicaciones.ts';
import { tipoEvidencia } from '../../core/tipo-archivo.ts';
import type { Db } from '../../db/client.ts';
import { documentoPublicado, usuario } from '../../db/schema.ts';
import { sostenerTope } from '../../db/tope.ts';
import { conflicto, ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { planesDecreto612De, vigenciasCatalogo } from '../catalogo/catalogo.repository.ts';

/** What a published document may be: what entities publish plans and reports in. */
const EXTENSIONES = ['pdf', 'xlsx', 'docx', 'ods', 'odt'] as const;
export const DOCUMENTO_MAXIMO = 25 * 1024 * 1024;
/** Versions of one document (each up to 25 MB): corrections, not a file store. */
export const MAXIMO_VERSIONES = 50;

/**
 * The address citizens and the entity's website link to: the latest version, forever. By the entity's id, not
 * its readable address: a rename changes that one, and /publico/<id>/… always redirects to the current one.
 */
export const urlPublicaDocumento = (entidadId: string, vigencia: number, clave: string) =>
  `/publico/${entidadId}/documentos/${vigencia}/${clave}`;

async function documentosDe(db: Db, vigencia: number) {
  // The vigencia's catalog says which Decreto 612 plans exist; without it there is no pack to speak of.
  if (!(await vigenciasCatalogo(db)).some((v) => v.vigencia === vigencia))
    throw noEncontrado(`el catálogo MIPG de la vigencia ${vigencia}`);
  return documentosDelPaquete(vigencia, await planesDecreto612De(db, vigencia));
}

async function versiones(db: Db, entidadId: string, vigencia: number) {
  return db
    .select({
      clave: documentoPublicado.clave,
      version: documentoPublicado.version,
      fechaPublicacion: documentoPublicado.fechaPublicacion,
      nombre: documentoPublicado.archivoNombre,
      tipo: documentoPublicado.archivoTipo,
      bytes: documentoPublicado.archivoBytes,
      nota: documentoPublicado.nota,
      publicadoPor: usuario.nombre,
    })
    .from(documentoPublicado)
    .leftJoin(usuario, eq(usuario.id, documentoPublicado.publicadoPor))
    .where(and(eq(documentoPublicado.entidadId, entidadId), eq(documentoPublicado.vigencia, vigencia)))
    .orderBy(desc(documentoPublicado.version));
}

/** The pack of `vigencia` as the entity's planning office sees it: each document, its state and versions. */
export async function paqueteDe(
  db: Db,
  entidadId: string,
  vigencia: number,
  hoy = hoyEnColombia(),
): Promise<Paquete> {
  const [documentos, subidas] = await Promise.all([
    documentosDe(db, vigencia),
    versiones(db, entidadId, vigencia),
  ]);
  const lista: DocumentoPaquete[] = documentos.map((d) => {
    const suyas = subidas.filter((v) => v.clave === d.clave);
    const primera = suyas.at(-1);
    return {
      ...d,
      estado: suyas.length ? 'publicado' : paqueteVencido(vigencia, hoy, false) ? 'vencido' : 'pendiente',
      aTiempo: primera ? publicadoATiempo(vigencia, primera.fechaPublicacion) : null,
      urlPublica: suyas.length ? urlPublicaDocumento(entidadId, vigencia, d.clave) : null,
      versiones: suyas.map((v) => ({
        version: v.version,
        fechaPublicacion: v.fechaPublicacion,
        archivo: { nombre: v.nombre, tipo: v.tipo, bytes: v.bytes },
        nota: v.nota,
        publicadoPor: v.publicadoPor,
      })),
    };
  });
  return {
    vigencia,
    limite: limitePaquete(vigencia),
    pendientes: lista.filter((d) => d.estado !== 'publicado').length,
    vencidos: lista.filter((d) => d.estado === 'vencido').length,
    documentos: lista,
  };
}

/**
 * Publishes a new version of one document of the pack. Versions are numbered under a row lock on the
 * entity's documents of that key (two uploads at once: the second gets the next number, or a 409 if the
 * unique index catches a race the lock did not see).
 */
export async function publicarDocumento(
  db: Db,
  dataDir: string,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  clave: string,
  archivo: unknown,
  datos: { nombre: string; nota?: string | null },
) {
  const doc = (await documentosDe(db, vigencia)).find((d) => d.clave === clave);
  if (!doc) throw noEncontrado(`el documento «${clave}» en el paquete de ${vigencia}`);
  if (!Buffer.isBuffer(archivo) || archivo.length === 0)
    throw invalido('archivo', 'envíe el archivo del documento (no puede estar vacío)');
  // The type is the content's; the name keeps the person's words with the extension of what it really is.
  const tipo = tipoEvidencia(archivo, datos.nombre);
  if (!tipo || !EXTENSIONES.some((e) => tipo.extensiones.includes(e)))
    throw invalido('archivo', 'el documento se publica en PDF, Excel, Word u OpenDocument');
  const nombre = nombreSeguro(datos.nombre, tipo.extensiones);
  if (!nombre) throw invalido('nombre', 'escriba un nombre de archivo con letras o números');
  const hoy = hoyEnColombia();
  const hash = await guardarArchivo(dataDir, archivo);
  try {
    return await db.transaction(async (tx) => {
      // Serialises versions of the same document (an advisory lock: there may be no row yet to lock).
      await sostenerTope(tx, 'version_documento_publicado', `${entidadId}:${vigencia}:${clave}`);
      const [ultima] = await tx
        .select({ n: max(documentoPublicado.version) })
        .from(documentoPublicado)
        .where(
          and(
            eq(documentoPublicado.entidadId, entidadId),
            eq(documentoPublicado.vigencia, vigencia),
            eq(documentoPublicado.clave, clave),
          ),
        );
      const version = (ultima?.n ?? 0) + 1;
      if (version > MAXIMO_VERSIONES)
        throw conflicto(
          `«${doc.titulo}» ya tiene ${MAXIMO_VERSIONES} versiones, el máximo. Si necesita otra, escriba al administrador de la plataforma.`,
        );
      await tx.insert(documentoPublicado).values({
        entidadId,
        vigencia,
        clave,
        version,
        titulo: doc.titulo,
        numeral: doc.numeral,
        archivoHash: hash,
        archivoNombre: nombre,
        archivoTipo: tipo.mime,
        archivoBytes: archivo.length,
        fechaPublicacion: hoy,
        nota: datos.nota ?? null,
        publicadoPor: actor.usuarioId,
      });
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'publicar_documento',
        recurso: 'documento_publicado',
        recursoId: `${vigencia}:${clave}:v${version}`,
        antes: null,
        despues: { titulo: doc.titulo, version, archivo: nombre, sha256: hash, bytes: archivo.length },
      });
      return { version };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw conflicto(
        'Otra persona publicó una versión de este documento en este momento; recargue y vuelva a intentar.',
      );
    throw e;
  }
}

/** How many documents of the pack of `vigencia` have no version yet (0 without a catalog for it). */
export async function documentosSinPublicar(db: Db, entidadId: string, vigencia: number) {
  const documentos = await documentosDe(db, vigencia).catch((e) => {
    if (e instanceof ErrorApi && e.status === 404) return [];
    throw e;
  });
  if (!documentos.length) return 0;
  const publicadas = await db
    .selectDistinct({ clave: documentoPublicado.clave })
    .from(documentoPublicado)
    .where(and(eq(documentoPublicado.entidadId, entidadId), eq(documentoPublicado.vigencia, vigencia)));
  const hechas = new Set(publicadas.map((p) => p.clave));
  return documentos.filter((d) => !hechas.has(d.clave)).length;
}

/** One version of a document (the latest when `version` is not given), with its bytes. */
export async function archivoDocumento(
  db: Db,
  dataDir: string,
  entidadId: string,
  vigencia: number,
  clave: string,
  version?: number,
) {
  const [d] = await db
    .select()
    .from(documentoPublicado)
    .where(
      and(
        eq(documentoPublicado.entidadId, entidadId),
        eq(documentoPublicado.vigencia, vigencia),
        eq(documentoPublicado.clave, clave),
        ...(version ? [eq(documentoPublicado.version, version)] : []),
      ),
    )
    .orderBy(desc(documentoPublicado.version))
    .limit(1);
  if (!d)
    throw noEncontrado(
      version
        ? `la versión ${version} de este documento`
        : 'este documento: la entidad aún no lo ha publicado',
    );
  const contenido = await leerArchivo(dataDir, d.archivoHash);
  if (!contenido) throw new ErrorApi(410, 'El archivo de este documento ya no está disponible.');
  return { contenido, nombre: d.archivoNombre, tipo: d.archivoTipo, version: d.version, titulo: d.titulo };
}

/** The published documents of every vigencia, newest first: what the public page lists. */
export async function documentosPublicados(db: Db, entidadId: string) {
  const filas = await db
    .selectDistinctOn([documentoPublicado.vigencia, documentoPublicado.clave], {
      vigencia: documentoPublicado.vigencia,
      clave: documentoPublicado.clave,
      titulo: documentoPublicado.titulo,
      numeral: documentoPublicado.numeral,
      version: documentoPublicado.version,
      fechaPublicacion: documentoPublicado.fechaPublicacion,
      tipo: documentoPublicado.archivoTipo,
      bytes: documentoPublicado.archivoBytes,
    })
    .from(documentoPublicado)
    .where(eq(documentoPublicado.entidadId, entidadId))
    .orderBy(documentoPublicado.vigencia, documentoPublicado.clave, desc(documentoPublicado.version));
  return filas.sort(
    (a, b) =>
      b.vigencia - a.vigencia ||
      b.fechaPublicacion.localeCompare(a.fechaPublicacion) ||
      a.titulo.localeCompare(b.titulo, 'es'),
  );
}
