// The plan's approval workflow under simultaneous clicks: one transition lands, the other gets a 409 in
// Spanish, one audit entry per change; and an activity never changes on a plan that was just sent.
// Each race runs RONDAS times, the plan put back in its starting state between rounds.
import { and, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstadoPlan } from '../../core/flujo-plan.ts';
import { actividad, planAccion, versionPlan } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nuevaActividad,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

const RONDAS = 10;
let t: AppPrueba;
let e: Escenario;
let a: typeof actividad.$inferSelect;
let b: typeof actividad.$inferSelect;

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { estadoPlan: 'borrador' });
  a = await nuevaActividad(t, e, { ponderacion: 50 });
  b = await nuevaActividad(t, e, { ponderacion: 50 });
});
afterAll(() => t.cerrar());

const url = (accion: string) => `${e.base}/planes/${e.vigencia}/${accion}`;
const esConflicto = (r: LightMyRequestResponse) => {
  const cuerpo = r.json();
  return r.statusCode === 409 && cuerpo.error === 'conflicto' && /^[A-ZÁÉÍÓÚÑ].*\.$/.test(cuerpo.mensaje);
};

/** The plan back in `estado` with weights adding up to 100 and no approved version stored. */
async function reiniciar(estado: EstadoPlan) {
  const db = t.conexion.db;
  await db.update(planAccion).set({ estado, observaciones: null }).where(eq(planAccion.id, e.planId));
  await db.delete(versionPlan).where(eq(versionPlan.planId, e.planId));
  await db
    .update(actividad)
    .set({ ponderacion: 50 })
    .where(inArray(actividad.id, [a.id, b.id]));
  await db.delete(actividad).where(and(eq(actividad.planId, e.planId), eq(actividad.ponderacion, 25)));
}
const planEnBase = async () =>
  (await t.conexion.db.select().from(planAccion).where(eq(planAccion.id, e.planId)))[0]!;

type Paso = { accion: string; quien: () => Sesion; cuerpo?: object };
const aprobar: Paso = {
  accion: 'aprobar',
  quien: () => e.comite,
  cuerpo: { fechaSesionComite: '2026-01-28', actaComite: 'Acta CIGD 01 de 2026' },
};
const devolver: Paso = {
  accion: 'devolver',
  quien: () => e.comite,
  cuerpo: { observaciones: 'Falta la meta de rendición de cuentas.' },
};
const enviar: Paso = { accion: 'enviar', quien: () => e.planeacion };
const publicar: Paso = { accion: 'publicar', quien: () => e.planeacion };
const nuevaVersion: Paso = {
  accion: 'nueva-version',
  quien: () => e.planeacion,
  cuerpo: { justificacion: 'Cambia la meta de rendición de cuentas por el nuevo decreto.' },
};

const CARRERAS: { nombre: string; desde: EstadoPlan; a: Paso; b: Paso }[] = [
  { nombre: 'aprobar contra devolver', desde: 'enviado', a: aprobar, b: devolver },
  { nombre: 'aprobar dos veces', desde: 'enviado', a: aprobar, b: aprobar },
  { nombre: 'enviar dos veces', desde: 'borrador', a: enviar, b: enviar },
  { nombre: 'publicar dos veces', desde: 'aprobado', a: publicar, b: publicar },
  { nombre: 'abrir dos nuevas versiones', desde: 'aprobado', a: nuevaVersion, b: nuevaVersion },
];

describe('el flujo de aprobación del plan no pierde carreras', () => {
  for (const c of CARRERAS) {
    it(`${c.nombre}: un solo ganador, el otro recibe 409 y una sola entrada de auditoría (${RONDAS} rondas)`, async () => {
      const fallas: string[] = [];
      for (let ronda = 1; ronda <= RONDAS; ronda++) {
        await reiniciar(c.desde);
        const antes = await planEnBase();
        const desde = await ultimaAuditoria(t);
        const pedir = (p: Paso) => () => t.pedir(p.quien(), 'POST', url(p.accion), p.cuerpo ?? {});
        const { ganadores, perdedores, estados } = resultado(await aLaVez(pedir(c.a), pedir(c.b)));
        const auditadas = await auditoriaDesde(t, desde, 'plan');
        const despues = await planEnBase();
        const problemas: string[] = [];
        if (ganadores.length !== 1) problemas.push(`${ganadores.length} ganadores (${estados})`);
        else if (despues.estado !== ganadores[0]!.json().plan.estado)
          problemas.push(`el estado final ${despues.estado} no es el del ganador`);
        if (!perdedores.every(esConflicto)) problemas.push(`el perdedor no recibió 409 en español`);
        if (auditadas.length !== 1) problemas.push(`${auditadas.length} entradas de auditoría`);
        const saltoVersion = despues.version - antes.version;
        if (saltoVersion !== (c.a.accion === 'nueva-version' ? 1 : 0))
          problemas.push(`la versión saltó ${saltoVersion}`);
        if (problemas.length) fallas.push(`ronda ${ronda}: ${problemas.join('; ')}`);
      }
      expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
    });
  }

  const cuerpoActividad = (x: typeof actividad.$inferSelect, ponderacion: number) => ({
    politica: x.politica,
    codigo: x.codigo,
    nombre: x.nombre,
    producto: x.producto,
    metaAnual: x.metaAnual,
    unidad: x.unidad,
    metasPeriodo: x.metasPeriodo,
    ponderacion,
    responsableId: x.responsableId,
    fechaInicio: x.fechaInicio,
    fechaFin: x.fechaFin,
  });
  // Either change leaves the weights short of 100 %: edited first, the plan cannot be sent; sent first,
  // the activity cannot change. Both answering 200 means an activity changed on a sent plan.
  const EDICIONES: { nombre: string; preparar: () => Promise<() => Promise<LightMyRequestResponse>> }[] = [
    {
      nombre: 'cambiar una actividad',
      preparar: async () => () =>
        t.pedir(
          e.planeacion,
          'PUT',
          `${e.base}/planes/${e.vigencia}/actividades/${a.id}`,
          cuerpoActividad(a, 40),
        ),
    },
    {
      nombre: 'quitar una actividad',
      preparar: async () => {
        await t.conexion.db.update(actividad).set({ ponderacion: 25 }).where(eq(actividad.id, b.id));
        const c = await nuevaActividad(t, e, { ponderacion: 25 });
        return () => t.pedir(e.planeacion, 'DELETE', `${e.base}/planes/${e.vigencia}/actividades/${c.id}`);
      },
    },
  ];
  for (const ed of EDICIONES) {
    it(`enviar contra ${ed.nombre}: gana uno solo y la actividad no cambia en un plan enviado (${RONDAS} rondas)`, async () => {
      const fallas: string[] = [];
      for (let ronda = 1; ronda <= RONDAS; ronda++) {
        await reiniciar('borrador');
        const editar = await ed.preparar();
        const desde = await ultimaAuditoria(t);
        const [envio, edicion] = await aLaVez(() => t.pedir(e.planeacion, 'POST', url('enviar'), {}), editar);
        const acciones = [
          ...(await auditoriaDesde(t, desde, 'plan')),
          ...(await auditoriaDesde(t, desde, 'actividad')),
        ]
          .sort((x, y) => x.id - y.id)
          .map((x) => x.accion);
        const { ganadores, estados } = resultado([envio!, edicion!]);
        const problemas: string[] = [];
        if (ganadores.length !== 1) problemas.push(`${ganadores.length} ganadores (${estados})`);
        if (![envio!, edicion!].filter((r) => r.statusCode >= 300).every(esConflicto))
          problemas.push('el perdedor no recibió 409 en español');
        if (acciones.length !== 1) problemas.push(`auditoría [${acciones}]`);
        if (problemas.length) fallas.push(`ronda ${ronda}: ${problemas.join('; ')}`);
      }
      expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
    });
  }
});
