import type { Nivel, Tablero } from '@contrato/tablero.ts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { TablaDesplazable } from '../../ui/componentes.tsx';
import { porcentaje } from '../../ui/formato.ts';
import { GraficaBarras } from '../../ui/grafica-barras.tsx';
import { Enlace } from '../../ui/router.tsx';
import { EstadoReporte } from '../seguimiento/reporte-actividad.tsx';

// Colours with at least 4.5:1 against white text; the level is also written, never shown by colour alone.
const NIVEL: Record<Nivel, { color: string; texto: string }> = {
  rojo: { color: '#b3261e', texto: 'Rojo' },
  amarillo: { color: '#8a5a00', texto: 'Amarillo' },
  verde: { color: '#1e6b2e', texto: 'Verde' },
  azul: { color: '#1f4e9c', texto: 'Azul' },
};
const ESTADO: Record<string, string> = {
  sin_iniciar: 'Sin iniciar',
  en_curso: 'En curso',
  atrasada: 'Atrasada',
  cumplida: 'Cumplida',
  sin_reporte: 'Sin reporte',
};
const pct = (x: number | null) => (x === null ? 'sin dato' : porcentaje(x));

export function Semaforo({ nivel, etiquetas }: { nivel: Nivel | null; etiquetas?: Record<Nivel, string> }) {
  if (!nivel)
    return (
      <Text span size="sm">
        sin dato
      </Text>
    );
  return (
    <Badge color={NIVEL[nivel].color} style={{ textTransform: 'none' }}>
      {NIVEL[nivel].texto}
      {etiquetas ? ` · ${etiquetas[nivel]}` : ''}
    </Badge>
  );
}

function Cifra({ titulo, valor, detalle }: { titulo: string; valor: string; detalle?: string }) {
  return (
    <Card withBorder>
      <Text size="sm">{titulo}</Text>
      <Text fz={28} fw={700} lh={1.2}>
        {valor}
      </Text>
      {detalle && <Text size="sm">{detalle}</Text>}
    </Card>
  );
}

/**
 * The figures of a dashboard with drill-down dimension → policy → activity: the same view for the entity's
 * people and, without the links to reports, for citizens on the public page.
 */
export function VistaTablero({
  t,
  etiquetas,
  enlaceReporte,
}: {
  t: Tablero;
  etiquetas?: Record<Nivel, string>;
  enlaceReporte?: (a: Tablero['actividades'][number]) => string;
}) {
  const [dimension, setDimension] = useState<string | null>(null);
  const [politica, setPolitica] = useState<string | null>(null);
  const barras = useMemo(
    () => t.dimensiones.map((d) => ({ nombre: `${d.codigo} ${d.nombre}`, valor: d.avance, color: d.color })),
    [t],
  );
  const politicas = t.politicas.filter((p) => (!dimension || p.dimension === dimension) && p.actividades > 0);
  const pol = t.politicas.find((p) => p.clave === politica);
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Cifra
          titulo="Avance de la entidad"
          valor={pct(t.avance)}
          detalle={`acumulado a ${t.periodo.nombre.toLowerCase()}`}
        />
        <Cifra
          titulo="Actividades"
          valor={t.actividades.length.toLocaleString('es-CO')}
          detalle={`${t.estados.cumplida} cumplidas · ${t.estados.atrasada} atrasadas`}
        />
        <Cifra
          titulo="Sin reporte"
          valor={t.sinReporte.toLocaleString('es-CO')}
          detalle="reportes que faltan en este corte"
        />
        <Cifra
          titulo="Reportes tardíos"
          valor={t.tardios.toLocaleString('es-CO')}
          detalle="enviados después de cerrar la ventana"
        />
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="t-semaforo">
        <Title order={2} size="h4" id="t-semaforo" mb="xs">
          Semáforo de cumplimiento por actividad
        </Title>
        <Group>
          {(['rojo', 'amarillo', 'verde', 'azul'] as const).map((n) => (
            <Group key={n} gap={6}>
              <Semaforo nivel={n} etiquetas={etiquetas} />
              <Text fw={700}>{t.semaforo[n]}</Text>
            </Group>
          ))}
          <Text>Sin dato: {t.semaforo.sinDato}</Text>
        </Group>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="t-dimensiones">
        <Title order={2} size="h4" id="t-dimensiones" mb="xs">
          Avance por dimensión
        </Title>
        <GraficaBarras
          barras={barras}
          etiqueta={`Gráfica del avance por dimensión; las cifras están en la tabla siguiente.`}
        />
        <TablaDesplazable etiqueta="Tabla del avance por dimensión">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Dimensión</Table.Th>
                <Table.Th scope="col">Avance</Table.Th>
                <Table.Th scope="col">Detalle</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.dimensiones.map((d) => (
                <Table.Tr key={d.codigo}>
                  <Table.Td>
                    <span className="muestra-color" style={{ background: d.color }} aria-hidden /> {d.codigo}{' '}
                    {d.nombre}
                  </Table.Td>
                  <Table.Td>{pct(d.avance)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-pressed={dimension === d.codigo}
                      onClick={() => {
                        setDimension(dimension === d.codigo ? null : d.codigo);
                        setPolitica(null);
                      }}
                    >
                      {dimension === d.codigo ? 'Ver todas' : 'Ver políticas'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="t-politicas">
        <Title order={2} size="h4" id="t-politicas" mb="xs">
          Avance por política{dimension ? ` de ${dimension}` : ''}
        </Title>
        {politicas.length === 0 ? (
          <Text>No hay políticas con actividades{dimension ? ' en esta dimensión' : ''}.</Text>
        ) : (
          <TablaDesplazable etiqueta="Tabla del avance por política">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Política</Table.Th>
                  <Table.Th scope="col">Avance</Table.Th>
                  <Table.Th scope="col">Cumplimiento</Table.Th>
                  <Table.Th scope="col">Semáforo</Table.Th>
                  <Table.Th scope="col">Actividades</Table.Th>
                  <Table.Th scope="col">Sin reporte</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {politicas.map((p) => (
                  <Table.Tr key={p.clave}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setPolitica(p.clave)}
                        aria-pressed={politica === p.clave}
                      >
                        {p.nombre}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{pct(p.avance)}</Table.Td>
                    <Table.Td>{pct(p.cumplimiento)}</Table.Td>
                    <Table.Td>
                      <Semaforo nivel={p.semaforo} />
                    </Table.Td>
                    <Table.Td>{p.actividades}</Table.Td>
                    <Table.Td>{p.sinReporte}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
        )}
      </Paper>
      {pol && (
        <Paper withBorder p="md" component="section" aria-labelledby="t-actividades">
          <Title order={2} size="h4" id="t-actividades" mb="xs">
            Actividades de {pol.nombre}
          </Title>
          <TablaDesplazable etiqueta={`Tabla de actividades de ${pol.nombre}`}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Actividad</Table.Th>
                  <Table.Th scope="col">Dependencia</Table.Th>
                  <Table.Th scope="col">Avance</Table.Th>
                  <Table.Th scope="col">Cumplimiento</Table.Th>
                  <Table.Th scope="col">Semáforo</Table.Th>
                  <Table.Th scope="col">Estado</Table.Th>
                  <Table.Th scope="col">Reporte y evidencias</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.actividades
                  .filter((a) => a.politica === pol.clave)
                  .map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        {a.codigo} · {a.nombre}
                      </Table.Td>
                      <Table.Td>{a.dependencia ?? '—'}</Table.Td>
                      <Table.Td>{pct(a.avance)}</Table.Td>
                      <Table.Td>{pct(a.cumplimiento)}</Table.Td>
                      <Table.Td>
                        <Semaforo nivel={a.semaforo} />
                      </Table.Td>
                      <Table.Td>{ESTADO[a.estado] ?? a.estado}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <EstadoReporte estado={a.reporte} />
                          {enlaceReporte && (
                            <Enlace a={enlaceReporte(a)}>
                              Abrir<span className="solo-lector"> el reporte de {a.codigo}</span>
                            </Enlace>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
        </Paper>
      )}
      {t.dependencias.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="t-dependencias">
          <Title order={2} size="h4" id="t-dependencias" mb="xs">
            Avance por dependencia
          </Title>
          <TablaDesplazable etiqueta="Tabla del avance por dependencia">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Dependencia</Table.Th>
                  <Table.Th scope="col">Avance promedio</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.dependencias.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.nombre}</Table.Td>
                    <Table.Td>{pct(d.avance)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TablaDesplazable>
        </Paper>
      )}
      <Stack gap={2}>
        <Text size="sm">
          Cómo se calcula: el avance de cada actividad es lo logrado acumulado frente a su meta anual (máximo
          100 %); la política pondera sus actividades; la dimensión y la entidad promedian. Un reporte que
          falta cuenta como cero.
        </Text>
      </Stack>
    </>
  );
}
