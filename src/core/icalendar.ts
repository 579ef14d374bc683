// iCalendar (RFC 5545) for the legal calendar: all-day events only, no time zones, no recurrence — the small
// subset written by hand (docs/adr/0030-icalendar-a-mano.md says why): text escaped (§3.3.11), content lines
// folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF line ends.
import { type Fecha, sumarDias } from './calendario.ts';

export interface EventoIcs {
  /** Globally unique and stable across downloads, so a subscribed calendar updates instead of duplicating. */
  uid: string;
  /** All-day: the event covers [inicio, fin] (both included). */
  inicio: Fecha;
  fin: Fecha;
  resumen: string;
  descripcion: string;
  categoria: string;
  url?: string;
}

export interface CalendarioIcs {
  nombre: string;
  /** When this export was made: DTSTAMP of every event. */
  generado: Date;
  eventos: readonly EventoIcs[];
}

/** TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escaparTexto(texto: string): string {
  return texto
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\p{Cc}]/gu, '');
}

const octetosUtf8 = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** One content line folded: no physical line longer than 75 octets; continuations start with a space. */
export function plegarLinea(linea: string): string {
  const partes: string[] = [];
  let actual = '';
  let octetos = 0;
  for (const caracter of linea) {
    const n = octetosUtf8(caracter.codePointAt(0)!);
    // The first line has 75 octets; the following ones 74 plus the leading space.
    if (octetos + n > (partes.length ? 74 : 75)) {
      partes.push(actual);
      actual = '';
      octetos = 0;
    }
    actual += caracter;
    octetos += n;
  }
  partes.push(actual);
  return partes.join('\r\n ');
}

const fechaIcs = (f: Fecha) => f.replaceAll('-', '');
const instanteIcs = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

export function generarIcs(c: CalendarioIcs): string {
  const lineas = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MIPG Abierto//Calendario legal//ES',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escaparTexto(c.nombre)}`,
    'X-WR-TIMEZONE:America/Bogota',
  ];
  const dtstamp = instanteIcs(c.generado);
  for (const e of c.eventos) {
    lineas.push(
      'BEGIN:VEVENT',
      `UID:${escaparTexto(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${fechaIcs(e.inicio)}`,
      // DTEND of an all-day event is exclusive: the day after the last one.
      `DTEND;VALUE=DATE:${fechaIcs(sumarDias(e.fin, 1))}`,
      `SUMMARY:${escaparTexto(e.resumen)}`,
      `DESCRIPTION:${escaparTexto(e.descripcion)}`,
      `CATEGORIES:${escaparTexto(e.categoria)}`,
      'TRANSP:TRANSPARENT',
      ...(e.url ? [`URL:${e.url.replace(/[\p{Cc}\s]/gu, '')}`] : []),
      'END:VEVENT',
    );
  }
  lineas.push('END:VCALENDAR');
  return `${lineas.map(plegarLinea).join('\r\n')}\r\n`;
}
