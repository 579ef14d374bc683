import type { Actividad } from '@contrato/plan.ts';
import { esEse } from '@core/catalogo.ts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { Confirmacion } from '../../ui/confirmacion.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { ENCABEZADOS } from '../../ui/esqueleto.tsx';
import { cantidad } from '../../ui/formato.ts';
import { Termino } from '../../ui/termino.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { catalogoAplicable, catalogoQuery } from '../catalogo/api.ts';
import { dependenciasQuery } from '../dependencias/api.ts';
import { entidadQuery } from '../entidad/api.ts';
import { indicadoresQuery } from '../indicadores/api.ts';
import { usuariosQuery } from '../usuarios/api.ts';
import { vigenciaQuery } from '../vigencias/api.ts';
import { ActividadesPlan } from './actividades-plan.tsx';
import {
  estadosActividadesQuery,
  objetivosQuery,
  planesPropiosQuery,
  planQuery,
  useAgregarActividad,
  useCambiarActividad,
  useQuitarActividad,
} from './api.ts';
import { ExcelPlan } from './excel-plan.tsx';
import { FlujoPlan } from './flujo-plan.tsx';
import { FormularioActividad } from './formulario-actividad.tsx';
import { ObjetivosEntidad } from './objetivos-entidad.tsx';
import { PlanesPropios } from './planes-propios.tsx';
import { PropuestasPlan } from './propuestas-plan.tsx';
import { useBusquedaPlan } from './use-busqueda-plan.ts';
import { VersionesPlan } from './versiones-plan.tsx';

// The same words as the first paint (ENCABEZADOS.plan), with the MIPG terms explained where they appear.
const DESCRIPCION = (
  <>
    Las <Termino t="actividad">actividades</Termino> de cada política para la{' '}
    <Termino t="vigencia">vigencia</Termino>, con su <Termino t="meta">meta</Termino>, su{' '}
    <Termino t="ponderacion">peso</Termino> y su <Termino t="responsable">responsable</Termino>.
  </>
);

export function PlanPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const busqueda = useBusquedaPlan();
  const [formulario, setFormulario] = useState(0);
  const puedeEditar = puede('plan.editar');
  const [editando, setEditando] = useState<Actividad | null>(null);
  const [quitando, setQuitando] = useState<Actividad | null>(null);
  const [quitada, setQuitada] = useState('');
  const plan = useQuery(planQuery(entidad?.id, vigencia));
  const catalogo = useQuery(catalogoQuery(vigencia));
  const config = useQuery(vigenciaQuery(entidad?.id, vigencia));
  // Names for the columns and filters: every member sees the dependencias; people, whoever may list them.
  const dependencias = useQuery(dependenciasQuery(entidad?.id));
  const personas = useQuery({ ...usuariosQuery(entidad?.id), enabled: !!entidad && puede('usuario.ver') });
  const estados = useQuery(estadosActividadesQuery(entidad?.id, vigencia));
  const indicadores = useQuery({
    ...indicadoresQuery(entidad?.id, vigencia),
    enabled: !!entidad && puedeEditar,
  });
  const objetivos = useQuery(objetivosQuery(entidad?.id));
  const planesPropios = useQuery(planesPropiosQuery(entidad?.id));
  // Its FURAG form decides which policies apply: the others are not offered.
  const perfil = useQuery(entidadQuery(entidad?.id));
  const agregar = useAgregarActividad(entidad?.id ?? '', vigencia);
  const cambiar = useCambiarActividad(entidad?.id ?? '', vigencia);
  const quitar = useQuitarActividad(entidad?.id ?? '', vigencia);
  if (!entidad) return <Pagina titulo="Plan de acción">Elija una entidad.</Pagina>;
  // Nothing of the plan until plan and catalogue are in: sections arriving one by one would push each other.
  if (plan.isPending || catalogo.isPending)
    return (
      <Pagina titulo={ENCABEZADOS.plan.titulo(vigencia)} descripcion={DESCRIPCION}>
        <Cargando que="el plan" bloques={[160, 28, 400]} />
      </Pagina>
    );
  const p = plan.data;
  // Activities change only in borrador (a new version of an approved plan is a borrador too).
  const editable = puedeEditar && (!p?.plan || p.plan.estado === 'borrador');
  const modelo = catalogo.data && catalogoAplicable(catalogo.data, perfil.data?.tipoFormulario);
  const politicas = modelo?.dimensiones.flatMap((d) => d.politicas) ?? [];
  return (
    <Pagina
      titulo={ENCABEZADOS.plan.titulo(vigencia)}
      descripcion={
        p?.plan
          ? `Versión ${p.plan.version} · estado: ${p.plan.estado} · ${cantidad(p.actividades.length, 'actividad', 'actividades')}`
          : DESCRIPCION
      }
    >
      <MensajeError error={plan.error} />
      {quitada && <Exito>{quitada}</Exito>}
      {p?.plan && <FlujoPlan plan={p} />}
      {p?.plan && <VersionesPlan actual={p.plan.version} />}
      {catalogo.data && config.data && (
        <PropuestasPlan
          estadoPlan={p?.plan?.estado ?? null}
          catalogo={catalogo.data}
          periodos={config.data.periodos.map((x) => x.nombre)}
          esquemas={config.data}
          dependencias={dependencias.data ?? []}
          personas={personas.data ?? []}
          objetivos={objetivos.data ?? []}
        />
      )}
      <ExcelPlan
        base={`/api/entidades/${entidad.id}/plan/${vigencia}`}
        vigencia={vigencia}
        puedeImportar={editable}
      />
      {p && p.actividades.length === 0 && (
        <Text>
          Aún no hay actividades en el plan de {vigencia}.{' '}
          {editable ? 'Agregue la primera con el formulario.' : ''}
        </Text>
      )}
      {p && p.actividades.length > 0 && (
        <ActividadesPlan
          plan={p}
          politicas={politicas}
          dependencias={dependencias.data}
          personas={personas.data}
          estados={estados.data}
          editable={editable}
          destinoPesos={entidad ? { entidadId: entidad.id, vigencia } : undefined}
          // Another entity or year starts without the old one's search (its address drops it too).
          key={`${entidad.id}-${vigencia}-${busqueda.clave}`}
          consultaInicial={busqueda.consultaInicial}
          alCambiarConsulta={busqueda.alCambiarConsulta}
          alEditar={(a) => {
            cambiar.reset();
            setEditando(a);
          }}
          alQuitar={(a) => {
            quitar.reset();
            setQuitada('');
            setQuitando(a);
          }}
        />
      )}
      {editable && modelo && config.data && (
        <Paper withBorder p="lg" component="section" aria-labelledby="agregar-actividad">
          <Stack>
            <Title order={2} size="h3" id="agregar-actividad">
              Agregar una actividad
            </Title>
            {agregar.isSuccess && <Exito>La actividad quedó en el plan.</Exito>}
            <FormularioActividad
              key={formulario}
              catalogo={modelo}
              periodos={config.data.periodos.map((x) => x.nombre)}
              esquemas={config.data}
              dependencias={dependencias.data ?? []}
              personas={personas.data ?? []}
              indicadores={indicadores.data ?? []}
              objetivos={objetivos.data ?? []}
              planesPropios={planesPropios.data ?? []}
              pendiente={agregar.isPending}
              error={agregar.error}
              alGuardar={(d) => agregar.mutate(d, { onSuccess: () => setFormulario((n) => n + 1) })}
            />
          </Stack>
        </Paper>
      )}
      {puedeEditar && <ObjetivosEntidad objetivos={objetivos.data ?? []} />}
      {puedeEditar && modelo && (
        <PlanesPropios
          planes={planesPropios.data ?? []}
          catalogo={modelo}
          ese={!!perfil.data && esEse(perfil.data)}
        />
      )}
      <Confirmacion
        titulo={`¿Quitar la actividad ${quitando?.codigo ?? ''}?`}
        accion="Quitar la actividad"
        abierta={!!quitando}
        pendiente={quitar.isPending}
        error={quitar.error}
        alCancelar={() => setQuitando(null)}
        alConfirmar={() =>
          quitando &&
          quitar.mutate(quitando.id, {
            onSuccess: () => {
              setQuitada(`La actividad ${quitando.codigo} salió del plan de ${vigencia}.`);
              setQuitando(null);
            },
          })
        }
      >
        «{quitando?.nombre}» sale del plan de {vigencia} con sus metas por periodo. El cambio queda en la
        auditoría.
      </Confirmacion>
      <Ventana
        opened={!!editando}
        onClose={() => setEditando(null)}
        title={`Editar la actividad ${editando?.codigo ?? ''}`}
        size="xl"
      >
        {editando && modelo && config.data && (
          <FormularioActividad
            catalogo={modelo}
            periodos={config.data.periodos.map((x) => x.nombre)}
            esquemas={config.data}
            dependencias={dependencias.data ?? []}
            personas={personas.data ?? []}
            indicadores={indicadores.data ?? []}
            objetivos={objetivos.data ?? []}
            planesPropios={planesPropios.data ?? []}
            inicial={editando}
            pendiente={cambiar.isPending}
            error={cambiar.error}
            alGuardar={(d) =>
              cambiar.mutate({ id: editando.id, datos: d }, { onSuccess: () => setEditando(null) })
            }
          />
        )}
      </Ventana>
    </Pagina>
  );
}
