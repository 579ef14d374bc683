import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { filas } from '../../db/client.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';
import { archivoAnclas, archivoClave } from './anclas.ts';

let t: AppPrueba | undefined;
afterEach(async () => {
  await t?.cerrar();
  t = undefined;
});

async function conDependencias(nombreEntidad: string, nit: string, n: number) {
  const entidadId = await t!.crearEntidad(nombreEntidad, nit);
  const admin = await t!.usuarioCon(entidadId, ['admin_entidad']);
  for (let i = 1; i <= n; i++) {
    const r = await t!.pedir(admin, 'POST', `/api/entidades/${entidadId}/dependencias`, {
      nombre: `Dependencia ${i}`,
    });
    expect(r.statusCode).toBe(201);
  }
  return { entidadId, admin };
}

const verificarPlataforma = async () => {
  const r = await t!.pedir(t!.admin, 'GET', '/api/auditoria/verificacion');
  expect(r.statusCode).toBe(200);
  return r.json();
};

// What someone with direct database access can do: switch the append-only trigger off and back on.
async function comoSuperusuario(consulta: ReturnType<typeof sql>) {
  await t!.conexion.db.execute(sql`alter table auditoria disable trigger auditoria_sin_cambios`);
  await t!.conexion.db.execute(consulta);
  await t!.conexion.db.execute(sql`alter table auditoria enable trigger auditoria_sin_cambios`);
}

describe('anclas firmadas de la bitácora', () => {
  it('borrar los registros más recientes se reporta como cadena truncada', async () => {
    t = await crearAppPrueba();
    const { entidadId, admin } = await conDependencias('E.S.E. Hospital de Prueba', '846000253-6', 3);
    const antes = await verificarPlataforma();
    expect(antes.ok).toBe(true);
    const [ultimo] = await filas<{ id: number }>(t.conexion.db, sql`select max(id) as id from auditoria`);

    await comoSuperusuario(
      sql`delete from auditoria where id in (select id from auditoria order by id desc limit 2)`,
    );

    const v = await verificarPlataforma();
    expect(v).toMatchObject({ ok: false, falla: 'truncada', idRoto: Number(ultimo!.id) });
    expect(v.motivo).toContain('cadena truncada');
    expect(v.motivo).toContain('se borraron los registros más recientes');
    // Still truncated on the next verification: a failed check writes no new anchor.
    expect((await verificarPlataforma()).falla).toBe('truncada');
    const e = (await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/auditoria/verificacion`)).json();
    expect(e.ok).toBe(false);
    expect(e.motivo).toContain('cadena truncada');
  });

  it('reescribir la cola recalculando sus hashes también se detecta', async () => {
    t = await crearAppPrueba();
    await conDependencias('E.S.E. Hospital de Prueba', '846000253-6', 2);
    expect((await verificarPlataforma()).ok).toBe(true);
    // The newest row is replaced by one with a valid hash of its own: the chain alone looks intact.
    const [u] = await filas<{ id: number; hash_anterior: string }>(
      t.conexion.db,
      sql`select id, hash_anterior from auditoria order by id desc limit 1`,
    );
    const { hashEslabon } = await import('../../core/cadena-hash.ts');
    const fila = {
      entidadId: null,
      usuarioId: null,
      usuarioCorreo: 'intruso@example.com',
      accion: 'crear',
      recurso: 'nada',
      recursoId: null,
      antes: null,
      despues: null,
      ip: null,
      creadoEn: new Date().toISOString(),
      hashAnterior: u!.hash_anterior,
    };
    await comoSuperusuario(
      sql`update auditoria set entidad_id = null, usuario_id = null, usuario_correo = ${fila.usuarioCorreo},
          accion = 'crear', recurso = 'nada', recurso_id = null, antes = null, despues = null, ip = null,
          creado_en = ${fila.creadoEn}, hash = ${hashEslabon(fila)} where id = ${Number(u!.id)}`,
    );
    const v = await verificarPlataforma();
    expect(v).toMatchObject({ ok: false, falla: 'truncada' });
    expect(v.motivo).toContain('la cadena se reescribió');
  });

  it('un ancla cuya firma no cuadra se reporta; la clave vive fuera de la base con permisos 0600', async () => {
    t = await crearAppPrueba();
    await conDependencias('E.S.E. Hospital de Prueba', '846000253-6', 1);
    expect((await verificarPlataforma()).ok).toBe(true);
    expect(statSync(archivoClave(t.dataDir)).mode & 0o777).toBe(0o600);
    const clave = readFileSync(archivoClave(t.dataDir), 'utf8').trim();
    const [enBase] = await filas<{ n: number }>(
      t.conexion.db,
      sql`select count(*)::int as n from auditoria where antes::text like ${`%${clave}%`} or despues::text like ${`%${clave}%`}`,
    );
    expect(Number(enBase!.n)).toBe(0);

    // Whoever deletes rows might also lower the anchor's id: without the key the signature no longer fits.
    const ruta = archivoAnclas(t.dataDir);
    const ancla = JSON.parse(readFileSync(ruta, 'utf8').trim());
    writeFileSync(
      ruta,
      `${JSON.stringify({ ...ancla, ultimoId: ancla.ultimoId - 1, total: ancla.total - 1 })}\n`,
    );
    const v = await verificarPlataforma();
    expect(v).toMatchObject({ ok: false, falla: 'ancla' });
    expect(v.motivo).toContain('la firma no coincide');
  });
});

describe('verificación de la bitácora desde una entidad', () => {
  it('el administrador de una entidad solo conoce sus propios registros; la plataforma ve todo', async () => {
    t = await crearAppPrueba();
    const a = await conDependencias('E.S.E. Hospital de Prueba', '846000253-6', 2);
    const b = await conDependencias('Alcaldía de Mocoa', '800197268-4', 3);
    const propios = async (entidadId: string, sesion: typeof a.admin) =>
      (await t!.pedir(sesion, 'GET', `/api/entidades/${entidadId}/auditoria?tamano=500`)).json().total;

    const r = await t.pedir(a.admin, 'GET', `/api/entidades/${a.entidadId}/auditoria/verificacion`);
    expect(r.statusCode).toBe(200);
    const total = (await verificarPlataforma()).revisados;
    expect(r.json()).toEqual({ ok: true, revisados: await propios(a.entidadId, a.admin) });
    expect(r.json().revisados).toBeLessThan(total);
    expect((await t.pedir(a.admin, 'GET', '/api/auditoria/verificacion')).statusCode).toBe(403);

    // Another entity's row is altered: A learns the chain is broken, not where or how many rows there are.
    const [deB] = await filas<{ id: number }>(
      t.conexion.db,
      sql`select id from auditoria where entidad_id = ${b.entidadId} order by id limit 1`,
    );
    await comoSuperusuario(
      sql`update auditoria set despues = '{"nombre":"Otra"}'::jsonb where id = ${Number(deB!.id)}`,
    );
    const va = (await t.pedir(a.admin, 'GET', `/api/entidades/${a.entidadId}/auditoria/verificacion`)).json();
    expect(va).toEqual({
      ok: false,
      revisados: await propios(a.entidadId, a.admin),
      motivo: expect.stringContaining('no es de esta entidad'),
    });
    const vb = (await t.pedir(b.admin, 'GET', `/api/entidades/${b.entidadId}/auditoria/verificacion`)).json();
    expect(vb).toMatchObject({
      ok: false,
      idRoto: Number(deB!.id),
      revisados: await propios(b.entidadId, b.admin),
    });
    expect(await verificarPlataforma()).toMatchObject({
      ok: false,
      falla: 'alterada',
      idRoto: Number(deB!.id),
    });
  });
});
