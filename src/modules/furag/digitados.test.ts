// FURAG scores typed by the entity from its own results report, when the national file lacks its row or was
// never loaded: planeación types them (0–100, one decimal, blank = no aplica), they are read marked as typed,
// never compared with a grupo par nor counted in one, the file's row wins when there is one, and two people
// saving at once never overwrite each other (409). The history follows an index across a change of code.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rol } from '../../core/roles.ts';
import { entidad, furagDigitado } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  conEquivalencias,
  nitDePrueba,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let hospital: string;
let planeacion: Sesion & { id: string };
beforeAll(async () => {
  t = await crearAppPrueba();
  hospital = await t.crearEntidad('E.S.E. Hospital Sintético de Colón', nitDePrueba(1));
  await t.conexion.db.update(entidad).set({ codigoSigep: '8001' }).where(eq(entidad.id, hospital));
  planeacion = await t.usuarioCon(hospital, ['planeacion']);
});
afterAll(() => t.cerrar());

const url = (vigencia: number | string, entidadId = hospital) =>
  `/api/entidades/${entidadId}/furag/digitados/${vigencia}`;

const cargarArchivo = (vigencia: number, filas: string[]) =>
  t.app.inject({
    method: 'POST',
    url: `/api/furag/resultados/import?vigencia=${vigencia}`,
    headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'text/csv' },
    payload: [
      'Código SIGEP;Entidad;Grupo par;IDI;D04 Evaluación de Resultados;I01 Planeación del talento humano;I02 Eficiencia',
      ...filas,
    ].join('\r\n'),
  });

const enBase = async (vigencia: number) =>
  t.conexion.db
    .select()
    .from(furagDigitado)
    .where(eq(furagDigitado.vigencia, vigencia))
    .then((f) => f.filter((x) => x.entidadId === hospital));

describe('puntajes FURAG digitados por la entidad', () => {
  it('sin archivo cargado, planeación digita los puntajes de 2024 y la entidad los lee marcados como digitados, sin grupo par', async () => {
    const desde = await ultimaAuditoria(t);
    const guardado = await t.exigir(200, planeacion, 'PUT', url(2024), {
      grupoPar: '  E.S.E. TERRITORIAL GRUPO 2 ',
      puntajes: { IDI: 61.4, D4: 58, POL19: 70.5, I01: 0, I03: 100 },
      version: null,
    });
    expect(guardado).toMatchObject({
      vigencia: 2024,
      grupoPar: 'E.S.E. TERRITORIAL GRUPO 2',
      puntajes: { IDI: 61.4, D4: 58, POL19: 70.5, I01: 0, I03: 100 },
      version: 1,
      digitadoPor: expect.stringContaining('Persona'),
    });
    const [registro] = await auditoriaDesde(t, desde, 'furag_digitado');
    expect(registro).toMatchObject({ accion: 'crear', recursoId: '2024', entidadId: hospital });

    const consulta = await t.usuarioCon(hospital, ['consulta']);
    // Without a vigencia, the newest with scores: the typed 2024 (no file loaded anywhere yet).
    const r = await t.exigir(200, consulta, 'GET', `/api/entidades/${hospital}/furag`);
    expect(r).toMatchObject({
      vigencia: 2024,
      vigencias: [2024],
      origen: 'entidad',
      fila: null,
      grupoPar: 'E.S.E. TERRITORIAL GRUPO 2',
      digitado: { por: expect.stringContaining('Persona'), en: expect.any(String) },
      idi: { puntaje: 61.4, grupoPar: null },
    });
    // Laid out as the catalog of 2024 lists them: what was left empty does not apply (null), never zero.
    expect(r.dimensiones).toHaveLength(7);
    expect(r.dimensiones.find((d: { codigo: string }) => d.codigo === 'D4')).toEqual({
      codigo: 'D4',
      nombre: 'Evaluación de Resultados',
      puntaje: 58,
      grupoPar: null,
    });
    expect(r.dimensiones.filter((d: { puntaje: number | null }) => d.puntaje === null)).toHaveLength(6);
    expect(r.politicas).toHaveLength(19);
    expect(r.indices.find((i: { codigo: string }) => i.codigo === 'I01')).toMatchObject({ puntaje: 0 });
    expect(r.indices.find((i: { codigo: string }) => i.codigo === 'I02')).toMatchObject({ puntaje: null });
    // An index typed as 0 is the weakest; one left empty is not weak at all.
    expect(r.indicesDebiles.map((d: { codigo: string }) => d.codigo)).toEqual(['I01', 'I03']);

    const leido = await t.exigir(200, consulta, 'GET', url(2024));
    expect(leido).toEqual(guardado);
    expect((await t.pedir(consulta, 'GET', url(2023))).statusCode).toBe(404);
  });

  it('cada puntaje de 0 a 100 con un decimal, con códigos del catálogo de la vigencia; el error nombra el campo y no se guarda nada', async () => {
    const casos: [unknown, string, RegExp][] = [
      [{ IDI: 100.5 }, 'puntajes.IDI', /el puntaje debe estar entre 0 y 100/],
      [{ I01: 55.55 }, 'puntajes.I01', /decimal/],
      [{ I01: -1 }, 'puntajes.I01', /entre 0 y 100/],
      [{ I01: '55' }, 'puntajes.I01', /escriba el puntaje como número/],
      [{ X01: 5 }, 'puntajes.X01', /no es un código FURAG/],
      // I39 is one of 2025's real gaps: not a code of that vigencia.
      [{ I39: 50 }, 'puntajes.I39', /no es un código FURAG de la vigencia 2025/],
      [{}, 'puntajes', /digite al menos un puntaje/],
    ];
    for (const [puntajes, campo, mensaje] of casos) {
      const r = await t.pedir(planeacion, 'PUT', url(2025), { grupoPar: null, puntajes, version: null });
      expect(r.statusCode, JSON.stringify(puntajes)).toBe(400);
      expect(r.json().campos).toContainEqual({ campo, mensaje: expect.stringMatching(mensaje) });
    }
    const sinCatalogo = await t.pedir(planeacion, 'PUT', url(2019), { puntajes: { IDI: 50 }, version: null });
    expect(sinCatalogo.statusCode).toBe(400);
    expect(sinCatalogo.json().campos[0]).toMatchObject({
      campo: 'vigencia',
      mensaje: expect.stringMatching(/no está en el catálogo MIPG/),
    });
    const largo = await t.pedir(planeacion, 'PUT', url(2025), {
      grupoPar: 'G'.repeat(121),
      puntajes: { IDI: 50 },
      version: null,
    });
    expect(largo.statusCode).toBe(400);
    expect(await enBase(2025)).toEqual([]);
    expect(await enBase(2019)).toEqual([]);
  });

  it('solo planeación de la entidad los digita; las demás personas los leen; otra entidad ni los lee', async () => {
    const cuerpo = { grupoPar: null, puntajes: { IDI: 50 }, version: null };
    for (const rol of ['admin_entidad', 'consulta', 'control_interno', 'responsable_politica'] as Rol[]) {
      const s = await t.usuarioCon(hospital, [rol]);
      expect((await t.pedir(s, 'PUT', url(2025), cuerpo)).statusCode, rol).toBe(403);
      expect((await t.pedir(s, 'GET', url(2024))).statusCode, rol).toBe(200);
    }
    const otra = await t.crearEntidad('Alcaldía de Otro Lugar', nitDePrueba(2));
    const ajena = await t.usuarioCon(otra, ['planeacion']);
    expect((await t.pedir(ajena, 'PUT', url(2025), cuerpo)).statusCode).toBe(403);
    expect((await t.pedir(ajena, 'GET', url(2024))).statusCode).toBe(403);
    expect((await t.pedir(ajena, 'GET', `/api/entidades/${hospital}/furag`)).statusCode).toBe(403);
    expect(await enBase(2025)).toEqual([]);
  });

  it('dos personas a la vez: de dos primeras digitaciones, o de dos correcciones de la misma versión, gana una; la otra recibe 409 y no pisa nada', async () => {
    for (let ronda = 0; ronda < 4; ronda++) {
      const vigencia = ronda % 2 ? 2026 : 2025;
      await t.conexion.db.delete(furagDigitado).where(eq(furagDigitado.vigencia, vigencia));
      const otra = await t.usuarioCon(hospital, ['planeacion']);
      const desde = await ultimaAuditoria(t);
      const primera = resultado(
        await aLaVez(
          () => t.pedir(planeacion, 'PUT', url(vigencia), { puntajes: { IDI: 40 }, version: null }),
          () => t.pedir(otra, 'PUT', url(vigencia), { puntajes: { IDI: 90 }, version: null }),
        ),
      );
      expect(primera.ganadores, `ronda ${ronda}: ${primera.estados}`).toHaveLength(1);
      expect(primera.perdedores[0]!.statusCode).toBe(409);
      expect(primera.perdedores[0]!.json().mensaje).toMatch(/Otra persona guardó los puntajes FURAG/);
      const [fila] = await enBase(vigencia);
      expect(fila!.puntajes).toEqual(primera.ganadores[0]!.json().puntajes);

      const correccion = resultado(
        await aLaVez(
          () => t.pedir(planeacion, 'PUT', url(vigencia), { puntajes: { IDI: 41 }, version: 1 }),
          () => t.pedir(otra, 'PUT', url(vigencia), { puntajes: { IDI: 91 }, version: 1 }),
        ),
      );
      expect(correccion.ganadores, `ronda ${ronda}: ${correccion.estados}`).toHaveLength(1);
      expect(correccion.perdedores[0]!.statusCode).toBe(409);
      const [despues] = await enBase(vigencia);
      expect(despues).toMatchObject({ version: 2, puntajes: correccion.ganadores[0]!.json().puntajes });
      const auditadas = await auditoriaDesde(t, desde, 'furag_digitado');
      expect(auditadas.map((a) => a.accion)).toEqual(['crear', 'actualizar']);
      expect(auditadas[1]!.antes).toMatchObject({ puntajes: fila!.puntajes });
    }
    // A correction over a version already replaced is refused too.
    const vieja = await t.pedir(planeacion, 'PUT', url(2026), { puntajes: { IDI: 12 }, version: 1 });
    expect(vieja.statusCode).toBe(409);
    expect((await enBase(2026))[0]!.puntajes.IDI).not.toBe(12);
    for (const vigencia of [2025, 2026])
      await t.conexion.db.delete(furagDigitado).where(eq(furagDigitado.vigencia, vigencia));
  });

  it('con archivo: lo digitado nunca entra a las cifras del grupo par, y si el archivo trae la fila de la entidad, manda el archivo', async () => {
    // 2025's file does not have the hospital; its typed grupo par is written like one of the file's.
    await t.exigir(200, planeacion, 'PUT', url(2025), {
      grupoPar: 'ESE G2',
      puntajes: { IDI: 41, I01: 20 },
      version: null,
    });
    expect(
      (
        await cargarArchivo(2025, [
          '8101;Hospital Ficticio Uno;ESE G2;50;40;30;',
          '8102;Hospital Ficticio Dos;ESE G2;70;60;50;',
        ])
      ).statusCode,
    ).toBe(201);
    const r = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2025`);
    expect(r).toMatchObject({ origen: 'entidad', grupoPar: 'ESE G2', idi: { puntaje: 41, grupoPar: null } });
    expect(r.indices.every((i: { grupoPar: unknown }) => i.grupoPar === null)).toBe(true);
    expect(r.vigencias).toEqual([2025, 2024]);
    const otra = await t.crearEntidad('Hospital Ficticio Uno', nitDePrueba(3));
    const vecino = await t.usuarioCon(otra, ['consulta']);
    const suyo = await t.exigir(200, vecino, 'GET', `/api/entidades/${otra}/furag?vigencia=2025`);
    expect(suyo.idi.grupoPar).toMatchObject({ entidades: 2, promedio: 60, posicion: 2 });

    // 2024 is loaded later with the hospital's row: the official row wins, and it can no longer be typed.
    expect(
      (await cargarArchivo(2024, ['8001;E.S.E. Hospital Sintético de Colón;ESE G2;48,5;45;40;35']))
        .statusCode,
    ).toBe(201);
    const oficial = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag?vigencia=2024`);
    expect(oficial).toMatchObject({ origen: 'archivo', digitado: null, idi: { puntaje: 48.5 } });
    expect(oficial.fila).toMatchObject({ codigoSigep: '8001', coincidencia: 'sigep' });
    const tarde = await t.pedir(planeacion, 'PUT', url(2024), { puntajes: { IDI: 61.4 }, version: 1 });
    expect(tarde.statusCode).toBe(409);
    expect(tarde.json().mensaje).toMatch(/ya trae la fila de la entidad/);
  });

  it('la historia junta lo digitado y lo del archivo, y sigue un índice a través de su cambio de código', async () => {
    // 2026 typed; the catalog's 2026 map says that 2026's I02 was 2025's I01 (and 2026's I01 is new).
    await t.exigir(200, planeacion, 'PUT', url(2026), {
      grupoPar: 'ESE G2',
      puntajes: { IDI: 66, I01: 90, I02: 47.5 },
      version: null,
    });
    await conEquivalencias(t, 2026, { I02: 'I01', I01: null }, async () => {
      const h = await t.exigir(200, planeacion, 'GET', `/api/entidades/${hospital}/furag/historia`);
      expect(h.vigencias.map((v: { vigencia: number; origen: string }) => [v.vigencia, v.origen])).toEqual([
        [2024, 'archivo'],
        [2025, 'entidad'],
        [2026, 'entidad'],
      ]);
      expect(h.vigencias[2].idi).toMatchObject({ puntaje: 66, grupoPar: null });
      const serie = (codigo: string) =>
        h.indices
          .filter((i: { codigo: string }) => i.codigo === codigo)
          .map((i: { serie: { vigencia: number; codigo: string; puntaje: number }[] }) =>
            i.serie.map((p) => `${p.vigencia} ${p.codigo} ${p.puntaje}`),
          );
      // 2024 (file): I01 40, I02 35; 2025 (typed): I01 20; 2026 (typed): I01 90 (new), I02 47,5 (the old I01).
      expect(serie('I02')).toEqual([['2024 I01 40', '2025 I01 20', '2026 I02 47.5'], ['2024 I02 35']]);
      expect(serie('I01')).toEqual([['2026 I01 90']]);
      expect(h.indices[0]).toMatchObject({ codigo: 'I01', nombre: expect.any(String) });
      const linea = h.indices.find((i: { codigo: string }) => i.codigo === 'I02');
      expect(linea.serie.map((p: { origen: string }) => p.origen)).toEqual(['archivo', 'entidad', 'entidad']);
    });
  });
});
