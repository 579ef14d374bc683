// Test harness: an isolated database per test file — PGlite in memory, or a new PostgreSQL database on the
// TEST_DATABASE_URL server when the suite runs in its "postgres" project. Both are copies of a template that
// is migrated and seeded once (src/server/plantilla-prueba.ts).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Rol } from '../core/roles.ts';
import { sincronizarCatalogo } from '../db/catalogo.ts';
import { type Conexion, conectar } from '../db/client.ts';
import { rolUsuario, usuario } from '../db/schema.ts';
import { crearAdministrador } from '../modules/usuarios/administrador.service.ts';
import { hashClave } from '../modules/usuarios/usuario.service.ts';
import { construirApp, type OpcionesApp } from './app.ts';
import {
  asegurarPlantillaPglite,
  crearBaseDesdePlantilla,
  descartarPlantillaPglite,
  type PlantillaPostgres,
  plantillaPglite,
  urlDe,
} from './plantilla-prueba.ts';

export const CLAVE_PRUEBA = 'Putumayo2026';

export interface BasePrueba {
  conexion: Conexion;
  dataDir: string;
  /** The PGlite template file or the PostgreSQL template database this one was copied from. */
  plantilla: string | null;
  cerrar(): Promise<void>;
}

/** The template the run's global setup made (vitest.config.ts); none when the tests run without it. */
async function plantillaPostgresDeLaCorrida(): Promise<PlantillaPostgres | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject('plantillaPostgres');
}

async function abrirPgliteDePlantilla(): Promise<{ conexion: Conexion; plantilla: string }> {
  const archivo = await asegurarPlantillaPglite();
  try {
    return { conexion: await conectar({ plantilla: await plantillaPglite() }), plantilla: archivo };
  } catch {
    // A damaged file (a disk filled while copying, say) is built again rather than failing every test.
    descartarPlantillaPglite(archivo);
    return { conexion: await conectar({ plantilla: await plantillaPglite() }), plantilla: archivo };
  }
}

export async function crearBasePrueba(): Promise<BasePrueba> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mipg-prueba-'));
  let conexion: Conexion;
  let plantilla: string | null = null;
  let borrar = async () => {};
  if (process.env.MIPG_TEST_DB === 'postgres') {
    const servidor = process.env.TEST_DATABASE_URL!;
    const deLaCorrida = await plantillaPostgresDeLaCorrida();
    let nombre: string;
    if (deLaCorrida) {
      nombre = await crearBaseDesdePlantilla(servidor, deLaCorrida);
      plantilla = deLaCorrida.plantilla;
    } else {
      nombre = `mipg_prueba_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const admin = new pg.Client({ connectionString: servidor });
      await admin.connect();
      await admin.query(`create database ${nombre}`);
      await admin.end();
    }
    borrar = async () => {
      const c = new pg.Client({ connectionString: servidor });
      await c.connect();
      // Without force first: a connection still closing would otherwise be killed mid-goodbye.
      for (let intento = 0; ; intento++) {
        try {
          await c.query(`drop database if exists ${nombre}${intento >= 20 ? ' with (force)' : ''}`);
          break;
        } catch (e) {
          if (intento >= 20) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    };
    conexion = await conectar({ databaseUrl: urlDe(servidor, nombre) });
  } else {
    ({ conexion, plantilla } = await abrirPgliteDePlantilla());
  }
  // Migrations and catalog are already in the template: both only check that, in a few milliseconds.
  await sincronizarCatalogo(conexion.db);
  return {
    conexion,
    dataDir,
    plantilla,
    async cerrar() {
      await conexion.cerrar();
      await borrar();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Sesion {
  cookie: string;
  csrf: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a setup call reads whatever its route answers.
type Cuerpo = any;

export interface AppPrueba extends BasePrueba {
  app: FastifyInstance;
  admin: Sesion;
  /** Sends a request as `sesion` (with its cookie and CSRF header), or anonymously. */
  pedir(
    sesion: Sesion | null,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /**
   * For setup calls: sends like `pedir` and fails, naming the call, unless the answer has status `estado`;
   * returns the body, parsed when JSON (null when empty).
   */
  exigir(
    estado: number,
    sesion: Sesion | null,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
  ): Promise<Cuerpo>;
  iniciarSesion(correo: string, clave?: string): Promise<Sesion>;
  /** Creates a user holding `roles` in `entidadId` and returns its session. */
  usuarioCon(entidadId: string, roles: Rol[], correo?: string): Promise<Sesion & { id: string }>;
  crearEntidad(nombre: string, nit: string): Promise<string>;
}

/** `opciones`: e.g. the e-mail settings of a local SMTP server (src/modules/correo/correo.test.ts). */
export async function crearAppPrueba(
  opciones: Omit<OpcionesApp, 'conexion' | 'dataDir'> = {},
): Promise<AppPrueba> {
  const base = await crearBasePrueba();
  const app = await construirApp({
    // No reminders job: tests run its rounds by hand with their own clock (recordatorios.test.ts).
    intervaloRecordatoriosMs: 0,
    ...opciones,
    conexion: base.conexion,
    dataDir: base.dataDir,
  });
  await app.ready();
  // A template with users in it would leak one test file's data into the next.
  if (!(await crearAdministrador(base.conexion, 'admin@plataforma.example', CLAVE_PRUEBA)).creado)
    throw new Error('La base de prueba no estaba vacía: ya tenía el administrador.');

  const pedir: AppPrueba['pedir'] = (sesion, method, url, body) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: sesion ? { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf } : {},
    });

  const exigir: AppPrueba['exigir'] = async (estado, sesion, method, url, body) => {
    const r = await pedir(sesion, method, url, body);
    if (r.statusCode !== estado)
      throw new Error(`${method} ${url}: se esperaba ${estado} y llegó ${r.statusCode} ${r.body}`);
    if (!r.body) return null;
    return String(r.headers['content-type']).includes('json') ? r.json() : r.body;
  };

  // Setup logins come from their own loopback address each, so they never meet the login rate limit that
  // the tests of that limit exercise.
  let conexiones = 0;
  const iniciarSesion = async (correo: string, clave = CLAVE_PRUEBA): Promise<Sesion> => {
    conexiones++;
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: correo, password: clave },
      remoteAddress: `127.1.${(conexiones >> 8) & 255}.${conexiones & 255}`,
    });
    if (r.statusCode !== 200) throw new Error(`login ${correo}: ${r.statusCode} ${r.body}`);
    const c = r.cookies.find((x) => x.name === 'mipg_sesion')!;
    return { cookie: `mipg_sesion=${c.value}`, csrf: r.json().csrf };
  };

  const claveHash = await hashClave(CLAVE_PRUEBA);
  const usuarioCon: AppPrueba['usuarioCon'] = async (entidadId, roles, correo) => {
    const email = correo ?? `u${randomUUID().slice(0, 8)}@prueba.example`;
    const [u] = await base.conexion.db
      .insert(usuario)
      .values({ correo: email, nombre: `Persona ${email}`, claveHash })
      .returning();
    if (roles.length)
      await base.conexion.db
        .insert(rolUsuario)
        .values(roles.map((rol) => ({ usuarioId: u!.id, entidadId, rol })));
    return { id: u!.id, ...(await iniciarSesion(email)) };
  };

  const admin = await iniciarSesion('admin@plataforma.example');
  const crearEntidad = async (nombre: string, nit: string) =>
    (await exigir(201, admin, 'POST', '/api/entidades', { nombre, nit })).id as string;

  return {
    ...base,
    app,
    admin,
    pedir,
    exigir,
    iniciarSesion,
    usuarioCon,
    crearEntidad,
    async cerrar() {
      await app.close();
      await base.cerrar();
    },
  };
}
