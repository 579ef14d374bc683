import { type RefObject, useEffect } from 'react';

interface Echarts {
  init(
    el: HTMLElement,
    tema: undefined,
    o: { renderer: 'svg' },
  ): { dispose(): void; resize(): void; setOption(o: object): void };
}

// ECharts is loaded only when a chart is shown, and only the parts each chart needs (tree-shaken): the
// trend's line by default; `cargar` names another set (echarts-comparacion.ts: bars and radar).
const cargarTendencia = async (): Promise<Echarts> => (await import('./echarts-graficas.ts')).echarts;

/**
 * Draws an ECharts option into `ref` (SVG, no animation), follows the window's size, and frees the chart
 * when the component leaves or the option changes.
 */
export function useGrafica(
  ref: RefObject<HTMLDivElement | null>,
  opcion: object,
  cargar: () => Promise<Echarts> = cargarTendencia,
) {
  useEffect(() => {
    let grafica: ReturnType<Echarts['init']> | undefined;
    let vivo = true;
    const alCambiarTamano = () => grafica?.resize();
    void cargar().then((echarts) => {
      if (!vivo || !ref.current) return;
      grafica = echarts.init(ref.current, undefined, { renderer: 'svg' });
      grafica.setOption({ animation: false, ...opcion });
      window.addEventListener('resize', alCambiarTamano);
    });
    return () => {
      vivo = false;
      window.removeEventListener('resize', alCambiarTamano);
      grafica?.dispose();
    };
  }, [ref, opcion, cargar]);
}
