import { describe, expect, it } from 'vitest';
import {
  CLAVE_DOCUMENTO,
  documentosDelPaquete,
  limitePaquete,
  paqueteVencido,
  publicadoATiempo,
} from './publicaciones.ts';

const PLANES = [
  { clave: 'pinar', nombre: 'Plan Institucional de Archivos (PINAR)' },
  { clave: 'transparencia_etica', nombre: 'Programa de Transparencia y Ética Pública' },
];

describe('paquete del 31 de enero', () => {
  it('tiene el plan de acción y cada plan del Decreto 612 de la vigencia y el informe de gestión del año anterior', () => {
    const d = documentosDelPaquete(2026, PLANES);
    expect(d.map((x) => [x.clave, x.titulo, x.numeral, x.vigenciaDocumento])).toEqual([
      ['plan-accion', 'Plan de acción 2026', '4.3', 2026],
      ['plan-612-pinar', 'Plan Institucional de Archivos (PINAR) 2026', '4.3', 2026],
      ['plan-612-transparencia-etica', 'Programa de Transparencia y Ética Pública 2026', '4.3', 2026],
      ['informe-gestion', 'Informe de gestión 2025', '4.7.1', 2025],
    ]);
    for (const x of d) expect(x.clave).toMatch(CLAVE_DOCUMENTO);
  });

  it.each([
    // vigencia, hoy, publicado, vencido
    [2026, '2026-01-15', false, false],
    [2026, '2026-01-31', false, false],
    [2026, '2026-02-01', false, true],
    [2026, '2026-02-01', true, false],
    [2026, '2025-12-20', false, false],
    [2025, '2026-01-10', false, true],
  ])('vigencia %i el %s, publicado %s → vencido %s', (vigencia, hoy, publicado, vencido) => {
    expect(paqueteVencido(vigencia, hoy, publicado)).toBe(vencido);
  });

  it.each([
    ['2026-01-31', true],
    ['2026-02-01', false],
    ['2025-12-30', true],
  ])('publicado el %s: a tiempo %s', (fecha, aTiempo) => {
    expect(limitePaquete(2026)).toBe('2026-01-31');
    expect(publicadoATiempo(2026, fecha)).toBe(aTiempo);
  });

  it.each(['../plan', 'PLAN-ACCION', 'plan-612-', 'plan-612-a/b', `plan-612-${'x'.repeat(61)}`, ''])(
    'rechaza la clave %j',
    (clave) => expect(CLAVE_DOCUMENTO.test(clave)).toBe(false),
  );
});
