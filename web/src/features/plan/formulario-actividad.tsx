import type { Catalogo } from '@contrato/catalogo.ts';
import type { Dependencia } from '@contrato/dependencias.ts';
import type { Actividad } from '@contrato/plan.ts';
import { ActividadEntradaSchema } from '@contrato/plan.ts';
import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import {
  ACUMULACIONES,
  type Acumulacion,
  AYUDA_ACUMULACION,
  NOMBRE_ACUMULACION,
  problemaMetas,
} from '@core/acumulacion.ts';
import { planAdmitePolitica, planesDePolitica } from '@core/catalogo.ts';
import { cantidadPeriodos, ESQUEMAS, type EsquemaPeriodos, esquemaActividad } from '@core/periodos.ts';
import {
  Fieldset,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { fechaIso as aIso } from '../../ui/formato.ts';
import { aNumero, campo, Formulario, useFormulario, usePromesaDeEnvio } from '../../ui/formulario.tsx';
import { Numero } from '../../ui/numero.tsx';

export interface DatosActividad {
  politica: string;
  codigo: string;
  indiceFurag: string | null;
  plan612: string | null;
  planPropio: string | null;
  nombre: string;
  producto: string;
  metaAnual: number;
  acumulacion: Acumulacion;
  unidad: string;
  metasPeriodo: number[];
  ponderacion: number;
  dependenciaId: string | null;
  responsableId: string | null;
  corresponsables: string[];
  indicadorId: string | null;
  objetivo: string | null;
  rubro: string | null;
  bpin: string | null;
  riesgo: string | null;
  fechaInicio: string;
  fechaFin: string;
  presupuesto: number | null;
}

const aTexto = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

type Valores = ReturnType<typeof desdeActividad>;

function desdeActividad(a: Actividad) {
  return {
    politica: a.politica,
    codigo: a.codigo,
    indiceFurag: a.indiceFurag ?? '',
    plan612: a.plan612 ?? '',
    planPropio: a.planPropio ?? '',
    nombre: a.nombre,
    producto: a.producto,
    metaAnual: a.metaAnual as number | string,
    acumulacion: a.acumulacion as Acumulacion,
    unidad: a.unidad,
    metasPeriodo: a.metasPeriodo as (number | string)[],
    ponderacion: a.ponderacion as number | string,
    dependenciaId: a.dependenciaId ?? '',
    responsableId: a.responsableId ?? '',
    corresponsables: a.corresponsables ?? [],
    indicadorId: a.indicadorId ?? '',
    fechaInicio: aTexto(a.fechaInicio),
    fechaFin: aTexto(a.fechaFin),
    presupuesto: (a.presupuesto ?? '') as number | string,
    objetivo: a.objetivo ?? '',
    rubro: a.rubro ?? '',
    bpin: a.bpin ?? '',
    riesgo: a.riesgo ?? '',
  };
}

/** The labels people see; the error summary names each problem by them. */
const ETIQUETAS = {
  politica: 'Política',
  indiceFurag: 'Índice FURAG (opcional)',
  plan612: 'Plan del Decreto 612 (opcional)',
  planPropio: 'Plan propio de la entidad (opcional)',
  codigo: 'Código',
  unidad: 'Unidad de medida',
  nombre: 'Actividad',
  producto: 'Producto o entregable',
  metaAnual: 'Meta anual',
  acumulacion: 'Tipo de meta',
  ponderacion: 'Ponderación en la política',
  dependenciaId: 'Dependencia responsable',
  responsableId: 'Responsable (1.ª línea)',
  corresponsables: 'Corresponsables (opcional)',
  indicadorId: 'Indicador que alimenta (opcional)',
  fechaInicio: 'Fecha de inicio',
  fechaFin: 'Fecha de fin',
  presupuesto: 'Presupuesto (opcional)',
  rubro: 'Rubro presupuestal (opcional)',
  bpin: 'BPIN (opcional)',
  objetivo: 'Objetivo estratégico o línea del plan de desarrollo (opcional)',
  riesgo: 'Riesgo asociado (opcional)',
};

export function FormularioActividad({
  catalogo,
  periodos,
  dependencias,
  personas,
  indicadores = [],
  objetivos = [],
  planesPropios = [],
  inicial,
  pendiente = false,
  error,
  alGuardar,
  politicasPermitidas,
  etiquetaEnviar,
  esquemas,
}: {
  catalogo: Catalogo;
  /** Names of the plan's periods (the vigencia's scheme). */
  periodos: string[];
  /**
   * The vigencia's scheme and its instruments' own: an activity of the PTEP by cuatrimestres has 3 goals,
   * named after its periods. Without it every activity follows `periodos`.
   */
  esquemas?: { esquema: EsquemaPeriodos; esquemasInstrumento: Partial<Record<string, EsquemaPeriodos>> };
  dependencias: Dependencia[];
  personas: UsuarioEntidad[];
  indicadores?: { id: string; codigo: string; nombre: string }[];
  objetivos?: { codigo: string; nombre: string }[];
  /** The entity's own plans (Plan Anual de Auditoría, PAMEC…), each with the policies it takes. */
  planesPropios?: { codigo: string; nombre: string; politicas: string[] }[];
  /** An activity to change; without it the form adds a new one. */
  inicial?: Actividad;
  /** With `mutate`: its state. With `mutateAsync` (a promise) they are not needed. */
  pendiente?: boolean;
  error?: unknown;
  alGuardar: (d: DatosActividad) => unknown;
  /** Only these policies (a responsible proposes the activities of the policies they lead). */
  politicasPermitidas?: string[];
  etiquetaEnviar?: string;
}) {
  const politicas = catalogo.dimensiones
    .flatMap((d) => d.politicas)
    .filter((p) => !politicasPermitidas || politicasPermitidas.includes(p.clave));
  const form = useFormulario<Valores, DatosActividad>({
    inicial: inicial
      ? desdeActividad(inicial)
      : {
          politica: politicas[0]?.clave ?? '',
          codigo: '',
          indiceFurag: '',
          plan612: '',
          planPropio: '',
          nombre: '',
          producto: '',
          metaAnual: 1,
          acumulacion: 'suma' as Acumulacion,
          unidad: '',
          metasPeriodo: periodos.map(() => 0),
          ponderacion: 0,
          dependenciaId: '',
          responsableId: '',
          corresponsables: [],
          indicadorId: '',
          fechaInicio: `01/01/${catalogo.vigencia}`,
          fechaFin: `31/12/${catalogo.vigencia}`,
          presupuesto: '',
          objetivo: '',
          rubro: '',
          bpin: '',
          riesgo: '',
        },
    esquema: ActividadEntradaSchema,
    etiquetas: {
      ...ETIQUETAS,
      ...(objetivos.length > 0 && { objetivo: 'Objetivo estratégico o línea del plan de desarrollo' }),
      metasPeriodo: 'Metas por periodo',
      ...Object.fromEntries(periodos.map((nombre, i) => [`metasPeriodo.${i}`, `Meta: ${nombre}`])),
    },
    transformar: (d) => ({
      ...d,
      indiceFurag: d.indiceFurag || null,
      plan612: d.plan612 || null,
      planPropio: d.planPropio || null,
      dependenciaId: d.dependenciaId || null,
      responsableId: d.responsableId || null,
      indicadorId: d.indicadorId || null,
      objetivo: d.objetivo || null,
      rubro: d.rubro || null,
      bpin: d.bpin || null,
      riesgo: d.riesgo || null,
      metaAnual: aNumero(d.metaAnual),
      ponderacion: aNumero(d.ponderacion),
      metasPeriodo: d.metasPeriodo.map(aNumero),
      presupuesto: d.presupuesto === '' ? null : aNumero(d.presupuesto),
      fechaInicio: aIso(d.fechaInicio),
      fechaFin: aIso(d.fechaFin),
    }),
  });
  const enviar = usePromesaDeEnvio(pendiente, error);
  const d = form.values;
  const politica = politicas.find((p) => p.clave === d.politica);
  // A plan takes activities of any of its policies (the PTEP: Transparencia, Integridad, Participación).
  const planes = planesDePolitica(catalogo.planesDecreto612, d.politica);
  const propios = planesPropios.filter((p) => planAdmitePolitica(p, d.politica));
  const c = (ruta: string) => campo(form, ruta);
  // Its own scheme when its instrument has one (the PTEP by cuatrimestres): one goal per period of it.
  const esquema = esquemas ? esquemaActividad(d, esquemas.esquemasInstrumento, esquemas.esquema) : null;
  const propio = esquemas && esquema && esquema !== esquemas.esquema ? esquema : null;
  const nombres = propio
    ? Array.from({ length: cantidadPeriodos(propio) }, (_, i) => ESQUEMAS[propio].nombre(i + 1))
    : periodos;
  // The error summary names each goal by its period too.
  Object.assign(
    form.etiquetas,
    Object.fromEntries(nombres.map((nombre, i) => [`metasPeriodo.${i}`, `Meta: ${nombre}`])),
  );
  // Named as the server does: the Decreto 612 plan by its acronym (PTEP), an own plan by its code.
  const plan612Propio = catalogo.planesDecreto612.find(
    (p) => p.clave === d.plan612 && !!esquemas?.esquemasInstrumento[p.clave],
  );
  const instrumento = propio
    ? plan612Propio
      ? (plan612Propio.sigla ?? plan612Propio.nombre)
      : d.planPropio
    : null;
  // Choosing an instrument with another scheme changes how many goals there are: the ones typed are kept.
  const ajustarMetas = (cambio: Partial<Valores>) => {
    const v = { ...d, ...cambio };
    const e = esquemas ? esquemaActividad(v, esquemas.esquemasInstrumento, esquemas.esquema) : null;
    const n = e && e !== esquemas?.esquema ? cantidadPeriodos(e) : periodos.length;
    form.setValues({
      ...cambio,
      metasPeriodo: Array.from({ length: n }, (_, i) => v.metasPeriodo[i] ?? 0),
    });
  };
  // The same rule as the server, shown while typing: which goals fit depends on the goal type.
  const metas = d.metasPeriodo.map((m) => (m === '' ? 0 : Number(m)));
  const cuadre =
    Number(d.metaAnual) > 0 && metas.every(Number.isFinite)
      ? (problemaMetas(
          d.acumulacion,
          Number(d.metaAnual),
          metas,
          nombres.length,
          propio && instrumento ? { nombre: instrumento, esquema: propio } : undefined,
        ) ??
        `Las metas por periodo cuadran con la meta anual (${NOMBRE_ACUMULACION[d.acumulacion].toLowerCase()}).`)
      : null;
  const cuadra = cuadre?.startsWith('Las metas por periodo cuadran');
  return (
    <Formulario
      form={form}
      alEnviar={(datos) => enviar(() => alGuardar(datos))}
      etiquetaEnviar={etiquetaEnviar ?? (inicial ? 'Guardar cambios de la actividad' : 'Agregar actividad')}
    >
      <Stack>
        <Fieldset legend="Ubicación en el modelo">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              {...c('politica')}
              onChange={(e) =>
                ajustarMetas({
                  politica: e.currentTarget.value,
                  indiceFurag: '',
                  plan612: '',
                  planPropio: '',
                })
              }
              data={politicas.map((p) => ({
                value: p.clave,
                label: `${p.codigoFurag ?? ''} ${p.nombre}`.trim(),
              }))}
            />
            <NativeSelect
              {...c('indiceFurag')}
              data={[
                { value: '', label: 'Ninguno' },
                ...(politica?.indices ?? []).map((i) => ({
                  value: i.codigo,
                  label: `${i.codigo} — ${i.nombre}`,
                })),
              ]}
            />
            <NativeSelect
              {...c('plan612')}
              onChange={(e) => ajustarMetas({ plan612: e.currentTarget.value })}
              data={[
                { value: '', label: 'Ninguno' },
                ...planes.map((p) => ({ value: p.clave, label: p.nombre })),
              ]}
            />
            {(propios.length > 0 || d.planPropio) && (
              <NativeSelect
                {...c('planPropio')}
                onChange={(e) => ajustarMetas({ planPropio: e.currentTarget.value })}
                data={[
                  { value: '', label: 'Ninguno' },
                  ...propios.map((p) => ({ value: p.codigo, label: `${p.codigo} · ${p.nombre}` })),
                ]}
              />
            )}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Actividad">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...c('codigo')} description="Por ejemplo GD-01" required />
            <TextInput {...c('unidad')} description="documento, jornada, porcentaje…" required />
          </SimpleGrid>
          <Textarea {...c('nombre')} required autosize minRows={2} mt="sm" />
          <TextInput {...c('producto')} required mt="sm" />
        </Fieldset>
        <Fieldset legend="Metas y peso">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              {...c('acumulacion')}
              description={AYUDA_ACUMULACION[d.acumulacion]}
              data={ACUMULACIONES.map((k) => ({ value: k, label: NOMBRE_ACUMULACION[k] }))}
            />
            <Numero {...c('metaAnual')} />
            <Numero {...c('ponderacion')} suffix=" %" min={0} max={100} />
          </SimpleGrid>
          {propio && (
            <Text size="sm" mt="sm">
              {`El ${instrumento} se programa por ${ESQUEMAS[propio].plural} (configuración de la vigencia): una meta por cada uno, y se reporta en el periodo del plan que contiene su corte.`}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
            {nombres.map((nombre, i) => (
              <Numero key={nombre} {...c(`metasPeriodo.${i}`)} label={`Meta: ${nombre}`} min={0} />
            ))}
          </SimpleGrid>
          <div aria-live="polite">
            {cuadre && (
              <Text size="sm" mt="xs" c={cuadra ? 'teal.9' : 'red.9'}>
                {cuadre}
              </Text>
            )}
          </div>
        </Fieldset>
        <Fieldset legend="Responsables, fechas y recursos">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              {...c('dependenciaId')}
              data={[
                { value: '', label: 'Sin asignar' },
                ...dependencias.map((x) => ({ value: x.id, label: x.nombre })),
              ]}
            />
            <NativeSelect
              {...c('responsableId')}
              data={[
                { value: '', label: 'Sin asignar' },
                ...personas.map((x) => ({ value: x.id, label: x.nombre })),
              ]}
            />
            <MultiSelect
              {...c('corresponsables')}
              description="Otras personas que también reportan esta actividad"
              data={personas
                .filter((x) => x.id !== d.responsableId)
                .map((x) => ({ value: x.id, label: x.nombre }))}
              searchable
              clearable
              nothingFoundMessage="Nadie con ese nombre"
            />
            <NativeSelect
              {...c('indicadorId')}
              data={[
                { value: '', label: 'Ninguno' },
                ...indicadores.map((x) => ({ value: x.id, label: `${x.codigo} · ${x.nombre}` })),
              ]}
            />
            <TextInput {...c('fechaInicio')} description="dd/mm/aaaa" inputMode="numeric" />
            <TextInput {...c('fechaFin')} description="dd/mm/aaaa" inputMode="numeric" />
            <Numero {...c('presupuesto')} prefix="$ " decimalScale={0} min={0} />
            <TextInput {...c('rubro')} />
            <TextInput {...c('bpin')} />
          </SimpleGrid>
          {objetivos.length > 0 ? (
            <NativeSelect
              {...c('objetivo')}
              mt="sm"
              data={[
                { value: '', label: 'Sin objetivo' },
                ...objetivos.map((o) => ({ value: o.codigo, label: `${o.codigo} · ${o.nombre}` })),
              ]}
            />
          ) : (
            <TextInput {...c('objetivo')} mt="sm" />
          )}
          <TextInput {...c('riesgo')} mt="sm" />
        </Fieldset>
      </Stack>
    </Formulario>
  );
}
