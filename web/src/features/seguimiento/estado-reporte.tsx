import { type EstadoSeguimiento, NOMBRE_ESTADO_SEGUIMIENTO } from '@core/seguimiento.ts';
import { Insignia } from '../../ui/elementos-simples.tsx';

// Its own module: the tablero shows the badge without loading the report form and its schemas.
const COLOR_ESTADO: Record<EstadoSeguimiento, string> = {
  borrador: '#495057',
  enviado: '#1f4e9c',
  devuelto: '#9c3d00',
  aceptado: '#0b6b5f',
  verificado: '#1e6b2e',
  con_observaciones: '#7b2d8e',
  respondido: '#5c3d8e',
};

/** A report's state as a badge; no report at all reads «Sin reporte». */
export function EstadoReporte({ estado }: { estado: string | null }) {
  return (
    <Insignia
      color={estado ? COLOR_ESTADO[estado as EstadoSeguimiento] : '#a51d1d'}
      variante={estado ? 'filled' : 'outline'}
      estilo={{ textTransform: 'none' }}
    >
      {estado ? NOMBRE_ESTADO_SEGUIMIENTO[estado as EstadoSeguimiento] : 'Sin reporte'}
    </Insignia>
  );
}
