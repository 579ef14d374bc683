import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confiable, escaparHtml, html } from './html.ts';

describe('escaparHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["O'Higgins & Cía", 'O&#39;Higgins &amp; Cía'],
    ['&amp;', '&amp;amp;'],
    ['Añoranza 1.234,5 %', 'Añoranza 1.234,5 %'],
  ])('%s', (entrada, salida) => expect(escaparHtml(entrada)).toBe(salida));

  it('nunca deja < > " \' sin escapar', () => {
    fc.assert(fc.property(fc.string(), (t) => !/[<>"']/.test(escaparHtml(t))));
  });
});

describe('html', () => {
  it('escapa lo interpolado y conserva el HTML construido con html', () => {
    const nombre = '<img src=x onerror=alert(1)>';
    const item = html`<li>${nombre}</li>`;
    expect(html`<ul>${[item, item]}</ul>`.texto).toBe(
      '<ul><li>&lt;img src=x onerror=alert(1)&gt;</li><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>',
    );
  });
  it('null, undefined y false no escriben nada; los números se escriben', () => {
    expect(html`a${null}b${undefined}c${false}d${0}`.texto).toBe('abcd0');
  });
  it('un atributo entre comillas no se puede cerrar desde el dato', () => {
    expect(html`<a href="${'" onclick="alert(1)'}">x</a>`.texto).toBe(
      '<a href="&quot; onclick=&quot;alert(1)">x</a>',
    );
  });
  it('confiable marca una constante del código como HTML', () => {
    expect(html`${confiable('<br>')}`.texto).toBe('<br>');
  });
});
