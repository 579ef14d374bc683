// Two people acting on one report at the same moment: exactly one change lands, the other gets a 409 in
// Spanish, and the audit log holds one entry per change. Each race runs RONDAS times on fresh reports; on
// PostgreSQL the requests really overlap (pool of connections), on PGlite they interleave between awaits.
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccionSeguimiento, EstadoSeguimiento } from '../../core/seguimiento.ts';
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
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

const RONDAS = 10;
let t: AppPrueba;
let e: Escenario;

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t);
});
afterAll(() => t.cerrar());

// The scenario programs 1 jornada per period: more is sent only with a justification.
const reporte = (valor: number) => ({
  valor,
  descripcion: `Avance del periodo: ${valor} jornadas.`,
  ...(valor > 1 && { justificacionSobreejecucion: 'Jornadas adicionales pedidas por la gerencia.' }),
});
const estadoEnBase = async (id: string) =>
  (await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.id, id)))[0]!;

/** The loser's answer: 409 with the Spanish error contract. */
const esConflicto = (r: LightMyRequestResponse) => {
  const cuerpo = r.json();
  return r.statusCode === 409 && cuerpo.error === 'conflicto' && /^[A-ZÁÉÍÓÚÑ].*\.$/.test(cuerpo.mensaje);
};
// The loser reads either that the report moved on under it, or (it read the new state) why the step no
// longer applies.
const MENSAJE_PERDEDOR =
  /^(El reporte cambió mientras usted lo revisaba: ahora está «.+»\. Recargue y revise de nuevo\.|No se puede .+ un reporte «.+»\.)$/;

type Paso = { accion: AccionSeguimiento; quien: () => Sesion; cuerpo?: object };
const obs = { observaciones: 'Adjunte la lista de asistencia firmada.' };
const CARRERAS: { nombre: string; desde: EstadoSeguimiento; a: Paso; b: Paso }[] = [
  {
    nombre: 'aceptar contra devolver',
    desde: 'enviado',
    a: { accion: 'aceptar', quien: () => e.planeacion },
    b: { accion: 'devolver', quien: () => e.planeacion, cuerpo: obs },
  },
  {
    nombre: 'verificar contra observar',
    desde: 'aceptado',
    a: { accion: 'verificar', quien: () => e.control },
    b: { accion: 'observar', quien: () => e.control, cuerpo: { observaciones: 'Faltan las firmas.' } },
  },
  {
    nombre: 'enviar dos veces (doble clic)',
    desde: 'borrador',
    a: { accion: 'enviar', quien: () => e.responsable },
    b: { accion: 'enviar', quien: () => e.responsable },
  },
  {
    nombre: 'aceptar dos veces',
    desde: 'enviado',
    a: { accion: 'aceptar', quien: () => e.planeacion },
    b: { accion: 'aceptar', quien: () => e.planeacion },
  },
  {
    nombre: 'devolver dos veces',
    desde: 'enviado',
    a: { accion: 'devolver', quien: () => e.planeacion, cuerpo: obs },
    b: { accion: 'devolver', quien: () => e.planeacion, cuerpo: obs },
  },
];

describe('la cadena de revisión del seguimiento no pierde carreras', () => {
  for (const c of CARRERAS) {
    it(`${c.nombre}: un solo ganador, el otro recibe 409 y hay una sola entrada de auditoría (${RONDAS} rondas)`, async () => {
      const fallas: string[] = [];
      for (let ronda = 1; ronda <= RONDAS; ronda++) {
        const r = await reporteEn(t, e, c.desde);
        const desde = await ultimaAuditoria(t);
        const pedir = (p: Paso) => () => t.pedir(p.quien(), 'POST', `${r.url}/${p.accion}`, p.cuerpo ?? {});
        const respuestas = await aLaVez(pedir(c.a), pedir(c.b));
        const { ganadores, perdedores, estados } = resultado(respuestas);
        const auditadas = await auditoriaDesde(t, desde, 'seguimiento', r.seguimientoId);
        const fila = await estadoEnBase(r.seguimientoId);
        const problemas: string[] = [];
        if (ganadores.length !== 1) problemas.push(`${ganadores.length} ganadores (${estados})`);
        else if (fila.estado !== ganadores[0]!.json().reporte.estado)
          problemas.push(`el estado final ${fila.estado} no es el del ganador`);
        if (!perdedores.every((r) => esConflicto(r) && MENSAJE_PERDEDOR.test(r.json().mensaje)))
          problemas.push(`el perdedor no recibió 409 en español (${perdedores.map((r) => r.body)})`);
        if (auditadas.length !== 1) problemas.push(`${auditadas.length} entradas de auditoría`);
        if (problemas.length) fallas.push(`ronda ${ronda}: ${problemas.join('; ')}`);
      }
      expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
    });
  }

  it(`guardar contra enviar: lo enviado es lo que queda; nada cambia un reporte ya enviado (${RONDAS} rondas)`, async () => {
    const fallas: string[] = [];
    for (let ronda = 1; ronda <= RONDAS; ronda++) {
      const r = await reporteEn(t, e, 'borrador');
      const desde = await ultimaAuditoria(t);
      const [guardar, enviar] = await aLaVez(
        () => t.pedir(e.responsable, 'PUT', r.url, reporte(3)),
        () => t.pedir(e.responsable, 'POST', `${r.url}/enviar`, {}),
      );
      const acciones = (await auditoriaDesde(t, desde, 'seguimiento', r.seguimientoId)).map((a) => a.accion);
      const fila = await estadoEnBase(r.seguimientoId);
      // Two valid orders: saved then sent (both 200), or sent first and the save refused.
      const antesDeEnviar =
        guardar!.statusCode === 200 &&
        enviar!.statusCode === 200 &&
        acciones.join() === 'actualizar,enviar' &&
        fila.valor === 3;
      const enviadoPrimero =
        enviar!.statusCode === 200 &&
        esConflicto(guardar!) &&
        acciones.join() === 'enviar' &&
        fila.valor === 1;
      if (fila.estado !== 'enviado' || !(antesDeEnviar || enviadoPrimero))
        fallas.push(
          `ronda ${ronda}: guardar ${guardar!.statusCode}, enviar ${enviar!.statusCode}, auditoría [${acciones}], valor ${fila.valor}, estado ${fila.estado}`,
        );
    }
    expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
  });

  it(`dos guardados a la vez: ambos quedan auditados en orden y el último es el que queda (${RONDAS} rondas)`, async () => {
    const fallas: string[] = [];
    for (let ronda = 1; ronda <= RONDAS; ronda++) {
      // Odd rounds race on an existing draft, even rounds on the first save of the period.
      const existente = ronda % 2 === 1;
      const url = existente
        ? (await reporteEn(t, e, 'borrador')).url
        : `${e.base}/seguimientos/${(await nuevaActividad(t, e)).id}/1`;
      const desde = await ultimaAuditoria(t);
      const respuestas = await aLaVez(
        () => t.pedir(e.responsable, 'PUT', url, reporte(2)),
        () => t.pedir(e.responsable, 'PUT', url, reporte(3)),
      );
      const { ganadores, perdedores, estados } = resultado(respuestas);
      const id = ganadores[0]?.json().reporte.id as string | undefined;
      const auditadas = id ? await auditoriaDesde(t, desde, 'seguimiento', id) : [];
      const fila = id ? await estadoEnBase(id) : undefined;
      const valores = auditadas.map((a) => ({
        antes: (a.antes as { valor?: number } | null)?.valor ?? null,
        despues: (a.despues as { valor: number }).valor,
      }));
      const encadenadas = valores.every((v, i) => i === 0 || v.antes === valores[i - 1]!.despues);
      const primero = existente ? 1 : null;
      if (
        !ganadores.length ||
        !perdedores.every(esConflicto) ||
        auditadas.length !== ganadores.length ||
        valores[0]?.antes !== primero ||
        !encadenadas ||
        fila?.valor !== valores.at(-1)?.despues
      )
        fallas.push(
          `ronda ${ronda} (${existente ? 'existente' : 'nuevo'}): ${estados}, auditoría ${JSON.stringify(valores)}, valor final ${fila?.valor}`,
        );
    }
    expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
  });
});
