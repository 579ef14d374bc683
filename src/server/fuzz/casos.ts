// The requests the fuzz sends for one operation of the OpenAPI document: valid-shaped bodies with one field
// broken (the fixed catalogue, then fast-check mutations), hostile path and query parameters, raw bodies of
// every content type, garbage files, and mutated spreadsheets for the import.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { digitoVerificacion, formatearNit } from '../../core/nit.ts';
import type { Escenario } from './escenario.ts';
import { PDF } from './escenario.ts';
import {
  caminos,
  conCambio,
  type Esquema,
  esquemaEn,
  type Operacion,
  type Pistas,
  QUITAR,
  valorValido,
} from './esquema.ts';
import type { Caso } from './revision.ts';
import {
  archivoBasura,
  CABECERAS_BINARIAS,
  CUERPOS_CRUDOS,
  hostilesPara,
  nucleoPara,
  PARAMETROS_RUTA_HOSTILES,
  QUERY_HOSTILES,
  QUERY_NUCLEO,
  TIPOS_ARCHIVO,
  TODOS_HOSTILES,
  valorAleatorio,
} from './valores.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let secuencia = 0;
const siguiente = () => ++secuencia;

/** The vigencia whose data a route works on (see escenario.ts for what each one holds). */
function vigenciaDe(op: Operacion): number {
  if (/\/planes\/:vigencia\/actividades|\/plan\/:vigencia\/import/.test(op.ruta)) return 2025;
  if (/\/planes\/:vigencia\/(enviar|devolver|aprobar|publicar|nueva-version)$/.test(op.ruta)) return 2024;
  if (op.metodo === 'PUT' && /\/vigencias\/:vigencia/.test(op.ruta)) return 2024;
  return 2026;
}

/** A valid value for each path parameter of `op`. */
export function parametrosValidos(op: Operacion, fx: Escenario, vigencia?: number): Record<string, string> {
  const v = vigencia ?? vigenciaDe(op);
  const borrar = op.metodo === 'DELETE';
  const r = op.ruta;
  const valores: Record<string, string> = {
    entidadId: fx.entidad,
    vigencia: String(v),
    politica: 'integridad',
    numero: /\/(cerrar|reabrir)$/.test(r) ? '4' : '1',
    periodo: '1',
    actividadId:
      v === 2025
        ? borrar
          ? fx.actividadVictima
          : fx.actividadBorrador
        : v === 2024
          ? fx.actividadFlujo
          : fx.actividadAprobada,
    dependenciaId: borrar ? fx.dependenciaVictima : fx.dependencia,
    usuarioId: fx.personaId,
    objetivoId: borrar ? fx.objetivoVictima : fx.objetivo,
    evidenciaId: borrar ? fx.evidenciaVictima : fx.evidencia,
    indicadorId: fx.indicador,
  };
  return Object.fromEntries(
    op.parametros.filter((p) => p.in === 'path').map((p) => [p.name, valores[p.name] ?? 'valor']),
  );
}

/** A valid value for each query parameter (required ones and those that matter). */
function consultaValida(op: Operacion, vigencia?: number): Record<string, string> {
  const valores: Record<string, string> = {
    vigencia: String(vigencia ?? vigenciaDe(op)),
    periodo: '1',
    nombre: 'evidencia.pdf',
    desde: op.ruta.endsWith('/comparar') ? '1' : '2026-01-01',
    hasta: op.ruta.endsWith('/comparar') ? '1' : '2026-12-31',
    pagina: '1',
    tamano: '20',
  };
  return Object.fromEntries(
    op.parametros
      .filter((p) => p.in === 'query' && (p.required || valores[p.name] !== undefined))
      .map((p) => [p.name, valores[p.name] ?? 'valor']),
  );
}

export function construirUrl(
  op: Operacion,
  params: Record<string, string>,
  consulta: Record<string, string>,
) {
  const camino = op.ruta.replace(/:([A-Za-z]+)/g, (_, n: string) => params[n] ?? 'x');
  const q = Object.entries(consulta)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return q ? `${camino}?${q}` : camino;
}

/** Hints that make a schema-built body acceptable to the handlers: real ids, catalog codes, dates… */
function pistasPara(op: Operacion, fx: Escenario): Pistas {
  const v = vigenciaDe(op);
  const seguimiento = op.ruta.includes('/seguimientos/');
  return (campo: string, e: Esquema) => {
    switch (campo) {
      case 'politica':
        return 'integridad';
      case 'codigo':
        return `FZ-${siguiente()}`;
      case 'nit': {
        const base = String(900_000_000 + siguiente());
        return formatearNit(base, digitoVerificacion(base));
      }
      case 'divipola':
        return '86001';
      case 'email':
        return fx.correoBloqueable;
      case 'correo':
        return e.anyOf || e.oneOf ? 'contacto@fuzzlandia.gov.co' : `fuzz.${siguiente()}@prueba.example`;
      case 'sitioWeb':
        return 'https://www.fuzzlandia.gov.co';
      case 'password':
      case 'actual':
        return 'ClaveIncorrecta2026';
      case 'nueva':
        return 'OtraClaveSegura2026';
      case 'clave':
        return 'OtraClaveSegura2026';
      case 'token':
        return 'token-que-no-existe';
      case 'responsableId':
      case 'usuarioId':
        return fx.adminId;
      case 'dependenciaId':
        return fx.dependencia;
      case 'padreId':
      case 'indicadorId':
        return null;
      case 'corresponsables':
        return [fx.personaId];
      case 'fechaInicio':
        return `${v}-02-01`;
      case 'fechaFin':
        return `${v}-11-30`;
      case 'fechaSesionComite':
        return `${v}-01-30`;
      case 'abre':
        return `${v}-04-01`;
      case 'cierra':
        return `${v}-04-20`;
      case 'metasPeriodo':
        return [1, 1, 1, 1];
      case 'metaAnual':
      case 'meta':
        return 4;
      case 'ponderacion':
        return 10;
      case 'vigencia':
        return 2026;
      case 'roles':
        return ['consulta'];
      case 'esquema':
        return 'trimestral';
      case 'diasHabilesReporte':
        return 10;
      case 'semaforo':
        return {
          amarilloDesde: 60,
          verdeDesde: 80,
          azulSobre: 100,
          etiquetas: { rojo: 'Crítico', amarillo: 'Bajo', verde: 'Adecuado', azul: 'Sobresaliente' },
        };
      case 'url':
        return 'https://www.fuzzlandia.gov.co/acta.pdf';
      case 'valor':
        return 1;
      case 'numerador':
        return seguimiento ? null : 1;
      case 'denominador':
        return null;
      case 'lineaBase':
        return 0;
      default:
        return undefined;
    }
  };
}

export interface Generador {
  op: Operacion;
  /** Valid URL (params and query). */
  url: string;
  casos(): AsyncGenerator<Caso>;
}

/** The mostly-valid body of `op`, as content ready to send (JSON, or the file a raw route expects). */
export function cuerpoBase(op: Operacion, fx: Escenario): Caso['contenido'] {
  const json = op.cuerpos.find((c) => c.tipo.includes('json'));
  if (json?.esquema)
    return {
      tipo: 'application/json',
      datos: JSON.stringify(valorValido(json.esquema, 'cuerpo', pistasPara(op, fx))),
    };
  if (op.ruta.endsWith('/logo')) return { tipo: 'image/png', datos: PNG };
  if (op.ruta.endsWith('/evidencias')) return { tipo: 'application/octet-stream', datos: PDF };
  if (op.ruta.endsWith('/import.xlsx')) return { tipo: XLSX, datos: fx.libroExportado };
  return undefined;
}

const describir = (camino: (string | number)[]) => (camino.length ? `cuerpo.${camino.join('.')}` : 'cuerpo');
const tipoCampo = (camino: (string | number)[]) =>
  camino.map((k) => (typeof k === 'number' ? '[]' : k)).join('.') || 'cuerpo';

export interface OpcionesFuzz {
  semilla: number;
  /** fast-check runs per route (random mutations, random files, mutated spreadsheets). */
  corridas: number;
  /** Send the whole fixed catalogue (long run); otherwise a fixed-seed sample of it (CI). */
  completo: boolean;
  /** The route takes a raw file body (found by probing: it did not answer 415 to a file). */
  archivos: boolean;
  /** Use this vigencia instead of the route's usual one (the reads after the fuzz go over all of them). */
  vigencia?: number;
}

/** How much of each fixed catalogue a CI run sends per route (the long run sends all of it). */
const MUESTRA = { ruta: 4, consulta: 5, cuerpo: 24, crudos: 4, archivos: 12 };

/** `n` items of `lista` (all of them in the long run), a different fixed-seed choice per route. */
function elegir<T>(lista: T[], n: number, semilla: number, completo: boolean): T[] {
  if (completo || lista.length <= n) return lista;
  return fc.sample(fc.shuffledSubarray(lista, { minLength: n, maxLength: n }), {
    seed: semilla,
    numRuns: 1,
  })[0]!;
}

export function generador(op: Operacion, fx: Escenario, opciones: OpcionesFuzz): Generador {
  const { semilla, corridas, completo } = opciones;
  const params = parametrosValidos(op, fx, opciones.vigencia);
  const consulta = consultaValida(op, opciones.vigencia);
  const url = construirUrl(op, params, consulta);
  const esEscritura = op.metodo !== 'GET';
  const json = op.cuerpos.find((c) => c.tipo.includes('json'));

  async function* casos(): AsyncGenerator<Caso> {
    const caso = (tipo: string, contenido?: Caso['contenido'], u = url): Caso => ({
      metodo: op.metodo,
      patron: op.ruta,
      url: u,
      tipo,
      contenido,
    });
    const base = esEscritura ? cuerpoBase(op, fx) : undefined;

    // 1. The valid request itself (the baseline must not fail either).
    yield caso('solicitud válida', base);

    // 2. Path parameters: each one hostile, the rest valid.
    for (const p of op.parametros.filter((x) => x.in === 'path'))
      for (const hostil of elegir(PARAMETROS_RUTA_HOSTILES, MUESTRA.ruta, semilla + p.name.length, completo))
        yield caso(
          `ruta :${p.name} = ${recorte(hostil)}`,
          base,
          construirUrl(op, { ...params, [p.name]: hostil }, consulta),
        );

    // 3. Query parameters: each one hostile, missing, repeated; plus an unknown one.
    for (const p of op.parametros.filter((x) => x.in === 'query')) {
      const resto = QUERY_HOSTILES.filter((x) => !QUERY_NUCLEO.includes(x));
      const elegidos = completo
        ? QUERY_HOSTILES
        : [...QUERY_NUCLEO, ...elegir(resto, MUESTRA.consulta, semilla + p.name.length, false)];
      for (const hostil of elegidos)
        yield caso(
          `consulta ${p.name}=${recorte(hostil)}`,
          base,
          construirUrl(op, params, { ...consulta, [p.name]: hostil }),
        );
      const sin = { ...consulta };
      delete sin[p.name];
      yield caso(`consulta sin ${p.name}`, base, construirUrl(op, params, sin));
      yield caso(
        `consulta ${p.name} repetido`,
        base,
        `${construirUrl(op, params, consulta)}&${p.name}=${consulta[p.name] ?? '1'}&${p.name}=2`,
      );
    }
    yield caso('consulta con parámetro desconocido', base, `${url}${url.includes('?') ? '&' : '?'}zz%00=%00`);

    if (!esEscritura) {
      const consultas = op.parametros.filter((x) => x.in === 'query');
      if (consultas.length) {
        const muestra = fc.sample(
          fc.record({
            p: fc.constantFrom(...consultas.map((x) => x.name)),
            v: fc.oneof(
              fc.string({ unit: 'binary', maxLength: 40 }),
              fc.double().map(String),
              fc.integer().map(String),
            ),
          }),
          { seed: semilla, numRuns: corridas },
        );
        for (const { p, v } of muestra)
          yield caso(
            `consulta ${p} aleatoria`,
            undefined,
            construirUrl(op, params, {
              ...consulta,
              [p]: encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd')),
            }),
          );
      }
      return;
    }

    // 4. JSON bodies built from the schema: one field broken at a time with the fixed catalogue.
    if (json?.esquema && base) {
      const valido = JSON.parse(base.datos as string) as unknown;
      const todos = caminos(valido);
      // Array elements beyond the first add nothing new for the catalogue.
      const lugares = todos.filter((c) => !c.some((k) => typeof k === 'number' && k > 0));
      // Every field is broken in the CI run too: a share of the sample each, its own kind of values first.
      const porCampo = Math.max(2, Math.ceil(MUESTRA.cuerpo / Math.max(1, lugares.length)));
      for (const [i, camino] of lugares.entries()) {
        const lista = [
          ...hostilesPara(esquemaEn(json.esquema, camino), completo).map((hostil) => ({ hostil })),
          { hostil: undefined },
        ];
        const esquema = esquemaEn(json.esquema, camino);
        const nucleo = completo ? [] : nucleoPara(esquema).map((hostil) => ({ hostil }));
        const resto = lista.filter((x) => !nucleo.some((n) => n.hostil === x.hostil));
        for (const { hostil } of [...nucleo, ...elegir(resto, porCampo, semilla + i, completo)])
          yield hostil
            ? caso(`${tipoCampo(camino)} = ${hostil.nombre}`, jsonDe(conCambio(valido, camino, hostil.valor)))
            : caso(`sin ${tipoCampo(camino)}`, jsonDe(conCambio(valido, camino, QUITAR)));
      }
      for (const hostil of elegir(TODOS_HOSTILES, 3, semilla, completo))
        yield caso(`cuerpo entero = ${hostil.nombre}`, jsonDe(hostil.valor));
      yield caso('campo extra', jsonDe({ ...(valido as object), campoQueNoExiste: '\u0000', ['\u0000']: 1 }));
      if (completo)
        yield caso('campo extra con clave larga', jsonDe({ ...(valido as object), ['k'.repeat(10_000)]: 1 }));

      // 5. fast-check: up to three fields broken at once, with random values biased to the catalogue.
      if (lugares.length) {
        const mutaciones = fc.sample(
          fc.array(fc.tuple(fc.constantFrom(...lugares), valorAleatorio, fc.boolean()), {
            minLength: 1,
            maxLength: 3,
          }),
          { seed: semilla, numRuns: corridas },
        );
        for (const m of mutaciones) {
          let v: unknown = valido;
          for (const [camino, nuevo, quitar] of m) {
            try {
              v = conCambio(v, camino, quitar ? QUITAR : nuevo);
            } catch {
              // an earlier mutation removed the parent
            }
          }
          yield caso(
            `aleatorio: ${m.map(([c, , q]) => `${q ? 'sin ' : ''}${describir(c)}`).join(', ')}`,
            jsonDe(v),
          );
        }
      }
    }

    // 6. Raw bodies of every content type.
    // The 10k-deep JSON texts go to every route; the other raw bodies are sampled in the CI run.
    const profundos = CUERPOS_CRUDOS.filter((c) => c.nombre.startsWith('JSON anidado'));
    const otros = CUERPOS_CRUDOS.filter((c) => !profundos.includes(c));
    for (const crudo of [...profundos, ...elegir(otros, MUESTRA.crudos, semilla, completo)])
      yield caso(`cuerpo crudo: ${crudo.nombre}`, { tipo: crudo.tipo, datos: crudo.cuerpo });

    // 7. Files: every sniffed header × every content type, then random garbage.
    if (opciones.archivos) {
      const combinaciones = CABECERAS_BINARIAS.flatMap((cab) => TIPOS_ARCHIVO.map((tipo) => ({ cab, tipo })));
      for (const { cab, tipo } of elegir(combinaciones, MUESTRA.archivos, semilla, completo))
        yield caso(`archivo ${cab.nombre} como ${tipo}`, {
          tipo,
          datos: Buffer.concat([Buffer.from(cab.bytes), Buffer.from('basura\u0000\u00ff')]),
        });
      for (const a of fc.sample(archivoBasura, { seed: semilla, numRuns: corridas }))
        yield caso(`archivo aleatorio ${a.cabecera.nombre} como ${a.tipo}`, {
          tipo: a.tipo,
          datos: Buffer.concat([Buffer.from(a.cabecera.bytes), Buffer.from(a.resto)]),
        });
      if (base) {
        const archivo = base.datos as Buffer;
        for (const n of [1, 8, Math.floor(archivo.length / 2), archivo.length - 1])
          yield caso(`archivo válido truncado a ${n} bytes`, {
            tipo: base.tipo,
            datos: archivo.subarray(0, n),
          });
        for (const [i, b] of fc.sample(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          seed: semilla,
          numRuns: corridas,
        })) {
          const copia = Buffer.from(archivo);
          copia[i % copia.length] = b;
          yield caso('archivo válido con un byte cambiado', { tipo: base.tipo, datos: copia });
        }
      }
    }

    // 8. Route-specific deep inputs.
    if (op.ruta.endsWith('/import.xlsx')) yield* libros(fx, semilla, corridas, completo, caso);
  }

  return { op, url, casos };
}

const recorte = (s: string) => (s.length > 40 ? `${s.slice(0, 20)}…(${s.length})` : s);
const jsonDe = (v: unknown): Caso['contenido'] => ({
  tipo: 'application/json',
  datos: JSON.stringify(v) ?? '',
});

/** The exported plan with one cell changed to a hostile value (new activity codes, so rows are not duplicates). */
async function* libros(
  fx: Escenario,
  semilla: number,
  corridas: number,
  completo: boolean,
  caso: (tipo: string, contenido?: Caso['contenido']) => Caso,
): AsyncGenerator<Caso> {
  const celdas: unknown[] = [
    ...TODOS_HOSTILES.map((h) => h.valor).filter((v) => v === null || typeof v !== 'object'),
    { formula: '1/0', result: { error: '#DIV/0!' } },
    { error: '#N/A' },
    { richText: [{ text: 'texto\u0000enriquecido' }] },
    { text: 'enlace', hyperlink: 'javascript:alert(1)' },
    new Date(Date.UTC(1900, 0, 1)),
    new Date(Date.UTC(9999, 11, 31)),
  ];
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(fx.libroExportado as unknown as ArrayBuffer);
  const hoja = libro.getWorksheet('Plan de acción') ?? libro.worksheets[0]!;
  const ancho = hoja.getRow(1).cellCount;
  const filas = hoja.rowCount;
  let colCodigo = 0;
  hoja.getRow(1).eachCell((c, n) => {
    if (!colCodigo && /c[oó]digo/i.test(String(c.value))) colCodigo = n;
  });
  const muestra = fc.sample(
    fc.tuple(
      fc.integer({ min: 2, max: Math.max(2, filas) }),
      fc.integer({ min: 1, max: ancho }),
      fc.constantFrom(...celdas),
    ),
    { seed: semilla, numRuns: completo ? corridas * 2 : corridas + 4 },
  );
  for (const [fila, col, valor] of muestra) {
    const copia = new ExcelJS.Workbook();
    await copia.xlsx.load(fx.libroExportado as unknown as ArrayBuffer);
    const h = copia.getWorksheet(hoja.name)!;
    if (colCodigo > 0)
      for (let n = 2; n <= filas; n++) h.getRow(n).getCell(colCodigo).value = `XL-${siguiente()}`;
    const encabezado = String(h.getRow(1).getCell(col).value ?? col);
    let datos: Buffer;
    try {
      h.getRow(fila).getCell(col).value = valor as ExcelJS.CellValue;
      datos = Buffer.from(await copia.xlsx.writeBuffer());
    } catch {
      continue;
    }
    const nombre =
      TODOS_HOSTILES.find((x) => x.valor === valor)?.nombre ?? JSON.stringify(valor).slice(0, 40);
    yield caso(`xlsx: columna «${encabezado}» = ${nombre}`, { tipo: XLSX, datos });
  }
  // An empty workbook.
  const vacio = new ExcelJS.Workbook();
  vacio.addWorksheet('Plan de acción');
  yield caso('xlsx: libro vacío', { tipo: XLSX, datos: Buffer.from(await vacio.xlsx.writeBuffer()) });
}
