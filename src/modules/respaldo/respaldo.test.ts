import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, filas } from '../../db/client.ts';
import { TABLAS_EN_ORDEN } from '../../db/schema.ts';
import { type BasePrueba, crearBasePrueba } from '../../server/prueba.ts';
import { archivoAnclas } from '../auditoria/anclas.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { verificarAuditoria } from '../auditoria/auditoria.service.ts';
import { sembrarDemo } from '../demo/demo.service.ts';
import { carpetaArchivos, escribirRespaldo, restaurarRespaldo } from './respaldo.service.ts';
import { cabeceraTar, FIN_TAR, rellenoTar } from './tar.ts';

const actor = { usuarioId: null, correo: 'prueba', ip: null };
const TABLAS = TABLAS_EN_ORDEN.filter((t) => t !== 'sesion');
let origen: BasePrueba;
let destino: BasePrueba;
let vacia: BasePrueba;
let archivo: string;
beforeAll(async () => {
  [origen, destino, vacia] = await Promise.all([crearBasePrueba(), crearBasePrueba(), crearBasePrueba()]);
  await sembrarDemo(origen.conexion.db, actor, origen.dataDir);
  mkdirSync(join(carpetaArchivos(origen.dataDir), 'ab'), { recursive: true });
  writeFileSync(join(carpetaArchivos(origen.dataDir), 'ab', 'evidencia.pdf'), '%PDF-1.4 prueba');
  archivo = join(origen.dataDir, 'respaldo.tar.gz');
  await escribirRespaldo(origen.conexion.db, origen.dataDir, archivo);
}, 240_000); // three embedded databases and the demo year: slow on a busy machine
afterAll(async () => {
  await Promise.all([origen.cerrar(), destino.cerrar(), vacia.cerrar()]);
});

/** Every row of every table, as PostgreSQL's JSON, sorted: equal dumps mean identical data. */
async function volcar(db: Db) {
  const r: Record<string, string[]> = {};
  for (const t of TABLAS)
    r[t] = (
      await filas<{ j: string }>(db, sql.raw(`select row_to_json(x)::text as j from "${t}" x order by 1`))
    ).map((f) => f.j);
  return r;
}

/** Relative path → SHA-256 of every evidence file. */
function huellas(dataDir: string) {
  const base = carpetaArchivos(dataDir);
  if (!existsSync(base)) return {};
  return Object.fromEntries(
    readdirSync(base, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const ruta = join(e.parentPath, e.name);
        return [relative(base, ruta), createHash('sha256').update(readFileSync(ruta)).digest('hex')];
      })
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

async function sigueVacia() {
  const [r] = await filas<{ n: number }>(
    vacia.conexion.db,
    sql`select (select count(*) from entidad) + (select count(*) from usuario) + (select count(*) from auditoria) + (select count(*) from evidencia) as n`,
  );
  expect(Number(r!.n)).toBe(0);
  expect(huellas(vacia.dataDir)).toEqual({});
  expect(readdirSync(vacia.dataDir).filter((n) => n.startsWith('.restauracion-'))).toEqual([]);
}

/** A version-2 archive built by hand: a valid header entry, then `entradas` as given. */
function tarCon(entradas: { nombre: string; contenido: string; tipo?: string }[]) {
  const partes = [cabeceraTar('respaldo.json', 0)];
  const cabecera = Buffer.from(JSON.stringify({ formato: 'mipg-abierto-respaldo', version: 2 }));
  partes[0] = cabeceraTar('respaldo.json', cabecera.length);
  partes.push(cabecera, rellenoTar(cabecera.length));
  for (const e of entradas) {
    const c = Buffer.from(e.contenido);
    partes.push(cabeceraTar(e.nombre, c.length, e.tipo), c, rellenoTar(c.length));
  }
  partes.push(FIN_TAR);
  return gzipSync(Buffer.concat(partes));
}

describe('respaldo y restauración', () => {
  it('restaurar en una base vacía reproduce exactamente las filas, los archivos y una bitácora íntegra', async () => {
    const r = await restaurarRespaldo(destino.conexion.db, destino.dataDir, archivo);

    const a = await volcar(origen.conexion.db);
    const b = await volcar(destino.conexion.db);
    expect(b).toEqual(a);
    expect(b.entidad).toHaveLength(1);
    expect(b.usuario).toHaveLength(17);
    // The demo's year travels whole: plan, reports, their evidence files and the frozen periods.
    expect(b.actividad).toHaveLength(45);
    expect(b.objetivo_estrategico).toHaveLength(5);
    expect(b.seguimiento!.length).toBeGreaterThan(45);
    expect(b.evidencia).toHaveLength(b.seguimiento!.length);
    expect(b.corte_periodo!.length).toBeGreaterThan(0);
    expect(r.tablas).toEqual(Object.fromEntries(TABLAS.map((t) => [t, a[t]!.length])));
    const archivos = huellas(origen.dataDir);
    expect(Object.keys(archivos).length).toBeGreaterThan(45);
    expect(r.archivos).toBe(Object.keys(archivos).length);
    expect(huellas(destino.dataDir)).toEqual(archivos);
    expect(readFileSync(join(carpetaArchivos(destino.dataDir), 'ab', 'evidencia.pdf'), 'utf8')).toBe(
      '%PDF-1.4 prueba',
    );
    expect(await verificarAuditoria(destino.conexion.db, destino.dataDir)).toEqual({
      ok: true,
      revisados: a.auditoria!.length,
    });
  });

  it('la bitácora sigue encadenando después de restaurar', async () => {
    await sembrarDemo(destino.conexion.db, actor); // idempotent: writes nothing
    await destino.conexion.db.transaction((tx) =>
      registrarAuditoria(tx, actor, { entidadId: null, accion: 'probar', recurso: 'respaldo' }),
    );
    expect((await verificarAuditoria(destino.conexion.db, destino.dataDir)).ok).toBe(true);
  });

  it('el respaldo ancla la bitácora y lleva sus anclas', async () => {
    const anclas = readFileSync(archivoAnclas(origen.dataDir), 'utf8').trim().split('\n');
    const ultima = JSON.parse(anclas.at(-1)!);
    const [u] = await filas<{ id: number; n: number }>(
      origen.conexion.db,
      sql`select max(id) as id, count(*)::int as n from auditoria`,
    );
    expect(ultima).toMatchObject({ ultimoId: Number(u!.id), total: Number(u!.n) });
    expect(gunzipSync(readFileSync(archivo)).includes(Buffer.from(ultima.firma))).toBe(true);
  });

  it('no restaura sobre una base con datos', async () => {
    await expect(restaurarRespaldo(origen.conexion.db, origen.dataDir, archivo)).rejects.toThrow(
      'ya tiene datos',
    );
  });

  it('un archivo que no es respaldo se rechaza en español', async () => {
    const falso = join(origen.dataDir, 'falso.tar.gz');
    writeFileSync(falso, 'hola');
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, falso)).rejects.toThrow(
      'no es un respaldo de MIPG Abierto',
    );
    writeFileSync(falso, gzipSync('{"hola": 1}'));
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, falso)).rejects.toThrow(
      'no es un respaldo de MIPG Abierto',
    );
    await sigueVacia();
  });

  it('un respaldo alterado se rechaza sin guardar nada', async () => {
    const tar = gunzipSync(readFileSync(archivo));
    const alterado = join(origen.dataDir, 'alterado.tar.gz');
    // An evidence file's content changed (same length, so the tar stays well formed).
    const i = tar.indexOf('%PDF-1.4 prueba');
    const evidencia = Buffer.from(tar);
    evidencia.write('%PDF-1.4 trampa', i);
    writeFileSync(alterado, gzipSync(evidencia));
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, alterado)).rejects.toThrow(
      /fue alterado.*«archivos\/ab\/evidencia\.pdf» no coincide con su SHA-256/,
    );
    await sigueVacia();

    // A row changed: the rows reach the database inside the transaction, and are rolled back.
    const j = tar.indexOf('"nombre":"E.S.E.');
    const fila = Buffer.from(tar);
    fila.write('"nombre":"X.S.E.', j);
    writeFileSync(alterado, gzipSync(fila));
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, alterado)).rejects.toThrow(
      /fue alterado.*«tablas\/entidad\.jsonl» no coincide con su SHA-256/,
    );
    await sigueVacia();

    // Bytes flipped in the compressed file itself.
    const gz = Buffer.from(readFileSync(archivo));
    gz[Math.floor(gz.length / 2)]! ^= 0xff;
    writeFileSync(alterado, gz);
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, alterado)).rejects.toThrow(
      /dañado|alterado/,
    );
    await sigueVacia();
  });

  it('un respaldo truncado se rechaza sin guardar nada', async () => {
    const truncado = join(origen.dataDir, 'truncado.tar.gz');
    const gz = readFileSync(archivo);
    writeFileSync(truncado, gz.subarray(0, Math.floor(gz.length * 0.9)));
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, truncado)).rejects.toThrow(
      'incompleto (truncado)',
    );
    await sigueVacia();

    // Cut right before the manifest and compressed again: gzip is whole, the archive is not.
    const tar = gunzipSync(gz);
    const manifiesto = tar.indexOf('manifiesto.json');
    writeFileSync(truncado, gzipSync(Buffer.concat([tar.subarray(0, manifiesto), FIN_TAR])));
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, truncado)).rejects.toThrow(
      'falta el manifiesto',
    );
    writeFileSync(truncado, gzipSync(tar.subarray(0, manifiesto)));
    await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, truncado)).rejects.toThrow('incompleto');
    await sigueVacia();
  });

  it('rechaza rutas fuera de la carpeta de archivos y entradas que no son archivos regulares', async () => {
    const hermana = `${carpetaArchivos(vacia.dataDir)}-x`;
    const malo = join(origen.dataDir, 'malo.tar.gz');
    for (const nombre of [
      'archivos/../archivos-x/evil',
      'archivos/ab/../../../pg/x',
      'archivos//etc/passwd',
      'archivos/',
    ]) {
      writeFileSync(malo, tarCon([{ nombre, contenido: 'malo' }]));
      await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, malo)).rejects.toThrow(
        'ruta de archivo no permitida',
      );
    }
    for (const tipo of ['2', '1', '5']) {
      writeFileSync(malo, tarCon([{ nombre: 'archivos/ab/enlace', contenido: '', tipo }]));
      await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, malo)).rejects.toThrow(
        'no es un archivo regular',
      );
    }
    // The old format too: before, «../archivos-x/…» passed a string-prefix check.
    const v1 = (ruta: string) =>
      gzipSync(
        JSON.stringify({
          formato: 'mipg-abierto-respaldo',
          version: 1,
          creadoEn: new Date().toISOString(),
          tablas: {},
          archivos: [{ ruta, base64: Buffer.from('malo').toString('base64') }],
        }),
      );
    for (const ruta of ['../archivos-x/evil', '/tmp/evil', '..', 'ab/../../x']) {
      writeFileSync(malo, v1(ruta));
      await expect(restaurarRespaldo(vacia.conexion.db, vacia.dataDir, malo)).rejects.toThrow(
        'ruta de archivo no permitida',
      );
    }
    expect(existsSync(hermana)).toBe(false);
    await sigueVacia();
  });

  it('los respaldos del formato anterior (.json.gz) se siguen restaurando', async () => {
    const tablas: Record<string, unknown[]> = {};
    for (const t of TABLAS) {
      const [r] = await filas<{ f: unknown[] }>(
        origen.conexion.db,
        sql.raw(`select coalesce(json_agg(x), '[]'::json) as f from "${t}" x`),
      );
      tablas[t] = r!.f;
    }
    const base = carpetaArchivos(origen.dataDir);
    const archivos = Object.keys(huellas(origen.dataDir)).map((ruta) => ({
      ruta,
      base64: readFileSync(join(base, ruta)).toString('base64'),
    }));
    const antiguo = join(origen.dataDir, 'antiguo.json.gz');
    writeFileSync(
      antiguo,
      gzipSync(
        JSON.stringify({ formato: 'mipg-abierto-respaldo', version: 1, creadoEn: '', tablas, archivos }),
      ),
    );
    // Into the base every rejection above left empty (checked by each): one embedded database less.
    await sigueVacia();
    await restaurarRespaldo(vacia.conexion.db, vacia.dataDir, antiguo);
    expect(await volcar(vacia.conexion.db)).toEqual(await volcar(origen.conexion.db));
    expect(huellas(vacia.dataDir)).toEqual(huellas(origen.dataDir));
    expect((await verificarAuditoria(vacia.conexion.db, vacia.dataDir)).ok).toBe(true);
  });
});
