// One FURAG rehearsal: planeación assigns its modules (or any part, a policy) to its people; each person
// answers their questions item by item with evidence, last vigencia's answer beside each; the jefe de control
// interno answers the control-interno form only. Progress is completeness and evidence coverage, never a score.

import {
  type Cuestionario,
  type Item,
  itemsVisibles,
  type Respuesta,
  recorrer,
  seccionesDe,
} from '@core/cuestionario.ts';
import { numeroCo } from '@core/numeros.ts';
import { textoRespuesta } from '@core/simulacro.ts';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { ElegirEvidencia, ListaEvidencias } from '../autodiagnosticos/evidencias-enlazadas.tsx';
import { ItemRespuesta } from '../autodiagnosticos/item-respuesta.tsx';
import { buscarItem, SeccionCuestionario } from '../autodiagnosticos/seccion-cuestionario.tsx';
import '../autodiagnosticos/autodiagnosticos.css';
import { VentanaFurag } from '../calendario/ventana-furag.tsx';
import { entidadQuery } from '../entidad/api.ts';
import { usuariosQuery } from '../usuarios/api.ts';
import {
  elegiblesSimulacroQuery,
  exportarSimulacroUrl,
  type GuardarRespuestaSimulacro,
  type Simulacro,
  simulacroQuery,
  useAsignarSeccion,
  useGuardarRespuestaSimulacro,
} from './api.ts';
import { AvanceSimulacro } from './avance-simulacro.tsx';

type EvidenciaGuardada = Simulacro['respuestas'][string]['evidencias'][number];
type EvidenciaEnviada = NonNullable<GuardarRespuestaSimulacro['evidencias']>[number];

/** What goes back to the server: seguimiento's evidence by its id, a typed link as typed. */
const paraEnviar = (e: EvidenciaGuardada): EvidenciaEnviada =>
  e.evidenciaId ? { evidenciaId: e.evidenciaId } : { nombre: e.nombre, url: e.url };

/** Who answers a question, in words. */
function nombreResponde(d: Simulacro, codigo: string) {
  const r = d.responden[codigo];
  if (!r || r.tipo === 'sin_asignar') return 'Sin asignar';
  if (r.tipo === 'control_interno') return 'Control interno';
  return d.asignaciones.find((a) => a.usuario.id === r.usuarioId)?.usuario.nombre ?? 'Sin asignar';
}

/** The answer's evidence: linked from seguimiento (the same file) or a link typed by hand; each change is saved. */
function EvidenciasSimulacro({
  d,
  entidadId,
  codigo,
  puedeCambiar,
  exige,
}: {
  d: Simulacro;
  entidadId: string;
  codigo: string;
  puedeCambiar: boolean;
  exige: boolean;
}) {
  const id = d.simulacro.id;
  const [abierto, setAbierto] = useState(exige);
  const [enlace, setEnlace] = useState<{ nombre: string; url: string } | null>(null);
  const guardar = useGuardarRespuestaSimulacro(entidadId, id, codigo);
  const elegibles = useQuery(elegiblesSimulacroQuery(entidadId, id, puedeCambiar && abierto));
  const actual = d.respuestas[codigo];
  const lista = actual?.evidencias ?? [];
  const enlazadas = new Set(lista.flatMap((e) => (e.evidenciaId ? [e.evidenciaId] : [])));
  const opciones = (elegibles.data?.evidencias ?? []).filter((e) => !enlazadas.has(e.id));
  const errorEnlace = enlace ? erroresPorCampo(guardar.error)[`evidencias.${lista.length}.url`] : undefined;
  const cambiar = (evidencias: EvidenciaEnviada[], despues?: () => void) =>
    guardar.mutate(
      { respuesta: actual?.respuesta ?? null, observacion: actual?.observacion ?? null, evidencias },
      { onSuccess: despues },
    );
  if (lista.length === 0 && !puedeCambiar) return null;
  return (
    <div>
      <ListaEvidencias
        titulo="Evidencias"
        lista={lista.map((e) => ({ clave: e.url, nombre: e.nombre, href: e.url }))}
        item={codigo}
        puedeQuitar={puedeCambiar}
        quitando={guardar.isPending ? null : undefined}
        alQuitar={(url) => cambiar(lista.filter((x) => x.url !== url).map(paraEnviar))}
      />
      {puedeCambiar && !abierto && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAbierto(true)}>
          Agregar una evidencia
        </Button>
      )}
      {puedeCambiar && abierto && (
        <Stack gap="xs">
          {elegibles.data && opciones.length === 0 && (
            <Text size="sm">
              No hay más evidencias cargadas en el seguimiento de la entidad para enlazar.
            </Text>
          )}
          <ElegirEvidencia
            opciones={opciones}
            item={codigo}
            enlazando={guardar.isPending && !enlace}
            deshabilitado={guardar.isPending}
            alEnlazar={(id) => cambiar([...lista.map(paraEnviar), { evidenciaId: id }])}
          />
          {enlace ? (
            <Group align="end" wrap="wrap" gap="xs">
              <TextInput
                label="Nombre de la evidencia"
                value={enlace.nombre}
                maxLength={200}
                onChange={(e) => setEnlace({ ...enlace, nombre: e.currentTarget.value })}
                style={{ flex: '1 1 12rem', minWidth: 0 }}
              />
              <TextInput
                label="Enlace (https://…)"
                value={enlace.url}
                maxLength={2000}
                error={errorEnlace}
                onChange={(e) => setEnlace({ ...enlace, url: e.currentTarget.value })}
                style={{ flex: '2 1 16rem', minWidth: 0 }}
              />
              <Button
                variant="outline"
                loading={guardar.isPending}
                onClick={() =>
                  cambiar([...lista.map(paraEnviar), { nombre: enlace.nombre, url: enlace.url }], () =>
                    setEnlace(null),
                  )
                }
                aria-label={`Agregar el enlace a ${codigo}`}
              >
                Agregar
              </Button>
            </Group>
          ) : (
            <Button
              variant="subtle"
              size="compact-sm"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setEnlace({ nombre: '', url: '' })}
            >
              Agregar un enlace (por ejemplo, a la sede electrónica)
            </Button>
          )}
        </Stack>
      )}
      {/* A bad link is said under its field, not twice. */}
      <MensajeError error={errorEnlace ? null : (guardar.error ?? elegibles.error)} />
    </div>
  );
}

/** Last vigencia's answer to the same question (placed by equivalent code), with its evidence. */
function Anterior({ d, item }: { d: Simulacro; item: Item }) {
  if (!d.anterior) return null;
  const r = d.anterior.respuestas[item.codigo];
  const texto = textoRespuesta(item, r?.respuesta ?? undefined);
  return (
    <div className="respuesta-anterior">
      <Text size="sm">
        <strong>Respuesta de {d.anterior.vigencia}:</strong> {texto || 'sin respuesta'}
      </Text>
      {r?.observacion && <Text size="sm">Observación: {r.observacion}</Text>}
      {r && r.evidencias.length > 0 && (
        <Text size="sm">
          Evidencias de {d.anterior.vigencia}:{' '}
          {r.evidencias.map((e, i) => (
            <span key={e.url}>
              {i > 0 && ', '}
              <Anchor href={e.url} target="_blank" rel="noopener" underline="always">
                {e.nombre}
              </Anchor>
            </span>
          ))}
        </Text>
      )}
    </div>
  );
}

function ItemSimulacro({
  d,
  entidadId,
  codigo,
  puedeResponder,
  alCambiar,
}: {
  d: Simulacro;
  entidadId: string;
  codigo: string;
  puedeResponder: boolean;
  alCambiar: (r: Respuesta | null) => void;
}) {
  const guardar = useGuardarRespuestaSimulacro(entidadId, d.simulacro.id, codigo);
  const item = useMemo(() => buscarItem(d.cuestionario, codigo), [d.cuestionario, codigo]);
  if (!item) return null;
  const evidencias = d.respuestas[codigo]?.evidencias ?? [];
  return (
    <ItemRespuesta
      item={item}
      guardado={d.respuestas[codigo]}
      soloLectura={!puedeResponder}
      guardar={(g) => guardar.mutateAsync({ ...g, evidencias: evidencias.map(paraEnviar) })}
      alCambiar={alCambiar}
      contexto={
        <>
          <Text size="sm">
            <strong>Responde:</strong> {nombreResponde(d, codigo)}
          </Text>
          <Anterior d={d} item={item} />
        </>
      }
      evidencias={
        <EvidenciasSimulacro
          d={d}
          entidadId={entidadId}
          codigo={codigo}
          puedeCambiar={puedeResponder}
          exige={!!item.evidencia && evidencias.length === 0}
        />
      }
    />
  );
}

/** Planeación gives a module, or any part of it (a policy), to one of its people; the control-interno form never. */
function Asignaciones({ d, entidadId }: { d: Simulacro; entidadId: string }) {
  const asignar = useAsignarSeccion(entidadId, d.simulacro.id);
  const usuarios = useQuery(usuariosQuery(entidadId));
  const ci = d.simulacro.seccionControlInterno;
  const secciones = useMemo(() => {
    const fuera: { codigo: string; etiqueta: string }[] = [];
    for (const s of d.cuestionario.secciones) {
      if (s.codigo === ci) continue;
      for (const { seccion, nivel } of seccionesDe({ secciones: [s] }))
        fuera.push({
          codigo: seccion.codigo,
          etiqueta: `${'— '.repeat(nivel - 1)}${seccion.codigo} ${seccion.nombre}`,
        });
    }
    return fuera;
  }, [d.cuestionario, ci]);
  const personas = (usuarios.data ?? []).filter((u) => u.activo && u.roles.includes('planeacion'));
  const [seccion, setSeccion] = useState('');
  const [persona, setPersona] = useState('');
  const seccionElegida = secciones.some((s) => s.codigo === seccion) ? seccion : (secciones[0]?.codigo ?? '');
  const personaElegida = personas.some((p) => p.id === persona) ? persona : (personas[0]?.id ?? '');
  const nombreSeccion = (codigo: string) =>
    seccionesDe(d.cuestionario).find((s) => s.seccion.codigo === codigo)?.seccion.nombre ?? '';
  const columnas: Columna<Simulacro['asignaciones'][number]>[] = [
    {
      id: 'seccion',
      titulo: 'Sección',
      valor: (a) => `${a.seccion} ${nombreSeccion(a.seccion)}`,
      principal: true,
    },
    { id: 'persona', titulo: 'Responde', valor: (a) => a.usuario.nombre },
    {
      id: 'acciones',
      titulo: 'Acciones',
      valor: () => null,
      ordenable: false,
      celda: (a) => (
        <Button
          size="xs"
          variant="light"
          loading={
            asignar.isPending && asignar.variables?.seccion === a.seccion && !asignar.variables.usuarioId
          }
          onClick={() => asignar.mutate({ seccion: a.seccion, usuarioId: null })}
          aria-label={`Quitar la asignación de ${a.seccion}`}
        >
          Quitar
        </Button>
      ),
    },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="asignar-simulacro">
      <Stack gap="sm">
        <Title order={2} size="h3" id="asignar-simulacro">
          Quién responde
        </Title>
        <Text size="sm">
          Asigne un módulo entero o una parte de él (por ejemplo, una política) a una persona de planeación.
          Si asigna una parte a otra persona, esa parte es de ella. El formulario de control interno no se
          asigna: lo responde el jefe de control interno.
        </Text>
        <TablaDatos
          titulo="Asignaciones del simulacro"
          sustantivo={['asignación', 'asignaciones']}
          filas={d.asignaciones}
          columnas={columnas}
          idFila={(a) => a.seccion}
          buscar={false}
          vacio="Aún no hay asignaciones: nadie puede responder las preguntas del formulario de la entidad."
        />
        {usuarios.isPending ? (
          <Cargando que="las personas de planeación" bloques={[36]} />
        ) : personas.length === 0 ? (
          <Text size="sm">
            La entidad no tiene personas con el rol de planeación activas. Agréguelas en{' '}
            <Enlace a="/usuarios">Usuarios y roles</Enlace>.
          </Text>
        ) : (
          <Group align="end" wrap="wrap">
            <NativeSelect
              label="Sección"
              value={seccionElegida}
              onChange={(e) => setSeccion(e.currentTarget.value)}
              data={secciones.map((s) => ({ value: s.codigo, label: s.etiqueta }))}
              style={{ flex: '1 1 16rem', minWidth: 0 }}
            />
            <NativeSelect
              label="Persona"
              value={personaElegida}
              onChange={(e) => setPersona(e.currentTarget.value)}
              data={personas.map((p) => ({
                value: p.id,
                label: `${p.nombre}${p.cargo ? ` (${p.cargo})` : ''}`,
              }))}
              style={{ flex: '1 1 14rem', minWidth: 0 }}
            />
            <Button
              loading={asignar.isPending && !!asignar.variables?.usuarioId}
              disabled={!seccionElegida}
              onClick={() => asignar.mutate({ seccion: seccionElegida, usuarioId: personaElegida })}
            >
              Asignar
            </Button>
          </Group>
        )}
        {asignar.isSuccess && asignar.variables.usuarioId && (
          <Exito>
            La sección {asignar.variables.seccion} quedó asignada a{' '}
            {personas.find((p) => p.id === asignar.variables.usuarioId)?.nombre ?? 'la persona'}.
          </Exito>
        )}
        <MensajeError error={asignar.error ?? usuarios.error} />
      </Stack>
    </Paper>
  );
}

/** The questions, one module at a time (a bank has hundreds), by default those the person answers. */
function Preguntas({ d, entidadId }: { d: Simulacro; entidadId: string }) {
  const entidad = useQuery(entidadQuery(entidadId));
  const mias = useMemo(() => new Set(d.puedoResponder), [d.puedoResponder]);
  const cuestionario = d.cuestionario as Cuestionario;
  const [soloMias, setSoloMias] = useState(mias.size > 0);
  const modulos = cuestionario.secciones;
  const primeroMio = modulos.find((m) => recorrer({ secciones: [m] }).some((x) => mias.has(x.item.codigo)));
  const [modulo, setModulo] = useState((primeroMio ?? modulos[0])?.codigo ?? '');
  // The drafts of this visit over the saved answers: skip logic reads what is on screen now.
  const [borradores, setBorradores] = useState<ReadonlyMap<string, Respuesta | null>>(new Map());
  const visibles = useMemo(() => {
    const actuales = new Map<string, Respuesta>();
    for (const [k, v] of Object.entries(d.respuestas)) if (v.respuesta) actuales.set(k, v.respuesta);
    for (const [k, v] of borradores) {
      if (v) actuales.set(k, v);
      else actuales.delete(k);
    }
    const ctx = entidad.data
      ? { orden: entidad.data.orden, tipoFormulario: entidad.data.tipoFormulario }
      : {};
    const todas = itemsVisibles(cuestionario, actuales, ctx);
    return soloMias ? new Set([...todas].filter((c) => mias.has(c))) : todas;
  }, [cuestionario, d.respuestas, borradores, entidad.data, soloMias, mias]);
  const mostrados = modulos.filter((m) => !modulo || m.codigo === modulo);
  const hayAlgo = mostrados.some((m) =>
    recorrer({ secciones: [m] }).some((x) => visibles.has(x.item.codigo)),
  );
  return (
    <section aria-labelledby="preguntas-simulacro">
      <Stack gap="md">
        <Title order={2} size="h3" id="preguntas-simulacro">
          Preguntas
        </Title>
        <Group align="end" wrap="wrap">
          <NativeSelect
            label="Módulo"
            value={modulo}
            onChange={(e) => setModulo(e.currentTarget.value)}
            data={[
              ...modulos.map((m) => ({ value: m.codigo, label: `${m.codigo} ${m.nombre}` })),
              { value: '', label: 'Todos los módulos' },
            ]}
            style={{ flex: '1 1 16rem', minWidth: 0 }}
          />
          {mias.size > 0 && (
            <Checkbox
              label="Solo las preguntas que yo respondo"
              checked={soloMias}
              onChange={(e) => setSoloMias(e.currentTarget.checked)}
            />
          )}
        </Group>
        {!hayAlgo && (
          <Text>
            {soloMias
              ? 'En este módulo no hay preguntas que usted responda. Elija otro módulo o quite el filtro.'
              : 'En este módulo no hay preguntas que apliquen a la entidad.'}
          </Text>
        )}
        {mostrados.map((s) => (
          <SeccionCuestionario
            key={s.codigo}
            s={s}
            nivel={1}
            visibles={visibles}
            pintar={(codigo) => (
              <ItemSimulacro
                d={d}
                entidadId={entidadId}
                codigo={codigo}
                puedeResponder={mias.has(codigo)}
                alCambiar={(r) => setBorradores((m) => new Map(m).set(codigo, r))}
              />
            )}
          />
        ))}
      </Stack>
    </section>
  );
}

function Detalle({ d, entidadId }: { d: Simulacro; entidadId: string }) {
  const { entidad, puede } = useTrabajo();
  const s = d.simulacro;
  const ci = d.cuestionario.secciones.find((x) => x.codigo === s.seccionControlInterno);
  const esControlInterno = !!entidad?.roles.includes('control_interno');
  const n = d.puedoResponder.length;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            <strong>Vigencia:</strong> {s.vigencia} · <strong>Banco:</strong> {s.codigo}
            {d.cuestionario.fuente ? ` (${d.cuestionario.fuente})` : ''}
          </Text>
          <Text>
            <strong>Formulario de control interno:</strong>{' '}
            {ci ? `${ci.codigo} ${ci.nombre}, lo responde el jefe de control interno` : 'el banco no tiene'}
          </Text>
          <Text>
            {n > 0
              ? `Usted responde ${n === 1 ? '1 pregunta' : `${numeroCo(n)} preguntas`} de este simulacro.`
              : 'Usted no tiene preguntas para responder en este simulacro.'}
          </Text>
          {esControlInterno && (
            <Text size="sm">
              Control interno responde solo el formulario de control interno. El resto lo responde planeación,
              y en el simulacro control interno no lo revisa.
            </Text>
          )}
          {n > 0 && (
            <Text size="sm">
              Guarde cada pregunta por separado. Las evidencias se enlazan desde las ya cargadas en{' '}
              <Enlace a="/seguimiento">Seguimiento</Enlace> (el mismo archivo, sin copia) o con un enlace.
            </Text>
          )}
          {!d.anterior && (
            <Text size="sm">
              No hay un simulacro de una vigencia anterior: cuando lo haya, su respuesta aparecerá junto a
              cada pregunta.
            </Text>
          )}
          <Group>
            <Anchor href={exportarSimulacroUrl(entidadId, s.id)} download underline="always">
              Descargar todas las respuestas con sus evidencias (.xlsx)
            </Anchor>
          </Group>
        </Stack>
      </Paper>
      <VentanaFurag entidadId={entidadId} vigencia={s.vigencia} />
      <AvanceSimulacro avance={d.avance} />
      {puede('simulacro.gestionar') && <Asignaciones d={d} entidadId={entidadId} />}
      <Preguntas d={d} entidadId={entidadId} />
    </Stack>
  );
}

export function SimulacroPage({ id }: { id: string }) {
  const { entidad } = useTrabajo();
  const q = useQuery(simulacroQuery(entidad?.id, id));
  return (
    <Pagina titulo={q.data ? q.data.simulacro.nombre : 'Simulacro FURAG'}>
      <Text>
        <Enlace a="/simulacros">Volver a los simulacros</Enlace>
      </Text>
      {!entidad ? (
        <Text>Elija una entidad arriba para ver sus simulacros.</Text>
      ) : q.isPending ? (
        <Cargando que="el simulacro" bloques={[120, 28, 240]} />
      ) : q.data ? (
        <Detalle d={q.data} entidadId={entidad.id} />
      ) : (
        <MensajeError error={q.error} />
      )}
    </Pagina>
  );
}
