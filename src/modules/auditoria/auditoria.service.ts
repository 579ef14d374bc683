import { compararAncla, type ResultadoVerificacion } from '../../core/cadena-hash.ts';
import type { Db } from '../../db/client.ts';
import { agregarAncla, archivoAnclas, claveBitacora, leerAnclas } from './anclas.ts';
import { contarDeEntidad, entidadDelRegistro, filaDeAncla, recorrerCadena } from './auditoria.repository.ts';

/**
 * The whole platform's chain: every link, then the newest signed anchor (so deleting the newest rows shows
 * as «cadena truncada»). When all is intact, a new anchor records the head seen now.
 */
export async function verificarAuditoria(db: Db, dataDir: string): Promise<ResultadoVerificacion> {
  const clave = await claveBitacora(dataDir);
  const anclas = await leerAnclas(dataDir, clave);
  const { resultado, ultimo } = await recorrerCadena(db);
  if (!resultado.ok) return resultado;
  if (!anclas.ok)
    return {
      ok: false,
      revisados: resultado.revisados,
      falla: 'ancla',
      motivo: `la línea ${anclas.linea} del archivo de anclas «${archivoAnclas(dataDir)}» fue alterada (${anclas.motivo})`,
    };
  if (anclas.ultima) {
    const r = compararAncla(
      anclas.ultima,
      await filaDeAncla(db, anclas.ultima.ultimoId),
      resultado.revisados,
    );
    if (!r.ok) return r;
  }
  // Rows added while walking are not counted, so the anchor is the head the walk actually saw.
  if (ultimo)
    await agregarAncla(dataDir, clave, {
      ultimoId: ultimo.id,
      ultimoHash: ultimo.hash,
      total: resultado.revisados,
      fecha: new Date().toISOString(),
    });
  return resultado;
}

export interface VerificacionEntidad {
  ok: boolean;
  /** The entity's own rows, never the platform's count. */
  revisados: number;
  idRoto?: number;
  motivo?: string;
}

/**
 * What an entity's administrator may learn: whether its rows are intact and how many there are. A break in
 * another entity's row or a deleted row cannot be attributed (the deleted row might have been this
 * entity's), so it is reported without ids; the detail stays with the platform administrator.
 */
export async function verificarAuditoriaEntidad(
  db: Db,
  dataDir: string,
  entidadId: string,
): Promise<VerificacionEntidad> {
  const r = await verificarAuditoria(db, dataDir);
  const revisados = await contarDeEntidad(db, entidadId);
  if (r.ok) return { ok: true, revisados };
  if (r.falla === 'alterada' && r.idRoto !== undefined) {
    if ((await entidadDelRegistro(db, r.idRoto)) === entidadId)
      return { ok: false, revisados, idRoto: r.idRoto, motivo: r.motivo };
    return {
      ok: false,
      revisados,
      motivo:
        'la cadena de la bitácora está rota en un registro que no es de esta entidad, así que no se puede garantizar que no falten registros suyos; avise al administrador de la plataforma',
    };
  }
  if (r.falla === 'truncada')
    return {
      ok: false,
      revisados,
      motivo:
        'cadena truncada: se borraron los registros más recientes de la bitácora después de la última verificación; avise al administrador de la plataforma',
    };
  return {
    ok: false,
    revisados,
    motivo:
      'el archivo de anclas firmadas de la bitácora fue alterado; avise al administrador de la plataforma',
  };
}
