// The daily digest: once a day, after the configured hour in Colombia, each active person with a role gets
// one e-mail listing what waits for them. The (person, day) row is the once-only guarantee across servers.
import { eq, sql } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import { horaEnColombia } from '../../core/correo.ts';
import { fechaCivil } from '../../core/formato.ts';
import { type Db, filas } from '../../db/client.ts';
import { entidad, resumenDiario, rolUsuario } from '../../db/schema.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { pendientesDe } from '../pendientes/pendientes.service.ts';
import { type Correo, encolarCorreos, enlaceAbsoluto } from './correo.service.ts';

const POR_LOTE = 100;

/**
 * Digests due now. Returns how many people were handled by this call (sent or with nothing pending); a
 * person already taken today, by this server or another, is skipped by the primary key.
 */
export async function enviarResumenes(db: Db, correo: Correo, hora: number, ahora = new Date()) {
  if (horaEnColombia(ahora) < hora) return 0;
  const dia = hoyEnColombia(ahora);
  const vigencia = Number(dia.slice(0, 4));
  const candidatos = await filas<{ id: string; correo: string; nombre: string }>(
    db,
    sql`select u.id, u.correo, u.nombre from usuario u
        where u.activo and exists (select 1 from rol_usuario r where r.usuario_id = u.id)
          and not exists (select 1 from resumen_diario d where d.usuario_id = u.id and d.dia = ${dia})
        order by u.id limit ${POR_LOTE}`,
  );
  let hechos = 0;
  for (const c of candidatos) {
    const tomado = await db.transaction(async (tx) => {
      const [fila] = await tx
        .insert(resumenDiario)
        .values({ usuarioId: c.id, dia, pendientes: 0 })
        .onConflictDoNothing()
        .returning({ usuarioId: resumenDiario.usuarioId });
      if (!fila) return false;
      const roles = await tx
        .select({ entidadId: rolUsuario.entidadId, rol: rolUsuario.rol, nombre: entidad.nombre })
        .from(rolUsuario)
        .innerJoin(entidad, eq(entidad.id, rolUsuario.entidadId))
        .where(eq(rolUsuario.usuarioId, c.id));
      const mapa = new Map<string, string[]>();
      const nombres = new Map<string, string>();
      for (const r of roles) {
        mapa.set(r.entidadId, [...(mapa.get(r.entidadId) ?? []), r.rol]);
        nombres.set(r.entidadId, r.nombre);
      }
      const u = { id: c.id, correo: c.correo, roles: mapa } as UsuarioSesion;
      const secciones: string[] = [];
      let total = 0;
      for (const [entidadId, nombre] of nombres) {
        const lista = await pendientesDe(tx, u, entidadId, vigencia);
        if (!lista.length) continue;
        total += lista.length;
        secciones.push(
          `${nombre}:\n${lista
            .map(
              (p) =>
                `  • ${p.texto}${p.vence ? ` (vence el ${fechaCivil(p.vence)}${p.vencido ? ', vencido' : ''})` : ''}\n    ${enlaceAbsoluto(correo, p.enlace)}`,
            )
            .join('\n')}`,
        );
      }
      if (!total) return true;
      await tx
        .update(resumenDiario)
        .set({ pendientes: total })
        .where(sql`${resumenDiario.usuarioId} = ${c.id} and ${resumenDiario.dia} = ${dia}`);
      await encolarCorreos(tx, correo, [
        {
          destinatario: c.correo,
          asunto: `MIPG: ${total === 1 ? 'tiene 1 pendiente' : `tiene ${total} pendientes`} hoy ${fechaCivil(dia)}`,
          texto: `Hola, ${c.nombre}.\n\nEsto espera por usted en MIPG Abierto:\n\n${secciones.join('\n\n')}\n\nRecibe este resumen una vez al día mientras tenga pendientes.`,
        },
      ]);
      return true;
    });
    if (tomado) hechos++;
  }
  return hechos;
}
