import type { DepartamentoFurag } from '@contrato/furag.ts';
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, MensajeError } from '../../ui/componentes.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { departamentoFuragQuery } from './api.ts';
import { puntos } from './puntos.ts';

type Fila = DepartamentoFurag['entidades'][number];

/**
 * The entities of the department side by side, from the same official file (IDI and dimensions), with the
 * department's average; the platform administrator may pick any department. Asked for only when opened.
 */
export function DepartamentoFuragSeccion({
  entidadId,
  vigencia,
  codigoSigep,
  adminPlataforma,
}: {
  entidadId: string;
  vigencia: number;
  codigoSigep: string | null;
  adminPlataforma: boolean;
}) {
  const [abierta, setAbierta] = useState(false);
  const [departamento, setDepartamento] = useState<string | undefined>();
  const d = useQuery(departamentoFuragQuery(entidadId, vigencia, departamento, abierta));
  const datos = d.data;
  const columnas: Columna<Fila>[] = [
    {
      id: 'entidad',
      titulo: 'Entidad',
      valor: (f) => f.entidad,
      celda: (f) =>
        codigoSigep && f.codigoSigep === codigoSigep ? (
          <strong>{f.entidad} (esta entidad)</strong>
        ) : (
          f.entidad
        ),
      principal: true,
      ordenable: true,
    },
    { id: 'municipio', titulo: 'Municipio', valor: (f) => f.municipio ?? '—', ordenable: true },
    ...(datos?.columnas ?? []).map(
      (c): Columna<Fila> => ({
        id: c.codigo,
        titulo: c.codigo,
        valor: (f) => f.puntajes[c.codigo] ?? null,
        celda: (f) => puntos(f.puntajes[c.codigo] ?? null),
        numerica: true,
        ordenable: true,
      }),
    ),
  ];
  return (
    <section aria-labelledby="furag-departamento" className="furag-nivel">
      <h2 id="furag-departamento">Las entidades del departamento</h2>
      <details className="furag-cifras" onToggle={(e) => setAbierta(e.currentTarget.open)}>
        <summary>Comparar con las entidades del mismo departamento en el archivo oficial</summary>
        {d.isPending && abierta && <Cargando que="las entidades del departamento" />}
        <MensajeError error={d.error} />
        {datos && (
          <>
            {adminPlataforma && datos.departamentos.length > 1 && (
              <NativeSelect
                label="Departamento"
                value={datos.departamento}
                data={datos.departamentos}
                onChange={(e) => setDepartamento(e.currentTarget.value)}
                w="16rem"
                mb="sm"
              />
            )}
            <p>
              {datos.departamento}, resultados {datos.vigencia}. Promedio del departamento:{' '}
              {datos.columnas
                .map((c) => `${c.codigo} ${puntos(datos.promedios[c.codigo] ?? null)}`)
                .join(' · ')}
              .{' '}
              {datos.columnas
                .filter((c) => c.nombre)
                .map((c) => `${c.codigo}: ${c.nombre}`)
                .join('; ')}
              .
            </p>
            <TablaDatos
              titulo="Entidades del departamento"
              sustantivo={['entidad', 'entidades']}
              filas={datos.entidades}
              columnas={columnas}
              idFila={(f) => String(f.fila)}
              buscar={datos.entidades.length > 10}
              porPagina={50}
            />
          </>
        )}
      </details>
    </section>
  );
}
