// What every answer must look like, and the collection of the ones that do not.
import type { LightMyRequestResponse } from 'fastify';

/** English words a Spanish message must not carry (library defaults leaking through). */
export const INGLES =
  /\b(invalid|expected|required|must|should|received|unexpected|unrecognized|cannot|can't|too (?:big|small|long|short)|failed|not allowed|bad request|not found|internal server)\b/i;

export interface Caso {
  metodo: string;
  /** The route's pattern, e.g. /api/entidades/:entidadId */
  patron: string;
  url: string;
  /** The kind of input, for the report and for de-duplication: e.g. «cuerpo.metaAnual = 1e308». */
  tipo: string;
  /** The content sent, as it went on the wire. */
  contenido?: { tipo?: string; datos: string | Buffer };
}

export interface Falla {
  metodo: string;
  patron: string;
  tipo: string;
  estado: number;
  motivo: string;
  entrada: string;
  cuerpo: string;
  causa?: string;
}

export const recortar = (s: string, n = 300) => {
  // Control, bidi and lone-surrogate characters are shown escaped, so the report stays readable.
  const invisible = (c: number) =>
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    (c >= 0xd800 && c <= 0xdfff);
  let limpio = '';
  for (let i = 0; i < s.length && limpio.length <= n; i++) {
    const c = s.charCodeAt(i);
    const par = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (par) {
      limpio += s[i]! + s[i + 1]!;
      i++;
    } else limpio += invisible(c) ? `\\u${c.toString(16).padStart(4, '0')}` : s[i];
  }
  return limpio.length > n ? `${limpio.slice(0, n)}… (${s.length} caracteres)` : limpio;
};

/** Why an answer is wrong, or null when it is acceptable. */
export function revisar(r: LightMyRequestResponse): string | null {
  if (r.statusCode >= 500) return `estado ${r.statusCode}`;
  if (r.statusCode < 400) return null;
  let cuerpo: unknown;
  try {
    cuerpo = JSON.parse(r.body);
  } catch {
    return `respuesta ${r.statusCode} que no es JSON (${r.headers['content-type'] ?? 'sin tipo'})`;
  }
  if (!cuerpo || typeof cuerpo !== 'object' || Array.isArray(cuerpo)) return 'respuesta de error sin objeto';
  const c = cuerpo as { error?: unknown; mensaje?: unknown; campos?: unknown; message?: unknown };
  if (typeof c.error !== 'string' || typeof c.mensaje !== 'string' || !c.mensaje)
    return 'respuesta de error sin la forma {error, mensaje}';
  if (c.campos !== undefined) {
    if (!Array.isArray(c.campos)) return '«campos» no es una lista';
    for (const x of c.campos as { campo?: unknown; mensaje?: unknown }[]) {
      if (!x || typeof x.campo !== 'string' || typeof x.mensaje !== 'string')
        return '«campos» con un elemento sin {campo, mensaje}';
      if (INGLES.test(x.mensaje)) return `mensaje de campo en inglés: «${x.mensaje}»`;
    }
  }
  if (INGLES.test(c.mensaje)) return `mensaje en inglés: «${recortar(c.mensaje, 200)}»`;
  return null;
}

/** Failures, de-duplicated by route, status, reason and kind of input (the first sample is kept). */
export class Fallas {
  readonly porClave = new Map<string, Falla & { veces: number }>();

  registrar(caso: Caso, r: LightMyRequestResponse, motivo: string, causa?: string) {
    const clave = [caso.metodo, caso.patron, r.statusCode, motivo.slice(0, 80), caso.tipo, causa ?? ''].join(
      ' | ',
    );
    const previa = this.porClave.get(clave);
    if (previa) {
      previa.veces++;
      return;
    }
    const datos = caso.contenido?.datos;
    this.porClave.set(clave, {
      metodo: caso.metodo,
      patron: caso.patron,
      tipo: caso.tipo,
      estado: r.statusCode,
      motivo,
      entrada: `${recortar(caso.url, 200)}${datos === undefined ? '' : ` [${caso.contenido?.tipo ?? 'sin content-type'}] ${Buffer.isBuffer(datos) ? `<${datos.length} bytes: ${datos.subarray(0, 24).toString('hex')}…>` : recortar(datos)}`}`,
      cuerpo: recortar(r.body, 400),
      causa,
      veces: 1,
    });
  }

  get total() {
    return this.porClave.size;
  }

  /** One readable list, grouped by route and reason. */
  informe(): string {
    const grupos = new Map<string, (Falla & { veces: number })[]>();
    for (const f of this.porClave.values()) {
      const g = `${f.metodo} ${f.patron} → ${f.motivo}${f.causa ? ` — causa: ${f.causa}` : ''}`;
      grupos.set(g, [...(grupos.get(g) ?? []), f]);
    }
    const lineas: string[] = [];
    for (const [g, fs] of [...grupos].sort(([a], [b]) => a.localeCompare(b))) {
      lineas.push(`■ ${g}`);
      lineas.push(
        `    entradas: ${fs.map((f) => `${f.tipo}${f.veces > 1 ? ` ×${f.veces}` : ''}`).join('; ')}`,
      );
      lineas.push(`    ejemplo: ${fs[0]!.entrada}`);
      lineas.push(`    respuesta: ${fs[0]!.cuerpo}`);
    }
    return lineas.join('\n');
  }
}
