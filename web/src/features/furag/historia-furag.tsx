import type { HistoriaFurag } from '@contrato/furag.ts';
import { useQuery } from '@tanstack/react-query';
import { GraficaBarras } from '../../ui/grafica-barras.tsx';
import { TablaTextos } from '../../ui/problemas-importacion.tsx';
import { historiaFuragQuery } from './api.ts';
import { puntos } from './puntos.ts';

type Vigencia = HistoriaFurag['vigencias'][number];

const puesto = (v: Vigencia) =>
  v.idi.grupoPar?.posicion ? `${v.idi.grupoPar.posicion} de ${v.idi.grupoPar.entidades}` : '—';

/** The IDI of each vigencia loaded, against its grupo par's mean and maximum of that year. */
export function HistoriaIdi({ entidadId }: { entidadId: string }) {
  const h = useQuery(historiaFuragQuery(entidadId));
  const vigencias = h.data?.vigencias ?? [];
  if (vigencias.length < 2) return null;
  return (
    <section aria-labelledby="furag-historia" className="furag-nivel">
      <h2 id="furag-historia">El IDI año a año</h2>
      <GraficaBarras
        etiqueta="IDI de la entidad en cada vigencia, de 0 a 100, con el promedio y el máximo de su grupo par; las cifras están en la tabla siguiente"
        barras={vigencias.map((v) => ({
          nombre: String(v.vigencia),
          valor: v.idi.puntaje,
          color: '#0b5394',
          marcas: v.idi.grupoPar
            ? { promedio: v.idi.grupoPar.promedio, maximo: v.idi.grupoPar.maximo }
            : undefined,
        }))}
        escala="puntos"
      />
      <TablaTextos
        etiqueta="IDI por vigencia frente al grupo par"
        columnas={[
          'Vigencia',
          'IDI',
          'Promedio del grupo par',
          'Máximo del grupo par',
          'Puesto',
          'Grupo par',
        ]}
        filas={vigencias.map((v) => [
          v.vigencia,
          puntos(v.idi.puntaje),
          puntos(v.idi.grupoPar?.promedio ?? null),
          puntos(v.idi.grupoPar?.maximo ?? null),
          puesto(v),
          v.grupoPar ?? '—',
        ])}
      />
    </section>
  );
}
