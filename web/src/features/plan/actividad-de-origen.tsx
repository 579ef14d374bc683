// Something the plan answers — a recommendation of Función Pública, an autodiagnóstico gap — turned into an
// activity of the plan at work: planeación adds it to the plan in borrador, the policy's responsible proposes it
// to planeación. The same activity form, already filled with the origin's policy, index and text, and the same
// list of what already came out of it (modules/plan/origenes.service.ts on the server).
import type { AccionesVinculadas, Actividad } from '@contrato/plan.ts';
import { NOMBRE_ESTADO_PROPUESTA, planAceptaPropuestas } from '@core/propuestas.ts';
import type { Permiso } from '@core/roles.ts';
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { catalogoQuery, responsablesQuery } from '../catalogo/api.ts';
import { dependenciasQuery } from '../dependencias/api.ts';
import { usuariosQuery } from '../usuarios/api.ts';
import { vigenciaQuery } from '../vigencias/api.ts';
import { objetivosQuery, planQuery } from './api.ts';
import { type DatosActividad, FormularioActividad } from './formulario-actividad.tsx';
import './actividad-de-origen.css';

export type ComoConvertir = 'actividad' | 'propuesta';

/** What the form starts with: the origin's policy and index, its text as the activity's name. */
export interface Origen {
  politica: string;
  indiceFurag: string | null;
  texto: string;
}

/** The origin as a new activity of the form, for the plan of `vigencia` with `periodos` goals. */
export function actividadDeOrigen(o: Origen, vigencia: number, periodos: number): Actividad {
  const nombre = o.texto.replace(/\s+/g, ' ').trim();
  return {
    id: '',
    politica: o.politica,
    codigo: '',
    indiceFurag: o.indiceFurag,
    plan612: null,
    planPropio: null,
    objetivo: null,
    nombre: nombre.length > 500 ? `${nombre.slice(0, 499)}…` : nombre,
    producto: '',
    metaAnual: 1,
    unidad: '',
    acumulacion: 'suma',
    metasPeriodo: Array.from({ length: periodos }, () => 0),
    ponderacion: 0,
    dependenciaId: null,
    responsableId: null,
    corresponsables: [],
    indicadorId: null,
    fechaInicio: `${vigencia}-01-01`,
    fechaFin: `${vigencia}-12-31`,
    presupuesto: null,
    rubro: null,
    bpin: null,
    riesgo: null,
  };
}

/**
 * Who may turn an origin (of type `T`) into an activity of the plan of the year at work, what the form needs,
 * the origin being converted and what the person was told once it went through. `permisoPropuesta`: the
 * permission of the origin's «propuesta» route.
 */
export function useConversionEnActividad<T>(permisoPropuesta: Permiso) {
  const { entidad, vigencia, puede, sesion } = useTrabajo();
  const crea = puede('plan.editar');
  const propone = puede(permisoPropuesta);
  const activa = crea || propone;
  const catalogo = useQuery({ ...catalogoQuery(vigencia), enabled: activa });
  const config = useQuery({ ...vigenciaQuery(entidad?.id, vigencia), enabled: activa });
  const dependencias = useQuery({ ...dependenciasQuery(entidad?.id), enabled: activa });
  const personas = useQuery({
    ...usuariosQuery(entidad?.id),
    enabled: activa && !!entidad && puede('usuario.ver'),
  });
  const objetivos = useQuery({ ...objetivosQuery(entidad?.id), enabled: activa });
  const responsables = useQuery({ ...responsablesQuery(entidad?.id, vigencia), enabled: propone && !crea });
  const plan = useQuery({ ...planQuery(entidad?.id, vigencia), enabled: activa });
  // Activities and proposals enter only a plan in borrador (as in «Plan de acción»).
  const estadoPlan = plan.data?.plan?.estado ?? null;
  const abierto = planAceptaPropuestas(estadoPlan ? { estado: estadoPlan } : null);
  const listo = !!(catalogo.data && config.data && plan.isSuccess && abierto);
  const mias = new Set(
    (responsables.data ?? []).filter((x) => x.usuarioId === sesion.usuario.id).map((x) => x.politica),
  );
  const [abierta, setAbierta] = useState<{ de: T; como: ComoConvertir } | null>(null);
  const [hecho, setHecho] = useState<string | null>(null);
  return {
    vigencia,
    /** Planeación or the responsible of some policy: whoever may convert, once the plan is open. */
    activa,
    /** The plan of the year is in borrador (or does not exist yet). */
    abierto,
    estadoPlan,
    /** How this person turns an origin of `politica` into an activity now, or null (not theirs, not ready). */
    como: (politica: string): ComoConvertir | null =>
      !listo ? null : crea ? 'actividad' : propone && mias.has(politica) ? 'propuesta' : null,
    formulario: listo
      ? {
          catalogo: catalogo.data!,
          config: config.data!,
          dependencias: dependencias.data ?? [],
          personas: personas.data ?? [],
          objetivos: objetivos.data ?? [],
        }
      : null,
    /** The origin whose form is open, and how it converts. */
    abierta,
    abrir: (de: T, como: ComoConvertir) => setAbierta({ de, como }),
    cerrar: () => setAbierta(null),
    /** What the last conversion told the person. */
    hecho,
    terminar: (mensaje: string) => {
      setHecho(mensaje);
      setAbierta(null);
    },
  };
}

export type ConversionEnActividad<T> = ReturnType<typeof useConversionEnActividad<T>>;

/** Why nothing converts now: the plan of the year is past borrador. `que`: «las recomendaciones», «las brechas». */
export function AvisoPlanCerrado<T>({ c, que }: { c: ConversionEnActividad<T>; que: string }) {
  if (!c.activa || c.abierto) return null;
  return (
    <Text size="sm">
      El plan de {c.vigencia} está {c.estadoPlan}: {que} se convierten en actividades mientras el plan está en
      borrador. Abra una nueva versión en «Plan de acción» o elija otro año arriba.
    </Text>
  );
}

/** What the person reads once the conversion went through. */
const mensajeConversion = (como: ComoConvertir, codigo: string, vigencia: number) =>
  como === 'actividad'
    ? `La actividad ${codigo} quedó en el plan ${vigencia}.`
    : `La propuesta ${codigo} quedó enviada a planeación.`;

/**
 * The activity form in a dialog for the origin `c.abierta`, filled from it (`origen`) and limited to its
 * policy. `que`: what is created («la actividad», «la acción de mejora»); `contexto`: a line on what it
 * answers; `enviar`: the origin's conversion, as an activity or a proposal.
 */
export function VentanaActividadDeOrigen<T>({
  c,
  origen,
  que = 'la actividad',
  contexto,
  enviar,
}: {
  c: ConversionEnActividad<T>;
  origen: (de: T) => Origen;
  que?: string;
  contexto: (de: T) => ReactNode;
  enviar: (de: T, como: ComoConvertir, datos: DatosActividad) => Promise<unknown>;
}) {
  const f = c.formulario;
  const abierta = c.abierta;
  const o = abierta && origen(abierta.de);
  return (
    <Ventana
      opened={!!abierta}
      onClose={c.cerrar}
      title={abierta?.como === 'actividad' ? `Crear ${que} en el plan ${c.vigencia}` : `Proponer ${que}`}
      size="xl"
    >
      {abierta && o && f && (
        <Stack gap="sm">
          <Text size="sm">
            {contexto(abierta.de)} Complete el código, el producto, la meta y el responsable.
          </Text>
          <FormularioActividad
            catalogo={f.catalogo}
            periodos={f.config.periodos.map((x) => x.nombre)}
            esquemas={f.config}
            dependencias={f.dependencias}
            personas={f.personas}
            objetivos={f.objetivos}
            inicial={actividadDeOrigen(o, c.vigencia, f.config.periodos.length)}
            politicasPermitidas={[o.politica]}
            etiquetaEnviar={
              abierta.como === 'actividad'
                ? 'Agregar la actividad al plan'
                : 'Enviar la propuesta a planeación'
            }
            alGuardar={(datos) =>
              enviar(abierta.de, abierta.como, datos).then(() =>
                c.terminar(mensajeConversion(abierta.como, datos.codigo, c.vigencia)),
              )
            }
          />
        </Stack>
      )}
    </Ventana>
  );
}

/**
 * What already came out of an origin: its activities, each a link to it in its plan, and its proposals still
 * pending or set aside (an incorporated one is its activity). `vacio`: what to say when there is nothing.
 */
export function VinculosActividad({ v, vacio }: { v: AccionesVinculadas; vacio: string }) {
  const pendientes = v.propuestas.filter((p) => p.estado !== 'incorporada');
  if (!v.actividades.length && !pendientes.length) return <Text size="sm">{vacio}</Text>;
  return (
    <ul className="vinculos-actividad">
      {v.actividades.map((a) => (
        <li key={a.id}>
          <Enlace a={`/plan?vigencia=${a.vigencia}&buscar=${encodeURIComponent(a.codigo)}`}>
            Actividad {a.codigo} «{a.nombre}»
          </Enlace>{' '}
          del plan {a.vigencia} ({a.estadoPlan})
        </li>
      ))}
      {pendientes.map((p) => (
        <li key={p.id}>
          Propuesta {p.codigo} «{p.nombre}» para el plan {p.vigencia}:{' '}
          {NOMBRE_ESTADO_PROPUESTA[p.estado].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
