import type { ActividadTablero, ResumenTablero } from '@contrato/tablero.ts';
import { numeroCo } from '@core/numeros.ts';
import {
  ESTADOS_ACTIVIDAD,
  NIVELES_SEMAFORO,
  type NivelSemaforo as Nivel,
  NOMBRE_ESTADO,
} from '@core/semaforo.ts';
import { Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Cargando, MensajeError } from '../../ui/componentes.tsx';
import { BotonEnlace, GrupoSimple, Insignia } from '../../ui/elementos-simples.tsx';
import { cantidad, porcentaje } from '../../ui/formato.ts';
import { GraficaBarras } from '../../ui/grafica-barras.tsx';
import { Enlace } from '../../ui/router.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { Termino } from '../../ui/termino.tsx';
import { EstadoReporte } from '../seguimiento/estado-reporte.tsx';
import { actividadesTablero, type FiltrosActividades } from './api.ts';

// Colours with at least 4.5:1 against white text; the level is also written, never shown by colour alone.
const NIVEL: Record<Nivel, { color: string; texto: string }> = {
  rojo: { color: '#b3261e', texto: 'Rojo' },
  amarillo: { color: '#8a5a00', texto: 'Amarillo' },
  verde: { color: '#1e6b2e', texto: 'Verde' },
  azul: { color: '#1f4e9c', texto: 'Azul' },
};
const POR_PAGINA = 25;
const pct = (x: number | null) => (x === null ? 'sin dato' : porcentaje(x));

const ESTILO_SEMAFORO = { textTransform: 'none', height: 'auto', maxWidth: '100%' } as const;
const ESTILO_ETIQUETA_SEMAFORO = {
  whiteSpace: 'normal',
  overflow: 'visible',
  lineHeight: 1.3,
  paddingBlock: 2,
} as const;

export function Semaforo({ nivel, etiquetas }: { nivel: Nivel | null; etiquetas?: Record<Nivel, string> }) {
  if (!nivel)
    return (
      <Text span size="sm">
        sin dato
      </Text>
    );
  return (
    // The label wraps instead of being cut with «…» on a phone (the levels' names can be long).
    <Insignia color={NIVEL[nivel].color} estilo={ESTILO_SEMAFORO} estiloEtiqueta={ESTILO_ETIQUETA_SEMAFORO}>
      {NIVEL[nivel].texto}
      {etiquetas ? ` · ${etiquetas[nivel]}` : ''}
    </Insignia>
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
 * The summary as the API sends it. While pages outside this feature still pass the previous shape (the whole
 * list of activities), the count is taken from either.
 */
export type ResumenVisible = Omit<ResumenTablero, 'actividades'> & {
  actividades: number | readonly unknown[];
};
const cuantas = (t: ResumenVisible) =>
  typeof t.actividades === 'number' ? t.actividades : t.actividades.length;

/** The activities of one policy, a page at a time from …/tablero/actividades, searched and filtered there. */
function ActividadesPolitica({
  t,
  politica,
  nombre,
  enlaceReporte,
}: {
  t: ResumenVisible;
  politica: string;
  nombre: string;
  enlaceReporte?: (a: ActividadTablero) => string;
}) {
  const [pagina, setPagina] = useState(1);
  const [busqueda, setBusqueda] = useState('');
  const [filtros, setFiltros] = useState<Record<string, string>>({});
  const q = useDeferredValue(busqueda.trim());
  const consulta = useQuery(
    actividadesTablero(t.entidad.id, t.vigencia, t.periodo.numero, {
      politica,
      pagina,
      porPagina: POR_PAGINA,
      ...(q ? { q } : {}),
      ...(filtros.dependencia ? { dependencia: filtros.dependencia } : {}),
      ...(filtros.semaforo ? { semaforo: filtros.semaforo as FiltrosActividades['semaforo'] } : {}),
      ...(filtros.estado ? { estado: filtros.estado as FiltrosActividades['estado'] } : {}),
    }),
  );
  const columnas = useMemo<Columna<ActividadTablero>[]>(
    () => [
      { id: 'actividad', titulo: 'Actividad', valor: (a) => `${a.codigo} · ${a.nombre}`, principal: true },
      {
        id: 'dependencia',
        titulo: 'Dependencia',
        valor: (a) => a.dependencia,
        // Only with a list of dependencias: the server filters by their ids.
        filtro: t.dependencias.length > 0,
        opciones: t.dependencias.map((d) => ({ value: d.id, label: d.nombre })),
      },
      { id: 'avance', titulo: 'Avance', valor: (a) => a.avance, celda: (a) => pct(a.avance), numerica: true },
      {
        id: 'cumplimiento',
        titulo: 'Cumplimiento',
        valor: (a) => a.cumplimiento,
        celda: (a) => pct(a.cumplimiento),
        numerica: true,
      },
      {
        id: 'avanceVerificado',
        titulo: 'Avance verificado',
        valor: (a) => a.avanceVerificado,
        celda: (a) =>
          a.avanceVerificado !== null ? pct(a.avanceVerificado) : a.seleccionada ? '–' : 'No seleccionada',
        numerica: true,
      },
      {
        id: 'semaforo',
        titulo: 'Semáforo',
        valor: (a) => a.semaforo,
        celda: (a) => <Semaforo nivel={a.semaforo} />,
        filtro: true,
        opciones: [
          ...NIVELES_SEMAFORO.map((n) => ({ value: n, label: NIVEL[n].texto })),
          { value: 'sin_dato', label: 'Sin dato' },
        ],
        todas: 'Todos',
      },
      {
        id: 'estado',
        titulo: 'Estado',
        valor: (a) => NOMBRE_ESTADO[a.estado],
        filtro: true,
        opciones: ESTADOS_ACTIVIDAD.map((e) => ({ value: e, label: NOMBRE_ESTADO[e] })),
        todas: 'Todos',
      },
      {
        id: 'reporte',
        titulo: 'Reporte y evidencias',
        valor: (a) => a.reporte,
        celda: (a) => (
          <GrupoSimple>
            <EstadoReporte estado={a.reporte} />
            {enlaceReporte && (
              <Enlace a={enlaceReporte(a)}>
                Abrir<span className="solo-lector"> el reporte de {a.codigo}</span>
              </Enlace>
            )}
          </GrupoSimple>
        ),
      },
    ],
    [t.dependencias, enlaceReporte],
  );
  const datos = consulta.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="t-actividades">
      <Title order={2} size="h4" id="t-actividades" mb="xs">
        Actividades de {nombre}
      </Title>
      <MensajeError error={consulta.error} />
      {!datos ? (
        <Cargando que="las actividades" bloques={[36, 28, 240]} />
      ) : (
        <TablaDatos
          titulo={`Actividades de ${nombre}`}
          sustantivo={['actividad', 'actividades']}
          filas={datos.actividades}
          columnas={columnas}
          idFila={(a) => a.id}
          vacio="Esta política no tiene actividades."
          servidor={{
            pagina: datos.pagina,
            porPagina: datos.porPagina,
            total: datos.total,
            alCambiar: setPagina,
            cargando: consulta.isFetching,
            consulta: {
              busqueda,
              filtros,
              alCambiar: (c) => {
                setBusqueda(c.busqueda);
                setFiltros(c.filtros);
                setPagina(1);
              },
            },
          }}
        />
      )}
    </Paper>
  );
}

/**
 * The figures of a dashboard with drill-down dimension → policy → activity: the same view for the entity's
 * people and, without the links to reports, for citizens on the public page.
 */
export const VistaTablero = memo(function VistaTablero({
  t,
  etiquetas,
  enlaceReporte,
}: {
  t: ResumenVisible;
  etiquetas?: Record<Nivel, string>;
  enlaceReporte?: (a: ActividadTablero) => string;
}) {
  const [dimension, setDimension] = useState<string | null>(null);
  const [politica, setPolitica] = useState<string | null>(null);
  const barras = useMemo(
    () => t.dimensiones.map((d) => ({ nombre: `${d.codigo} ${d.nombre}`, valor: d.avance, color: d.color })),
    [t],
  );
  const politicas = t.politicas.filter((p) => (!dimension || p.dimension === dimension) && p.actividades > 0);
  const pol = t.politicas.find((p) => p.clave === politica);
  // The figures, the semáforo and the bars draw at once; the tables below them in a transition, which React
  // renders in slices that yield to the browser: on a slow phone the whole page in one go held the main
  // thread for half a second (Lighthouse's «total blocking time»). They only add below what is on screen.
  const [tablas, setTablas] = useState(false);
  useEffect(() => startTransition(() => setTablas(true)), []);
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Cifra
          titulo="Avance del plan"
          valor={pct(t.avance)}
          // The plan's own figure: people confuse it with the FURAG index, which the platform never computes.
          detalle={`acumulado a ${t.periodo.nombre.toLowerCase()}; no es el IDI del FURAG`}
        />
        <Cifra
          titulo="Actividades"
          valor={numeroCo(cuantas(t))}
          // «Sin reporte» too: the semáforo below counts those as red or yellow, and «0 atrasadas» alone
          // beside a red item read as a contradiction.
          detalle={[
            cantidad(t.estados.cumplida, 'cumplida', 'cumplidas'),
            cantidad(t.estados.atrasada, 'atrasada', 'atrasadas'),
            `${numeroCo(t.estados.sin_reporte)} sin reporte`,
          ].join(' · ')}
        />
        <Cifra
          titulo="Sin reporte"
          valor={numeroCo(t.sinReporte)}
          detalle="reportes que faltan en este corte"
        />
        <Cifra
          titulo="Reportes tardíos"
          valor={numeroCo(t.tardios)}
          detalle="enviados después de cerrar la ventana"
        />
        {t.verificacion && (
          <Cifra
            titulo="Verificado por control interno"
            valor={pct(t.verificacion.porcentajeVerificado)}
            detalle={
              t.verificacion.seleccionados
                ? `${t.verificacion.verificados} de ${t.verificacion.seleccionados} reportes elegidos · ${t.verificacion.pendientes} por verificar · ${t.verificacion.enRespuesta} con observaciones · ${t.verificacion.completos} completos sin selección`
                : `ningún reporte elegido para verificar · ${t.verificacion.completos} completos sin selección`
            }
          />
        )}
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="t-semaforo">
        <Title order={2} size="h4" id="t-semaforo" mb="xs">
          Semáforo de cumplimiento por actividad
        </Title>
        <Text size="sm" mb="xs">
          Cada actividad según su <Termino t="cumplimiento">cumplimiento</Termino> al corte: lo logrado frente
          a lo programado hasta esa fecha (<Termino t="semaforo">semáforo</Termino>).
        </Text>
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
        <Text size="sm" mb="xs">
          El <Termino t="avance">avance</Termino> de cada <Termino t="dimension">dimensión</Termino> es el
          promedio de sus <Termino t="politica">políticas</Termino> con actividades.
        </Text>
        <GraficaBarras
          barras={barras}
          etiqueta={`Gráfica del avance por dimensión; las cifras están en la tabla siguiente.`}
        />
        {tablas && (
          <TablaDatos
            titulo="Avance por dimensión"
            sustantivo={['dimensión', 'dimensiones']}
            filas={t.dimensiones}
            idFila={(d) => d.codigo}
            buscar={false}
            columnas={[
              {
                id: 'dimension',
                titulo: 'Dimensión',
                valor: (d) => `${d.codigo} ${d.nombre}`,
                principal: true,
                celda: (d) => (
                  <>
                    <span className="muestra-color" style={{ background: d.color }} aria-hidden /> {d.codigo}{' '}
                    {d.nombre}
                  </>
                ),
              },
              {
                id: 'avance',
                titulo: 'Avance',
                valor: (d) => d.avance,
                celda: (d) => pct(d.avance),
                numerica: true,
              },
              {
                id: 'detalle',
                titulo: 'Detalle',
                valor: () => null,
                ordenable: false,
                celda: (d) => (
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
                    <span className="solo-lector"> de {d.nombre}</span>
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Paper>
      {tablas && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="t-politicas">
            <Title order={2} size="h4" id="t-politicas" mb="xs">
              Avance por política{dimension ? ` de ${dimension}` : ''}
            </Title>
            {politicas.length === 0 ? (
              <Text>No hay políticas con actividades{dimension ? ' en esta dimensión' : ''}.</Text>
            ) : (
              <TablaDatos
                titulo="Avance por política"
                sustantivo={['política', 'políticas']}
                filas={politicas}
                idFila={(p) => p.clave}
                buscar={false}
                columnas={[
                  {
                    id: 'politica',
                    titulo: 'Política',
                    valor: (p) => p.nombre,
                    principal: true,
                    celda: (p) => (
                      <BotonEnlace onClick={() => setPolitica(p.clave)} aria-pressed={politica === p.clave}>
                        {p.nombre}
                      </BotonEnlace>
                    ),
                  },
                  {
                    id: 'avance',
                    titulo: 'Avance',
                    valor: (p) => p.avance,
                    celda: (p) => pct(p.avance),
                    numerica: true,
                  },
                  {
                    id: 'cumplimiento',
                    titulo: 'Cumplimiento',
                    valor: (p) => p.cumplimiento,
                    celda: (p) => pct(p.cumplimiento),
                    numerica: true,
                  },
                  {
                    id: 'semaforo',
                    titulo: 'Semáforo',
                    valor: (p) => (p.semaforo ? NIVEL[p.semaforo].texto : null),
                    celda: (p) => <Semaforo nivel={p.semaforo} />,
                  },
                  { id: 'actividades', titulo: 'Actividades', valor: (p) => p.actividades, numerica: true },
                  { id: 'sinReporte', titulo: 'Sin reporte', valor: (p) => p.sinReporte, numerica: true },
                ]}
              />
            )}
          </Paper>
          {pol && (
            <ActividadesPolitica
              key={`${pol.clave}-${t.periodo.numero}`}
              t={t}
              politica={pol.clave}
              nombre={pol.nombre}
              enlaceReporte={enlaceReporte}
            />
          )}
          {t.dependencias.length > 0 && (
            <Paper withBorder p="md" component="section" aria-labelledby="t-dependencias">
              <Title order={2} size="h4" id="t-dependencias" mb="xs">
                Avance por dependencia
              </Title>
              <TablaDatos
                titulo="Avance por dependencia"
                sustantivo={['dependencia', 'dependencias']}
                filas={t.dependencias}
                idFila={(d) => d.id}
                buscar={t.dependencias.length > 10}
                columnas={[
                  { id: 'dependencia', titulo: 'Dependencia', valor: (d) => d.nombre, principal: true },
                  {
                    id: 'avance',
                    titulo: 'Avance promedio',
                    valor: (d) => d.avance,
                    celda: (d) => pct(d.avance),
                    numerica: true,
                  },
                ]}
              />
            </Paper>
          )}
        </>
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
});
