// Test harness: a fresh database per test file — PGlite in memory, or a new PostgreSQL database
// on the TEST_DATABASE_URL server when the suite runs in its "postgres" project.
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
import { hashClave } from '../modules/usuarios/usuario.service.ts';
import { construirApp } from './app.ts';
import { crearAdministrador } from './arranque.ts';

export const CLAVE_PRUEBA = 'Putumayo2026';

export interface BasePrueba {
  conexion: Conexion;
  dataDir: string;
  cerrar(): Promise<void>;
}

export async function crearBasePrueba(): Promise<BasePrueba> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mipg-prueba-'));
  let databaseUrl: string | undefined;
  let borrar = async () => {};
  if (process.env.MIPG_TEST_DB === 'postgres') {
    const servidor = process.env.TEST_DATABASE_URL!;
    const nombre = `mipg_prueba_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const admin = new pg.Client({ connectionString: servidor });
    await admin.connect();
    await admin.query(`create database ${nombre}`);
    await admin.end();
    const url = new URL(servidor);
    url.pathname = `/${nombre}`;
    databaseUrl = url.toString();
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
  }
  const conexion = await conectar({ databaseUrl });
  await sincronizarCatalogo(conexion.db);
  return {
    conexion,
    dataDir,
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
  iniciarSesion(correo: string, clave?: string): Promise<Sesion>;
  /** Creates a user holding `roles` in `entidadId` and returns its session. */
  usuarioCon(entidadId: string, roles: Rol[], correo?: string): Promise<Sesion & { id: string }>;
  crearEntidad(nombre: string, nit: string): Promise<string>;
}

export async function crearAppPrueba(): Promise<AppPrueba> {
  const base = await crearBasePrueba();
  const app = await construirApp({ conexion: base.conexion, dataDir: base.dataDir });
  await app.ready();
  await crearAdministrador(base.conexion, 'admin@plataforma.example', CLAVE_PRUEBA);

  const pedir: AppPrueba['pedir'] = (sesion, method, url, body) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: sesion ? { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf } : {},
    });

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
  const crearEntidad = async (nombre: string, nit: string) => {
    const r = await pedir(admin, 'POST', '/api/entidades', { nombre, nit });
    if (r.statusCode !== 201) throw new Error(`crear entidad: ${r.body}`);
    return r.json().id as string;
  };

  return {
    ...base,
    app,
    admin,
    pedir,
    iniciarSesion,
    usuarioCon,
    crearEntidad,
    async cerrar() {
      await app.close();
      await base.cerrar();
    },
  };
}
