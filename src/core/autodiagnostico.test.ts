import { describe, expect, it } from 'vitest';
import {
  type AccionAutodiagnostico,
  ESTADOS_AUTODIAGNOSTICO,
  type EstadoAutodiagnostico,
  problemaTransicion,
  TRANSICIONES_AUTODIAGNOSTICO,
} from './autodiagnostico.ts';
import { PERMISOS } from './roles.ts';

describe('flujo del autodiagnóstico', () => {
  const permitidas: Record<AccionAutodiagnostico, EstadoAutodiagnostico[]> = {
    enviar: ['borrador', 'devuelto'],
    revisar: ['enviado'],
    devolver: ['enviado'],
  };
  it.each(
    (Object.keys(permitidas) as AccionAutodiagnostico[]).flatMap((accion) =>
      ESTADOS_AUTODIAGNOSTICO.map((estado) => [accion, estado, permitidas[accion].includes(estado)] as const),
    ),
  )('%s desde %s: %s', (accion, estado, puede) => {
    const p = problemaTransicion(accion, estado);
    if (puede) expect(p).toBeNull();
    else expect(p).toMatch(/^No se puede .+ en estado «.+»\.$/);
  });

  it('responde solo el responsable de la política y revisa solo planeación', () => {
    expect(PERMISOS[TRANSICIONES_AUTODIAGNOSTICO.enviar.permiso]).toEqual(['responsable_politica']);
    expect(PERMISOS[TRANSICIONES_AUTODIAGNOSTICO.revisar.permiso]).toEqual(['planeacion']);
    expect(PERMISOS[TRANSICIONES_AUTODIAGNOSTICO.devolver.permiso]).toEqual(['planeacion']);
  });
});
