import { porcentaje } from './formato.ts';
import './grafica-barras.css';

export interface Barra {
  nombre: string;
  valor: number | null;
  color: string;
}

/**
 * Horizontal bars 0–100 % drawn with HTML and CSS, not a chart library: the dashboard and the public page
 * load no chart code, the height is known before any data (no layout shift), and on a phone the name goes
 * above its bar instead of the axis labels running into each other. Decorative for screen readers: the same
 * figures are always in a table next to it, so it carries a summary label only.
 */
export function GraficaBarras({ barras, etiqueta }: { barras: Barra[]; etiqueta: string }) {
  return (
    <div role="img" aria-label={etiqueta} className="grafica-barras">
      {barras.map((b) => (
        <div className="grafica-barras-fila" key={b.nombre}>
          <span className="grafica-barras-nombre">{b.nombre}</span>
          <span className="grafica-barras-pista">
            {b.valor !== null && (
              <span
                className="grafica-barras-barra"
                style={{ width: `${Math.min(100, Math.max(0, b.valor))}%`, background: b.color }}
              />
            )}
          </span>
          <span className="grafica-barras-valor">{b.valor === null ? 'sin dato' : porcentaje(b.valor)}</span>
        </div>
      ))}
      <div className="grafica-barras-fila grafica-barras-escala">
        <span />
        <span className="grafica-barras-marcas">
          <span>0 %</span>
          <span>50 %</span>
          <span>100 %</span>
        </span>
        <span />
      </div>
    </div>
  );
}
