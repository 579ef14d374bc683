// One autodiagnóstico: its responsible answers item by item (each saved apart) and sends it to planeación;
// planeación returns it with observations or marks it reviewed. Skip logic runs live with the core's rules.
import { ESTADOS_CON_RESPUESTAS, NOMBRE_ESTADO_AUTODIAGNOSTICO } from '@core/autodiagnostico.ts';
import { type Cuestionario, itemsVisibles, type Respuesta } from '@core/cuestionario.ts';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { entidadQuery } from '../entidad/api.ts';
import {
  type Autodiagnostico,
  autodiagnosticoQuery,
  elegiblesQuery,
  useCambiarEstado,
  useEnlazarEvidencia,
  useGuardarRespuesta,
  useQuitarEvidencia,
} from './api.ts';
import { ElegirEvidencia, ListaEvidencias } from './evidencias-enlazadas.tsx';
import { ItemRespuesta } from './item-respuesta.tsx';
import { PuntajeConCompletitud } from './puntaje.tsx';
import { Resultados } from './resultados.tsx';
import { buscarItem, SeccionCuestionario } from './seccion-cuestionario.tsx';
import './autodiagnosticos.css';

function Evidencias({
  d,
  entidadId,
  item,
  puedeCambiar,
  exige,
}: {
  d: Autodiagnostico;
  entidadId: string;
  item: string;
  puedeCambiar: boolean;
  /** The item requires evidence: the picker shows at once; elsewhere, behind a button. */
  exige?: boolean;
}) {
  const [abierto, setAbierto] = useState(!!exige);
  const quitar = useQuitarEvidencia(entidadId, d.autodiagnostico.id, item);
  const enlazar = useEnlazarEvidencia(entidadId, d.autodiagnostico.id, item);
  const elegibles = useQuery(elegiblesQuery(entidadId, d.autodiagnostico.id, puedeCambiar && abierto));
  const lista = d.evidencias[item] ?? [];
  const enlazadas = new Set(lista.map((e) => e.id));
  const opciones = (elegibles.data?.evidencias ?? []).filter((e) => !enlazadas.has(e.id));
  if (lista.length === 0 && !puedeCambiar) return null;
  return (
    <div>
      <ListaEvidencias
        titulo="Evidencias enlazadas"
        lista={lista.map((e) => ({
          clave: e.id,
          nombre: e.nombre,
          href: e.url ?? `/api/entidades/${entidadId}/evidencias/${e.id}`,
        }))}
        item={item}
        puedeQuitar={puedeCambiar}
        quitando={quitar.isPending ? quitar.variables : undefined}
        alQuitar={(id) => quitar.mutate(id)}
      />
      {puedeCambiar && !abierto && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAbierto(true)}>
          Enlazar una evidencia del seguimiento
        </Button>
      )}
      {puedeCambiar && abierto && elegibles.data && opciones.length === 0 && (
        <Text size="sm">No hay más evidencias cargadas en el seguimiento de la entidad para enlazar.</Text>
      )}
      {puedeCambiar && abierto && (
        <ElegirEvidencia
          opciones={opciones}
          item={item}
          enlazando={enlazar.isPending}
          alEnlazar={(id) => enlazar.mutate(id)}
        />
      )}
      <MensajeError error={quitar.error ?? enlazar.error ?? elegibles.error} />
    </div>
  );
}

function ItemGuardable({
  d,
  entidadId,
  codigo,
  soloLectura,
  alCambiar,
}: {
  d: Autodiagnostico;
  entidadId: string;
  codigo: string;
  soloLectura: boolean;
  alCambiar: (r: Respuesta | null) => void;
}) {
  const guardar = useGuardarRespuesta(entidadId, d.autodiagnostico.id, codigo);
  const item = useMemo(() => buscarItem(d.cuestionario, codigo), [d.cuestionario, codigo]);
  if (!item) return null;
  return (
    <ItemRespuesta
      item={item}
      guardado={d.respuestas[codigo]}
      soloLectura={soloLectura}
      guardar={(g) => guardar.mutateAsync(g)}
      alCambiar={alCambiar}
      evidencias={
        <Evidencias
          d={d}
          entidadId={entidadId}
          item={codigo}
          puedeCambiar={!soloLectura}
          exige={!!item.evidencia || !!d.evidencias[codigo]?.length}
        />
      }
    />
  );
}

/** Send (responsible), or mark reviewed / return with observations (planeación). */
function Revision({ d, entidadId }: { d: Autodiagnostico; entidadId: string }) {
  const { puede } = useTrabajo();
  const a = d.autodiagnostico;
  const cambiar = useCambiarEstado(entidadId, a.id);
  const [observaciones, setObservaciones] = useState('');
  const [hecho, setHecho] = useState<string | null>(null);
  const abierto = ESTADOS_CON_RESPUESTAS.includes(a.estado);
  const revisa = puede('autodiagnostico.revisar') && a.estado === 'enviado';
  const errorObs = erroresPorCampo(cambiar.error).observaciones;
  const accion = (accion: 'enviar' | 'revisar' | 'devolver', mensaje: string) =>
    cambiar.mutate(
      { accion, observaciones },
      {
        onSuccess: () => {
          setHecho(mensaje);
          setObservaciones('');
        },
      },
    );
  return (
    <Stack gap="sm">
      {hecho && <Exito>{hecho}</Exito>}
      {a.estado === 'devuelto' && a.observaciones && (
        <div className="aviso" role="note">
          <div className="aviso-titulo">Observaciones de planeación</div>
          <div>{a.observaciones}</div>
        </div>
      )}
      {d.puedeResponder && abierto && (
        <Group>
          <Button
            loading={cambiar.isPending}
            onClick={() => accion('enviar', 'El autodiagnóstico quedó enviado a planeación.')}
          >
            Enviar a planeación
          </Button>
          <Text size="sm">Guarde cada ítem antes de enviar: lo no guardado no se envía.</Text>
        </Group>
      )}
      {revisa && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Group>
              <Button
                loading={cambiar.isPending && cambiar.variables?.accion === 'revisar'}
                onClick={() => accion('revisar', 'El autodiagnóstico quedó revisado.')}
              >
                Marcar como revisado
              </Button>
            </Group>
            <Textarea
              label="Observaciones para el responsable"
              description="Obligatorias para devolverlo."
              value={observaciones}
              maxLength={4000}
              autosize
              minRows={2}
              error={errorObs}
              onChange={(e) => setObservaciones(e.currentTarget.value)}
            />
            <Group>
              <Button
                variant="outline"
                loading={cambiar.isPending && cambiar.variables?.accion === 'devolver'}
                onClick={() => accion('devolver', 'El autodiagnóstico quedó devuelto al responsable.')}
              >
                Devolver con observaciones
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {!errorObs && <MensajeError error={cambiar.error} />}
    </Stack>
  );
}

function Detalle({ d, entidadId }: { d: Autodiagnostico; entidadId: string }) {
  const entidad = useQuery(entidadQuery(entidadId));
  const a = d.autodiagnostico;
  const soloLectura = !(d.puedeResponder && ESTADOS_CON_RESPUESTAS.includes(a.estado));
  // The drafts of this visit over the saved answers: skip logic reads what is on screen now.
  const [borradores, setBorradores] = useState<ReadonlyMap<string, Respuesta | null>>(new Map());
  const cuestionario = d.cuestionario as Cuestionario;
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
    return itemsVisibles(cuestionario, actuales, ctx);
  }, [cuestionario, d.respuestas, borradores, entidad.data]);
  const pintar = (codigo: string) => (
    <ItemGuardable
      d={d}
      entidadId={entidadId}
      codigo={codigo}
      soloLectura={soloLectura}
      alCambiar={(r) => setBorradores((m) => new Map(m).set(codigo, r))}
    />
  );
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            <strong>Estado:</strong> {NOMBRE_ESTADO_AUTODIAGNOSTICO[a.estado]}
          </Text>
          <Text>
            <strong>Responsable:</strong> {a.responsable?.nombre ?? 'sin responsable asignado a la política'}
          </Text>
          <Text>
            <strong>Resultado:</strong> <PuntajeConCompletitud r={a.resultado} />
          </Text>
          {d.cuestionario.fuente && (
            <Text size="sm">
              <strong>Fuente:</strong> {d.cuestionario.fuente}
            </Text>
          )}
          {soloLectura && d.puedeResponder && (
            <Text size="sm">Mientras planeación lo revisa, las respuestas no cambian.</Text>
          )}
          {!d.puedeResponder && (
            <Text size="sm">Lo responde la persona responsable de la política en la vigencia.</Text>
          )}
          {d.puedeResponder && !soloLectura && (
            <Text size="sm">
              Las evidencias se enlazan desde las ya cargadas en los reportes de{' '}
              <Enlace a="/seguimiento">Seguimiento</Enlace>.
            </Text>
          )}
        </Stack>
      </Paper>
      <Revision d={d} entidadId={entidadId} />
      <section aria-labelledby="preguntas-autodiagnostico">
        <Stack gap="md">
          <Title order={2} size="h3" id="preguntas-autodiagnostico">
            Preguntas
          </Title>
          {cuestionario.secciones.map((s) => (
            <SeccionCuestionario key={s.codigo} s={s} nivel={1} visibles={visibles} pintar={pintar} />
          ))}
        </Stack>
      </section>
      <Resultados d={d} entidadId={entidadId} />
    </Stack>
  );
}

export function AutodiagnosticoPage() {
  const { id } = useParams({ from: '/autodiagnosticos/$id' });
  const { entidad } = useTrabajo();
  const q = useQuery(autodiagnosticoQuery(entidad?.id, id));
  const titulo = q.data ? q.data.autodiagnostico.nombre : 'Autodiagnóstico';
  return (
    <Pagina titulo={titulo}>
      <Text>
        <Enlace a="/autodiagnosticos">Volver a los autodiagnósticos</Enlace>
      </Text>
      {!entidad ? (
        <Text>Elija una entidad arriba para ver sus autodiagnósticos.</Text>
      ) : q.isPending ? (
        <Cargando que="el autodiagnóstico" bloques={[120, 28, 240]} />
      ) : q.data ? (
        <Detalle d={q.data} entidadId={entidad.id} />
      ) : (
        <MensajeError error={q.error} />
      )}
    </Pagina>
  );
}
