// Closing a period while others write to it. A closing is one: the second gets a 409. A report or a
// measurement racing with the closing either lands before the snapshot (and is in it) or gets a 409:
// nothing is written into a closed period and the frozen figures match the reports. RONDAS per race.
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cortePeriodo, medicion, periodo, seguimiento } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nuevaActividad,
  nuevoIndicador,
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

const esConflicto = (r: LightMyRequestResponse) => {
  const cuerpo = r.json();
  return r.statusCode === 409 && cuerpo.error === 'conflicto' && /^[A-ZÁÉÍÓÚÑ].*\.$/.test(cuerpo.mensaje);
};
const delPeriodo = (numero: number) =>
  and(eq(periodo.entidadId, e.entidadId), eq(periodo.vigencia, e.vigencia), eq(periodo.numero, numero));
const ponerCerrado = (numero: number, cerrado: boolean) =>
  t.conexion.db.update(periodo).set({ cerrado }).where(delPeriodo(numero));
const cerrar =
  (numero = 1) =>
  () =>
    t.pedir(e.planeacion, 'POST', `${e.base}/vigencias/${e.vigencia}/periodos/${numero}/cerrar`, {});
const reabrir =
  (numero = 1) =>
  () =>
    t.pedir(e.planeacion, 'POST', `${e.base}/vigencias/${e.vigencia}/periodos/${numero}/reabrir`, {
      justificacion: 'El responsable presentó su reporte con retraso justificado.',
    });
const congelado = async (numero = 1) => {
  const [c] = await t.conexion.db
    .select()
    .from(cortePeriodo)
    .where(
      and(
        eq(cortePeriodo.entidadId, e.entidadId),
        eq(cortePeriodo.vigencia, e.vigencia),
        eq(cortePeriodo.periodo, numero),
      ),
    );
  return c?.datos as { actividades: { id: string; reporte: string | null }[] } | undefined;
};

describe('cerrar y reabrir un periodo son de uno en uno', () => {
  for (const [nombre, inicial, pedir] of [
    ['cerrar dos veces', false, cerrar],
    ['reabrir dos veces', true, reabrir],
  ] as const) {
    it(`${nombre}: uno responde bien, el otro 409, una sola entrada de auditoría (${RONDAS} rondas)`, async () => {
      const fallas: string[] = [];
      for (let ronda = 1; ronda <= RONDAS; ronda++) {
        await ponerCerrado(1, inicial);
        const desde = await ultimaAuditoria(t);
        const { ganadores, perdedores, estados } = resultado(await aLaVez(pedir(), pedir()));
        const auditadas = await auditoriaDesde(t, desde, 'periodo', `${e.vigencia}:1`);
        const problemas: string[] = [];
        if (ganadores.length !== 1) problemas.push(`${ganadores.length} ganadores (${estados})`);
        if (!perdedores.every(esConflicto)) problemas.push('el perdedor no recibió 409 en español');
        if (auditadas.length !== 1) problemas.push(`${auditadas.length} entradas de auditoría`);
        if (problemas.length) fallas.push(`ronda ${ronda}: ${problemas.join('; ')}`);
      }
      expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
    });
  }
});

describe('un cierre contra un reporte o una medición del mismo periodo', () => {
  const ESCRITURAS: {
    nombre: string;
    preparar: () => Promise<{
      id: () => Promise<string | null>;
      escribir: () => Promise<LightMyRequestResponse>;
    }>;
    recurso: string;
    actividad?: true;
  }[] = [
    {
      nombre: 'guardar el primer reporte del periodo',
      recurso: 'seguimiento',
      actividad: true,
      preparar: async () => {
        const a = await nuevaActividad(t, e);
        return {
          id: async () => a.id,
          escribir: () =>
            t.pedir(e.responsable, 'PUT', `${e.base}/seguimientos/${a.id}/1`, {
              valor: 1,
              descripcion: 'Se realizó la jornada con 40 servidores.',
            }),
        };
      },
    },
    {
      nombre: 'aceptar un reporte',
      recurso: 'seguimiento',
      actividad: true,
      preparar: async () => {
        const r = await reporteEn(t, e, 'enviado');
        return {
          id: async () => r.actividadId,
          escribir: () => t.pedir(e.planeacion, 'POST', `${r.url}/aceptar`, {}),
        };
      },
    },
    {
      nombre: 'registrar una medición de indicador',
      recurso: 'indicador',
      preparar: async () => {
        const i = await nuevoIndicador(t, e);
        return {
          id: async () => i.id,
          escribir: () =>
            t.pedir(e.responsable, 'PUT', `${e.base}/indicadores/${i.id}/mediciones/1`, {
              numerador: 45,
              denominador: 50,
            }),
        };
      },
    },
  ];

  for (const w of ESCRITURAS) {
    it(`cerrar contra ${w.nombre}: entra antes de congelar (y está en las cifras) o recibe 409 (${RONDAS} rondas)`, async () => {
      const fallas: string[] = [];
      for (let ronda = 1; ronda <= RONDAS; ronda++) {
        await ponerCerrado(1, false);
        const { id, escribir } = await w.preparar();
        const desde = await ultimaAuditoria(t);
        const [cierre, escritura] = await aLaVez(cerrar(), escribir);
        const auditadas = [
          ...(await auditoriaDesde(t, desde, 'periodo')),
          ...(await auditoriaDesde(t, desde, w.recurso)),
        ].sort((x, y) => x.id - y.id);
        const acciones = auditadas.map((x) => (x.recurso === 'periodo' ? x.accion : 'escritura'));
        const problemas: string[] = [];
        if (cierre!.statusCode !== 200) problemas.push(`el cierre respondió ${cierre!.statusCode}`);
        if (escritura!.statusCode === 200) {
          // It landed: before the closing, in the audit log as in the database.
          if (acciones.join() !== 'escritura,cerrar') problemas.push(`auditoría en orden [${acciones}]`);
        } else if (!esConflicto(escritura!))
          problemas.push(`la escritura respondió ${escritura!.statusCode}`);
        else if (acciones.join() !== 'cerrar')
          problemas.push(`auditoría [${acciones}] con la escritura rechazada`);
        if (w.actividad) {
          const actividadId = (await id())!;
          const [s] = await t.conexion.db
            .select()
            .from(seguimiento)
            .where(and(eq(seguimiento.actividadId, actividadId), eq(seguimiento.periodo, 1)));
          const foto = (await congelado())?.actividades.find((x) => x.id === actividadId);
          if ((foto?.reporte ?? null) !== (s?.estado ?? null))
            problemas.push(
              `las cifras congeladas dicen ${foto?.reporte ?? null}, el reporte está ${s?.estado ?? null}`,
            );
        } else {
          const [m] = await t.conexion.db
            .select()
            .from(medicion)
            .where(and(eq(medicion.indicadorId, (await id())!), eq(medicion.periodo, 1)));
          if (!!m !== (escritura!.statusCode === 200)) problemas.push('la medición quedó escrita sin 200');
        }
        if (problemas.length)
          fallas.push(
            `ronda ${ronda} (${cierre!.statusCode}/${escritura!.statusCode}): ${problemas.join('; ')}`,
          );
      }
      expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
    });
  }
});

describe('cerrar con reportes por revisar', () => {
  it('la foto los guarda como estaban (sin aceptar) y la auditoría dice cuántos eran', async () => {
    await ponerCerrado(2, false);
    const enviado = await reporteEn(t, e, 'enviado', 2);
    const aceptado = await reporteEn(t, e, 'aceptado', 2);
    const desde = await ultimaAuditoria(t);
    expect((await cerrar(2)()).statusCode).toBe(200);
    const [entrada] = await auditoriaDesde(t, desde, 'periodo', `${e.vigencia}:2`);
    const despues = entrada!.despues as { reportesSinRevisar: number };
    // Every report of this scenario's period 2 still in «enviado» counts, the one made here among them.
    const enEspera = await t.conexion.db
      .select({ id: seguimiento.id })
      .from(seguimiento)
      .where(
        and(
          eq(seguimiento.entidadId, e.entidadId),
          eq(seguimiento.periodo, 2),
          eq(seguimiento.estado, 'enviado'),
        ),
      );
    expect(despues.reportesSinRevisar).toBe(enEspera.length);
    expect(despues.reportesSinRevisar).toBeGreaterThanOrEqual(1);
    const foto = await congelado(2);
    expect(foto!.actividades.find((a) => a.id === enviado.actividadId)!.reporte).toBe('enviado');
    expect(foto!.actividades.find((a) => a.id === aceptado.actividadId)!.reporte).toBe('aceptado');
    await ponerCerrado(2, false);
  });
});
