import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { LIMITES } from '@core/numeros.ts';
import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { cantidad, fechaCivil } from '../../ui/formato.ts';
import { type ConfiguracionVigencia, useGuardarVigencia, vigenciaQuery } from './api.ts';

const VENTANA = { por_abrir: 'Por abrir', abierta: 'Abierta', cerrada: 'Cerrada' } as const;
const ESQUEMAS = [
  { value: 'trimestral', label: 'Trimestral (4 cortes)' },
  { value: 'cuatrimestral', label: 'Cuatrimestral (3 cortes)' },
  { value: 'semestral', label: 'Semestral (2 cortes)' },
  { value: 'mensual', label: 'Mensual (12 cortes)' },
];

/** What is left to report, in words: the API counts business days up to the window's close. */
function plazo(dias: number, ventana: keyof typeof VENTANA, cerrado: boolean) {
  if (cerrado || ventana === 'cerrada') return 'Vencido';
  const habiles = cantidad(dias, 'día hábil', 'días hábiles');
  if (ventana === 'por_abrir') return `Cierra en ${habiles} (aún no abre)`;
  return dias === 0 ? 'Cierra hoy' : `${habiles} para cerrar`;
}

export function VigenciasPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const consulta = useQuery(vigenciaQuery(entidad?.id, vigencia));
  const [borrador, setBorrador] = useState<ConfiguracionVigencia | null>(null);
  useEffect(() => {
    if (consulta.data)
      setBorrador({
        esquema: consulta.data.esquema,
        diasHabilesReporte: consulta.data.diasHabilesReporte,
        semaforo: consulta.data.semaforo,
      });
  }, [consulta.data]);
  const guardar = useGuardarVigencia(entidad?.id ?? '', vigencia);
  if (!entidad) return <Pagina titulo="Vigencias y periodos">Elija una entidad.</Pagina>;
  const editable = puede('vigencia.configurar');
  const errores = erroresPorCampo(guardar.error);
  const v = consulta.data;
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    if (borrador) guardar.mutate(borrador);
  };
  const rango = (k: 'amarilloDesde' | 'verdeDesde' | 'azulSobre', etiqueta: string) => (
    <NumberInput
      label={etiqueta}
      suffix=" %"
      decimalSeparator=","
      min={0}
      max={(k === 'azulSobre' ? LIMITES.umbralAzul : LIMITES.umbral).max}
      value={borrador?.semaforo[k]}
      onChange={(x) =>
        borrador && setBorrador({ ...borrador, semaforo: { ...borrador.semaforo, [k]: Number(x) } })
      }
      readOnly={!editable}
    />
  );
  return (
    <Pagina
      titulo={`Vigencia ${vigencia}: periodos y semáforo`}
      descripcion="Los cortes de seguimiento, el plazo para reportar (en días hábiles, con los festivos de Colombia) y los rangos del semáforo de la entidad."
    >
      {consulta.isPending && <Cargando que="la vigencia" />}
      <MensajeError error={consulta.error} />
      {v && !v.configurada && (
        <Text>
          La vigencia aún no está configurada: abajo se muestra la propuesta trimestral.{' '}
          {editable ? 'Revísela y guárdela.' : ''}
        </Text>
      )}
      {v && (
        <TablaDesplazable etiqueta="Periodos de la vigencia">
          <Table striped withTableBorder>
            <Table.Caption>Periodos de seguimiento de {vigencia}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Periodo</Table.Th>
                <Table.Th scope="col">Desde</Table.Th>
                <Table.Th scope="col">Fecha de corte</Table.Th>
                <Table.Th scope="col">Reporte: abre</Table.Th>
                <Table.Th scope="col">Reporte: cierra</Table.Th>
                <Table.Th scope="col">Ventana</Table.Th>
                <Table.Th scope="col">Plazo restante</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.periodos.map((p) => (
                <Table.Tr key={p.numero}>
                  <Table.Td>{p.nombre}</Table.Td>
                  <Table.Td>{fechaCivil(p.inicio)}</Table.Td>
                  <Table.Td>{fechaCivil(p.corte)}</Table.Td>
                  <Table.Td>{fechaCivil(p.abre)}</Table.Td>
                  <Table.Td>{fechaCivil(p.cierra)}</Table.Td>
                  <Table.Td>{p.cerrado ? 'Periodo cerrado' : VENTANA[p.ventana]}</Table.Td>
                  <Table.Td>{plazo(p.diasHabilesParaCerrar, p.ventana, p.cerrado)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {borrador && editable && (
        <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
          <Stack>
            <Title order={2} size="h3">
              Configurar la vigencia
            </Title>
            {guardar.isSuccess && <Exito>La vigencia quedó configurada y el cambio, en la auditoría.</Exito>}
            <MensajeError error={guardar.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Esquema de periodos"
                data={ESQUEMAS}
                value={borrador.esquema}
                onChange={(e) =>
                  setBorrador({ ...borrador, esquema: e.currentTarget.value as VigenciaEntidad['esquema'] })
                }
                error={errores.esquema}
              />
              <NumberInput
                label="Días hábiles para reportar después del corte"
                min={1}
                max={60}
                value={borrador.diasHabilesReporte}
                onChange={(x) => setBorrador({ ...borrador, diasHabilesReporte: Number(x) })}
                error={errores.diasHabilesReporte}
              />
            </SimpleGrid>
            <Title order={3} size="h4">
              Semáforo de cumplimiento
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {rango('amarilloDesde', 'Amarillo desde')}
              {rango('verdeDesde', 'Verde desde')}
              {rango('azulSobre', 'Azul por encima de')}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(['rojo', 'amarillo', 'verde', 'azul'] as const).map((n) => (
                <TextInput
                  key={n}
                  label={`Nombre del nivel ${n}`}
                  value={borrador.semaforo.etiquetas[n]}
                  onChange={(e) =>
                    setBorrador({
                      ...borrador,
                      semaforo: {
                        ...borrador.semaforo,
                        etiquetas: { ...borrador.semaforo.etiquetas, [n]: e.currentTarget.value },
                      },
                    })
                  }
                />
              ))}
            </SimpleGrid>
            {errores.semaforo && <MensajeError error={new Error(errores.semaforo)} />}
            <Group>
              <Button type="submit" loading={guardar.isPending}>
                Guardar vigencia
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
