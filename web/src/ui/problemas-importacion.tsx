import { Table, Text } from '@mantine/core';
import { TablaDesplazable } from './componentes.tsx';

const MOSTRADOS = 200;

/** A short read-only table of texts that scrolls sideways on a phone (reports, lists of links). */
export function TablaTextos({
  etiqueta,
  columnas,
  filas,
}: {
  etiqueta: string;
  columnas: readonly string[];
  filas: readonly (readonly (string | number)[])[];
}) {
  return (
    <TablaDesplazable etiqueta={etiqueta}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {columnas.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {filas.map((f) => (
            <Table.Tr key={f.join('\u0000')}>
              {f.map((celda, i) => (
                <Table.Td key={columnas[i]} style={{ overflowWrap: 'anywhere' }}>
                  {celda}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TablaDesplazable>
  );
}

/** The report of a rejected import: row, column and problem, the first 200 (a broken file can have thousands). */
export function ProblemasImportacion({
  problemas,
}: {
  problemas: readonly { fila: number; columna: string; problema: string }[];
}) {
  if (problemas.length === 0) return null;
  return (
    <>
      <TablaTextos
        etiqueta="Problemas del archivo"
        columnas={['Fila', 'Columna', 'Problema']}
        filas={problemas.slice(0, MOSTRADOS).map((p) => [p.fila, p.columna, p.problema])}
      />
      {problemas.length > MOSTRADOS && <Text size="sm">Se muestran los primeros {MOSTRADOS} problemas.</Text>}
    </>
  );
}
