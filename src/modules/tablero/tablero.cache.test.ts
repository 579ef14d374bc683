import { describe, expect, it } from 'vitest';
import { codificacionAceptada, coincideEtag } from '../../server/http-cache.ts';
import { CacheLru, LecturasCompartidas } from './tablero.cache.ts';

describe('caché LRU por bytes', () => {
  it('no pasa de su tope y saca primero lo leído hace más tiempo', () => {
    const c = new CacheLru<string>(100);
    c.poner('a', 'A', 40);
    c.poner('b', 'B', 40);
    expect(c.tomar('a')).toBe('A'); // b is now the least recently used
    c.poner('c', 'C', 40);
    expect(c.tomar('b')).toBeUndefined();
    expect(c.tomar('a')).toBe('A');
    expect(c.tomar('c')).toBe('C');
    expect(c.bytes).toBe(80);
    c.poner('a', 'A2', 10); // replacing counts the new size only
    expect(c.bytes).toBe(50);
    c.poner('enorme', 'X', 101); // larger than everything: not kept, nothing pushed out
    expect(c.tomar('enorme')).toBeUndefined();
    expect(c.size).toBe(2);
    c.quitarSi((k) => k === 'a');
    expect(c.bytes).toBe(40);
  });
});

describe('lecturas compartidas de la versión', () => {
  it('quien pide durante una lectura en curso espera la siguiente; los que esperan comparten una', async () => {
    const sueltas: (() => void)[] = [];
    let lecturas = 0;
    const l = new LecturasCompartidas(async () => {
      const n = ++lecturas;
      await new Promise<void>((ok) => sueltas.push(ok));
      return n;
    });
    const primera = l.pedir('e');
    const segunda = l.pedir('e');
    const tercera = l.pedir('e');
    expect(lecturas).toBe(1);
    sueltas.shift()!();
    expect(await primera).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(lecturas).toBe(2); // the waiting ones started their own read after the first ended
    sueltas.shift()!();
    expect(await segunda).toBe(2);
    expect(await tercera).toBe(2);
    const otra = l.pedir('otra clave'); // keys do not wait for each other
    expect(lecturas).toBe(3);
    sueltas.shift()!();
    expect(await otra).toBe(3);
  });
});

describe('negociación HTTP', () => {
  it('If-None-Match compara débil, en listas y con *', () => {
    expect(coincideEtag('"a"', '"a"')).toBe(true);
    expect(coincideEtag('W/"a"', '"a"')).toBe(true);
    expect(coincideEtag('"b", "a"', '"a"')).toBe(true);
    expect(coincideEtag('*', '"a"')).toBe(true);
    expect(coincideEtag('"b"', '"a"')).toBe(false);
    expect(coincideEtag(undefined, '"a"')).toBe(false);
  });
  it('Accept-Encoding: brotli primero, calidades respetadas, nada sin cabecera', () => {
    expect(codificacionAceptada('gzip, deflate, br, zstd')).toBe('br');
    expect(codificacionAceptada('gzip')).toBe('gzip');
    expect(codificacionAceptada('br;q=0, gzip')).toBe('gzip');
    expect(codificacionAceptada('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(codificacionAceptada('*')).toBe('br');
    expect(codificacionAceptada('identity')).toBeNull();
    expect(codificacionAceptada('*;q=0')).toBeNull();
    expect(codificacionAceptada(undefined)).toBeNull();
  });
});
