import { describe, expect, it } from 'vitest';
import {
  accionPosible,
  aplicarAccionBarra,
  atributosHtml,
  cookieDePreferencia,
  preferenciasDeCookies,
} from './preferencias-vista.ts';

describe('preferencias de la barra de accesibilidad en cookies', () => {
  it.each([
    ['', { tamano: 100, contraste: false, guardadas: false }],
    ['mipg_sesion=abc', { tamano: 100, contraste: false, guardadas: false }],
    ['mipg_tamano=150; mipg_contraste=1', { tamano: 150, contraste: true, guardadas: true }],
    ['a=1;mipg_tamano=112.5', { tamano: 112.5, contraste: false, guardadas: true }],
    ['mipg_contraste=0', { tamano: 100, contraste: false, guardadas: true }],
    // Hand-edited values never reach the page's style.
    ['mipg_tamano=9999', { tamano: 100, contraste: false, guardadas: true }],
    ['mipg_tamano=100%22%3E%3Cscript%3E', { tamano: 100, contraste: false, guardadas: true }],
    ['mipg_contraste=si', { tamano: 100, contraste: false, guardadas: true }],
    ['xmipg_tamano=150', { tamano: 100, contraste: false, guardadas: false }],
  ])('«%s»', (cookies, esperado) => {
    expect(preferenciasDeCookies(cookies)).toEqual(esperado);
  });

  it.each([
    [{ tamano: 100, contraste: false }, ''],
    [{ tamano: 125, contraste: false }, ' style="font-size:125%"'],
    [{ tamano: 100, contraste: true }, ' data-contraste="alto"'],
    [{ tamano: 87.5, contraste: true }, ' style="font-size:87.5%" data-contraste="alto"'],
  ])('atributos de <html> para %o', (p, esperado) => {
    expect(atributosHtml(p)).toBe(esperado);
  });

  it('la cookie dura un año, vale para todo el sitio y solo va por HTTPS cuando la página lo es', () => {
    expect(cookieDePreferencia('mipg_tamano', '125', false)).toBe(
      'mipg_tamano=125; path=/; max-age=31536000; samesite=lax',
    );
    expect(cookieDePreferencia('mipg_contraste', '1', true)).toMatch(/; secure$/);
  });
});

describe('los botones de la barra', () => {
  const p = (tamano: number, contraste = false) => ({ tamano, contraste });
  it.each([
    [p(100), 'mas', p(112.5)],
    [p(150), 'mas', p(150)],
    [p(100), 'menos', p(87.5)],
    [p(87.5), 'menos', p(87.5)],
    [p(125, true), 'normal', p(100, true)],
    [p(125), 'contraste', p(125, true)],
    [p(125, true), 'contraste', p(125, false)],
    // A size that is not one of the steps (an older version's) starts again from the smallest.
    [p(110), 'mas', p(100)],
  ] as const)('%o, «%s» → %o', (antes, accion, despues) => {
    expect(aplicarAccionBarra(antes, accion)).toEqual(despues);
  });

  it('el botón que no cambia nada queda inactivo', () => {
    expect(accionPosible(p(87.5), 'menos')).toBe(false);
    expect(accionPosible(p(150), 'mas')).toBe(false);
    expect(accionPosible(p(100), 'menos')).toBe(true);
    expect(accionPosible(p(150), 'contraste')).toBe(true);
  });
});
