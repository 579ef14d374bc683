import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACUMULACIONES } from '../core/acumulacion.ts';
import { TIPOS_AJUSTE } from '../core/calendario.ts';
import { TIPOS_CAMBIO } from '../core/cambios-plan.ts';
import { ORDENES, ORGANOS_APROBACION, TIPOS_FORMULARIO } from '../core/entidad.ts';
import { ESTADOS_PLAN, TIPOS_ACTO } from '../core/flujo-plan.ts';
import { FRECUENCIAS, POLARIDADES, TIPOS_INDICADOR } from '../core/indicador.ts';
import { ESQUEMAS, ESQUEMAS_PERIODOS } from '../core/periodos.ts';
import { MODOS_PONDERACION } from '../core/ponderacion.ts';
import { ESTADOS_PROPUESTA } from '../core/propuestas.ts';
import { ROLES } from '../core/roles.ts';
import { ESTADOS_SEGUIMIENTO } from '../core/seguimiento.ts';
import { TIPOS_CRITERIO } from '../core/verificacion.ts';
import { type BasePrueba, crearBasePrueba } from '../server/prueba.ts';
import { filas } from './client.ts';

let b: BasePrueba;
beforeAll(async () => {
  b = await crearBasePrueba();
});
afterAll(() => b.cerrar());

// Each closed list of core, the CHECK that keeps its column inside it (migración 0011_estados_con_check).
const LISTAS: [string, readonly string[]][] = [
  ['entidad_orden_check', ORDENES],
  ['entidad_tipo_formulario_check', TIPOS_FORMULARIO],
  ['entidad_organo_aprobacion_check', ORGANOS_APROBACION],
  ['rol_usuario_rol_check', ROLES],
  ['vigencia_entidad_esquema_check', ESQUEMAS_PERIODOS],
  ['ajuste_calendario_tipo_check', TIPOS_AJUSTE],
  ['plan_accion_estado_check', ESTADOS_PLAN],
  ['plan_accion_tipo_acto_check', TIPOS_ACTO],
  ['version_plan_tipo_acto_check', TIPOS_ACTO],
  ['version_plan_tipo_cambio_check', TIPOS_CAMBIO],
  ['propuesta_actividad_estado_check', ESTADOS_PROPUESTA],
  ['seguimiento_estado_check', ESTADOS_SEGUIMIENTO],
  ['criterio_verificacion_tipo_check', TIPOS_CRITERIO],
  ['indicador_tipo_check', TIPOS_INDICADOR],
  ['indicador_frecuencia_check', FRECUENCIAS],
  ['indicador_polaridad_check', POLARIDADES],
  ['indicador_acumulacion_check', ACUMULACIONES],
  ['vigencia_entidad_modo_ponderacion_check', MODOS_PONDERACION],
  ['actividad_acumulacion_check', ACUMULACIONES],
];

describe('los estados son listas cerradas de punta a punta', () => {
  it('la lista de esquemas de periodos es la de ESQUEMAS', () => {
    expect([...ESQUEMAS_PERIODOS].sort()).toEqual(Object.keys(ESQUEMAS).sort());
  });

  it.each(LISTAS)('%s admite exactamente la lista de core', async (nombre, valores) => {
    const [c] = await filas<{ def: string }>(
      b.conexion.db,
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${nombre}`,
    );
    expect(c, `falta el CHECK ${nombre}`).toBeDefined();
    // PostgreSQL writes the list back as ARRAY['a'::text, …] or as ('a'::text, …): take the quoted words.
    const enBase = [...c!.def.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(enBase.sort()).toEqual([...valores].sort());
  });

  it('la base rechaza un estado que el código no conoce', async () => {
    const [e] = await filas<{ id: string }>(
      b.conexion.db,
      sql`insert into entidad (nombre, nit, dv) values ('Entidad de prueba', '846000253', 6) returning id`,
    );
    const error = await filas(
      b.conexion.db,
      sql`insert into plan_accion (entidad_id, vigencia, estado) values (${e!.id}, 2026, 'inventado')`,
    ).catch((x: unknown) => x);
    const codigo =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ??
      (error as { code?: string }).code;
    expect(codigo).toBe('23514');
  });
});
