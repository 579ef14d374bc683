// Holidays and adjustments: the law's table (with Ley 2578 de 2026), the platform's adjustments for
// everyone, each entity's own, and the deadlines they move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLaVez, auditoriaDesde, resultado, ultimaAuditoria } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let otraId: string;
let admin: Sesion;
let planeacion: Sesion;
let adminOtra: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  otraId = await t.crearEntidad('Alcaldía de Prueba', '800197268-4');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  adminOtra = await t.usuarioCon(otraId, ['admin_entidad']);
});
afterAll(() => t.cerrar());

const festivos = async (anio: number | string) =>
  t.pedir(null, 'GET', `/api/calendario/festivos?anio=${anio}`);
const deEntidad = async (id: string, anio: number, sesion: Sesion = admin) =>
  t.exigir(200, sesion, 'GET', `/api/entidades/${id}/calendario?anio=${anio}`);
const cierreT2 = async (id: string, sesion: Sesion) =>
  (await t.exigir(200, sesion, 'GET', `/api/entidades/${id}/vigencias/2026`)).periodos[1].cierra;

describe('festivos de ley', () => {
  it('2026 trae el 13 de julio (Ley 2578 de 2026), sin iniciar sesión', async () => {
    const r = await festivos(2026);
    expect(r.statusCode).toBe(200);
    const lista = r.json() as { fecha: string; nombre: string; origen: string }[];
    expect(lista).toHaveLength(19);
    expect(lista.find((f) => f.fecha === '2026-07-13')).toMatchObject({ origen: 'ley' });
  });

  it.each(['1999', 'dos mil', '2026.5', ''])(
    'un año inválido (%s) responde 400 nombrando el campo',
    async (anio) => {
      const r = await festivos(anio);
      expect(r.statusCode).toBe(400);
      expect(r.json().campos[0].campo).toMatch(/anio/);
      expect(r.json().campos[0].mensaje).toMatch(/año/);
    },
  );

  it('la ventana del segundo trimestre de 2026 cierra el 15/07, no el 14/07', async () => {
    expect(await cierreT2(entidadId, planeacion)).toBe('2026-07-15');
  });
});

describe('ajustes de la plataforma', () => {
  it('solo el administrador de la plataforma los registra; cuentan para todas las entidades', async () => {
    const nuevo = { fecha: '2026-12-24', tipo: 'festivo', nombre: 'Decreto de prueba: 24 de diciembre' };
    expect((await t.pedir(admin, 'POST', '/api/calendario/ajustes', nuevo)).statusCode).toBe(403);
    const desde = await ultimaAuditoria(t);
    const a = await t.exigir(201, t.admin, 'POST', '/api/calendario/ajustes', nuevo);
    expect(a).toMatchObject({ fecha: '2026-12-24', alcance: 'plataforma' });
    const lista = (await festivos(2026)).json() as { fecha: string; origen: string }[];
    expect(lista.find((f) => f.fecha === '2026-12-24')?.origen).toBe('plataforma');
    for (const id of [entidadId, otraId]) {
      const sesion = id === entidadId ? admin : adminOtra;
      expect(
        (await deEntidad(id, 2026, sesion)).festivos.some((f: { fecha: string }) => f.fecha === '2026-12-24'),
      ).toBe(true);
    }
    const [registro] = await auditoriaDesde(t, desde, 'calendario', a.id);
    expect(registro).toMatchObject({ accion: 'crear' });
    await t.exigir(204, t.admin, 'DELETE', `/api/calendario/ajustes/${a.id}`);
    expect((await festivos(2026)).json().some((f: { fecha: string }) => f.fecha === '2026-12-24')).toBe(
      false,
    );
    expect((await t.pedir(t.admin, 'DELETE', `/api/calendario/ajustes/${a.id}`)).statusCode).toBe(404);
  });

  it('dos ajustes del mismo día a la vez: uno queda y el otro recibe 409 en español', async () => {
    const cuerpo = { fecha: '2026-12-31', tipo: 'festivo', nombre: 'Cierre de fin de año' };
    const r = resultado(
      await aLaVez(
        () => t.pedir(t.admin, 'POST', '/api/calendario/ajustes', cuerpo),
        () => t.pedir(t.admin, 'POST', '/api/calendario/ajustes', cuerpo),
      ),
    );
    expect(r.estados.sort()).toEqual([201, 409]);
    expect(r.perdedores[0]!.json().mensaje).toMatch(/Ya (hay|existe)/);
  });

  it('un dato inválido responde 400 con el campo y no escribe nada', async () => {
    const antes = (await festivos(2027)).json();
    const r = await t.pedir(t.admin, 'POST', '/api/calendario/ajustes', {
      fecha: '2027-02-30',
      tipo: 'feriado',
      nombre: '',
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .campos.map((c: { campo: string }) => c.campo)
        .sort(),
    ).toEqual(['fecha', 'nombre', 'tipo']);
    expect((await festivos(2027)).json()).toEqual(antes);
  });
});

describe('ajustes de una entidad', () => {
  it('un día de cierre corre los plazos de esa entidad y de ninguna otra', async () => {
    const antesOtra = await cierreT2(otraId, adminOtra);
    const a = await t.exigir(201, admin, 'POST', `/api/entidades/${entidadId}/calendario/ajustes`, {
      fecha: '2026-07-02',
      tipo: 'festivo',
      nombre: 'Cierre por inventario anual',
    });
    expect(a.alcance).toBe('entidad');
    expect(await cierreT2(entidadId, planeacion)).toBe('2026-07-16');
    expect(await cierreT2(otraId, adminOtra)).toBe(antesOtra);
    const propia = await deEntidad(entidadId, 2026);
    expect(propia.festivos.find((f: { fecha: string }) => f.fecha === '2026-07-02')?.origen).toBe('entidad');
    expect(propia.ajustes.map((x: { id: string }) => x.id)).toContain(a.id);
    const ajenos = (await deEntidad(otraId, 2026, adminOtra)).ajustes as { alcance: string }[];
    expect(ajenos.filter((x) => x.alcance === 'entidad')).toEqual([]);
  });

  it('planeación ve el calendario pero no lo cambia; otra entidad no puede quitar un ajuste ajeno', async () => {
    const cuerpo = { fecha: '2026-08-18', tipo: 'festivo', nombre: 'Jornada de integración' };
    const url = `/api/entidades/${entidadId}/calendario/ajustes`;
    expect((await t.pedir(planeacion, 'POST', url, cuerpo)).statusCode).toBe(403);
    const a = await t.exigir(201, admin, 'POST', url, cuerpo);
    expect((await t.pedir(adminOtra, 'DELETE', `${url}/${a.id}`)).statusCode).toBe(403);
    expect(
      (await t.pedir(adminOtra, 'DELETE', `/api/entidades/${otraId}/calendario/ajustes/${a.id}`)).statusCode,
    ).toBe(404);
    // The entity cannot remove the platform's adjustments through its own route either.
    const deLaPlataforma = await t.exigir(201, t.admin, 'POST', '/api/calendario/ajustes', {
      fecha: '2026-09-01',
      tipo: 'festivo',
      nombre: 'Festivo de prueba de la plataforma',
    });
    expect((await t.pedir(admin, 'DELETE', `${url}/${deLaPlataforma.id}`)).statusCode).toBe(404);
    await t.exigir(204, admin, 'DELETE', `${url}/${a.id}`);
  });

  it('la entidad puede volver hábil un festivo de la plataforma solo para ella', async () => {
    await t.exigir(201, t.admin, 'POST', '/api/calendario/ajustes', {
      fecha: '2026-10-05',
      tipo: 'festivo',
      nombre: 'Festivo de prueba',
    });
    await t.exigir(201, admin, 'POST', `/api/entidades/${entidadId}/calendario/ajustes`, {
      fecha: '2026-10-05',
      tipo: 'habil',
      nombre: 'La entidad atiende ese día',
    });
    const propia = await deEntidad(entidadId, 2026);
    expect(propia.festivos.some((f: { fecha: string }) => f.fecha === '2026-10-05')).toBe(false);
    const otra = await deEntidad(otraId, 2026, adminOtra);
    expect(otra.festivos.some((f: { fecha: string }) => f.fecha === '2026-10-05')).toBe(true);
  });
});

describe('ventana del FURAG', () => {
  const ventana = (id: string, vigencia: number | string, sesion: Sesion = planeacion) =>
    t.pedir(sesion, 'GET', `/api/entidades/${id}/calendario/furag/${vigencia}`);
  const circular = {
    inicio: '2028-03-03',
    fin: '2028-04-17',
    fuente: 'Circular de prueba de Función Pública',
  };

  it('sin fechas registradas se ve una estimación marcada como tal, nunca como oficial', async () => {
    const r = await ventana(entidadId, 2027);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      vigencia: 2027,
      inicio: '2028-03-01',
      fin: '2028-05-31',
      origen: 'estimada',
      fuente: null,
      plataforma: null,
    });
    expect((await ventana(entidadId, 1990)).json().campos[0].campo).toMatch(/vigencia/);
  });

  it('la plataforma registra las fechas de la circular para todas; la entidad las propias ganan; quitar vuelve atrás', async () => {
    expect((await t.pedir(admin, 'PUT', '/api/calendario/furag/2027', circular)).statusCode).toBe(403);
    const desde = await ultimaAuditoria(t);
    const dePlataforma = await t.exigir(200, t.admin, 'PUT', '/api/calendario/furag/2027', circular);
    expect(dePlataforma).toMatchObject({ ...circular, origen: 'plataforma' });
    const [registro] = await auditoriaDesde(t, desde, 'ventana_furag');
    expect(registro).toMatchObject({ accion: 'configurar', entidadId: null, despues: { vigencia: 2027 } });
    for (const id of [entidadId, otraId])
      expect((await ventana(id, 2027, id === otraId ? adminOtra : planeacion)).json()).toMatchObject({
        ...circular,
        origen: 'plataforma',
      });

    // An extension for this entity only: planeación records it; another entity's people cannot.
    const prorroga = { inicio: '2028-03-03', fin: '2028-04-30', fuente: 'Prórroga concedida por oficio' };
    const url = `/api/entidades/${entidadId}/calendario/furag/2027`;
    expect((await t.pedir(adminOtra, 'PUT', url, prorroga)).statusCode).toBe(403);
    const propia = await t.exigir(200, planeacion, 'PUT', url, prorroga);
    expect(propia).toMatchObject({
      fin: '2028-04-30',
      origen: 'entidad',
      plataforma: { fin: '2028-04-17', fuente: circular.fuente },
    });
    expect((await ventana(otraId, 2027, adminOtra)).json().origen).toBe('plataforma');

    expect(await t.exigir(200, planeacion, 'DELETE', url)).toMatchObject({ origen: 'plataforma' });
    expect((await t.pedir(planeacion, 'DELETE', url)).statusCode).toBe(404);
    expect(await t.exigir(200, t.admin, 'DELETE', '/api/calendario/furag/2027')).toMatchObject({
      origen: 'estimada',
    });
  });

  it('fechas que no caben: 400 nombrando el campo, nada guardado', async () => {
    const url = `/api/entidades/${entidadId}/calendario/furag/2026`;
    const casos: [unknown, string][] = [
      [{ ...circular, inicio: '2026-12-01' }, 'inicio'],
      [{ ...circular, inicio: '2027-04-17', fin: '2027-03-03' }, 'fin'],
      [{ inicio: '2027-03-03', fin: '2027-04-31', fuente: 'x'.repeat(20) }, 'fin'],
      [{ inicio: '2027-03-03', fin: '2027-04-17', fuente: '' }, 'fuente'],
      [{ inicio: '2027-03-03', fin: '2027-04-17', fuente: 'x'.repeat(201) }, 'fuente'],
    ];
    for (const [cuerpo, campo] of casos) {
      const r = await t.pedir(planeacion, 'PUT', url, cuerpo);
      expect(r.statusCode, JSON.stringify(cuerpo)).toBe(400);
      expect(r.json().campos.map((c: { campo: string }) => c.campo)).toContain(campo);
    }
    expect((await ventana(entidadId, 2026)).json().origen).toBe('estimada');
  });

  it('dos registros a la vez de la misma vigencia: uno queda entero, ninguno da 500', async () => {
    const url = `/api/entidades/${entidadId}/calendario/furag/2029`;
    const a = { inicio: '2030-03-02', fin: '2030-04-10', fuente: 'Primera versión' };
    const b = { inicio: '2030-03-09', fin: '2030-04-24', fuente: 'Segunda versión' };
    const respuestas = await aLaVez(
      () => t.pedir(planeacion, 'PUT', url, a),
      () => t.pedir(admin, 'PUT', url, b),
    );
    expect(respuestas.map((r) => r!.statusCode)).toEqual([200, 200]);
    const final = (await ventana(entidadId, 2029)).json();
    expect([a, b].map((x) => x.fuente)).toContain(final.fuente);
    expect(final).toMatchObject([a, b].find((x) => x.fuente === final.fuente)!);
  });
});
