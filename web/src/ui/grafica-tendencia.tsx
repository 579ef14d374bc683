import { useEffect, useRef } from 'react';
import { cargarEcharts } from './grafica-barras.tsx';

const numero = (v: number) => v.toLocaleString('es-CO', { maximumFractionDigits: 2 });

/** Trend of an indicator per period against its goal. Decorative for screen readers: a table has the data. */
export function GraficaTendencia({
  periodos,
  valores,
  meta,
  unidad,
  etiqueta,
}: {
  periodos: string[];
  valores: (number | null)[];
  meta: number;
  unidad: string;
  etiqueta: string;
}) {
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
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        legend: { data: ['Medición', 'Meta'], top: 0 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number) => (v == null ? 'sin medición' : `${numero(v)} ${unidad}`),
        },
        xAxis: { type: 'category', data: periodos },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${numero(v)}` } },
        series: [
          {
            name: 'Medición',
            type: 'line',
            data: valores,
            connectNulls: false,
            symbolSize: 8,
            color: '#0b3d91',
            label: { show: true, formatter: (p: { value: number }) => numero(p.value) },
          },
          {
            name: 'Meta',
            type: 'line',
            data: periodos.map(() => meta),
            color: '#1e6b2e',
            lineStyle: { type: 'dashed' },
            symbol: 'none',
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
  }, [periodos, valores, meta, unidad]);
  return <div ref={ref} role="img" aria-label={etiqueta} style={{ width: '100%', height: 260 }} />;
}
