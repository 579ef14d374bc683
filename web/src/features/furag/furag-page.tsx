import type { ResultadoFurag } from '@contrato/furag.ts';
import { Anchor, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { ErrorApi } from '../../api.ts';
import { Cargando, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fecha, numero } from '../../ui/formato.ts';
import { GraficaBarras } from '../../ui/grafica-barras.tsx';
import { Enlace } from '../../ui/router.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { Termino } from '../../ui/termino.tsx';
import { candidatosFuragQuery, furagQuery, historiaFuragQuery } from './api.ts';
import { CargarResultados } from './cargar-resultados.tsx';
import { DepartamentoFuragSeccion } from './departamento-furag.tsx';
import { HistoriaIdi, HistoriaIndice } from './historia-furag.tsx';
import { puntos } from './puntos.ts';
import './furag.css';

type Medicion = ResultadoFurag['dimensiones'][number];

// Only planeación types scores: the form's code comes apart, so the page (and the first load's map of
// what each page needs) does not carry it.
const DigitarPuntajes = lazy(() =>
  import('./digitar-puntajes.tsx').then((m) => ({ default: m.DigitarPuntajes })),
);

const COLUMNAS: Columna<Medicion>[] = [
  { id: 'codigo', titulo: 'Código', valor: (m) => m.codigo, ordenable: true },
  { id: 'nombre', titulo: 'Nombre', valor: (m) => m.nombre ?? '—', principal: true },
  {
    id: 'puntaje',
    titulo: 'Puntaje',
    valor: (m) => m.puntaje,
    celda: (m) => puntos(m.puntaje),
    numerica: true,
    ordenable: true,
  },
  {
    id: 'promedio',
    titulo: 'Promedio del grupo par',
    valor: (m) => m.grupoPar?.promedio ?? null,
    celda: (m) => puntos(m.grupoPar?.promedio ?? null),
    numerica: true,
  },
  {
    id: 'maximo',
    titulo: 'Máximo del grupo par',
    valor: (m) => m.grupoPar?.maximo ?? null,
    celda: (m) => puntos(m.grupoPar?.maximo ?? null),
    numerica: true,
  },
  {
    id: 'posicion',
    titulo: 'Puesto en el grupo par',
    valor: (m) => m.grupoPar?.posicion ?? null,
    celda: (m) =>
      m.grupoPar?.posicion ? `${numero(m.grupoPar.posicion)} de ${numero(m.grupoPar.entidades)}` : '—',
    numerica: true,
    ordenable: true,
  },
  {
    id: 'quintil',
    titulo: 'Quintil',
    valor: (m) => m.grupoPar?.quintil ?? null,
    numerica: true,
    ordenable: true,
  },
];

/** Without a grupo par (scores typed by the entity) the table has the scores alone. */
const COLUMNAS_SIN_GRUPO = COLUMNAS.filter((c) => ['codigo', 'nombre', 'puntaje'].includes(c.id));

function Nivel({
  titulo,
  mediciones,
  sustantivo,
  conGrupo,
}: {
  titulo: string;
  mediciones: Medicion[];
  sustantivo: readonly [string, string];
  conGrupo: boolean;
}) {
  if (!mediciones.length) return null;
  return (
    <section aria-labelledby={`furag-${sustantivo[1]}`} className="furag-nivel">
      <h2 id={`furag-${sustantivo[1]}`}>{titulo}</h2>
      <GraficaBarras
        etiqueta={`Puntaje de la entidad por ${sustantivo[0]}, de 0 a 100; las cifras están en la tabla siguiente`}
        barras={mediciones.map((m) => ({
          nombre: [m.codigo, m.nombre].filter(Boolean).join(' '),
          valor: m.puntaje,
          color: '#0b5394',
          marcas: m.grupoPar ? { promedio: m.grupoPar.promedio, maximo: m.grupoPar.maximo } : undefined,
        }))}
        escala="puntos"
      />
      {/* The bars carry each score; the table adds the group's figures, folded so a phone does not scroll
          through 70 cards to reach the next level. */}
      <details className="furag-cifras">
        <summary>
          {conGrupo
            ? `Cifras de ${sustantivo[1]} frente al grupo par (puntaje, promedio, máximo, puesto y quintil)`
            : `Puntajes de ${sustantivo[1]}`}
        </summary>
        <TablaDatos
          titulo={titulo}
          sustantivo={sustantivo}
          filas={mediciones}
          columnas={conGrupo ? COLUMNAS : COLUMNAS_SIN_GRUPO}
          idFila={(m) => m.codigo}
          buscar={mediciones.length > 10}
          porPagina={100}
        />
      </details>
    </section>
  );
}

/** The indices to work on first, each with what the plans after these results do about it. */
function IndicesDebiles({ indices }: { indices: ResultadoFurag['indicesDebiles'] }) {
  if (!indices.length) return null;
  return (
    <section aria-labelledby="furag-debiles" className="furag-nivel">
      <h2 id="furag-debiles">Los índices más débiles y lo que el plan hace por ellos</h2>
      <p>
        Los {indices.length} índices de menor puntaje que aplican a la entidad. Debajo de cada uno, las
        actividades de los planes posteriores etiquetadas con él (el índice se elige en cada actividad del
        plan).
      </p>
      <ol className="furag-debiles">
        {indices.map((i) => (
          <li key={i.codigo}>
            <strong>
              {i.codigo} {i.nombre ?? ''}
            </strong>
            : {puntos(i.puntaje)}
            {i.grupoPar && ` (promedio del grupo par ${puntos(i.grupoPar.promedio)})`}
            {i.actividades.length ? (
              <ul>
                {i.actividades.map((a) => (
                  <li key={a.id}>
                    <Anchor component={Enlace} a={`/plan?vigencia=${a.vigencia}`}>
                      {a.codigo} {a.nombre}
                    </Anchor>{' '}
                    (plan {a.vigencia})
                  </li>
                ))}
              </ul>
            ) : (
              <p className="furag-sin-actividad">
                Ninguna actividad de los planes posteriores lo atiende todavía.
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Without the entity's row: the rows with a similar name, to recognise its own and register its code. */
function SinFila({
  entidadId,
  vigencia,
  mensaje,
}: {
  entidadId: string;
  vigencia?: number;
  mensaje: string;
}) {
  const c = useQuery(candidatosFuragQuery(entidadId, vigencia));
  const candidatos = c.data?.candidatos ?? [];
  return (
    <div className="aviso aviso-info" role="status">
      <div className="aviso-titulo">Sin resultados para esta entidad</div>
      <div>{mensaje}</div>
      {candidatos.length > 0 && (
        <>
          <div>
            Filas del archivo {c.data?.vigencia} con un nombre parecido. Si una es esta entidad, quien
            administra la entidad registra su código SIGEP en{' '}
            <Anchor component={Link} to="/entidad">
              Entidad
            </Anchor>
            :
          </div>
          <ul>
            {candidatos.map((x) => (
              <li key={x.fila}>
                {x.entidad}
                {x.municipio || x.departamento
                  ? ` (${[x.municipio, x.departamento].filter(Boolean).join(', ')})`
                  : ''}
                {x.codigoSigep ? `: código SIGEP ${x.codigoSigep}` : ': sin código SIGEP en el archivo'}
              </li>
            ))}
          </ul>
        </>
      )}
      <div>
        El administrador de la plataforma carga el archivo oficial de cada vigencia; la fila de la entidad se
        busca por su código SIGEP (en «Entidad») o por su nombre. Si la entidad no está en el archivo,
        planeación puede digitar los puntajes de su informe de resultados al final de esta página.
      </div>
    </div>
  );
}

/** The vigencias to choose from: those loaded or typed, those with the entity's scores, and the one asked for. */
function ElegirVigencia({ opciones, valor }: { opciones: number[]; valor: number | undefined }) {
  const navegar = useNavigate({ from: '/furag' });
  const todas = [...new Set([...opciones, ...(valor === undefined ? [] : [valor])])].sort((a, b) => b - a);
  if (todas.length < 2) return null;
  return (
    <NativeSelect
      label="Vigencia de los resultados"
      value={valor === undefined ? '' : String(valor)}
      data={[
        ...(valor === undefined ? [{ value: '', label: 'Elija una vigencia', disabled: true }] : []),
        ...todas.map(String),
      ]}
      onChange={(e) =>
        navegar({
          search: (p) => ({ ...p, medicion: Number(e.currentTarget.value) }),
          resetScroll: false,
        })
      }
      w="14rem"
    />
  );
}

/** Where the scores come from, said next to them: the official file, or typed by the entity. */
function Origen({ d }: { d: ResultadoFurag }) {
  if (d.origen === 'entidad')
    return (
      <div className="aviso aviso-info" role="note">
        <div className="aviso-titulo">Puntajes digitados por la entidad</div>
        <div>
          Planeación los digitó desde el informe de resultados de la entidad
          {d.digitado?.por ? ` (${d.digitado.por}, el ${fecha(d.digitado.en)})` : ''}: el archivo nacional de{' '}
          {d.vigencia} no trae la fila de la entidad o no se ha cargado. Sin ese archivo no hay comparación
          con el grupo par: el promedio, el máximo y el puesto salen del archivo de todas las entidades.
        </div>
      </div>
    );
  if (!d.fila) return null;
  return (
    <p className="furag-fuente">
      Fila del archivo: {d.fila.entidad}
      {d.fila.codigoSigep ? ` (código SIGEP ${d.fila.codigoSigep})` : ''}
      {d.fila.coincidencia === 'nombre'
        ? ', encontrada por el nombre: registre el código SIGEP de la entidad para no depender de él'
        : ''}
      {d.fila.tipoFormulario ? `; formulario ${d.fila.tipoFormulario}` : ''}.
    </p>
  );
}

export function FuragPage() {
  const { entidad, sesion, puede } = useTrabajo();
  const { medicion } = useSearch({ from: '/furag' });
  const navegar = useNavigate({ from: '/furag' });
  const adminPlataforma = sesion.usuario.adminPlataforma;
  const r = useQuery(furagQuery(entidad?.id, medicion));
  const h = useQuery(historiaFuragQuery(entidad?.id));
  const sinArchivo = r.error instanceof ErrorApi && r.error.status === 404;
  const d = r.data;
  const opciones = [...(d?.vigencias ?? []), ...(h.data?.vigencias.map((v) => v.vigencia) ?? [])];
  const conGrupo = d?.origen === 'archivo';
  return (
    <Pagina
      titulo="Resultados FURAG"
      descripcion={
        <>
          Los puntajes oficiales del <Termino t="furag">FURAG</Termino> de la entidad frente a su{' '}
          <Termino t="grupo-par">grupo par</Termino>: el <Termino t="idi">IDI</Termino>, cada dimensión, cada
          política y cada índice, de 0 a 100. Son los del archivo que publica Función Pública (o, si la
          entidad no está en él, los de su informe de resultados, digitados por planeación); la plataforma no
          calcula puntajes.
        </>
      }
    >
      {adminPlataforma && <CargarResultados />}
      {!entidad && !adminPlataforma && <p>Elija una entidad.</p>}
      {r.isPending && entidad && <Cargando que="los resultados FURAG" />}
      {entidad && <ElegirVigencia opciones={opciones} valor={d?.vigencia ?? medicion} />}
      {sinArchivo && entidad ? (
        <SinFila entidadId={entidad.id} vigencia={medicion} mensaje={r.error?.message ?? ''} />
      ) : (
        <MensajeError error={r.error} />
      )}
      {d && entidad && (
        <>
          <section aria-labelledby="furag-idi" className="furag-idi">
            <h2 id="furag-idi">Índice de Desempeño Institucional {d.vigencia}</h2>
            <p className="furag-idi-cifra">{puntos(d.idi.puntaje)}</p>
            <p>
              {d.grupoPar
                ? `Grupo par${conGrupo ? '' : ' según el informe'}: ${d.grupoPar}.`
                : conGrupo
                  ? 'La entidad no tiene grupo par en el archivo.'
                  : 'Sin grupo par digitado.'}{' '}
              {d.idi.grupoPar &&
                `Promedio del grupo ${puntos(d.idi.grupoPar.promedio)}, máximo ${puntos(d.idi.grupoPar.maximo)}, mínimo ${puntos(d.idi.grupoPar.minimo)}${
                  d.idi.grupoPar.posicion
                    ? `; la entidad ocupa el puesto ${numero(d.idi.grupoPar.posicion)} de ${numero(d.idi.grupoPar.entidades)} (quintil ${d.idi.grupoPar.quintil} de 5).`
                    : '.'
                }`}
            </p>
            <Origen d={d} />
          </section>
          <HistoriaIdi entidadId={entidad.id} />
          <HistoriaIndice entidadId={entidad.id} />
          <IndicesDebiles indices={d.indicesDebiles} />
          <Nivel
            titulo="Dimensiones"
            mediciones={d.dimensiones}
            sustantivo={['dimensión', 'dimensiones']}
            conGrupo={conGrupo}
          />
          <Nivel
            titulo="Políticas"
            mediciones={d.politicas}
            sustantivo={['política', 'políticas']}
            conGrupo={conGrupo}
          />
          <Nivel
            titulo="Índices"
            mediciones={d.indices}
            sustantivo={['índice', 'índices']}
            conGrupo={conGrupo}
          />
          {conGrupo && (
            <DepartamentoFuragSeccion
              entidadId={entidad.id}
              vigencia={d.vigencia}
              codigoSigep={d.fila?.codigoSigep ?? null}
              adminPlataforma={adminPlataforma}
            />
          )}
        </>
      )}
      {entidad && puede('plan.editar') && (
        <Suspense fallback={<Cargando que="el formulario de puntajes" bloques={[120]} />}>
          <DigitarPuntajes
            entidadId={entidad.id}
            vigenciaSugerida={d?.vigencia ?? medicion}
            alGuardar={(vigencia) =>
              navegar({ search: (p) => ({ ...p, medicion: vigencia }), resetScroll: false })
            }
          />
        </Suspense>
      )}
    </Pagina>
  );
}
