import { type RefObject, useEffect } from 'react';

// ECharts is loaded only when a chart is shown, and only the parts our charts need (tree-shaken).
const cargarEcharts = async () => (await import('./echarts-graficas.ts')).echarts;

/**
 * Draws an ECharts option into `ref` (SVG, no animation), follows the window's size, and frees the chart
 * when the component leaves or the option changes.
 */
export function useGrafica(ref: RefObject<HTMLDivElement | null>, opcion: object) {
  useEffect(() => {
    let grafica: { dispose(): void; resize(): void; setOption(o: object): void } | undefined;
    let vivo = true;
    const alCambiarTamano = () => grafica?.resize();
    void cargarEcharts().then((echarts) => {
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
  }, [ref, opcion]);
}
