// Hostile inputs: the fixed catalogue every field meets, and fast-check arbitraries for the random part.
import fc from 'fast-check';
import { type Esquema, tipoDe } from './esquema.ts';

/** How deep the raw-JSON nesting goes (built as text: JSON.stringify itself would overflow the stack). */
export const PROFUNDIDAD = 10_000;
export const anidadoArreglos = (n = PROFUNDIDAD) => `${'['.repeat(n)}${']'.repeat(n)}`;
export const anidadoObjetos = (n = PROFUNDIDAD) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const anidadoJs = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

export const LARGO = 'x'.repeat(100_000);

/** One entry: a name for the report and the value (JSON-serialisable, sent inside an otherwise valid body). */
export interface Hostil {
  nombre: string;
  valor: unknown;
}

const h = (nombre: string, valor: unknown): Hostil => ({ nombre, valor });

export const NUMEROS_HOSTILES: Hostil[] = [
  h('1e308', 1e308),
  h('-1e308', -1e308),
  h('5e-324', 5e-324),
  h('-5e-324', -5e-324),
  h('2**53+1', 2 ** 53 + 1),
  h('-(2**53+1)', -(2 ** 53 + 1)),
  h('2**31', 2 ** 31),
  h('1e21', 1e21),
  h('-1', -1),
  h('-0', -0),
  h('0', 0),
  h('1.5', 1.5),
  h('0.1+0.2', 0.1 + 0.2),
  h('0.1 + 0.2 (decimales largos)', 123456789.12345679),
];

export const TEXTOS_HOSTILES: Hostil[] = [
  h('""', ''),
  h('" "', ' '),
  h('null byte', '\u0000'),
  h('texto con null byte', 'Texto de prueba\u0000con nulo'),
  h('lone surrogate \\ud800', '\ud800'),
  h('lone surrogate \\udfff', 'Texto \udfff de prueba'),
  h('100k chars', LARGO),
  h('bidi/control', '\u202eodatse\u202c \u2066x\u2069 \u200b\u200d\u0007\u001b[31m\u0008\u007f\u0085'),
  h('emoji/combining', 'Ñandú 👩🏽‍⚕️ e\u0301\u0301\u0301 𝕏'),
  h('"NaN"', 'NaN'),
  h('"Infinity"', 'Infinity'),
  h('"-Infinity"', '-Infinity'),
  h('"1e308"', '1e308'),
  h('"-0"', '-0'),
  h('"0x10"', '0x10'),
  h('"9007199254740993"', '9007199254740993'),
  h('fecha 2026-02-30', '2026-02-30'),
  h('fecha 2026-13-01', '2026-13-01'),
  h('fecha 0000-00-00', '0000-00-00'),
  h('fecha +275760-09-14', '+275760-09-14'),
  h('fecha -271821-04-19', '-271821-04-19'),
  h('fecha 9999-12-31', '9999-12-31'),
  h('fecha 0001-01-01', '0001-01-01'),
  h('fecha con hora', '2026-03-16T25:61:00Z'),
  h('uuid nulo', '00000000-0000-0000-0000-000000000000'),
  h('uuid máximo', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  h('uuid inexistente', '5f0c3a9e-1b2d-4c3e-8f4a-0123456789ab'),
  h('uuid v0 mal formado', 'zzzzzzzz-0000-0000-0000-000000000000'),
  h('no uuid', 'no-es-un-identificador'),
  h('inyección SQL', "' OR '1'='1'; DROP TABLE usuario; --"),
  h('html', '<script>alert(1)</script><img src=x onerror=alert(1)>'),
  h('ruta', '../../../../etc/passwd'),
  h('%00', '%00'),
  h('formato', '%s%n%x{0}$' + '{7*7}{{7*7}}'),
];

export const OTROS_HOSTILES: Hostil[] = [
  h('null', null),
  h('true', true),
  h('false', false),
  h('[]', []),
  h('[null]', [null]),
  h('{}', {}),
  h('{"$ne":null}', { $ne: null }),
  h(
    'arreglo de 10k',
    Array.from({ length: 10_000 }, (_, i) => i),
  ),
  h('anidado 1k', anidadoJs(1_000)),
  h('objeto con __proto__', JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}')),
];

export const TODOS_HOSTILES = [...NUMEROS_HOSTILES, ...TEXTOS_HOSTILES, ...OTROS_HOSTILES];

const porNombre = (...nombres: string[]) =>
  nombres.map((n) => {
    const x = TODOS_HOSTILES.find((h) => h.nombre === n);
    if (!x) throw new Error(`valor hostil desconocido: ${n}`);
    return x;
  });

/** A few of the other types, so a field also meets values of the wrong kind. */
const AJENOS = porNombre('null', '[]', '{}', 'true', '"1e308"', '1e308', 'arreglo de 10k', 'anidado 1k');
const TEXTOS_BASICOS = porNombre(
  '""',
  '" "',
  'null byte',
  'texto con null byte',
  'lone surrogate \\ud800',
  'lone surrogate \\udfff',
  '100k chars',
  'bidi/control',
  'emoji/combining',
);

/**
 * The catalogue for a field, by the kind of value its schema expects: every hostile of its own kind plus a few of
 * the others (wrong types are rejected the same way for every field; the deep bugs hide in values of the right
 * type). The long run (`completo`) sends the whole catalogue to every field.
 */
export function hostilesPara(e: Esquema | undefined, completo: boolean): Hostil[] {
  if (completo || !e) return TODOS_HOSTILES;
  const tipo = tipoDe(e.anyOf?.at(-1) ?? e.oneOf?.at(-1) ?? e);
  const formato = e.format ?? e.anyOf?.at(-1)?.format;
  if (e.enum) return [...TEXTOS_BASICOS, ...porNombre('"NaN"', 'inyección SQL'), ...AJENOS];
  if (tipo === 'number' || tipo === 'integer')
    return [
      ...NUMEROS_HOSTILES,
      ...porNombre('"NaN"', '"Infinity"', '"-0"', '"9007199254740993"', 'null byte'),
      ...AJENOS,
    ];
  if (tipo === 'string' && formato === 'date')
    return [...TEXTOS_HOSTILES.filter((h) => h.nombre.startsWith('fecha')), ...TEXTOS_BASICOS, ...AJENOS];
  if (tipo === 'string' && formato === 'uuid')
    return [...TEXTOS_HOSTILES.filter((h) => h.nombre.includes('uuid')), ...TEXTOS_BASICOS, ...AJENOS];
  if (tipo === 'string') return [...TEXTOS_HOSTILES, ...AJENOS];
  return [...OTROS_HOSTILES, ...porNombre('""', 'null byte', '1e308', '100k chars')];
}

/** What every field meets even in the CI run: the values that have broken handlers before, by kind. */
export function nucleoPara(e: Esquema | undefined): Hostil[] {
  if (!e) return [];
  const tipo = tipoDe(e.anyOf?.at(-1) ?? e.oneOf?.at(-1) ?? e);
  const formato = e.format ?? e.anyOf?.at(-1)?.format;
  if (e.enum) return porNombre('null byte');
  if (tipo === 'number' || tipo === 'integer') return porNombre('1e308', '-1e308', '5e-324');
  if (tipo === 'string' && formato === 'date') return porNombre('fecha 2026-02-30', 'fecha 9999-12-31');
  if (tipo === 'string' && formato === 'uuid') return porNombre('uuid inexistente', 'null byte');
  if (tipo === 'string')
    return porNombre('null byte', 'texto con null byte', 'lone surrogate \\ud800', 'lone surrogate \\udfff');
  return [];
}

/** Raw request bodies, sent as text with their content type. */
export interface CuerpoCrudo {
  nombre: string;
  tipo: string | undefined;
  cuerpo: string | Buffer;
}

export const CUERPOS_CRUDOS: CuerpoCrudo[] = [
  { nombre: 'JSON anidado 10k (arreglos)', tipo: 'application/json', cuerpo: anidadoArreglos() },
  { nombre: 'JSON anidado 10k (objetos)', tipo: 'application/json', cuerpo: anidadoObjetos() },
  { nombre: 'JSON inválido', tipo: 'application/json', cuerpo: '{"a":' },
  { nombre: 'JSON vacío', tipo: 'application/json', cuerpo: '' },
  { nombre: 'JSON null', tipo: 'application/json', cuerpo: 'null' },
  { nombre: 'JSON número', tipo: 'application/json', cuerpo: '1e999' },
  { nombre: 'JSON texto', tipo: 'application/json', cuerpo: '"\\u0000"' },
  { nombre: 'JSON arreglo', tipo: 'application/json', cuerpo: '[1,2,3]' },
  { nombre: 'JSON con claves repetidas', tipo: 'application/json', cuerpo: '{"a":1,"a":2}' },
  { nombre: 'JSON __proto__', tipo: 'application/json', cuerpo: '{"__proto__":{"x":1}}' },
  { nombre: 'JSON con BOM', tipo: 'application/json', cuerpo: '\ufeff{}' },
  { nombre: 'JSON charset raro', tipo: 'application/json; charset=utf-16', cuerpo: '{}' },
  { nombre: 'texto plano', tipo: 'text/plain', cuerpo: 'hola' },
  { nombre: 'formulario', tipo: 'application/x-www-form-urlencoded', cuerpo: 'a=1&b=%00' },
  {
    nombre: 'multipart',
    tipo: 'multipart/form-data; boundary=x',
    cuerpo: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  },
  { nombre: 'binario', tipo: 'application/octet-stream', cuerpo: Buffer.from([0, 1, 2, 255, 254]) },
  { nombre: 'xml', tipo: 'application/xml', cuerpo: '<?xml version="1.0"?><a/>' },
  { nombre: 'sin tipo', tipo: undefined, cuerpo: '{}' },
  { nombre: 'tipo inventado', tipo: 'application/x-fuzz', cuerpo: '{}' },
];

/** Byte prefixes of the formats the upload routes sniff, followed by garbage. */
export const CABECERAS_BINARIAS: { nombre: string; bytes: number[] }[] = [
  { nombre: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { nombre: 'JPEG', bytes: [0xff, 0xd8, 0xff, 0xe0] },
  { nombre: 'WebP', bytes: [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')] },
  { nombre: 'PDF', bytes: [...Buffer.from('%PDF-1.4\n')] },
  { nombre: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { nombre: 'GIF', bytes: [...Buffer.from('GIF89a')] },
  { nombre: 'SVG', bytes: [...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')] },
  { nombre: 'ninguna', bytes: [] },
];

export const TIPOS_ARCHIVO = [
  'application/octet-stream',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/svg+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  'IMAGE/PNG; charset=utf-8',
];

/** Random garbage files: a sniffed header (or none), random bytes, a content type. */
export const archivoBasura = fc.record({
  cabecera: fc.constantFrom(...CABECERAS_BINARIAS),
  resto: fc.uint8Array({ maxLength: 2048 }),
  tipo: fc.constantFrom(...TIPOS_ARCHIVO),
});

/** Values for path parameters that are not what the route expects. */
export const PARAMETROS_RUTA_HOSTILES: string[] = [
  'no-es-uuid',
  '%00',
  'a%00b',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '5f0c3a9e-1b2d-4c3e-8f4a-0123456789ab',
  '5F0C3A9E-1B2D-4C3E-8F4A-0123456789AB',
  '9'.repeat(400),
  'x'.repeat(5_000),
  '-1',
  '0',
  '-0',
  '1e308',
  '1.5',
  '2026.0',
  ' 2026',
  '0x7EA',
  'NaN',
  'Infinity',
  '9007199254740993',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  '%F0%9F%98%80',
  '..%2F..%2F',
  '%E2%80%AE',
  '2026-02-30',
];

/** What every query parameter meets even in the CI run. */
export const QUERY_NUCLEO = ['a%00b', '1e308', '2026-02-30'];

/** Values for query parameters (already URL-encoded where needed). */
export const QUERY_HOSTILES: string[] = [
  '',
  '%00',
  'a%00b',
  '1e308',
  '-1e308',
  '5e-324',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '2026.5',
  '2026.0',
  '9007199254740993',
  '0x7EA',
  '%20%20',
  'true',
  'null',
  '2026-02-30',
  '2026-13-45',
  '+275760-09-14',
  '-271821-04-19',
  '99999-01-01',
  '%ED%A0%80',
  '%E0%A4%A',
  '%F0%9F%98%80',
  '%E2%80%AE%E2%81%A6',
  'x'.repeat(10_000),
  encodeURIComponent("' OR 1=1 --"),
  '1&__proto__=x',
];

/** A random JSON-ish value (fast-check), biased to the catalogue. */
export const valorAleatorio: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TODOS_HOSTILES.map((x) => x.valor)) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
