import { Table, Text } from '@mantine/core';
import { TablaDesplazable } from './componentes.tsx';

const MOSTRADOS = 200;

/** The report of a rejected import: row, column and problem, the first 200 (a broken file can have thousands). */
export function ProblemasImportacion({
  problemas,
}: {
  problemas: readonly { fila: number; columna: string; problema: string }[];
}) {
  if (problemas.length === 0) return null;
  return (
    <>
      <TablaDesplazable etiqueta="Problemas del archivo">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Fila</Table.Th>
              <Table.Th scope="col">Columna</Table.Th>
              <Table.Th scope="col">Problema</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problemas.slice(0, MOSTRADOS).map((p) => (
              <Table.Tr key={`${p.fila}-${p.columna}-${p.problema}`}>
                <Table.Td>{p.fila}</Table.Td>
                <Table.Td>{p.columna}</Table.Td>
                <Table.Td>{p.problema}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TablaDesplazable>
      {problemas.length > MOSTRADOS && <Text size="sm">Se muestran los primeros {MOSTRADOS} problemas.</Text>}
    </>
  );
}
