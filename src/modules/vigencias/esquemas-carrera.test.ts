// A vigencia's period schemes against activities saved at the same moment: the PTEP's scheme changed while a
// PTEP activity is created with the goals of the old one. Whatever the order, no activity is left with a
// number of goals its scheme does not have (in PostgreSQL the two requests really overlap).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cantidadPeriodos, type EsquemaPeriodos, esquemaActividad } from '../../core/periodos.ts';
import { actividad, vigenciaEntidad } from '../../db/schema.ts';
import { aLaVez, escenarioConPlan, nitDePrueba, resultado } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

const PTEP = 'transparencia_etica';
let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

describe('esquemas de periodos y actividades a la vez', () => {
  it('cambiar el esquema del PTEP mientras se crea una actividad suya: gana una; la otra recibe 409, o 400 si llegó después', async () => {
    for (let ronda = 0; ronda < 6; ronda++) {
      const e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitDePrueba(500 + ronda) });
      const r = resultado(
        await aLaVez(
          () =>
            t.pedir(e.planeacion, 'PUT', `${e.base}/vigencias/2026`, {
              esquema: 'trimestral',
              diasHabilesReporte: 10,
              esquemasInstrumento: { [PTEP]: 'semestral' },
            }),
          () =>
            t.pedir(e.planeacion, 'POST', `${e.base}/planes/2026/actividades`, {
              politica: 'integridad',
              codigo: `PT-${ronda}`,
              nombre: 'Publicar el seguimiento del programa de transparencia',
              producto: 'Informe de seguimiento',
              metaAnual: 3,
              unidad: 'informes',
              metasPeriodo: [1, 1, 1],
              ponderacion: 50,
              plan612: PTEP,
              responsableId: e.responsable.id,
              fechaInicio: '2026-01-15',
              fechaFin: '2026-12-15',
            }),
        ),
      );
      expect(r.ganadores, `ronda ${ronda}: ${r.estados}`).toHaveLength(1);
      expect([400, 409], r.perdedores[0]!.body).toContain(r.perdedores[0]!.statusCode);
      expect(r.perdedores[0]!.json().mensaje).toMatch(/metas|esquema/);
      // What stays is coherent: every PTEP activity has as many goals as its scheme has periods.
      const [v] = await t.conexion.db
        .select()
        .from(vigenciaEntidad)
        .where(and(eq(vigenciaEntidad.entidadId, e.entidadId), eq(vigenciaEntidad.vigencia, 2026)));
      for (const a of await t.conexion.db.select().from(actividad).where(eq(actividad.planId, e.planId)))
        expect(a.metasPeriodo).toHaveLength(
          cantidadPeriodos(
            esquemaActividad(a, v!.esquemasInstrumento as Record<string, EsquemaPeriodos>, v!.esquema),
          ),
        );
    }
  });
});
