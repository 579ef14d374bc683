import { numeroCo } from '@core/numeros.ts';
import { useMemo, useRef } from 'react';
import { useGrafica } from './use-grafica.ts';

/** One set of figures compared (e.g. a vigencia), a value per category, 0–100 or null (no figure). */
export interface SerieComparada {
  nombre: string;
  valores: (number | null)[];
  /** What the tooltip says of each value (e.g. its completeness beside the score). */
  detalles?: string[];
}

// Told apart without colour too: each series has its own colour (3:1 or more on white), and on the radar
// its own mark and line; on the bars its name goes beside the figure.
const COLORES = ['#0b3d91', '#b35900', '#2b7a3d', '#6f42c1', '#5c6370'];
const SIMBOLOS = ['circle', 'rect', 'triangle', 'diamond', 'pin'];
const LINEAS = ['solid', 'dashed', 'dotted', 'dashed', 'dotted'];

const cifra = (v: number) => numeroCo(v, 1);
// The tooltip is HTML and the names come from imported questionnaires: never markup of theirs.
const escapar = (t: string) =>
  t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const cargarComparacion = async () => (await import('./echarts-comparacion.ts')).echarts;

/**
 * Series compared category by category on a 0–100 scale: grouped horizontal bars or a radar (three or more
 * categories; a radar draws a missing value as zero, so a series with one is left to the caller). Decorative
 * for screen readers: the same figures are always in a table next to it, so it carries a summary label only.
 */
export function GraficaComparacion({
  tipo,
  categorias,
  series,
  etiqueta,
}: {
  tipo: 'barras' | 'radar';
  categorias: string[];
  series: SerieComparada[];
  etiqueta: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // The window's width when drawn (a chart's option cannot ask its container's).
  const angosto = window.innerWidth < 600;
  const opcion = useMemo(() => {
    // The last series (the newest year) takes the first style: the strongest colour and a solid line.
    const n = (i: number) => (series.length - 1 - i) % COLORES.length;
    const estilo = (i: number) => COLORES[n(i)]!;
    const tooltip = {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        // The radar is one series with an item per compared set; the bars, a series per set.
        const s = series[tipo === 'radar' ? p.dataIndex : p.seriesIndex]!;
        const linea = (i: number) =>
          `${escapar(categorias[i]!)}: ${escapar(s.detalles?.[i] ?? textoValor(s.valores[i]!))}`;
        const lineas = tipo === 'radar' ? categorias.map((_c, i) => linea(i)) : [linea(p.dataIndex)];
        return [`<strong>${escapar(s.nombre)}</strong>`, ...lineas].join('<br>');
      },
    };
    const leyenda = { data: series.map((s) => s.nombre), top: 0 };
    if (tipo === 'radar')
      return {
        tooltip,
        legend: leyenda,
        radar: {
          indicator: categorias.map((c) => ({ name: c, min: 0, max: 100 })),
          // On a phone the names beside the radar need room: a smaller radar, shorter lines.
          radius: angosto ? '44%' : '60%',
          center: ['50%', '55%'],
          splitNumber: 4,
          axisName: {
            color: '#343a40',
            lineHeight: 15,
            formatter: (nombre: string) => partir(nombre, angosto ? 12 : 18),
          },
        },
        series: [
          {
            type: 'radar',
            data: series.map((s, i) => ({
              name: s.nombre,
              value: s.valores,
              symbol: SIMBOLOS[n(i)],
              symbolSize: 8,
              itemStyle: { color: estilo(i) },
              lineStyle: { color: estilo(i), width: 2, type: LINEAS[n(i)] },
            })),
          },
        ],
      };
    return {
      tooltip,
      legend: leyenda,
      grid: { left: 8, right: 72, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categorias,
        axisLabel: { interval: 0, lineHeight: 15, formatter: (nombre: string) => partir(nombre, 16) },
      },
      series: series.map((s, i) => ({
        name: s.nombre,
        type: 'bar',
        data: s.valores,
        barMaxWidth: 18,
        itemStyle: { color: estilo(i) },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number | null }) =>
            p.value == null ? '' : `${s.nombre}: ${cifra(p.value)}`,
        },
      })),
    };
  }, [tipo, categorias, series, angosto]);
  useGrafica(ref, opcion, cargarComparacion);
  const alto =
    tipo === 'radar'
      ? angosto
        ? 290
        : 360
      : Math.max(160, 48 + categorias.length * (series.length * 22 + 18));
  return <div ref={ref} role="img" aria-label={etiqueta} style={{ width: '100%', height: alto }} />;
}

/** Words into lines of about `ancho` characters (a longer word keeps its own line). */
function partir(texto: string, ancho: number) {
  const lineas: string[] = [];
  for (const palabra of texto.split(/\s+/)) {
    const ultima = lineas.at(-1);
    if (ultima !== undefined && ultima.length + 1 + palabra.length <= ancho)
      lineas[lineas.length - 1] = `${ultima} ${palabra}`;
    else lineas.push(palabra);
  }
  return lineas.join('\n');
}

const textoValor = (v: number | null) => (v === null ? 'sin puntaje' : cifra(v));
