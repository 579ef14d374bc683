import { useEffect, useRef } from 'react';

export interface Barra {
  nombre: string;
  valor: number | null;
  color: string;
}

// ECharts is loaded only when a chart is shown, and only the parts a bar chart needs (tree-shaken).
export const cargarEcharts = async () => (await import('./echarts-graficas.ts')).echarts;

/**
 * Horizontal bars 0–100 %. The chart is decorative for screen readers: the same figures are always in a
 * table next to it, so it carries a summary label only.
 */
export function GraficaBarras({ barras, etiqueta }: { barras: Barra[]; etiqueta: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let grafica: { dispose(): void; resize(): void } | undefined;
    let vivo = true;
    const alCambiarTamano = () => grafica?.resize();
    void cargarEcharts().then((echarts) => {
      if (!vivo || !ref.current) return;
      const g = echarts.init(ref.current, undefined, { renderer: 'svg' });
      g.setOption({
        animation: false,
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: barras.map((b) => b.nombre),
          axisLabel: { width: 160, overflow: 'truncate' },
        },
        tooltip: {
          trigger: 'item',
          valueFormatter: (v: number) => `${v.toLocaleString('es-CO', { maximumFractionDigits: 1 })} %`,
        },
        series: [
          {
            type: 'bar',
            data: barras.map((b) => ({
              value: b.valor === null ? 0 : Math.round(b.valor * 10) / 10,
              itemStyle: { color: b.color },
            })),
            label: {
              show: true,
              position: 'right',
              formatter: (p: { dataIndex: number }) => {
                const v = barras[p.dataIndex]!.valor;
                return v === null
                  ? 'sin dato'
                  : `${v.toLocaleString('es-CO', { maximumFractionDigits: 1 })} %`;
              },
            },
          },
        ],
      });
      grafica = g;
      window.addEventListener('resize', alCambiarTamano);
    });
    return () => {
      vivo = false;
      window.removeEventListener('resize', alCambiarTamano);
      grafica?.dispose();
    };
  }, [barras]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={etiqueta}
      style={{ width: '100%', height: Math.max(160, barras.length * 36 + 40) }}
    />
  );
}
