// Reads the request schemas of the OpenAPI document (OpenAPI 3.0 as @fastify/swagger writes it) and builds,
// from each, a value that passes it: the "mostly valid" body the fuzz then breaks one field at a time.

export interface Esquema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Esquema>;
  required?: string[];
  items?: Esquema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Esquema[];
  oneOf?: Esquema[];
  allOf?: Esquema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  default?: unknown;
}

export interface Parametro {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Esquema;
}

export interface Operacion {
  metodo: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify's pattern, e.g. /api/entidades/:entidadId */
  ruta: string;
  parametros: Parametro[];
  /** Content types of the body with their schema (raw bodies have no schema). */
  cuerpos: { tipo: string; esquema?: Esquema }[];
  /** The route declares a body although the OpenAPI document has no requestBody (raw upload routes). */
  cuerpoCrudo: boolean;
}

interface DocumentoOpenApi {
  paths: Record<
    string,
    Record<string, { parameters?: Parametro[]; requestBody?: Cuerpo; consumes?: string[] }>
  >;
  components?: { schemas?: Record<string, Esquema> };
}
interface Cuerpo {
  content: Record<string, { schema?: Esquema }>;
}

const METODOS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, with its path in Fastify's `:param` form. */
export function operacionesDe(doc: DocumentoOpenApi): Operacion[] {
  const ops: Operacion[] = [];
  for (const [camino, metodos] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(metodos)) {
      if (!METODOS.has(m)) continue;
      const cuerpos = Object.entries(op.requestBody?.content ?? {}).map(([tipo, c]) => ({
        tipo,
        esquema: c.schema ? resolver(doc, c.schema) : undefined,
      }));
      ops.push({
        metodo: m.toUpperCase() as Operacion['metodo'],
        ruta: camino.replace(/\{([^}]+)\}/g, ':$1'),
        parametros: (op.parameters ?? []).map((p) => ({
          ...p,
          schema: p.schema ? resolver(doc, p.schema) : undefined,
        })),
        cuerpos,
        cuerpoCrudo: false,
      });
    }
  }
  return ops;
}

/** Inlines `$ref`s (the request schemas here have no cycles; a cycle stops at depth 20). */
export function resolver(doc: DocumentoOpenApi, e: Esquema, profundidad = 0): Esquema {
  if (profundidad > 20) return {};
  if (e.$ref) {
    const nombre = e.$ref.split('/').pop()!;
    return resolver(doc, doc.components?.schemas?.[nombre] ?? {}, profundidad + 1);
  }
  const r: Esquema = { ...e };
  if (e.properties)
    r.properties = Object.fromEntries(
      Object.entries(e.properties).map(([k, v]) => [k, resolver(doc, v, profundidad + 1)]),
    );
  if (e.items) r.items = resolver(doc, e.items, profundidad + 1);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const)
    if (e[k]) r[k] = e[k].map((x) => resolver(doc, x, profundidad + 1));
  return r;
}

export const tipoDe = (e: Esquema): string | undefined => {
  if (Array.isArray(e.type)) return e.type.find((t) => t !== 'null');
  if (e.type) return e.type;
  if (e.properties) return 'object';
  if (e.items) return 'array';
  return undefined;
};

/**
 * A value for a field named `campo` that the application accepts: a hint for the field (real ids, catalog
 * codes, dates inside the vigencia) when there is one, otherwise the simplest value the schema allows.
 */
export type Pistas = (campo: string, e: Esquema) => unknown;

export function valorValido(e: Esquema, campo: string, pistas: Pistas): unknown {
  const pista = pistas(campo, e);
  if (pista !== undefined) return pista;
  const opciones = e.anyOf ?? e.oneOf;
  if (opciones?.length) {
    // e.g. correo: "" | email — the last option is the meaningful one
    return valorValido(opciones[opciones.length - 1]!, campo, pistas);
  }
  if (e.allOf?.length) return valorValido(Object.assign({}, ...e.allOf), campo, pistas);
  if (e.const !== undefined) return e.const;
  if (e.enum?.length) return e.enum.find((x) => x !== '' && x !== null) ?? e.enum[0];
  if (e.default !== undefined) return e.default;
  switch (tipoDe(e)) {
    case 'string':
      return textoValido(e, campo);
    case 'integer':
    case 'number':
      return numeroValido(e);
    case 'boolean':
      return true;
    case 'array': {
      const n = Math.max(e.minItems ?? 0, 1);
      return Array.from({ length: Math.min(n, e.maxItems ?? n) }, () =>
        valorValido(e.items ?? {}, campo, pistas),
      );
    }
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(e.properties ?? {})) o[k] = valorValido(v, k, pistas);
      return o;
    }
    default:
      return e.nullable ? null : 'valor';
  }
}

let contador = 0;
function textoValido(e: Esquema, campo: string): string {
  contador++;
  switch (e.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date':
      return '2026-03-16';
    case 'date-time':
      return '2026-03-16T10:00:00.000Z';
    case 'email':
      return `fuzz.${contador}@prueba.example`;
    case 'uri':
    case 'url':
      return 'https://www.example.gov.co/evidencia.pdf';
  }
  const base = `Valor de prueba para ${campo} ${contador}`;
  const min = e.minLength ?? 0;
  const max = e.maxLength ?? 200;
  let s = base;
  while (s.length < min) s += ' relleno';
  return s.slice(0, Math.max(min, Math.min(max, s.length)));
}

function numeroValido(e: Esquema): number {
  const min = e.minimum ?? Number.NEGATIVE_INFINITY;
  const max = e.maximum ?? Number.POSITIVE_INFINITY;
  let n = 1;
  if (n < min || (e.exclusiveMinimum === true && n <= min)) n = min + (e.exclusiveMinimum === true ? 1 : 0);
  if (typeof e.exclusiveMinimum === 'number' && n <= e.exclusiveMinimum) n = e.exclusiveMinimum + 1;
  if (n > max) n = max;
  return n;
}

/** Every place in a value where a field can be broken: object keys and array elements, at any depth. */
export function caminos(v: unknown, prefijo: (string | number)[] = []): (string | number)[][] {
  const r: (string | number)[][] = [];
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      r.push([...prefijo, i]);
      r.push(...caminos(x, [...prefijo, i]));
    });
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      r.push([...prefijo, k]);
      r.push(...caminos(x, [...prefijo, k]));
    }
  }
  return r;
}

const copiar = <T>(v: T): T => structuredClone(v);

/** A copy of `v` with the value at `camino` replaced (or removed when `nuevo` is QUITAR). */
export const QUITAR = Symbol('quitar');
export function conCambio(v: unknown, camino: (string | number)[], nuevo: unknown): unknown {
  if (camino.length === 0) return nuevo;
  const r = copiar(v) as Record<string | number, unknown>;
  let cur = r;
  for (const k of camino.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const ultimo = camino[camino.length - 1]!;
  if (nuevo === QUITAR) {
    if (Array.isArray(cur)) cur.splice(Number(ultimo), 1);
    else delete cur[ultimo];
  } else cur[ultimo] = nuevo;
  return r;
}

/** The schema that governs `camino` inside `e` (for picking bad values of the right flavour). */
export function esquemaEn(e: Esquema | undefined, camino: (string | number)[]): Esquema | undefined {
  let cur = e;
  for (const k of camino) {
    if (!cur) return undefined;
    const opciones = cur.anyOf ?? cur.oneOf;
    if (opciones) cur = opciones[opciones.length - 1];
    cur = typeof k === 'number' ? cur?.items : cur?.properties?.[k];
  }
  return cur;
}
