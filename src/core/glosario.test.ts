import { describe, expect, it } from 'vitest';
import { entradaGlosario, GLOSARIO, glosarioOrdenado, sinTildes } from './glosario.ts';

describe('glosario MIPG', () => {
  it('cada término tiene una definición corta, en frases completas', () => {
    for (const e of GLOSARIO) {
      expect(e.termino.trim(), e.clave).not.toBe('');
      expect(e.definicion.length, e.termino).toBeGreaterThan(40);
      // Short enough to read in a popover on a phone.
      expect(e.definicion.length, e.termino).toBeLessThanOrEqual(400);
      expect(e.definicion, e.termino).toMatch(/^[A-ZÁÉÍÓÚÑ«].*\.$/s);
    }
  });

  it('no repite claves ni nombres, aunque cambien tildes o mayúsculas', () => {
    const claves = GLOSARIO.map((e) => e.clave);
    expect(new Set(claves).size).toBe(claves.length);
    const nombres = GLOSARIO.flatMap((e) => [e.termino, ...('otrasFormas' in e ? e.otrasFormas : [])]).map(
      sinTildes,
    );
    const repetidos = nombres.filter((n, i) => nombres.indexOf(n) !== i);
    expect(repetidos).toEqual([]);
  });

  it('las claves sirven de ancla en una dirección', () => {
    for (const e of GLOSARIO) expect(e.clave).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('trae los términos que la plataforma usa en sus pantallas, con su norma cuando la hay', () => {
    const plan = entradaGlosario('plan-accion');
    expect(plan.definicion).toContain('31 de enero');
    expect(plan.fuente).toContain('Decreto 612 de 2018');
    expect(entradaGlosario('mipg').fuente).toContain('Decreto 1499 de 2017');
    expect(entradaGlosario('semaforo').definicion).toContain('cada entidad fija sus rangos');
  });

  it('ordena como un lector en español: las tildes no mandan al final', () => {
    const orden = glosarioOrdenado().map((e) => e.termino);
    expect(orden.indexOf('Indicador')).toBeLessThan(orden.indexOf('MIPG'));
    expect(orden.indexOf('Línea base')).toBeLessThan(orden.indexOf('Meta'));
    expect(orden.indexOf('Autodiagnóstico')).toBeLessThan(orden.indexOf('Avance'));
  });
});
