// FURAG rehearsal (simulacro): the vigencia's question bank (a questionnaire of instrumento 'furag') answered by
// planeación's people per assigned section, and the control-interno form by the jefe de control interno.
// Progress is completeness and evidence coverage, never a predicted score: FURAG's formula is not public and
// some answers come from SIIF, SUIT and SIGEP.
import {
  type ContextoEntidad,
  type Cuestionario,
  estaRespondida,
  type Item,
  itemsVisibles,
  NOMBRE_TIPO_ITEM,
  type Respuesta,
  recorrer,
} from './cuestionario.ts';

/** Who answers an item: control interno (its form), the person assigned to its section, or nobody yet. */
export type Responde =
  | { tipo: 'control_interno' }
  | { tipo: 'persona'; usuarioId: string; seccion: string }
  | { tipo: 'sin_asignar' };

/**
 * Each item's answerer. An item under the control-interno section belongs to control interno, whatever is
 * assigned; otherwise the assignment of its deepest assigned section (a module assigned to one person, a
 * sub-section of it to another) wins.
 */
export function quienResponde(
  c: Pick<Cuestionario, 'secciones'>,
  seccionControlInterno: string | null,
  asignaciones: ReadonlyMap<string, string>,
): Map<string, Responde> {
  const fuera = new Map<string, Responde>();
  for (const { item, ruta } of recorrer(c)) {
    if (seccionControlInterno && ruta.some((s) => s.codigo === seccionControlInterno)) {
      fuera.set(item.codigo, { tipo: 'control_interno' });
      continue;
    }
    const asignada = [...ruta].reverse().find((s) => asignaciones.has(s.codigo));
    fuera.set(
      item.codigo,
      asignada
        ? { tipo: 'persona', usuarioId: asignaciones.get(asignada.codigo)!, seccion: asignada.codigo }
        : { tipo: 'sin_asignar' },
    );
  }
  return fuera;
}

/** Whether the person may answer the item: control interno only its form; anyone else only what is theirs. */
export function puedeResponder(
  responde: Responde | undefined,
  persona: { usuarioId: string; esControlInterno: boolean },
): boolean {
  if (!responde) return false;
  if (responde.tipo === 'control_interno') return persona.esControlInterno;
  return responde.tipo === 'persona' && responde.usuarioId === persona.usuarioId;
}

export interface Avance {
  /** Items shown to the entity (applicability and skips). */
  aplicables: number;
  respondidos: number;
  /** Answered items with at least one evidence link. */
  conEvidencia: number;
  /** respondidos ÷ aplicables, in %; null with nothing applicable. */
  completitud: number | null;
  /** conEvidencia ÷ respondidos, in %; null with nothing answered. */
  coberturaEvidencia: number | null;
}

const redondear = (x: number) => Math.round(x * 10) / 10;

function avanceDe(cuentas: { aplicables: number; respondidos: number; conEvidencia: number }): Avance {
  return {
    ...cuentas,
    completitud: cuentas.aplicables ? redondear((cuentas.respondidos / cuentas.aplicables) * 100) : null,
    coberturaEvidencia: cuentas.respondidos
      ? redondear((cuentas.conEvidencia / cuentas.respondidos) * 100)
      : null,
  };
}

/** The key of an answerer in the progress by person: a user id, 'control_interno' or 'sin_asignar'. */
export const claveResponde = (r: Responde) => (r.tipo === 'persona' ? r.usuarioId : r.tipo);

/**
 * Progress of the rehearsal: total, per module (top-level section) and per answerer. Blank items count as
 * applicable and not answered; hidden ones do not count; an answer only counts evidence when it is answered.
 */
export function avanceSimulacro(
  c: Pick<Cuestionario, 'secciones'>,
  respuestas: ReadonlyMap<string, Respuesta>,
  conEvidencia: ReadonlySet<string>,
  responden: ReadonlyMap<string, Responde>,
  entidad: ContextoEntidad = {},
) {
  const visibles = itemsVisibles(c, respuestas, entidad);
  const vacio = () => ({ aplicables: 0, respondidos: 0, conEvidencia: 0 });
  const total = vacio();
  const modulos = new Map(c.secciones.map((s) => [s.codigo, { nombre: s.nombre, ...vacio() }]));
  const personas = new Map<string, ReturnType<typeof vacio>>();
  for (const { item, ruta } of recorrer(c)) {
    if (!visibles.has(item.codigo)) continue;
    const clave = claveResponde(responden.get(item.codigo) ?? { tipo: 'sin_asignar' });
    if (!personas.has(clave)) personas.set(clave, vacio());
    const respondido = estaRespondida(item, respuestas.get(item.codigo));
    for (const x of [total, modulos.get(ruta[0]!.codigo)!, personas.get(clave)!]) {
      x.aplicables++;
      if (respondido) x.respondidos++;
      if (respondido && conEvidencia.has(item.codigo)) x.conEvidencia++;
    }
  }
  return {
    total: avanceDe(total),
    modulos: [...modulos].map(([codigo, { nombre, ...x }]) => ({ codigo, nombre, ...avanceDe(x) })),
    personas: [...personas].map(([clave, x]) => ({ clave, ...avanceDe(x) })),
  };
}

/** An answer in words for the export: the options' labels, numbers in es-CO, «No aplica». */
export function textoRespuesta(item: Item, r: Respuesta | undefined): string {
  if (!r || !estaRespondida(item, r)) return '';
  if (r.noAplica) return 'No aplica';
  const numero = (x: number) => x.toLocaleString('es-CO', { maximumFractionDigits: 2 });
  const opcion = (codigo: string) => item.opciones?.find((o) => o.codigo === codigo)?.texto ?? codigo;
  switch (item.tipo) {
    case 'seleccion_unica':
      return opcion(r.opcion!);
    case 'seleccion_multiple':
      return (r.opciones ?? []).map(opcion).join('; ');
    case 'seleccion_multiple_numero':
      return Object.entries(r.cantidades ?? {})
        .map(([o, n]) => `${opcion(o)}: ${numero(n)}`)
        .join('; ');
    case 'numero':
      return numero(r.numero!);
    case 'texto':
      return r.texto!.trim();
    case 'matriz':
      return (item.filas ?? []).map((f) => `${f.texto}: ${opcion(r.celdas?.[f.codigo] ?? '')}`).join('; ');
    case 'puntaje':
      return numero(r.puntaje!);
  }
}

export const nombreTipo = (item: Item) => NOMBRE_TIPO_ITEM[item.tipo];

/** Evidence links per answer: a few, each an http(s) address a reviewer can open. */
export const LIMITES_SIMULACRO = { evidencias: 10, url: 2000, nombre: 200 };

export function problemaEnlace(url: string): string | null {
  if (url.length > LIMITES_SIMULACRO.url) return `el enlace tiene más de ${LIMITES_SIMULACRO.url} caracteres`;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
      return 'el enlace debe empezar por https:// o http://';
  } catch {
    return 'el enlace no es una dirección web válida';
  }
  return null;
}
