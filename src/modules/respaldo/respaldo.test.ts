import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BasePrueba, crearBasePrueba } from '../../server/prueba.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { verificarAuditoria } from '../auditoria/auditoria.service.ts';
import { sembrarDemo } from '../demo/demo.service.ts';
import {
  carpetaArchivos,
  crearRespaldo,
  escribirRespaldo,
  leerRespaldo,
  restaurarRespaldo,
} from './respaldo.service.ts';

const actor = { usuarioId: null, correo: 'prueba', ip: null };
let origen: BasePrueba;
let destino: BasePrueba;
beforeAll(async () => {
  [origen, destino] = await Promise.all([crearBasePrueba(), crearBasePrueba()]);
  await sembrarDemo(origen.conexion.db, actor, origen.dataDir);
  mkdirSync(join(carpetaArchivos(origen.dataDir), 'ab'), { recursive: true });
  writeFileSync(join(carpetaArchivos(origen.dataDir), 'ab', 'evidencia.pdf'), '%PDF-1.4 prueba');
});
afterAll(async () => {
  await origen.cerrar();
  await destino.cerrar();
});

describe('respaldo y restauración', () => {
  it('restaurar en una base vacía reproduce los mismos datos, archivos y una bitácora íntegra', async () => {
    const archivo = join(origen.dataDir, 'respaldo.json.gz');
    await escribirRespaldo(origen.conexion.db, origen.dataDir, archivo);
    await restaurarRespaldo(destino.conexion.db, destino.dataDir, await leerRespaldo(archivo));

    const a = await crearRespaldo(origen.conexion.db, origen.dataDir);
    const b = await crearRespaldo(destino.conexion.db, destino.dataDir);
    expect(b.tablas).toEqual(a.tablas);
    expect(b.tablas.entidad).toHaveLength(1);
    expect(b.tablas.usuario).toHaveLength(9);
    // The demo's year travels whole: plan, reports, their evidence files and the frozen periods.
    expect(b.tablas.actividad).toHaveLength(38);
    expect(b.tablas.seguimiento!.length).toBeGreaterThan(38);
    expect(b.tablas.evidencia).toHaveLength(b.tablas.seguimiento!.length);
    expect(b.tablas.corte_periodo!.length).toBeGreaterThan(0);
    expect(b.archivos.length).toBeGreaterThan(38);
    expect(b.archivos).toEqual(a.archivos);
    expect(readFileSync(join(carpetaArchivos(destino.dataDir), 'ab', 'evidencia.pdf'), 'utf8')).toBe(
      '%PDF-1.4 prueba',
    );
    expect(await verificarAuditoria(destino.conexion.db, destino.dataDir)).toEqual({
      ok: true,
      revisados: a.tablas.auditoria!.length,
    });
  });

  it('la bitácora sigue encadenando después de restaurar', async () => {
    await sembrarDemo(destino.conexion.db, actor); // idempotent: writes nothing
    await destino.conexion.db.transaction((tx) =>
      registrarAuditoria(tx, actor, { entidadId: null, accion: 'probar', recurso: 'respaldo' }),
    );
    expect((await verificarAuditoria(destino.conexion.db, destino.dataDir)).ok).toBe(true);
  });

  it('no restaura sobre una base con datos', async () => {
    const archivo = join(origen.dataDir, 'respaldo.json.gz');
    await expect(
      restaurarRespaldo(origen.conexion.db, origen.dataDir, await leerRespaldo(archivo)),
    ).rejects.toThrow('ya tiene datos');
  });

  it('un archivo que no es respaldo se rechaza en español', async () => {
    const falso = join(origen.dataDir, 'falso.json.gz');
    writeFileSync(falso, 'hola');
    await expect(leerRespaldo(falso)).rejects.toThrow('no es un respaldo de MIPG Abierto');
  });
});
