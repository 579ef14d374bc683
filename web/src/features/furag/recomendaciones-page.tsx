import { TABLA_MAXIMA_BYTES } from '@contrato/excel.ts';
import type { Recomendacion } from '@contrato/furag-recomendaciones.ts';
import { numeroCo } from '@core/numeros.ts';
import { NOMBRE_ESTADO_SEGUIMIENTO } from '@core/seguimiento.ts';
import { Anchor, Button, FileInput, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorTabla } from '../../api-archivos.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { cantidad, numero, porcentaje } from '../../ui/formato.ts';
import { ProblemasImportacion, TablaTextos } from '../../ui/problemas-importacion.tsx';
import { Enlace } from '../../ui/router.tsx';
import { Termino } from '../../ui/termino.tsx';
import { vigenciasQuery } from '../catalogo/api.ts';
import {
  AvisoPlanCerrado,
  useConversionEnActividad,
  VentanaActividadDeOrigen,
  VinculosActividad,
} from '../plan/actividad-de-origen.tsx';
import {
  recomendacionesQuery,
  trazabilidadQuery,
  useCargarRecomendaciones,
  useConvertirRecomendacion,
} from './recomendaciones-api.ts';
import './furag.css';

const TIPOS = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const TITULO = 'Recomendaciones de Función Pública';

const puntos = (n: number | null) => (n === null ? '—' : numeroCo(n, 1));

const nombreIndice = (r: Recomendacion) =>
  r.indice ? `${r.indice}${r.indiceNombre ? ` ${r.indiceNombre}` : ''}` : 'Recomendación a la política';

/** Planeación loads the file that came with the results of a vigencia: all of it or nothing. */
function CargarRecomendaciones({
  entidadId,
  vigenciaTrabajo,
}: {
  entidadId: string;
  vigenciaTrabajo: number;
}) {
  const vigencias = useQuery(vigenciasQuery());
  const opciones = (vigencias.data ?? []).map((v) => v.vigencia).sort((a, b) => b - a);
  const [vigencia, setVigencia] = useState<number | null>(null);
  const elegida =
    vigencia ?? (opciones.includes(vigenciaTrabajo - 1) ? vigenciaTrabajo - 1 : (opciones[0] ?? null));
  const [archivo, setArchivo] = useState<File | null>(null);
  const cargar = useCargarRecomendaciones(entidadId);
  const problemas = cargar.error instanceof ErrorTabla ? cargar.error.problemas : [];
  const muyGrande = !!archivo && archivo.size > TABLA_MAXIMA_BYTES;
  const r = cargar.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cargar-recomendaciones">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cargar-recomendaciones">
          Cargar las recomendaciones
        </Title>
        <Text size="sm">
          El archivo (.xlsx o .csv) trae una fila por recomendación con las columnas «Índice» (por ejemplo
          «I01 Calidad de la planeación…») y «Recomendación»; «Política» es opcional. Si una fila tiene un
          problema no se carga ninguna. Un archivo nuevo reemplaza las recomendaciones de esa vigencia que aún
          no se usaron; las que ya se convirtieron en actividad o propuesta se conservan.
        </Text>
        <Group align="end" wrap="wrap">
          <NativeSelect
            label="Vigencia de los resultados"
            value={elegida === null ? '' : String(elegida)}
            onChange={(e) => setVigencia(Number(e.currentTarget.value))}
            data={opciones.map((v) => ({ value: String(v), label: String(v) }))}
            style={{ flex: '0 1 12rem' }}
          />
          <FileInput
            label="Archivo de recomendaciones (.xlsx o .csv)"
            description="Hasta 5 MB y 2.000 recomendaciones."
            accept={TIPOS}
            value={archivo}
            onChange={(f) => {
              setArchivo(f);
              cargar.reset();
            }}
            error={muyGrande ? 'El archivo pesa más de 5 MB. Divídalo en varios archivos.' : undefined}
            clearable
            clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            disabled={!archivo || muyGrande || elegida === null}
            loading={cargar.isPending}
            onClick={() =>
              cargar.mutate({ archivo: archivo!, vigencia: elegida! }, { onSuccess: () => setArchivo(null) })
            }
          >
            Cargar recomendaciones
          </Button>
        </Group>
        {r && (
          <Exito>
            Quedaron {cantidad(r.cargadas, 'recomendación nueva', 'recomendaciones nuevas')}
            {r.conservadas ? `; se conservaron ${cantidad(r.conservadas, 'ya usada', 'ya usadas')}` : ''}
            {r.reemplazadas ? `; se reemplazaron ${cantidad(r.reemplazadas, 'sin usar', 'sin usar')}` : ''}.
          </Exito>
        )}
        <MensajeError error={cargar.error} />
        <ProblemasImportacion problemas={problemas} />
      </Stack>
    </Paper>
  );
}

const SIN_VINCULOS = 'Aún no hay actividades que respondan a esta recomendación.';

function ListaRecomendaciones() {
  const { entidad } = useTrabajo();
  const [vigenciaResultados, setVigenciaResultados] = useState<number | undefined>(undefined);
  const lista = useQuery(recomendacionesQuery(entidad?.id, vigenciaResultados));
  const c = useConversionEnActividad<Recomendacion>('recomendacion.proponer');
  const convertir = useConvertirRecomendacion(entidad?.id ?? '');
  const d = lista.data;
  if (lista.isPending) return <Cargando que="las recomendaciones" bloques={[28, 200]} />;
  if (!d) return <MensajeError error={lista.error} />;
  // Consecutive recommendations of one policy under its heading (the API sends them by policy and index).
  const grupos: Recomendacion[][] = [];
  for (const r of d.recomendaciones) {
    const ultimo = grupos.at(-1);
    if (ultimo && ultimo[0]!.politica === r.politica) ultimo.push(r);
    else grupos.push([r]);
  }
  return (
    <section aria-labelledby="lista-recomendaciones">
      <Stack gap="md">
        <Title order={2} size="h3" id="lista-recomendaciones">
          {d.vigencia
            ? `Recomendaciones con los resultados ${d.vigencia}`
            : 'Aún no hay recomendaciones cargadas'}
        </Title>
        {d.vigencias.length > 1 && (
          <NativeSelect
            label="Vigencia de los resultados"
            value={String(d.vigencia ?? '')}
            onChange={(e) => setVigenciaResultados(Number(e.currentTarget.value))}
            data={d.vigencias.map((v) => ({ value: String(v), label: String(v) }))}
            style={{ maxWidth: '12rem' }}
          />
        )}
        {d.vigencia && (
          <Text size="sm">
            {cantidad(d.recomendaciones.length, 'recomendación', 'recomendaciones')}. Las actividades se crean
            en el plan de {c.vigencia} (el año elegido arriba), con la política y el índice de la
            recomendación.
          </Text>
        )}
        {c.hecho && <Exito>{c.hecho}</Exito>}
        {d.recomendaciones.length > 0 && <AvisoPlanCerrado c={c} que="las recomendaciones" />}
        {grupos.map((g) => {
          const p = g[0]!;
          const idGrupo = `politica-${p.politica}`;
          return (
            <section key={p.politica} aria-labelledby={idGrupo} className="recomendaciones-politica">
              <Title order={3} size="h4" id={idGrupo}>
                {[p.politicaCodigo, p.politicaNombre].filter(Boolean).join(' ')}
              </Title>
              <ul className="recomendaciones-lista">
                {g.map((r) => {
                  const como = c.como(r.politica);
                  return (
                    <li key={r.id}>
                      <Paper withBorder p="sm">
                        <Stack gap="xs">
                          <Text fw={700}>{nombreIndice(r)}</Text>
                          <Text className="recomendacion-texto">{r.texto}</Text>
                          <VinculosActividad v={r} vacio={SIN_VINCULOS} />
                          <Group gap="xs" wrap="wrap">
                            {como && (
                              <Button size="xs" onClick={() => c.abrir(r, como)}>
                                {como === 'actividad' ? 'Crear actividad' : 'Proponer actividad'}
                              </Button>
                            )}
                            <Enlace
                              a={`/furag/recomendaciones?recomendacion=${r.id}`}
                              className="enlace-traza"
                            >
                              Ver trazabilidad
                              <span className="solo-lector"> de la recomendación {nombreIndice(r)}</span>
                            </Enlace>
                          </Group>
                        </Stack>
                      </Paper>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </Stack>
      <VentanaActividadDeOrigen
        c={c}
        origen={(r) => ({ politica: r.politica, indiceFurag: r.indice, texto: r.texto })}
        contexto={(r) => `Responde a la recomendación ${nombreIndice(r)}.`}
        enviar={(r, como, datos) =>
          convertir.mutateAsync({ id: r.id, como, vigencia: c.vigencia, actividad: datos })
        }
      />
    </section>
  );
}

function Puntaje({
  titulo,
  p,
  codigo,
}: {
  titulo: string;
  p: { vigencia: number; codigo: string | null; estado: string; puntaje: number | null };
  /** The recommendation's code: FURAG may renumber the index the next year. */
  codigo: string | null;
}) {
  const texto =
    p.estado === 'con_puntaje'
      ? puntos(p.puntaje)
      : p.estado === 'no_aplica'
        ? 'No aplica a la entidad'
        : p.estado === 'sin_fila'
          ? 'La entidad no está en el archivo ni digitó sus puntajes'
          : `Aún no se cargaron los resultados de ${p.vigencia}`;
  return (
    <div className="traza-puntaje">
      <Text size="sm">
        {titulo} ({p.vigencia}
        {p.codigo && p.codigo !== codigo ? `, con el código ${p.codigo}` : ''})
      </Text>
      <Text fw={800} size={p.estado === 'con_puntaje' ? 'xl' : 'sm'}>
        {texto}
      </Text>
    </div>
  );
}

/** The whole chain of one recommendation on one page. */
function TrazabilidadRecomendacion({ id }: { id: string }) {
  const { entidad } = useTrabajo();
  const t = useQuery(trazabilidadQuery(entidad?.id, id));
  const volver = <Enlace a="/furag/recomendaciones">Volver a las recomendaciones</Enlace>;
  if (t.isPending) return <Cargando que="la trazabilidad" bloques={[28, 160, 200]} />;
  if (!t.data)
    return (
      <Stack>
        <MensajeError error={t.error} />
        {volver}
      </Stack>
    );
  const { recomendacion: r, actividades, medicion } = t.data;
  const { base, siguiente } = medicion;
  const cambio =
    base.puntaje !== null && siguiente.puntaje !== null ? siguiente.puntaje - base.puntaje : null;
  return (
    <Stack gap="lg">
      {volver}
      <Paper withBorder p="md" component="section" aria-labelledby="traza-recomendacion">
        <Title order={2} size="h4" id="traza-recomendacion">
          1. La recomendación
        </Title>
        <Text size="sm">
          {[r.politicaCodigo, r.politicaNombre].filter(Boolean).join(' ')} · resultados {r.vigencia} · fila{' '}
          {r.fila} del archivo
        </Text>
        <Text fw={700} mt="xs">
          {nombreIndice(r)}
        </Text>
        <Text className="recomendacion-texto">{r.texto}</Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="traza-actividades">
        <Title order={2} size="h4" id="traza-actividades">
          2. Las actividades del plan y su avance
        </Title>
        {actividades.length === 0 && <VinculosActividad v={r} vacio={SIN_VINCULOS} />}
        {actividades.map((a) => (
          <Stack key={a.id} gap="xs" mt="sm">
            <Text fw={700}>
              {a.codigo} · {a.nombre}
            </Text>
            <Text size="sm">
              Plan {a.vigencia} ({a.estadoPlan}) · meta anual {numero(a.metaAnual)} {a.unidad} · logrado{' '}
              {a.logrado === null
                ? 'sin reportes aceptados'
                : `${numero(a.logrado)} (${porcentaje(a.avance)})`}
            </Text>
            {a.reportes.length > 0 ? (
              <TablaTextos
                etiqueta={`Reportes de seguimiento de ${a.codigo}`}
                columnas={['Periodo', 'Valor', 'Estado', 'Evidencias']}
                filas={a.reportes.map((s) => [
                  s.periodo,
                  numero(s.valor),
                  NOMBRE_ESTADO_SEGUIMIENTO[s.estado],
                  s.evidencias.map((e) => e.nombre).join(', ') || 'Sin evidencias',
                ])}
              />
            ) : (
              <Text size="sm">Aún sin reportes de seguimiento.</Text>
            )}
            {a.reportes.some((s) => s.evidencias.length) && (
              <ul className="recomendacion-vinculos">
                {a.reportes.flatMap((s) =>
                  s.evidencias.map((e) => (
                    <li key={e.id}>
                      <Anchor
                        href={e.url ?? `/api/entidades/${entidad?.id}/evidencias/${e.id}`}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        {e.nombre} (periodo {s.periodo})
                      </Anchor>
                    </li>
                  )),
                )}
              </ul>
            )}
          </Stack>
        ))}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="traza-puntaje">
        <Title order={2} size="h4" id="traza-puntaje">
          3. El puntaje {medicion.codigo ? `de ${medicion.codigo}` : 'del índice'} en el{' '}
          <Termino t="furag">FURAG</Termino>
        </Title>
        <Group gap="xl" mt="xs" wrap="wrap">
          <Puntaje titulo="Con la recomendación" p={base} codigo={medicion.codigo} />
          <Puntaje titulo="Año siguiente" p={siguiente} codigo={medicion.codigo} />
        </Group>
        {cambio !== null && (
          <Text size="sm" mt="xs">
            {cambio === 0
              ? 'El puntaje no cambió.'
              : `El puntaje ${cambio > 0 ? 'subió' : 'bajó'} ${puntos(Math.abs(cambio))} puntos.`}{' '}
            Son puntajes oficiales: la plataforma no los calcula.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

export function RecomendacionesPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const { recomendacion } = useSearch({ strict: false }) as { recomendacion?: string };
  return (
    <Pagina
      titulo={recomendacion ? 'Trazabilidad de una recomendación' : TITULO}
      descripcion={
        <>
          Las recomendaciones que Función Pública envía a la entidad con sus resultados del{' '}
          <Termino t="furag">FURAG</Termino>, por política e índice: cada una puede convertirse en actividad
          del plan y seguirse hasta el puntaje del índice del año siguiente.
        </>
      }
    >
      {!entidad ? (
        <Text>Elija una entidad.</Text>
      ) : recomendacion ? (
        <TrazabilidadRecomendacion id={recomendacion} />
      ) : (
        <>
          {puede('plan.editar') && (
            <CargarRecomendaciones entidadId={entidad.id} vigenciaTrabajo={vigencia} />
          )}
          <ListaRecomendaciones />
        </>
      )}
    </Pagina>
  );
}
