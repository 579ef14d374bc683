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

export function compararVersiones(antes: ActividadVersion[], despues: ActividadVersion[]): Diferencias {
  const previas = new Map(antes.map((a) => [a.id, a]));
  const nuevas = new Map(despues.map((a) => [a.id, a]));
  const cambiadas: Diferencias['cambiadas'] = [];
  for (const d of despues) {
    const a = previas.get(d.id);
    if (!a) continue;
    const cambios = (Object.keys(CAMPOS_COMPARADOS) as Campo[])
      .filter((c) => !igual(a[c], d[c]))
      .map((c) => ({ campo: c, etiqueta: CAMPOS_COMPARADOS[c], antes: a[c] ?? null, despues: d[c] ?? null }));
    if (cambios.length) cambiadas.push({ id: d.id, codigo: d.codigo, nombre: d.nombre, cambios });
  }
  return {
    agregadas: despues.filter((d) => !previas.has(d.id)),
    quitadas: antes.filter((a) => !nuevas.has(a.id)),
    cambiadas,
  };
}
