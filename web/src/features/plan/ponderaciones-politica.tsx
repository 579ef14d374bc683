import { numeroCo } from '@core/numeros.ts';
import { revisarPesos } from '@core/ponderacion.ts';
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Exito, MensajeError, TablaDesplazable } from '../../ui/componentes.tsx';
import { useGuardarPonderaciones } from './api.ts';

export interface ActividadPonderada {
  id: string;
  codigo: string;
  nombre: string;
  ponderacion: number;
}

/** «33,33» or «33.33» → 33.33; null when it is not a weight between 0 and 100 with up to two decimals. */
export function leerPonderacion(texto: string): number | null {
  const limpio = texto.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(limpio)) return null;
  const n = Number(limpio);
  return n <= 100 ? n : null;
}

const mostrar = (n: number) => numeroCo(n, 2);

/** 100 split in equal parts with two decimals; the last one takes what rounding left over. */
function partesIguales(n: number): number[] {
  const parte = Math.floor(10000 / n) / 100;
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? Math.round((100 - parte * (n - 1)) * 100) / 100 : parte,
  );
}

/**
 * The weights of one policy's activities in one grid: the live sum, what is missing or left over, and one save
 * for all (the server keeps every weight or none).
 */
export function PonderacionesPolitica({
  entidadId,
  vigencia,
  politica,
  nombrePolitica,
  actividades,
}: {
  entidadId: string;
  vigencia: number;
  politica: string;
  nombrePolitica: string;
  actividades: readonly ActividadPonderada[];
}) {
  const id = useId();
  const aviso = useRef<HTMLParagraphElement>(null);
  const guardar = useGuardarPonderaciones(entidadId, vigencia);
  const [textos, setTextos] = useState<Record<string, string>>(() =>
    Object.fromEntries(actividades.map((a) => [a.id, mostrar(a.ponderacion)])),
  );
  const valores = actividades.map((a) => ({ a, valor: leerPonderacion(textos[a.id] ?? '') }));
  const invalidas = valores.filter((v) => v.valor === null).length;
  const suma = valores.reduce((s, v) => s + (v.valor ?? 0), 0);
  const [revision] = revisarPesos(
    valores.map((v) => ({ politica, ponderacion: v.valor ?? 0 })),
    () => nombrePolitica,
  );
  const cambiadas = valores.some((v) => v.valor !== v.a.ponderacion);
  const problema =
    invalidas > 0
      ? `Corrija ${invalidas === 1 ? 'la ponderación marcada' : `las ${invalidas} ponderaciones marcadas`}: escriba un número de 0 a 100, con hasta dos decimales.`
      : (revision?.mensaje ?? null);

  const enviar = (e: FormEvent) => {
    e.preventDefault();
    if (problema) {
      aviso.current?.focus();
      return;
    }
    guardar.mutate({
      politica,
      ponderaciones: valores.map((v) => ({ actividadId: v.a.id, ponderacion: v.valor! })),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-titulo`}>
      <form onSubmit={enviar} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id={`${id}-titulo`}>
            Ponderaciones de {nombrePolitica}
          </Title>
          <TablaDesplazable etiqueta={`Ponderaciones de ${nombrePolitica}`}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Actividad</Table.Th>
                  <Table.Th scope="col" style={{ width: '8rem' }}>
                    Ponderación (%)
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {valores.map(({ a, valor }) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm" fw={600} span>
                        {a.codigo}
                      </Text>{' '}
                      <Text size="sm" span>
                        {a.nombre}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Ponderación de ${a.codigo} (%)`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={textos[a.id] ?? ''}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setTextos((t) => ({ ...t, [a.id]: v }));
                          guardar.reset();
                        }}
                        error={valor === null ? 'De 0 a 100' : undefined}
                        styles={{ input: { textAlign: 'right' } }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">Suma</Table.Th>
                  <Table.Td style={{ textAlign: 'right', fontWeight: 700 }}>{mostrar(suma)} %</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TablaDesplazable>
          <Text ref={aviso} tabIndex={-1} role="status" size="sm" c={problema ? 'red.9' : 'green.9'} fw={600}>
            {problema ?? `Las ponderaciones suman 100 %.`}
          </Text>
          <Group wrap="wrap">
            <Button type="submit" loading={guardar.isPending} disabled={!cambiadas && !guardar.isError}>
              Guardar ponderaciones
            </Button>
            <Button
              variant="default"
              onClick={() => {
                const partes = partesIguales(actividades.length);
                setTextos(Object.fromEntries(actividades.map((a, i) => [a.id, mostrar(partes[i]!)])));
                guardar.reset();
              }}
            >
              Repartir por igual
            </Button>
          </Group>
          {guardar.isSuccess && <Exito>Se guardaron las ponderaciones de {nombrePolitica}.</Exito>}
          <MensajeError error={guardar.error} />
        </Stack>
      </form>
    </Paper>
  );
}
