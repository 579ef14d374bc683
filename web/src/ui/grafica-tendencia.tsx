import { numeroCo } from '@core/numeros.ts';
import { useMemo, useRef } from 'react';
import { useGrafica } from './use-grafica.ts';

const numero = (v: number) => numeroCo(v, 2);

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
  const opcion = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { data: ['Medición', 'Meta'], top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => (v == null ? 'sin medición' : `${numero(v)} ${unidad}`),
      },
      // On a phone the period names break into lines and labels that would still touch are left out.
      xAxis: {
        type: 'category',
        data: periodos,
        axisLabel: { interval: 0, hideOverlap: true, width: 72, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        splitNumber: 4,
        axisLabel: { formatter: (v: number) => numero(v), hideOverlap: true },
      },
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
    }),
    [periodos, valores, meta, unidad],
  );
  useGrafica(ref, opcion);
  return <div ref={ref} role="img" aria-label={etiqueta} style={{ width: '100%', height: 260 }} />;
}
