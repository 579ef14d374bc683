import type { HistoriaFurag } from '@contrato/furag.ts';
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { GraficaBarras } from '../../ui/grafica-barras.tsx';
import { TablaTextos } from '../../ui/problemas-importacion.tsx';
import { historiaFuragQuery } from './api.ts';
import { puntos } from './puntos.ts';

type Vigencia = HistoriaFurag['vigencias'][number];
type Serie = HistoriaFurag['indices'][number];

const ORIGEN = { archivo: 'Archivo oficial', entidad: 'Digitado por la entidad' } as const;

/** A grupo par figure; «—» where there is no comparison (typed scores, or no group in the file). */
const grupo = (g: { promedio: number; maximo: number } | null, cifra: 'promedio' | 'maximo') =>
  g ? puntos(g[cifra]) : '—';

const puesto = (v: Vigencia) =>
  v.idi.grupoPar?.posicion ? `${v.idi.grupoPar.posicion} de ${v.idi.grupoPar.entidades}` : '—';

/** The IDI of each vigencia with scores, against its grupo par's mean and maximum of that year. */
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
          'Origen',
        ]}
        filas={vigencias.map((v) => [
          v.vigencia,
          puntos(v.idi.puntaje),
          grupo(v.idi.grupoPar, 'promedio'),
          grupo(v.idi.grupoPar, 'maximo'),
          puesto(v),
          v.grupoPar ?? '—',
          ORIGEN[v.origen],
        ])}
      />
    </section>
  );
}

/** The codes an index had before its current one («antes I45»), when FURAG renumbered it. */
const antes = (s: Serie) => [...new Set(s.serie.map((p) => p.codigo).filter((c) => c !== s.codigo))];

const etiquetaSerie = (s: Serie) => {
  const previos = antes(s);
  const nombre = [s.codigo, s.nombre].filter(Boolean).join(' ');
  return previos.length ? `${nombre} (antes ${previos.join(', ')})` : nombre;
};

/**
 * One index year by year, chosen from a list; the line follows the index when FURAG changed its code between
 * vigencias (the catalog's map), and each year says the code it had then.
 */
export function HistoriaIndice({ entidadId }: { entidadId: string }) {
  const h = useQuery(historiaFuragQuery(entidadId));
  const series = h.data?.indices ?? [];
  const clave = (s: Serie) => `${s.codigo}-${s.serie.at(-1)!.vigencia}`;
  const [elegida, setElegida] = useState<string | undefined>();
  if ((h.data?.vigencias.length ?? 0) < 2 || !series.length) return null;
  // The first index with more than one year, unless the person chose another.
  const s = series.find((x) => clave(x) === elegida) ?? series.find((x) => x.serie.length > 1) ?? series[0]!;
  return (
    <section aria-labelledby="furag-historia-indice" className="furag-nivel">
      <h2 id="furag-historia-indice">Un índice año a año</h2>
      <NativeSelect
        label="Índice"
        description="Si FURAG le cambió el código entre vigencias, la línea lo sigue con el mapa del catálogo."
        value={clave(s)}
        data={series.map((x) => ({ value: clave(x), label: etiquetaSerie(x) }))}
        onChange={(e) => setElegida(e.currentTarget.value)}
        maw="40rem"
        mb="md"
      />
      <GraficaBarras
        etiqueta={`Puntaje de ${s.codigo} en cada vigencia, de 0 a 100, con el promedio y el máximo de su grupo par; las cifras están en la tabla siguiente`}
        barras={s.serie.map((p) => ({
          nombre: p.codigo === s.codigo ? String(p.vigencia) : `${p.vigencia} (${p.codigo})`,
          valor: p.puntaje,
          color: '#0b5394',
          marcas: p.grupoPar ? { promedio: p.grupoPar.promedio, maximo: p.grupoPar.maximo } : undefined,
        }))}
        escala="puntos"
      />
      <TablaTextos
        etiqueta={`${s.codigo} por vigencia`}
        columnas={[
          'Vigencia',
          'Código ese año',
          'Puntaje',
          'Promedio del grupo par',
          'Máximo del grupo par',
          'Origen',
        ]}
        filas={s.serie.map((p) => [
          p.vigencia,
          p.codigo,
          puntos(p.puntaje),
          grupo(p.grupoPar, 'promedio'),
          grupo(p.grupoPar, 'maximo'),
          ORIGEN[p.origen],
        ])}
      />
    </section>
  );
}
