import { describe, expect, it } from 'vitest';
import { escaparTexto, generarIcs, plegarLinea } from './icalendar.ts';

const octetos = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar (RFC 5545)', () => {
  it('escapa barra invertida, punto y coma, coma y saltos de línea', () => {
    expect(escaparTexto('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('pliega a 75 octetos sin partir un carácter de varios bytes', () => {
    const linea = `SUMMARY:${'Publicación del año — ñandú '.repeat(12)}`;
    const plegada = plegarLinea(linea);
    const fisicas = plegada.split('\r\n');
    expect(fisicas.length).toBeGreaterThan(1);
    for (const f of fisicas) expect(octetos(f)).toBeLessThanOrEqual(75);
    for (const f of fisicas.slice(1)) expect(f.startsWith(' ')).toBe(true);
    // Unfolding gives the line back.
    expect(plegada.replace(/\r\n /g, '')).toBe(linea);
  });

  it('un evento de día completo por plazo, con DTEND exclusivo y líneas CRLF', () => {
    const ics = generarIcs({
      nombre: 'Calendario legal, E.S.E.',
      generado: new Date('2026-11-26T15:00:00Z'),
      eventos: [
        {
          uid: 'publicar-plan-accion.2026.x@mipg',
          inicio: '2026-01-31',
          fin: '2026-01-31',
          resumen: 'Publicar el plan de acción 2026',
          descripcion: 'Ley 1474; art. 74',
          categoria: 'Publicación',
        },
      ],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('X-WR-CALNAME:Calendario legal\\, E.S.E.');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260131\r\nDTEND;VALUE=DATE:20260201\r\n');
    expect(ics).toContain('DTSTAMP:20261126T150000Z');
    expect(ics).toContain('DESCRIPTION:Ley 1474\\; art. 74');
    expect(ics.split('\r\n').every((l) => octetos(l) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
