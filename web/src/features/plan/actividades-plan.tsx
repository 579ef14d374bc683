import type { Catalogo } from '@contrato/catalogo.ts';
import type { Dependencia } from '@contrato/dependencias.ts';
import type { Actividad, PlanAccion } from '@contrato/plan.ts';
import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import { NOMBRE_ACUMULACION } from '@core/acumulacion.ts';
import { numeroCo } from '@core/numeros.ts';
import { ESTADOS_ACTIVIDAD, type EstadoActividad, NOMBRE_ESTADO } from '@core/semaforo.ts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { type ComponentProps, useMemo, useState } from 'react';
import { fechaCivil, pesos, porcentaje } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { type Columna, type Grupo, TablaDatos } from '../../ui/tabla-datos.tsx';
import { PonderacionesPolitica } from './ponderaciones-politica.tsx';

/** From this many activities the policies start folded. */
export const PLEGAR_DESDE = 20;

type Politica = Catalogo['dimensiones'][number]['politicas'][number];

/**
 * The plan's activities in one table grouped by policy (sections fold and keep their count and weight sum),
 * with a search and filters by dependencia, responsable and state.
 */
export function ActividadesPlan({
  plan,
  politicas,
  dependencias,
  personas,
  estados,
  editable,
  alEditar,
  alQuitar,
  destinoPesos,
  consultaInicial,
  alCambiarConsulta,
}: {
  plan: PlanAccion;
  politicas: readonly Politica[];
  /** Without them (not loaded, or not allowed) the column is left out rather than shown empty. */
  dependencias?: readonly Dependencia[];
  personas?: readonly UsuarioEntidad[];
  estados?: ReadonlyMap<string, EstadoActividad>;
  editable: boolean;
  alEditar: (a: Actividad) => void;
  alQuitar: (a: Actividad) => void;
  /** Where the weights grid saves (only when the plan is editable). */
  destinoPesos?: { entidadId: string; vigencia: number };
  /** The search and filters the table opens with, from the address (a link to one activity, a shared link). */
  consultaInicial?: ComponentProps<typeof TablaDatos>['consultaInicial'];
  alCambiarConsulta?: ComponentProps<typeof TablaDatos>['alCambiarConsulta'];
}) {
  const [editandoPesos, setEditandoPesos] = useState<string | null>(null);
  const columnas = useMemo(() => {
    const nombrePolitica = new Map(
      politicas.map((p) => [p.clave, [p.codigoFurag, p.nombre].filter(Boolean).join(' ')]),
    );
    const nombreDependencia = new Map(dependencias?.map((d) => [d.id, d.nombre]));
    const nombrePersona = new Map(personas?.map((u) => [u.id, u.nombre]));
    const cols: (Columna<Actividad> | false)[] = [
      {
        id: 'politica',
        titulo: 'Política',
        valor: (a) => nombrePolitica.get(a.politica) ?? a.politica,
        filtro: true,
        oculta: true,
      },
      {
        id: 'codigo',
        titulo: 'Código',
        valor: (a) => a.codigo,
        celda: (a) => <span style={{ whiteSpace: 'nowrap' }}>{a.codigo}</span>,
      },
      {
        id: 'nombre',
        titulo: 'Actividad',
        valor: (a) => a.nombre,
        principal: true,
        celda: (a) => (
          <>
            {a.nombre}
            <Text size="sm" fw={400}>
              Producto: {a.producto}
            </Text>
            {a.propuestaPor && (
              <Text size="sm" fw={400}>
                Propuesta por {nombrePersona.get(a.propuestaPor) ?? 'la primera línea'}
              </Text>
            )}
            {a.recomendacionId && (
              <Text size="sm" fw={400}>
                <Enlace a={`/furag/recomendaciones?recomendacion=${a.recomendacionId}`}>
                  Responde a una recomendación de Función Pública
                </Enlace>
              </Text>
            )}
            {a.autodiagnosticoId && (
              <Text size="sm" fw={400}>
                <Enlace a={`/autodiagnosticos/${a.autodiagnosticoId}`}>
                  Acción de mejora de una brecha del autodiagnóstico
                  {a.autodiagnosticoItem ? ` (ítem ${a.autodiagnosticoItem})` : ''}
                </Enlace>
              </Text>
            )}
          </>
        ),
      },
      !!dependencias && {
        id: 'dependencia',
        titulo: 'Dependencia',
        valor: (a) => (a.dependenciaId ? (nombreDependencia.get(a.dependenciaId) ?? null) : null),
        filtro: true,
      },
      !!personas && {
        id: 'responsable',
        titulo: 'Responsable',
        valor: (a) => (a.responsableId ? (nombrePersona.get(a.responsableId) ?? null) : null),
        filtro: true,
        todas: 'Todos',
      },
      {
        id: 'meta',
        titulo: 'Meta anual',
        valor: (a) => a.metaAnual,
        celda: (a) =>
          a.acumulacion === 'suma'
            ? `${numeroCo(a.metaAnual)} ${a.unidad}`
            : `${numeroCo(a.metaAnual)} ${a.unidad} (${NOMBRE_ACUMULACION[a.acumulacion].toLowerCase()})`,
        numerica: true,
      },
      {
        id: 'peso',
        titulo: 'Peso',
        valor: (a) => a.ponderacion,
        celda: (a) => porcentaje(a.ponderacion),
        numerica: true,
      },
      {
        id: 'fechas',
        titulo: 'Fechas',
        valor: (a) => a.fechaInicio,
        celda: (a) => `${fechaCivil(a.fechaInicio)} a ${fechaCivil(a.fechaFin)}`,
      },
      {
        id: 'presupuesto',
        titulo: 'Presupuesto',
        valor: (a) => a.presupuesto,
        celda: (a) => (a.presupuesto === null ? '—' : pesos(a.presupuesto)),
        numerica: true,
      },
      !!estados && {
        id: 'estado',
        titulo: 'Estado',
        valor: (a) => {
          const e = estados.get(a.id);
          return e ? NOMBRE_ESTADO[e] : null;
        },
        filtro: true,
        todas: 'Todos',
        opciones: ESTADOS_ACTIVIDAD.map((e) => ({ value: NOMBRE_ESTADO[e], label: NOMBRE_ESTADO[e] })),
      },
      editable && {
        id: 'accion',
        titulo: 'Acción',
        valor: () => null,
        ordenable: false,
        celda: (a) => (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="outline"
              aria-label={`Editar la actividad ${a.codigo}`}
              onClick={() => alEditar(a)}
            >
              Editar
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="#a51d1d"
              aria-label={`Quitar la actividad ${a.codigo}`}
              onClick={() => alQuitar(a)}
            >
              Quitar
            </Button>
          </Group>
        ),
      },
    ];
    return cols.filter((c): c is Columna<Actividad> => !!c);
  }, [politicas, dependencias, personas, estados, editable, alEditar, alQuitar]);

  // The server's check of each policy's weights (they must add up to 100 %). In the other modes the groups
  // are dependencias or the whole plan: their warnings go above the table, and weights are typed per activity.
  const porPolitica = plan.modoPonderacion === 'politica';
  const revision = useMemo(
    () => new Map(porPolitica ? plan.ponderaciones.map((x) => [x.politica, x]) : []),
    [plan, porPolitica],
  );
  const avisosGrupos = porPolitica ? [] : plan.ponderaciones.filter((x) => !x.ok);
  // Activities in the catalogue's order of policies, so that the sections follow it.
  const filas = useMemo(() => {
    const orden = new Map(politicas.map((p, i) => [p.clave, i]));
    return [...plan.actividades].sort(
      (a, b) => (orden.get(a.politica) ?? 1e9) - (orden.get(b.politica) ?? 1e9),
    );
  }, [plan, politicas]);

  const politicaDe = (g: Grupo<Actividad>) => g.filas[0]?.politica ?? '';
  return (
    <>
      {avisosGrupos.length > 0 && (
        <Alert color="orange.9" variant="outline" title="Revise las ponderaciones" mb="sm">
          {avisosGrupos.map((x) => (
            <Text key={x.politica} size="sm">
              {x.mensaje}
            </Text>
          ))}
        </Alert>
      )}
      <TablaDatos
        consultaInicial={consultaInicial}
        alCambiarConsulta={alCambiarConsulta}
        titulo="Actividades del plan"
        sustantivo={['actividad', 'actividades']}
        filas={filas}
        columnas={columnas}
        idFila={(a) => a.id}
        agruparPor="politica"
        // A long plan reads first as one line per policy (its count and weights); a search or filter opens them.
        plegarGrupos={plan.actividades.length > PLEGAR_DESDE}
        resumenGrupo={(g) => {
          const r = revision.get(politicaDe(g));
          return r ? `pesos ${porcentaje(r.suma)}${r.ok ? '' : ' (revisar)'}` : null;
        }}
        detalleGrupo={(g) => {
          const r = revision.get(politicaDe(g));
          const aviso =
            r && !r.ok ? (
              <Alert color="orange.9" variant="outline">
                {r.mensaje}
              </Alert>
            ) : null;
          const clave = politicaDe(g);
          if (!editable || !destinoPesos || !porPolitica) return aviso;
          const abierto = editandoPesos === clave;
          const nombre = politicas.find((p) => p.clave === clave)?.nombre ?? clave;
          return (
            <>
              {aviso}
              <Button
                size="xs"
                variant="subtle"
                aria-expanded={abierto}
                onClick={() => setEditandoPesos(abierto ? null : clave)}
              >
                {abierto ? 'Cerrar las ponderaciones' : `Editar las ponderaciones de ${nombre}`}
              </Button>
              {abierto && (
                <PonderacionesPolitica
                  // Every activity of the policy, not only those the filters show: the weights add up over all.
                  key={plan.actividades
                    .filter((a) => a.politica === clave)
                    .map((a) => a.id)
                    .join()}
                  entidadId={destinoPesos.entidadId}
                  vigencia={destinoPesos.vigencia}
                  politica={clave}
                  nombrePolitica={nombre}
                  actividades={plan.actividades.filter((a) => a.politica === clave)}
                />
              )}
            </>
          );
        }}
      />
    </>
  );
}
