// «Enviar a planeación» with the figures on the screen: saved and sent in one step. What planeación
// receives is what the responsible typed; a failure changes nothing; a double click sends once.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seguimiento } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nuevaActividad,
  reporteEn,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

const RONDAS = 10;
let t: AppPrueba;
let e: Escenario;

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t);
});
afterAll(() => t.cerrar());

// The scenario programs 1 jornada per period: more is an over-execution, sent only with its reason.
const POR_QUE = 'La gerencia pidió jornadas adicionales para el personal nuevo.';
const cifras = (valor: number) => ({
  valor,
  descripcion: `Se hicieron ${valor} jornadas con los servidores.`,
  ...(valor > 1 && { justificacionSobreejecucion: POR_QUE }),
});
const enBase = async (id: string) =>
  (await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.id, id)))[0]!;
const acciones = async (desde: number, id: string) =>
  (await auditoriaDesde(t, desde, 'seguimiento', id)).map((a) => a.accion);

describe('sobreejecución', () => {
  it('más de lo programado no se envía sin justificación: 400 que nombra el campo y nada cambia; con ella, sí', async () => {
    const r = await reporteEn(t, e, 'borrador');
    const desde = await ultimaAuditoria(t);
    const sin = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, {
      valor: 3,
      descripcion: 'Se hicieron 3 jornadas con los servidores.',
    });
    expect(sin.statusCode).toBe(400);
    expect(sin.json().campos).toEqual([
      {
        campo: 'justificacionSobreejecucion',
        mensaje:
          'lo reportado supera lo programado para el periodo (1 jornada): explique por qué antes de enviar',
      },
    ]);
    expect(await enBase(r.seguimientoId)).toMatchObject({ estado: 'borrador', valor: 1 });
    expect(await acciones(desde, r.seguimientoId)).toEqual([]);
    // Exactly what was programmed needs no reason.
    const justo = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, cifras(1));
    expect(justo.statusCode).toBe(200);
    const otro = await reporteEn(t, e, 'borrador');
    const con = await t.pedir(e.responsable, 'POST', `${otro.url}/guardar-y-enviar`, cifras(3));
    expect(con.statusCode).toBe(200);
    expect(con.json().reporte).toMatchObject({ estado: 'enviado', justificacionSobreejecucion: POR_QUE });
  });
});

describe('guardar y enviar en un solo paso', () => {
  it('envía las cifras de la pantalla aunque no se hubieran guardado: queda auditado el cambio y el envío', async () => {
    const r = await reporteEn(t, e, 'borrador');
    const desde = await ultimaAuditoria(t);
    const x = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, cifras(3));
    expect(x.statusCode).toBe(200);
    expect(x.json().reporte).toMatchObject({ estado: 'enviado', valor: 3 });
    const fila = await enBase(r.seguimientoId);
    expect(fila).toMatchObject({ estado: 'enviado', valor: 3, descripcion: cifras(3).descripcion });
    expect(await acciones(desde, r.seguimientoId)).toEqual(['actualizar', 'enviar']);
    const [cambio] = await auditoriaDesde(t, desde, 'seguimiento', r.seguimientoId);
    expect(cambio!.antes).toMatchObject({ valor: 1 });
    expect(cambio!.despues).toMatchObject({ valor: 3 });
  });

  it('con las mismas cifras guardadas solo registra el envío', async () => {
    const r = await reporteEn(t, e, 'borrador');
    const guardado = await enBase(r.seguimientoId);
    const desde = await ultimaAuditoria(t);
    const x = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, {
      valor: guardado.valor,
      descripcion: guardado.descripcion,
    });
    expect(x.statusCode).toBe(200);
    expect(await acciones(desde, r.seguimientoId)).toEqual(['enviar']);
  });

  it('un reporte devuelto se corrige y se reenvía en el mismo paso', async () => {
    const r = await reporteEn(t, e, 'devuelto');
    const x = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, {
      numerador: 9,
      denominador: 10,
      descripcion: 'Se corrigió la lista de asistencia firmada.',
      justificacionSobreejecucion: POR_QUE,
    });
    expect(x.statusCode).toBe(200);
    expect(await enBase(r.seguimientoId)).toMatchObject({ estado: 'enviado', numerador: 9, denominador: 10 });
  });

  it('sin evidencias no cambia nada: ni las cifras ni el estado ni la auditoría', async () => {
    const a = await nuevaActividad(t, e);
    const url = `${e.base}/seguimientos/${a.id}/1`;
    const creado = await t.pedir(e.responsable, 'PUT', url, cifras(1));
    expect(creado.statusCode).toBe(200);
    const id = creado.json().reporte.id as string;
    const desde = await ultimaAuditoria(t);
    const x = await t.pedir(e.responsable, 'POST', `${url}/guardar-y-enviar`, cifras(2));
    expect(x.statusCode).toBe(409);
    expect(x.json().mensaje).toBe('Adjunte al menos una evidencia (archivo o enlace) antes de enviar.');
    expect(await enBase(id)).toMatchObject({ estado: 'borrador', valor: 1 });
    expect(await acciones(desde, id)).toEqual([]);
  });

  it('sin reporte guardado pide guardarlo primero (la evidencia cuelga de él)', async () => {
    const a = await nuevaActividad(t, e);
    const x = await t.pedir(
      e.responsable,
      'POST',
      `${e.base}/seguimientos/${a.id}/1/guardar-y-enviar`,
      cifras(1),
    );
    expect(x.statusCode).toBe(409);
    expect(x.json().mensaje).toBe('No hay un reporte de este periodo: guarde primero el avance.');
  });

  it('cifras inválidas se rechazan en el campo y no envían nada', async () => {
    const r = await reporteEn(t, e, 'borrador');
    const x = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, {
      numerador: 5,
      denominador: 0,
      descripcion: 'Se hicieron las jornadas previstas.',
    });
    expect(x.statusCode).toBe(400);
    expect(x.json().campos.map((c: { campo: string }) => c.campo)).toContain('denominador');
    expect(await enBase(r.seguimientoId)).toMatchObject({ estado: 'borrador', valor: 1 });
  });

  it('un reporte ya enviado no se cambia por esta vía', async () => {
    const r = await reporteEn(t, e, 'enviado');
    const x = await t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, cifras(4));
    expect(x.statusCode).toBe(409);
    expect(x.json().mensaje).toMatch(/^El reporte ya fue enviado a planeación/);
    expect(await enBase(r.seguimientoId)).toMatchObject({ estado: 'enviado', valor: 1 });
  });

  it('solo quien reporta la actividad puede hacerlo', async () => {
    const r = await reporteEn(t, e, 'borrador');
    const otro = await t.usuarioCon(e.entidadId, ['responsable_actividad']);
    for (const quien of [otro, e.planeacion]) {
      const x = await t.pedir(quien, 'POST', `${r.url}/guardar-y-enviar`, cifras(2));
      expect(x.statusCode).toBe(403);
    }
    expect(await enBase(r.seguimientoId)).toMatchObject({ estado: 'borrador', valor: 1 });
  });

  it(`doble clic con cifras distintas: uno envía lo suyo, el otro recibe 409 y no escribe nada (${RONDAS} rondas)`, async () => {
    const fallas: string[] = [];
    for (let ronda = 1; ronda <= RONDAS; ronda++) {
      const r = await reporteEn(t, e, 'borrador');
      const desde = await ultimaAuditoria(t);
      const respuestas = await aLaVez(
        () => t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, cifras(2)),
        () => t.pedir(e.responsable, 'POST', `${r.url}/guardar-y-enviar`, cifras(3)),
      );
      const { ganadores, perdedores, estados } = resultado(respuestas);
      const fila = await enBase(r.seguimientoId);
      const hechas = await acciones(desde, r.seguimientoId);
      const ganador = ganadores[0]?.json().reporte.valor;
      if (
        ganadores.length !== 1 ||
        !perdedores.every(
          (x) => x.statusCode === 409 && /^El reporte ya fue enviado/.test(x.json().mensaje),
        ) ||
        fila.estado !== 'enviado' ||
        fila.valor !== ganador ||
        hechas.join() !== 'actualizar,enviar'
      )
        fallas.push(
          `ronda ${ronda}: ${estados}, valor ${fila.valor} (ganador ${ganador}), auditoría [${hechas}]`,
        );
    }
    expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
  });
});
