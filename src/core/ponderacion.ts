// Weights of a plan's activities must add up to 100 % within each policy (common practice in action plans).
export interface PesoActividad {
  politica: string;
  ponderacion: number;
}

export interface RevisionPesos {
  politica: string;
  suma: number;
  actividades: number;
  ok: boolean;
  /** Spanish, for the screen: what is wrong and by how much. */
  mensaje: string | null;
}

const TOLERANCIA = 0.005; // weights are typed with up to two decimals
const fmt = (n: number) => n.toLocaleString('es-CO', { maximumFractionDigits: 2 });

export function revisarPesos(
  actividades: PesoActividad[],
  nombrePolitica: (clave: string) => string = (c) => c,
): RevisionPesos[] {
  const porPolitica = new Map<string, { suma: number; n: number }>();
  for (const a of actividades) {
    const x = porPolitica.get(a.politica) ?? { suma: 0, n: 0 };
    porPolitica.set(a.politica, { suma: x.suma + a.ponderacion, n: x.n + 1 });
  }
  return [...porPolitica].map(([politica, { suma, n }]) => {
    const diferencia = suma - 100;
    const ok = Math.abs(diferencia) <= TOLERANCIA;
    const nombre = nombrePolitica(politica);
    const mensaje = ok
      ? null
      : diferencia < 0
        ? `Las ponderaciones de «${nombre}» suman ${fmt(suma)} %: faltan ${fmt(-diferencia)} puntos para llegar a 100 %.`
        : `Las ponderaciones de «${nombre}» suman ${fmt(suma)} %: sobran ${fmt(diferencia)} puntos sobre 100 %.`;
    return { politica, suma, actividades: n, ok, mensaje };
  });
}
