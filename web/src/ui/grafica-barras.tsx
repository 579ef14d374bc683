import { useMemo, useRef } from 'react';
import { useGrafica } from './use-grafica.ts';

export interface Barra {
  nombre: string;
  valor: number | null;
  color: string;
}

const porciento = (v: number) => `${v.toLocaleString('es-CO', { maximumFractionDigits: 1 })} %`;

/**
 * Horizontal bars 0–100 %. The chart is decorative for screen readers: the same figures are always in a
 * table next to it, so it carries a summary label only.
 */
export function GraficaBarras({ barras, etiqueta }: { barras: Barra[]; etiqueta: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const opcion = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: barras.map((b) => b.nombre),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      tooltip: { trigger: 'item', valueFormatter: porciento },
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
              return v === null ? 'sin dato' : porciento(v);
            },
          },
        },
      ],
    }),
    [barras],
  );
  useGrafica(ref, opcion);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={etiqueta}
      style={{ width: '100%', height: Math.max(160, barras.length * 36 + 40) }}
    />
  );
}
