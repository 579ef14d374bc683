// Writes among many reads (bench/carga.ts): what a write changes is read right after it, by the dashboard
// too, whatever the order in which the database served the queued reads.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filas } from '../../db/client.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { sembrarDemo, vigenciaDemo } from '../demo/demo.service.ts';
import { invalidarTablero, leerTablero } from './tablero.service.ts';

let t: AppPrueba;
let entidadId: string;
let vigencia: number;
let consulta: Sesion;
let planeacion: Sesion;

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = (await sembrarDemo(t.conexion.db, { usuarioId: null, correo: 'prueba', ip: null }, t.dataDir))
    .entidadId;
  vigencia = await vigenciaDemo(t.conexion.db);
  consulta = await t.iniciarSesion('consulta@hospitalriomulato.example', 'Mocoa2026demo');
  planeacion = await t.iniciarSesion('planeacion@hospitalriomulato.example', 'Mocoa2026demo');
}, 120_000);
afterAll(() => t.cerrar());

describe('escrituras entre muchas lecturas', () => {
  it('con 50 lecturas en curso, lo que una escritura cambia se ve en la lectura siguiente (tablero y hoja)', async () => {
    const [s] = await filas<{ actividad_id: string; periodo: number }>(
      t.conexion.db,
      sql`select s.actividad_id, s.periodo from seguimiento s
          join periodo p on p.entidad_id = s.entidad_id and p.vigencia = ${vigencia} and p.numero = s.periodo
          join actividad a on a.id = s.actividad_id
          join plan_accion pa on pa.id = a.plan_id and pa.vigencia = ${vigencia}
          where s.entidad_id = ${entidadId} and s.estado = 'enviado' and not p.cerrado
          limit 1`,
    );
    expect(s).toBeDefined();
    const e = `/api/entidades/${entidadId}`;
    const tablero = `${e}/tablero/actividades?vigencia=${vigencia}&periodo=${s!.periodo}&porPagina=200`;
    const hoja = `${e}/seguimientos?vigencia=${vigencia}&periodo=${s!.periodo}`;
    const reporteEnTablero = async () =>
      (await t.pedir(consulta, 'GET', tablero))
        .json()
        .actividades.find((a: { id: string }) => a.id === s!.actividad_id).reporte;
    expect(await reporteEnTablero()).toBe('enviado');

    const enCurso = Array.from({ length: 50 }, (_, i) => t.pedir(consulta, 'GET', i % 5 ? tablero : hoja));
    const r = await t.pedir(
      planeacion,
      'POST',
      `${e}/seguimientos/${s!.actividad_id}/${s!.periodo}/aceptar`,
      {},
    );
    expect(r.statusCode, r.body).toBe(200);

    expect(await reporteEnTablero()).toBe('aceptado');
    const fila = (await t.pedir(consulta, 'GET', hoja))
      .json()
      .filas.find((f: { actividad: { id: string } }) => f.actividad.id === s!.actividad_id);
    expect(fila.reporte.estado).toBe('aceptado');
    // No read starves: every one of them is answered.
    expect((await Promise.all(enCurso)).map((x) => x.statusCode)).toEqual(Array(50).fill(200));
  });

  it('lecturas simultáneas del mismo tablero comparten un cálculo; una que empieza después de una escritura no se une a él', async () => {
    // Connections opened beforehand (PostgreSQL): the readers then arrive together, as they do in production.
    await Promise.all(Array.from({ length: 10 }, () => filas(t.conexion.db, sql`select 1`)));
    invalidarTablero(t.conexion.db, entidadId);
    const antes = Array.from({ length: 10 }, () => leerTablero(t.conexion.db, entidadId, vigencia, 1));
    invalidarTablero(t.conexion.db, entidadId); // a write lands while they compute
    const despues = leerTablero(t.conexion.db, entidadId, vigencia, 1);
    const leidos = await Promise.all(antes);
    // With one connection the order is certain: the earlier readers share one computation and the later one
    // computes anew. With a pool, an earlier reader that is slow may legitimately pick up the newer figures
    // (cached by the later computation), so identity says nothing there; the figures must still agree.
    if (t.conexion.tipo === 'pglite') {
      expect(new Set(leidos).size).toBeLessThan(10);
      expect(leidos).not.toContain(await despues);
    }
    expect(await despues).toEqual(leidos[0]);
  });
});
