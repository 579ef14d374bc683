import { numeroCo } from '@core/numeros.ts';
import { porcentaje } from './formato.ts';
import './grafica-barras.css';

export interface Barra {
  nombre: string;
  valor: number | null;
  color: string;
  /** Reference lines on the bar's track (e.g. the grupo par's mean and maximum). */
  marcas?: { promedio: number; maximo: number };
}

const posicion = (v: number) => `${Math.min(100, Math.max(0, v))}%`;

/**
 * Horizontal bars 0–100 % drawn with HTML and CSS, not a chart library: the dashboard and the public page
 * load no chart code, the height is known before any data (no layout shift), and on a phone the name goes
 * above its bar instead of the axis labels running into each other. Decorative for screen readers: the same
 * figures are always in a table next to it, so it carries a summary label only.
 */
export function GraficaBarras({
  barras,
  etiqueta,
  escala = 'porcentaje',
  sinValor,
}: {
  barras: Barra[];
  etiqueta: string;
  /** «porcentaje» (0–100 %) or «puntos» (a 0–100 score, such as FURAG's, written without «%»). */
  escala?: 'porcentaje' | 'puntos';
  /** What a bar without a figure says (by default «no aplica» for scores, «sin dato» for percentages). */
  sinValor?: string;
}) {
  const cifra = (v: number) => (escala === 'puntos' ? numeroCo(v, 1) : porcentaje(v));
  const conMarcas = barras.some((b) => b.marcas);
  return (
    <div role="img" aria-label={etiqueta} className="grafica-barras">
      {barras.map((b) => (
        <div className="grafica-barras-fila" key={b.nombre}>
          <span className="grafica-barras-nombre">{b.nombre}</span>
          <span className="grafica-barras-pista">
            {b.valor !== null && (
              <span
                className="grafica-barras-barra"
                style={{ width: posicion(b.valor), background: b.color }}
              />
            )}
            {b.marcas && (
              <>
                <span
                  className="grafica-barras-marca promedio"
                  style={{ left: posicion(b.marcas.promedio) }}
                />
                <span className="grafica-barras-marca maximo" style={{ left: posicion(b.marcas.maximo) }} />
              </>
            )}
          </span>
          <span className="grafica-barras-valor">
            {b.valor === null
              ? (sinValor ?? (escala === 'puntos' ? 'no aplica' : 'sin dato'))
              : cifra(b.valor)}
          </span>
        </div>
      ))}
      <div className="grafica-barras-fila grafica-barras-escala">
        <span />
        <span className="grafica-barras-marcas">
          <span>{escala === 'puntos' ? '0' : '0 %'}</span>
          <span>{escala === 'puntos' ? '50' : '50 %'}</span>
          <span>{escala === 'puntos' ? '100' : '100 %'}</span>
        </span>
        <span />
      </div>
      {conMarcas && (
        <p className="grafica-barras-leyenda">
          <span className="grafica-barras-muestra promedio" /> promedio del grupo par ·{' '}
          <span className="grafica-barras-muestra maximo" /> máximo del grupo par
        </p>
      )}
    </div>
  );
}
