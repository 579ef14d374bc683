import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actividad, indicador } from '../../db/schema.ts';
import { escenarioConPlan, nitDePrueba, nuevaActividad } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let admin: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
});
afterAll(() => t.cerrar());

const url = () => `/api/entidades/${entidadId}/dependencias`;
const crear = async (nombre: string, padreId?: string) =>
  (await t.pedir(admin, 'POST', url(), { nombre, padreId })).json();

describe('dependencias en árbol', () => {
  it('arma el árbol y no permite ciclos', async () => {
    const gerencia = await crear('Gerencia');
    const sub = await crear('Subgerencia Administrativa y Financiera', gerencia.id);
    const th = await crear('Talento Humano', sub.id);
    const ciclo = await t.pedir(admin, 'PUT', `${url()}/${gerencia.id}`, {
      nombre: 'Gerencia',
      padreId: th.id,
    });
    expect(ciclo.statusCode).toBe(400);
    expect(ciclo.json().campos[0]).toEqual({
      campo: 'padreId',
      mensaje: 'una dependencia no puede quedar debajo de sí misma.',
    });
    const lista = (await t.pedir(admin, 'GET', url())).json();
    expect(lista.find((d: { id: string }) => d.id === th.id).padreId).toBe(sub.id);
  });

  it('no borra una dependencia con subdependencias ni una responsable de política', async () => {
    const padre = await crear('Subgerencia Científica');
    const hija = await crear('Calidad', padre.id);
    const r = await t.pedir(admin, 'DELETE', `${url()}/${padre.id}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('subdependencias');
    await t.pedir(admin, 'PUT', `/api/entidades/${entidadId}/responsables/2025/integridad`, {
      usuarioId: null,
      dependenciaId: hija.id,
    });
    expect((await t.pedir(admin, 'DELETE', `${url()}/${hija.id}`)).statusCode).toBe(409);
  });

  it('no borra la dependencia de actividades o indicadores: dice cuáles, y la borra cuando ya no tiene', async () => {
    const e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitDePrueba(41) });
    const admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
    const dep = await t.exigir(201, admin, 'POST', `${e.base}/dependencias`, {
      nombre: 'Gestión Documental',
    });
    await nuevaActividad(t, e, { codigo: 'GD-02', dependenciaId: dep.id });
    await nuevaActividad(t, e, { codigo: 'GD-01', dependenciaId: dep.id });
    const borrar = () => t.pedir(admin, 'DELETE', `${e.base}/dependencias/${dep.id}`);
    let r = await borrar();
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toBe(
      'La dependencia tiene a su cargo 2 actividades de los planes de acción (por ejemplo, GD-01): asígnelas a otra dependencia primero.',
    );
    await t.conexion.db.update(actividad).set({ dependenciaId: null }).where(eq(actividad.planId, e.planId));
    await t.exigir(201, e.planeacion, 'POST', `${e.base}/indicadores`, {
      vigencia: e.vigencia,
      codigo: 'IND-GD-01',
      nombre: 'Expedientes organizados según las TRD',
      objetivo: 'Medir el avance de la organización del archivo de gestión',
      tipo: 'eficacia',
      politica: 'gestion_documental',
      formulaNumerador: 'Expedientes organizados',
      formulaDenominador: 'Expedientes del archivo de gestión',
      unidad: '%',
      frecuencia: 'trimestral',
      lineaBase: 40,
      meta: 80,
      polaridad: 'creciente',
      fuente: 'Inventario documental',
      dependenciaId: dep.id,
    });
    r = await borrar();
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toBe(
      'La dependencia tiene a su cargo 1 indicador: asígnelos a otra dependencia primero.',
    );
    await t.conexion.db
      .update(indicador)
      .set({ dependenciaId: null })
      .where(eq(indicador.entidadId, e.entidadId));
    expect((await borrar()).statusCode).toBe(204);
    const lista = (await t.pedir(admin, 'GET', `${e.base}/dependencias`)).json();
    expect(lista.map((d: { id: string }) => d.id)).not.toContain(dep.id);
  });

  it('dos veces la misma dependencia (otra mayúscula, sin tilde, doble clic): una sola, el campo dice por qué', async () => {
    const a = await t.pedir(admin, 'POST', url(), { nombre: 'Oficina Jurídica', codigo: 'OJ' });
    expect(a.statusCode).toBe(201);
    const otra = await t.pedir(admin, 'POST', url(), { nombre: '  oficina juridica ' });
    expect(otra.statusCode).toBe(400);
    expect(otra.json().campos).toEqual([
      { campo: 'nombre', mensaje: 'ya existe la dependencia «oficina juridica» en esta entidad' },
    ]);
    const mismoCodigo = await t.pedir(admin, 'POST', url(), { nombre: 'Oficina de Contratos', codigo: 'oj' });
    expect(mismoCodigo.json().campos[0].campo).toBe('codigo');
    // Ten at once: one is created.
    const juntas = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.pedir(admin, 'POST', url(), { nombre: 'Oficina de Control Disciplinario' }),
      ),
    );
    expect(juntas.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(400)]);
    const lista = (await t.pedir(admin, 'GET', url())).json() as { nombre: string }[];
    expect(lista.filter((d) => d.nombre === 'Oficina de Control Disciplinario')).toHaveLength(1);
    // Renaming itself with other capitals is no duplicate.
    expect(
      (await t.pedir(admin, 'PUT', `${url()}/${a.json().id}`, { nombre: 'OFICINA JURÍDICA' })).statusCode,
    ).toBe(200);
  });

  it('no acepta como superior una dependencia de otra entidad', async () => {
    const otra = await t.crearEntidad('Otra entidad', '800197268-4');
    const ajena = (
      await t.pedir(t.admin, 'POST', `/api/entidades/${otra}/dependencias`, { nombre: 'Ajena' })
    ).json();
    const r = await t.pedir(admin, 'POST', url(), { nombre: 'Intrusa', padreId: ajena.id });
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0].campo).toBe('padreId');
  });
});

describe('responsables de política', () => {
  it('asigna persona y dependencia; rechaza personas sin rol en la entidad y políticas inexistentes', async () => {
    const planeacion = await t.usuarioCon(entidadId, ['planeacion']);
    const lider = await t.usuarioCon(entidadId, ['responsable_politica']);
    const dep = await crear('Gestión Documental y Archivo');
    const ok = await t.pedir(
      planeacion,
      'PUT',
      `/api/entidades/${entidadId}/responsables/2025/gestion_documental`,
      {
        usuarioId: lider.id,
        dependenciaId: dep.id,
      },
    );
    expect(ok.statusCode).toBe(200);
    const lista = (
      await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/responsables?vigencia=2025`)
    ).json();
    expect(lista).toContainEqual({
      politica: 'gestion_documental',
      usuarioId: lider.id,
      usuarioNombre: expect.stringContaining('Persona'),
      dependenciaId: dep.id,
      dependenciaNombre: 'Gestión Documental y Archivo',
    });

    const otra = await t.crearEntidad('Tercera', '890399010-6');
    const extrano = await t.usuarioCon(otra, ['consulta']);
    const r = await t.pedir(
      planeacion,
      'PUT',
      `/api/entidades/${entidadId}/responsables/2025/gestion_documental`,
      {
        usuarioId: extrano.id,
        dependenciaId: null,
      },
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0].campo).toBe('usuarioId');
    const inexistente = await t.pedir(
      planeacion,
      'PUT',
      `/api/entidades/${entidadId}/responsables/2025/no_existe`,
      {
        usuarioId: null,
        dependenciaId: null,
      },
    );
    expect(inexistente.statusCode).toBe(404);
  });
});
