// The autodiagnóstico against the same policy's in earlier vigencias, component by component: bars and a radar
// (ECharts, loaded only here), and the same figures in a table, the score never without its completeness.
// The earlier ones come scored on this year's sections (items placed by their code map), so like meets like.
import { Table, Text, Title } from '@mantine/core';
import { TablaDesplazable } from '../../ui/componentes.tsx';
import { porcentaje } from '../../ui/formato.ts';
import { GraficaComparacion, type SerieComparada } from '../../ui/grafica-comparacion.tsx';
import type { Autodiagnostico, ResultadoAutodiagnostico } from './api.ts';
import { conCompletitud, PuntajeConCompletitud, puntos } from './puntaje.tsx';

type Seccion = ResultadoAutodiagnostico['secciones'][number];

interface Fila {
  codigo: string;
  nombre: string;
  /** On the radar, where the space is short: the section's own name. */
  corto?: string;
}

/**
 * The radar's axes: the components, or — with fewer than three, where a radar says nothing — each component's
 * sections in its place (a component without sections stays). Fewer than three still: no radar.
 */
function ejesRadar(componentes: readonly Seccion[]): readonly Fila[] {
  if (componentes.length >= 3) return componentes;
  const abiertos = componentes.flatMap((c): Fila[] =>
    c.secciones.length
      ? c.secciones.map((s) => ({ codigo: s.codigo, nombre: `${c.nombre} › ${s.nombre}`, corto: s.nombre }))
      : [c],
  );
  return abiertos.length >= 3 ? abiertos : [];
}

function buscar(secciones: readonly Seccion[], codigo: string): Seccion | undefined {
  for (const s of secciones) {
    if (s.codigo === codigo) return s;
    const dentro = buscar(s.secciones, codigo);
    if (dentro) return dentro;
  }
  return undefined;
}

export function ComparacionComponentes({ d }: { d: Autodiagnostico }) {
  const a = d.autodiagnostico;
  // Newest first, as the API sends the earlier ones; two of one year are told apart by their questionnaire.
  const todas = [
    { vigencia: a.vigencia, codigo: a.codigo, resultado: a.resultado },
    ...d.anteriores.map((x) => ({ vigencia: x.vigencia, codigo: x.codigo, resultado: x.resultado })),
  ];
  const repetidas = new Set(todas.map((x) => x.vigencia).filter((v, i, l) => l.indexOf(v) !== i));
  const vigencias = todas.map((x) => ({
    ...x,
    nombre: repetidas.has(x.vigencia) ? `${x.vigencia} (${x.codigo})` : String(x.vigencia),
  }));
  const componentes = a.resultado.secciones;
  const ejes = ejesRadar(componentes);
  // Oldest first on the charts: the legend reads as a timeline, the current year last.
  const cronologicas = [...vigencias].reverse();
  const serie = (filas: readonly Fila[], v: (typeof vigencias)[number]): SerieComparada => {
    const s = filas.map((f) => buscar(v.resultado.secciones, f.codigo));
    return {
      nombre: v.nombre,
      valores: s.map((x) => x?.puntaje ?? null),
      detalles: s.map((x) => (x ? conCompletitud(x) : 'sin puntaje')),
    };
  };
  // A radar draws a missing score as a zero: a year with one stays out of it (its figures are in the table).
  const enRadar = cronologicas.filter((v) =>
    ejes.every((e) => buscar(v.resultado.secciones, e.codigo)?.puntaje != null),
  );
  const fueraDelRadar = cronologicas.filter((v) => !enRadar.includes(v)).map((v) => v.nombre);
  // The table has every row either chart shows: the components and, under those the radar opens, their sections.
  const filas: Fila[] = componentes.flatMap((c) => [
    c,
    ...ejes.filter((e) => c.secciones.some((s) => s.codigo === e.codigo)),
  ]);
  const hayAnteriores = d.anteriores.length > 0;
  return (
    <>
      <Title order={3} size="h4">
        {hayAnteriores ? 'Por componente, frente a vigencias anteriores' : 'Por componente'}
      </Title>
      <Text size="sm">
        {hayAnteriores
          ? `Las respuestas de ${d.anteriores.length === 1 ? 'la vigencia anterior se puntúan' : 'las vigencias anteriores se puntúan'} sobre las secciones de este cuestionario (los ítems se ubican por su código equivalente). Las cifras, con su completitud, están en la tabla.`
          : 'Aún no hay autodiagnósticos de esta política en vigencias anteriores para comparar. Las cifras, con su completitud, están en la tabla.'}
      </Text>
      {hayAnteriores && (
        <ul className="totales-vigencias" aria-label="Total por vigencia">
          {vigencias.map((v) => (
            <li key={v.nombre}>
              <strong>{v.nombre}:</strong> <PuntajeConCompletitud r={v.resultado} />
            </li>
          ))}
        </ul>
      )}
      <GraficaComparacion
        tipo="barras"
        categorias={componentes.map((c) => c.nombre)}
        series={cronologicas.map((v) => serie(componentes, v))}
        etiqueta={`Barras del puntaje por componente en ${cronologicas.map((v) => v.nombre).join(', ')}; las cifras están en la tabla siguiente`}
      />
      {ejes.length > 0 && enRadar.length > 0 && (
        <GraficaComparacion
          tipo="radar"
          categorias={ejes.map((e) => e.corto ?? e.nombre)}
          series={enRadar.map((v) => serie(ejes, v))}
          etiqueta={`Radar del puntaje por ${ejes === componentes ? 'componente' : 'sección'} en ${enRadar.map((v) => v.nombre).join(', ')}; las cifras están en la tabla siguiente`}
        />
      )}
      {ejes.length > 0 && fueraDelRadar.length > 0 && (
        <Text size="sm">
          {enRadar.length === 0
            ? 'Sin radar por ahora'
            : `${fueraDelRadar.join(', ')} no ${fueraDelRadar.length === 1 ? 'aparece' : 'aparecen'} en el radar`}
          : alguna sección quedó sin puntaje (un radar la dibujaría como cero). Las cifras están en la tabla.
        </Text>
      )}
      {/* A group per component (its name across the row), a row per year: short cells that read on a phone. */}
      <TablaDesplazable
        etiqueta={
          hayAnteriores
            ? 'Puntaje y completitud por componente y vigencia'
            : 'Puntaje y completitud por componente'
        }
      >
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Vigencia</Table.Th>
              <Table.Th scope="col">Puntaje</Table.Th>
              <Table.Th scope="col">Completitud</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {filas.map((f) => (
            <Table.Tbody key={f.codigo}>
              <Table.Tr className="comparacion-grupo">
                <Table.Th scope="rowgroup" colSpan={3}>
                  {f.nombre}
                </Table.Th>
              </Table.Tr>
              {vigencias.map((v) => {
                const s = buscar(v.resultado.secciones, f.codigo);
                return (
                  <Table.Tr key={v.nombre}>
                    <Table.Th scope="row" fw={400}>
                      {v.nombre}
                    </Table.Th>
                    <Table.Td>{puntos(s?.puntaje ?? null)}</Table.Td>
                    <Table.Td>
                      {s ? `${porcentaje(s.completitud)} (${s.respondidos} de ${s.aplicables})` : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          ))}
        </Table>
      </TablaDesplazable>
    </>
  );
}
