// Two measurements of the same indicator and period at once: both land one after the other, each audited
// with what it really replaced, and the row that stays is the last audited one. RONDAS rounds.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medicion } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nuevoIndicador,
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

describe('mediciones simultáneas de un indicador', () => {
  it(`dos mediciones del mismo periodo: ambas auditadas en orden y la última es la que queda (${RONDAS} rondas)`, async () => {
    const fallas: string[] = [];
    for (let ronda = 1; ronda <= RONDAS; ronda++) {
      const i = await nuevoIndicador(t, e);
      // Odd rounds race on an existing measurement, even rounds on the first one of the period.
      const existente = ronda % 2 === 1;
      if (existente)
        await t.conexion.db
          .insert(medicion)
          .values({ indicadorId: i.id, periodo: 1, numerador: 10, denominador: 50, valor: 20 });
      const url = `${e.base}/indicadores/${i.id}/mediciones/1`;
      const desde = await ultimaAuditoria(t);
      const { ganadores, estados } = resultado(
        await aLaVez(
          () => t.pedir(e.responsable, 'PUT', url, { numerador: 40, denominador: 50 }),
          () => t.pedir(e.responsable, 'PUT', url, { numerador: 45, denominador: 50 }),
        ),
      );
      const auditadas = await auditoriaDesde(t, desde, 'indicador', i.id);
      const [fila] = await t.conexion.db
        .select()
        .from(medicion)
        .where(and(eq(medicion.indicadorId, i.id), eq(medicion.periodo, 1)));
      const numeradores = auditadas.map((a) => ({
        accion: a.accion,
        antes: (a.antes as { numerador: number } | null)?.numerador ?? null,
        despues: (a.despues as { numerador: number }).numerador,
      }));
      const encadenadas = numeradores.every((n, k) => k === 0 || n.antes === numeradores[k - 1]!.despues);
      const problemas: string[] = [];
      if (ganadores.length !== 2) problemas.push(`respuestas ${estados}`);
      if (auditadas.length !== ganadores.length) problemas.push(`${auditadas.length} entradas de auditoría`);
      if (numeradores[0]?.antes !== (existente ? 10 : null) || !encadenadas)
        problemas.push(`auditoría ${JSON.stringify(numeradores)}`);
      if (numeradores.filter((n) => n.accion === 'registrar_medicion').length !== (existente ? 0 : 1))
        problemas.push('más de un registro inicial');
      if (fila?.numerador !== numeradores.at(-1)?.despues) problemas.push(`queda ${fila?.numerador}`);
      if (problemas.length) fallas.push(`ronda ${ronda}: ${problemas.join('; ')}`);
    }
    expect(fallas, `${fallas.length} de ${RONDAS} rondas fallaron`).toEqual([]);
  });
});
