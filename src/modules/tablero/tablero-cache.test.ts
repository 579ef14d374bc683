// The dashboard served from cached bytes: built once per change, ETag and 304, a change seen by the next read
// (through this server, or through another one on the same database by its writer, and by everyone else
// within the version window), never one view's or entity's bytes for another; the paged activity list;
// compression negotiated on JSON and never applied to binary downloads.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ActividadesTablero,
  ActividadesTableroSchema,
  type ResumenTablero,
  ResumenTableroSchema,
} from '../../contrato/tablero.ts';
import type { Db } from '../../db/client.ts';
import { construirApp } from '../../server/app.ts';
import {
  type Escenario,
  escenarioConPlan,
  exigirEstado,
  nuevaActividad,
  reporteEn,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { baseDeUnSoloProceso, invalidarTablero, VENTANA_VERSION_MS } from './tablero.service.ts';

let t: AppPrueba;
let e: Escenario;
let otraApp: FastifyInstance;
let consulta: Sesion;
let otraDb: Db;

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t); // plan aprobado, not yet published
  consulta = await t.usuarioCon(e.entidadId, ['consulta']);
  // A second server on the same database: its own handle, so its own cache (as another process has). On
  // PGlite only one process can have the database; here both handles are taken as shared, as on PostgreSQL.
  baseDeUnSoloProceso(t.conexion.db, false);
  otraDb = Object.create(t.conexion.db) as Db;
  otraApp = await construirApp({ conexion: { ...t.conexion, db: otraDb }, dataDir: t.dataDir });
  await otraApp.ready();
}, 120_000);
afterAll(async () => {
  await otraApp?.close();
  await t.cerrar();
});

/** Rows written straight into the database (the builders) bypass the audit log, as no real change does. */
async function directo<T>(escribir: () => Promise<T>): Promise<T> {
  const x = await escribir();
  for (const db of [t.conexion.db, otraDb]) invalidarTablero(db, e.entidadId);
  return x;
}

/**
 * A write of planeación through the other server; `sesion` is planeación with the cookies the answer left, as
 * a browser sends them on its next requests (the mark of a recent write included).
 */
async function escribirEnOtro(url: string, payload: object) {
  const r = await otraApp.inject({
    method: 'POST',
    url,
    headers: { cookie: e.planeacion.cookie, 'x-csrf-token': e.planeacion.csrf },
    payload,
  });
  const escrito = r.cookies.find((c) => c.name === 'mipg_escrito');
  const sesion: Sesion = {
    ...e.planeacion,
    cookie: escrito ? `${e.planeacion.cookie}; ${escrito.name}=${escrito.value}` : e.planeacion.cookie,
  };
  return { r, escrito, sesion };
}

const resumenUrl = (periodo = 1) => `${e.base}/tablero?vigencia=${e.vigencia}&periodo=${periodo}`;
const listaUrl = (extra = '') => `${e.base}/tablero/actividades?vigencia=${e.vigencia}&periodo=1${extra}`;
const pedir = (sesion: Sesion | null, url: string, headers: Record<string, string> = {}, app = t.app) =>
  app.inject({ method: 'GET', url, headers: { ...(sesion ? { cookie: sesion.cookie } : {}), ...headers } });
const resumen = async (sesion: Sesion | null = consulta, periodo = 1) => {
  const r = exigirEstado(await pedir(sesion, resumenUrl(periodo)), 200, 'leer el tablero');
  return { r, datos: ResumenTableroSchema.parse(r.json()) as ResumenTablero, etag: r.headers.etag as string };
};
const lista = async (extra = '', sesion: Sesion | null = consulta) =>
  ActividadesTableroSchema.parse(
    exigirEstado(await pedir(sesion, listaUrl(extra)), 200, `leer las actividades ${extra}`).json(),
  ) as ActividadesTablero;

describe('tablero servido como bytes guardados', () => {
  it('ETag fuerte: la misma versión da los mismos bytes y un 304 vacío con If-None-Match', async () => {
    await directo(() => reporteEn(t, e, 'enviado'));
    const a = await resumen();
    expect(a.etag).toMatch(/^"i-[\w-]+"$/);
    expect(a.r.headers['cache-control']).toBe('private, no-cache');
    expect(a.r.headers.vary).toMatch(/Cookie/);
    expect(a.datos.actividades).toBe(1);
    const b = await resumen();
    expect(b.etag).toBe(a.etag);
    expect(b.r.body).toBe(a.r.body);
    for (const condicion of [a.etag, `W/${a.etag}`, `"otro", ${a.etag}`, '*']) {
      const r = await pedir(consulta, resumenUrl(), { 'if-none-match': condicion });
      expect(r.statusCode, condicion).toBe(304);
      expect(r.body).toBe('');
      expect(r.headers.etag).toBe(a.etag);
    }
    expect((await pedir(consulta, resumenUrl(), { 'if-none-match': '"otro"' })).statusCode).toBe(200);
  });

  it('un reporte aceptado se ve en la lectura siguiente; el ETag viejo recibe 200 con las cifras nuevas', async () => {
    const r = await directo(() => reporteEn(t, e, 'enviado'));
    const antes = await resumen();
    const fila = () =>
      lista(`&q=${encodeURIComponent('integridad')}&porPagina=200`).then(
        (l) => l.actividades.find((x) => x.id === r.actividadId)!,
      );
    expect((await fila()).reporte).toBe('enviado');
    exigirEstado(await t.pedir(e.planeacion, 'POST', `${r.url}/aceptar`, {}), 200, 'aceptar');
    const despues = await pedir(consulta, resumenUrl(), { 'if-none-match': antes.etag });
    expect(despues.statusCode).toBe(200);
    expect(despues.headers.etag).not.toBe(antes.etag);
    expect(despues.json().avance).not.toBe(antes.datos.avance);
    expect((await fila()).reporte).toBe('aceptado');
  });

  it('otro servidor sobre la misma base: quien escribe allí ve su cambio en la lectura siguiente de este', async () => {
    const r = await directo(() => reporteEn(t, e, 'enviado'));
    const antes = await resumen(e.planeacion); // cached here, its version remembered
    // The write goes through the other server: this one hears nothing of it in memory.
    const aceptar = await escribirEnOtro(`${r.url}/aceptar`, {});
    expect(aceptar.r.statusCode, aceptar.r.body).toBe(200);
    expect(aceptar.escrito).toMatchObject({
      value: '1',
      maxAge: 2,
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    // The writer's browser sends the mark back: its next read asks the database for the version.
    const despues = await pedir(aceptar.sesion, resumenUrl(), { 'if-none-match': antes.etag });
    expect(despues.statusCode).toBe(200);
    expect(despues.json().avance).not.toBe(antes.datos.avance);
    // And the other server, which never read it, gives the same bytes.
    expect((await pedir(consulta, resumenUrl(), {}, otraApp)).body).toBe(despues.body);
    // A refused write changed nothing and leaves no mark.
    const otraVez = await escribirEnOtro(`${r.url}/aceptar`, {});
    expect(otraVez.r.statusCode).toBe(409);
    expect(otraVez.escrito).toBeUndefined();
  });

  it('otro servidor sobre la misma base: los demás lectores ven el cambio a lo sumo una ventana después', async () => {
    const r = await directo(() => reporteEn(t, e, 'enviado'));
    // Only the monotonic clock is frozen, so the window's edges are exact whatever the machine's load.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const antes = await resumen(); // version read now and remembered for the window
      const aceptar = await escribirEnOtro(`${r.url}/aceptar`, {});
      expect(aceptar.r.statusCode, aceptar.r.body).toBe(200);
      // Inside the window this server answers from the version it read: a reader who did not write gets
      // the figures from before, at most VENTANA_VERSION_MS old.
      vi.advanceTimersByTime(VENTANA_VERSION_MS - 1);
      const dentro = await pedir(consulta, resumenUrl(), { 'if-none-match': antes.etag });
      expect(dentro.statusCode).toBe(304);
      // When it ends, the version is read again: the same reader gets the new figures.
      vi.advanceTimersByTime(1);
      const vencida = await pedir(consulta, resumenUrl(), { 'if-none-match': antes.etag });
      expect(vencida.statusCode).toBe(200);
      expect(vencida.json().avance).not.toBe(antes.datos.avance);
      // The activity list follows the same version.
      const fila = (await lista('&porPagina=200')).actividades.find((x) => x.id === r.actividadId);
      expect(fila?.reporte).toBe('aceptado');
    } finally {
      vi.useRealTimers();
    }
  });

  it('cerrar el periodo da las cifras congeladas y reabrirlo las vuelve a calcular, en la lectura siguiente', async () => {
    const abierto = await resumen();
    expect(abierto.datos.congelado).toBe(false);
    const periodos = `${e.base}/vigencias/${e.vigencia}/periodos/1`;
    exigirEstado(await t.pedir(e.planeacion, 'POST', `${periodos}/cerrar`, {}), 200, 'cerrar');
    const cerrado = await pedir(consulta, resumenUrl(), { 'if-none-match': abierto.etag });
    expect(cerrado.statusCode).toBe(200);
    expect(cerrado.json()).toMatchObject({ congelado: true, periodo: { cerrado: true } });
    // Reopened through the other server: its writer reads here next.
    const reabrir = await escribirEnOtro(`${periodos}/reabrir`, {
      justificacion: 'El responsable presentó su reporte con retraso justificado.',
    });
    expect(reabrir.r.statusCode, reabrir.r.body).toBe(204);
    const reabierto = await pedir(reabrir.sesion, resumenUrl(), {
      'if-none-match': cerrado.headers.etag as string,
    });
    expect(reabierto.statusCode).toBe(200);
    expect(reabierto.json()).toMatchObject({ congelado: false, periodo: { cerrado: false } });
  });

  it('un cambio de la entidad que toca las cifras (nombre de la entidad) se ve en la lectura siguiente', async () => {
    const antes = await resumen();
    const cambio = await t.pedir(t.admin, 'PUT', e.base, {
      nombre: 'E.S.E. Hospital de Prueba Renombrado',
      nit: '846000253-6',
    });
    expect(cambio.statusCode, cambio.body).toBe(200);
    const despues = await pedir(consulta, resumenUrl(), { 'if-none-match': antes.etag });
    expect(despues.statusCode).toBe(200);
    expect(despues.json().entidad.nombre).toBe('E.S.E. Hospital de Prueba Renombrado');
  });
});

describe('ninguna vista ni entidad recibe lo de otra', () => {
  it('sin plan publicado la ciudadanía recibe 404, aunque traiga el ETag de la vista interna', async () => {
    const interno = await resumen();
    for (const url of [resumenUrl(), listaUrl()]) {
      const anonimo = await pedir(null, url, { 'if-none-match': interno.etag });
      expect(anonimo.statusCode, url).toBe(404);
      expect(anonimo.json().mensaje).toMatch(/^No se encontró un plan de acción publicado/);
      expect(anonimo.body).not.toContain(e.entidadId);
    }
  });

  it('quien trabaja en otra entidad ve la vista pública, no la interna', async () => {
    const ajena = await t.crearEntidad('Alcaldía de Otra Parte', '800197268-4');
    const deOtra = await t.usuarioCon(ajena, ['planeacion']);
    expect((await pedir(deOtra, resumenUrl())).statusCode).toBe(404);
    expect((await pedir(deOtra, listaUrl())).statusCode).toBe(404);
    // Its own dashboard is its own, even right after reading this entity's.
    const propio = await pedir(deOtra, `/api/entidades/${ajena}/tablero?vigencia=${e.vigencia}`);
    if (propio.statusCode === 200) expect(propio.json().entidad.id).toBe(ajena);
    else expect(propio.statusCode).toBe(404);
  });

  it('publicado, la ciudadanía lo ve con otro ETag; el de la vista interna no le da 304', async () => {
    exigirEstado(
      await t.pedir(e.planeacion, 'POST', `${e.base}/planes/${e.vigencia}/publicar`, {}),
      200,
      'publicar',
    );
    const interno = await resumen();
    const publico = await resumen(null);
    expect(publico.etag).toMatch(/^"p-/);
    expect(publico.etag).not.toBe(interno.etag);
    expect(publico.datos.avance).toBe(interno.datos.avance);
    const conEtagInterno = await pedir(null, resumenUrl(), { 'if-none-match': interno.etag });
    expect(conEtagInterno.statusCode).toBe(200);
    expect((await pedir(null, resumenUrl(), { 'if-none-match': publico.etag })).statusCode).toBe(304);
    expect((await lista('', null)).total).toBe(publico.datos.actividades);
  });
});

describe('actividades por páginas', () => {
  it('las páginas no se repiten, cubren todo y el total cuenta lo que cumple los filtros', async () => {
    for (let i = 0; i < 5; i++)
      await directo(() =>
        nuevaActividad(t, e, { politica: 'gestion_documental', nombre: `Organizar el archivo central ${i}` }),
      );
    const todas = await lista('&porPagina=200');
    expect(todas.total).toBe(todas.actividades.length);
    const vistas: string[] = [];
    for (let pagina = 1; pagina <= Math.ceil(todas.total / 3); pagina++) {
      const p = await lista(`&porPagina=3&pagina=${pagina}`);
      expect(p).toMatchObject({
        total: todas.total,
        pagina,
        porPagina: 3,
        paginas: Math.ceil(todas.total / 3),
      });
      vistas.push(...p.actividades.map((a) => a.id));
    }
    expect(vistas).toEqual(todas.actividades.map((a) => a.id));
    expect((await lista('&pagina=999')).actividades).toEqual([]);

    const documental = await lista('&politica=gestion_documental');
    expect(documental.total).toBe(5);
    expect(documental.actividades.every((a) => a.politica === 'gestion_documental')).toBe(true);
    // Accents and case do not matter in the search.
    expect((await lista(`&q=${encodeURIComponent('ARCHIVO central 3')}`)).total).toBe(1);
    expect((await lista(`&q=${encodeURIComponent('código DE INTEGRIDAD')}`)).total).toBe(todas.total - 5);
    const sinDato = await lista('&semaforo=sin_dato');
    expect(sinDato.actividades.every((a) => a.semaforo === null)).toBe(true);
    const porSemaforo = await Promise.all(
      ['rojo', 'amarillo', 'verde', 'azul', 'sin_dato'].map((s) => lista(`&semaforo=${s}`)),
    );
    expect(porSemaforo.reduce((n, l) => n + l.total, 0)).toBe(todas.total);
    const porEstado = await Promise.all(
      ['sin_iniciar', 'en_curso', 'atrasada', 'cumplida', 'sin_reporte'].map((s) => lista(`&estado=${s}`)),
    );
    expect(porEstado.reduce((n, l) => n + l.total, 0)).toBe(todas.total);
    // A dependencia without activities has none.
    expect((await lista('&dependencia=00000000-0000-4000-8000-000000000000')).total).toBe(0);
  });

  it('una página con ETag: 304 con la misma pregunta, 200 con otra', async () => {
    const r = exigirEstado(await pedir(consulta, listaUrl('&porPagina=2')), 200, 'página');
    const etag = r.headers.etag as string;
    expect((await pedir(consulta, listaUrl('&porPagina=2'), { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await pedir(consulta, listaUrl('&porPagina=3'), { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('parámetros fuera de sus límites: 400 en español que nombra el campo', async () => {
    const casos: [string, string][] = [
      ['&porPagina=0', 'porPagina'],
      ['&porPagina=201', 'porPagina'],
      ['&porPagina=2.5', 'porPagina'],
      ['&pagina=0', 'pagina'],
      ['&pagina=abc', 'pagina'],
      ['&pagina=10001', 'pagina'],
      [`&q=${'x'.repeat(101)}`, 'q'],
      ['&semaforo=morado', 'semaforo'],
      ['&estado=perdida', 'estado'],
      ['&dependencia=no-es-un-id', 'dependencia'],
      ['&politica=Talento%20Humano', 'politica'],
    ];
    for (const [extra, campo] of casos) {
      const r = await pedir(consulta, listaUrl(extra));
      expect(r.statusCode, extra).toBe(400);
      const cuerpo = r.json();
      expect(cuerpo.error, extra).toBe('validacion');
      expect(
        cuerpo.campos.map((c: { campo: string }) => c.campo),
        extra,
      ).toContain(`parámetro ${campo}`);
      expect(JSON.stringify(cuerpo), extra).not.toMatch(/\b(Invalid|Expected|Too (big|small))\b/);
    }
    expect((await pedir(consulta, `${e.base}/tablero?vigencia=2026&periodo=13`)).statusCode).toBe(400);
    expect((await pedir(consulta, `${e.base}/tablero/actividades?vigencia=1999`)).statusCode).toBe(400);
  });
});

describe('compresión negociada', () => {
  it('el resumen sale en brotli, gzip o sin comprimir según Accept-Encoding, con los mismos datos', async () => {
    const plano = await pedir(consulta, resumenUrl(), { 'accept-encoding': 'identity' });
    expect(plano.headers['content-encoding']).toBeUndefined();
    const br = await pedir(consulta, resumenUrl(), { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plano.body);
    const gz = await pedir(consulta, resumenUrl(), { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plano.body);
    const sinBr = await pedir(consulta, resumenUrl(), { 'accept-encoding': 'br;q=0, gzip' });
    expect(sinBr.headers['content-encoding']).toBe('gzip');
    const nada = await pedir(consulta, resumenUrl());
    expect(nada.headers['content-encoding']).toBeUndefined();
    expect(br.headers.etag).toBe(plano.headers.etag);
  });

  it('el JSON de más de 1 KB se comprime al vuelo; el pequeño no', async () => {
    const plano = await pedir(consulta, listaUrl('&porPagina=200'));
    expect(plano.rawPayload.length).toBeGreaterThan(1024);
    expect(plano.headers['content-encoding']).toBeUndefined();
    const br = await pedir(consulta, listaUrl('&porPagina=200'), { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plano.body);
    const gz = await pedir(consulta, listaUrl('&porPagina=200'), { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plano.body);
    // Any other JSON answer, compressed by the plugin (@fastify/compress).
    const catalogo = await pedir(null, '/api/catalogo?vigencia=2026');
    expect(catalogo.rawPayload.length).toBeGreaterThan(1024);
    for (const [pide, sale, abrir] of [
      ['br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const r = await pedir(null, '/api/catalogo?vigencia=2026', { 'accept-encoding': pide });
      expect(r.headers['content-encoding']).toBe(sale);
      expect(abrir(r.rawPayload).toString()).toBe(catalogo.body);
    }
    const salud = await pedir(null, '/api/health', { 'accept-encoding': 'br, gzip' });
    expect(salud.headers['content-encoding']).toBeUndefined();
    expect(salud.json().status).toBe('ok');
  });

  it('las descargas ya comprimidas (xlsx, imágenes) salen tal cual', async () => {
    for (const url of [
      `${e.base}/plan/${e.vigencia}/export.xlsx?periodo=1`,
      `${e.base}/plan/${e.vigencia}/plantilla.xlsx`,
    ]) {
      const r = await pedir(consulta, url, { 'accept-encoding': 'br, gzip' });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-encoding'], url).toBeUndefined();
      expect(r.rawPayload.subarray(0, 2).toString(), url).toBe('PK');
    }
    // A PNG over the threshold (bytes after its end are allowed).
    const png = Buffer.concat([
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
      Buffer.alloc(4096),
    ]);
    const admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
    const subir = await t.app.inject({
      method: 'PUT',
      url: `${e.base}/logo`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'image/png' },
      payload: png,
    });
    expect(subir.statusCode, subir.body).toBe(204);
    const logo = await pedir(null, `${e.base}/logo`, { 'accept-encoding': 'br, gzip' });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-encoding']).toBeUndefined();
    expect(logo.rawPayload.equals(png)).toBe(true);
  });
});

describe('un solo proceso (PGlite): sin consultar la versión en cada lectura', () => {
  it('aceptar un reporte, cerrar y reabrir el periodo se ven en la lectura siguiente', async () => {
    baseDeUnSoloProceso(t.conexion.db, true);
    try {
      const r = await directo(() => reporteEn(t, e, 'enviado'));
      const antes = await resumen();
      expect((await pedir(consulta, resumenUrl(), { 'if-none-match': antes.etag })).statusCode).toBe(304);
      exigirEstado(await t.pedir(e.planeacion, 'POST', `${r.url}/aceptar`, {}), 200, 'aceptar');
      const aceptado = await pedir(consulta, resumenUrl(), { 'if-none-match': antes.etag });
      expect(aceptado.statusCode).toBe(200);
      expect(aceptado.json().avance).not.toBe(antes.datos.avance);
      const periodos = `${e.base}/vigencias/${e.vigencia}/periodos/1`;
      exigirEstado(await t.pedir(e.planeacion, 'POST', `${periodos}/cerrar`, {}), 200, 'cerrar');
      expect((await resumen()).datos.congelado).toBe(true);
      exigirEstado(
        await t.pedir(e.planeacion, 'POST', `${periodos}/reabrir`, {
          justificacion: 'El responsable presentó su reporte con retraso justificado.',
        }),
        204,
        'reabrir',
      );
      expect((await resumen()).datos.congelado).toBe(false);
    } finally {
      baseDeUnSoloProceso(t.conexion.db, false);
    }
  });
});
