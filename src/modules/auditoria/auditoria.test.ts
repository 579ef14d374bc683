import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filas } from '../../db/client.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let control: Sesion;
let admin: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
  control = await t.usuarioCon(entidadId, ['control_interno']);
  for (const nombre of ['Gerencia', 'Planeación', 'Control Interno'])
    await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/dependencias`, { nombre });
});
afterAll(() => t.cerrar());

const verificar = async () =>
  (await t.pedir(control, 'GET', `/api/entidades/${entidadId}/auditoria/verificacion`)).json();

describe('bitácora de auditoría', () => {
  it('control interno ve cada cambio con quién, cuándo y el después, y filtra por acción', async () => {
    const r = await t.pedir(
      control,
      'GET',
      `/api/entidades/${entidadId}/auditoria?recurso=dependencia&accion=crear`,
    );
    expect(r.statusCode).toBe(200);
    const { total, registros } = r.json();
    expect(total).toBe(3);
    expect(registros.map((x: { despues: { nombre: string } }) => x.despues.nombre).sort()).toEqual([
      'Control Interno',
      'Gerencia',
      'Planeación',
    ]);
    expect(registros[0].usuarioCorreo).toMatch(/@prueba\.example$/);
    expect(new Date(registros[0].creadoEn).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('en el filtro de usuario, %, _ y \\ se buscan como texto y no como comodines', async () => {
    for (const correo of ['ana_maria@prueba.example', 'anaxmaria@prueba.example']) {
      const u = await t.usuarioCon(entidadId, ['admin_entidad'], correo);
      const r = await t.pedir(u, 'POST', `/api/entidades/${entidadId}/dependencias`, { nombre: correo });
      expect(r.statusCode).toBe(201);
    }
    const buscar = async (usuario: string) => {
      const r = await t.pedir(
        control,
        'GET',
        `/api/entidades/${entidadId}/auditoria?usuario=${encodeURIComponent(usuario)}`,
      );
      expect(r.statusCode).toBe(200);
      return r.json().registros.map((x: { usuarioCorreo: string }) => x.usuarioCorreo);
    };
    expect(await buscar('ana_maria')).toEqual(['ana_maria@prueba.example']);
    expect(await buscar('%')).toEqual([]);
    expect(await buscar('ana%maria')).toEqual([]);
    expect(await buscar('\\')).toEqual([]);
    expect((await buscar('ANAX')).length).toBe(1);
  });

  it('la cadena íntegra se verifica', async () => {
    const v = await verificar();
    expect(v.ok).toBe(true);
    expect(v.revisados).toBeGreaterThan(5);
  });

  it('la base de datos rechaza modificar o borrar registros', async () => {
    await expect(t.conexion.db.execute(sql`update auditoria set accion = 'x'`)).rejects.toThrow();
    await expect(t.conexion.db.execute(sql`delete from auditoria`)).rejects.toThrow();
  });

  it('si alguien con acceso directo a la base altera un registro, la verificación señala el primero roto', async () => {
    const [fila] = await filas<{ id: number }>(
      t.conexion.db,
      sql`select id from auditoria where recurso = 'dependencia' order by id limit 1`,
    );
    await t.conexion.db.execute(sql`alter table auditoria disable trigger auditoria_sin_cambios`);
    await t.conexion.db.execute(
      sql`update auditoria set despues = '{"nombre":"Otra cosa"}'::jsonb where id = ${Number(fila!.id)}`,
    );
    await t.conexion.db.execute(sql`alter table auditoria enable trigger auditoria_sin_cambios`);
    const v = await verificar();
    expect(v.ok).toBe(false);
    expect(v.idRoto).toBe(Number(fila!.id));
    expect(v.motivo).toContain('modificado');
  });
});
