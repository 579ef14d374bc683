// Comparison of two versions of an action plan, activity by activity (activities keep their id across
// versions), naming each changed field in Spanish.
export const CAMPOS_COMPARADOS = {
  codigo: 'Código',
  nombre: 'Actividad',
  producto: 'Producto',
  politica: 'Política',
  indiceFurag: 'Índice FURAG',
  plan612: 'Plan del Decreto 612',
  planPropio: 'Plan propio',
  objetivo: 'Objetivo estratégico',
  metaAnual: 'Meta anual',
  acumulacion: 'Tipo de meta',
  unidad: 'Unidad',
  metasPeriodo: 'Metas por periodo',
  ponderacion: 'Ponderación',
  dependenciaId: 'Dependencia',
  responsableId: 'Responsable',
  corresponsables: 'Corresponsables',
  fechaInicio: 'Fecha de inicio',
  fechaFin: 'Fecha de fin',
  presupuesto: 'Presupuesto',
  rubro: 'Rubro',
  bpin: 'BPIN',
  riesgo: 'Riesgo asociado',
  indicadorId: 'Indicador',
} as const;
type Campo = keyof typeof CAMPOS_COMPARADOS;

export type ActividadVersion = { id: string; codigo: string; nombre: string } & Partial<
  Record<Campo, unknown>
>;

export interface Diferencias {
  agregadas: ActividadVersion[];
  quitadas: ActividadVersion[];
  cambiadas: {
    id: string;
    codigo: string;
    nombre: string;
    cambios: { campo: Campo; etiqueta: string; antes: unknown; despues: unknown }[];
  }[];
}

const igual = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The value a field had in versions saved before it existed: an activity approved before goal types were
 * introduced summed its periods, so `suma` against a missing value is no change.
 */
const POR_OMISION: Partial<Record<Campo, unknown>> = { acumulacion: 'suma' };
const valor = (a: ActividadVersion, c: Campo) => a[c] ?? POR_OMISION[c] ?? null;

export function compararVersiones(antes: ActividadVersion[], despues: ActividadVersion[]): Diferencias {
  const previas = new Map(antes.map((a) => [a.id, a]));
  const nuevas = new Map(despues.map((a) => [a.id, a]));
  const cambiadas: Diferencias['cambiadas'] = [];
  for (const d of despues) {
    const a = previas.get(d.id);
    if (!a) continue;
    const cambios = (Object.keys(CAMPOS_COMPARADOS) as Campo[])
      .filter((c) => !igual(valor(a, c), valor(d, c)))
      .map((c) => ({ campo: c, etiqueta: CAMPOS_COMPARADOS[c], antes: valor(a, c), despues: valor(d, c) }));
    if (cambios.length) cambiadas.push({ id: d.id, codigo: d.codigo, nombre: d.nombre, cambios });
  }
  return {
    agregadas: despues.filter((d) => !previas.has(d.id)),
    quitadas: antes.filter((a) => !nuevas.has(a.id)),
    cambiadas,
  };
}
