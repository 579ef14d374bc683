import type { Catalogo } from '@contrato/catalogo.ts';
import type { Dependencia } from '@contrato/dependencias.ts';
import type { Indicador } from '@contrato/indicadores.ts';
import type { Actividad, PlanAccion } from '@contrato/plan.ts';
import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable, Ventana } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, pesos, porcentaje } from '../../ui/formato.ts';
import { ExcelPlan } from './excel-plan.tsx';
import { FlujoPlan } from './flujo-plan.tsx';
import { type DatosActividad, FormularioActividad } from './formulario-actividad.tsx';
import { ObjetivosEntidad } from './objetivos-entidad.tsx';
import { VersionesPlan } from './versiones-plan.tsx';

export function PlanPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const cliente = useQueryClient();
  const [formulario, setFormulario] = useState(0);
  const base = `/api/entidades/${entidad?.id}/planes/${vigencia}`;
  const puedeEditar = puede('plan.editar');
  const [editando, setEditando] = useState<Actividad | null>(null);
  const plan = useQuery({
    queryKey: ['plan', entidad?.id, vigencia],
    queryFn: () => api<PlanAccion>('GET', base),
    enabled: !!entidad,
  });
  const catalogo = useQuery({
    queryKey: ['catalogo', vigencia],
    queryFn: () => api<Catalogo>('GET', `/api/catalogo?vigencia=${vigencia}`),
    staleTime: Infinity,
  });
  const config = useQuery({
    queryKey: ['vigencia', entidad?.id, vigencia],
    queryFn: () => api<VigenciaEntidad>('GET', `/api/entidades/${entidad!.id}/vigencias/${vigencia}`),
    enabled: !!entidad,
  });
  const dependencias = useQuery({
    queryKey: ['dependencias', entidad?.id],
    queryFn: () => api<Dependencia[]>('GET', `/api/entidades/${entidad!.id}/dependencias`),
    enabled: !!entidad && puedeEditar,
  });
  const personas = useQuery({
    queryKey: ['usuarios', entidad?.id],
    queryFn: () => api<UsuarioEntidad[]>('GET', `/api/entidades/${entidad!.id}/usuarios`),
    enabled: !!entidad && puedeEditar,
  });
  const indicadores = useQuery({
    queryKey: ['indicadores', entidad?.id, vigencia],
    queryFn: () => api<Indicador[]>('GET', `/api/entidades/${entidad!.id}/indicadores?vigencia=${vigencia}`),
    enabled: !!entidad && puedeEditar,
  });
  const agregar = useMutation({
    mutationFn: (d: DatosActividad) => api('POST', `${base}/actividades`, d),
    onSuccess: async () => {
      setFormulario((n) => n + 1);
      await cliente.invalidateQueries({ queryKey: ['plan'] });
    },
  });
  const objetivos = useQuery({
    queryKey: ['objetivos', entidad?.id],
    queryFn: () =>
      api<{ id: string; codigo: string; nombre: string }[]>('GET', `/api/entidades/${entidad!.id}/objetivos`),
    enabled: !!entidad,
  });
  const cambiar = useMutation({
    mutationFn: (d: DatosActividad) => api('PUT', `${base}/actividades/${editando!.id}`, d),
    onSuccess: async () => {
      setEditando(null);
      await cliente.invalidateQueries({ queryKey: ['plan'] });
    },
  });
  const quitar = useMutation({
    mutationFn: (id: string) => api('DELETE', `${base}/actividades/${id}`),
    onSuccess: () => cliente.invalidateQueries({ queryKey: ['plan'] }),
  });
  if (!entidad) return <Pagina titulo="Plan de acción">Elija una entidad.</Pagina>;
  const p = plan.data;
  // Activities change only in borrador (a new version of an approved plan is a borrador too).
  const editable = puedeEditar && (!p?.plan || p.plan.estado === 'borrador');
  const politicas = catalogo.data?.dimensiones.flatMap((d) => d.politicas) ?? [];
  const revision = new Map(p?.ponderaciones.map((x) => [x.politica, x]));
  const conActividades = politicas.filter((pol) => p?.actividades.some((a) => a.politica === pol.clave));
  return (
    <Pagina
      titulo={`Plan de acción ${vigencia}`}
      descripcion={
        p?.plan
          ? `Versión ${p.plan.version} · estado: ${p.plan.estado} · ${p.actividades.length} actividades`
          : 'Las actividades de cada política para la vigencia, con su meta, su peso y su responsable.'
      }
    >
      {(plan.isPending || catalogo.isPending) && <Cargando que="el plan" />}
      <MensajeError error={plan.error ?? quitar.error} />
      {p?.plan && <FlujoPlan plan={p} url={base} />}
      {p?.plan && <VersionesPlan url={base} actual={p.plan.version} />}
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
      {conActividades.map((pol) => {
        const r = revision.get(pol.clave);
        return (
          <Paper withBorder p="md" key={pol.clave} component="section" aria-labelledby={`pol-${pol.clave}`}>
            <Title order={2} size="h4" id={`pol-${pol.clave}`} mb="xs">
              {pol.codigoFurag} {pol.nombre}
            </Title>
            {r && !r.ok && (
              <Alert color="orange.9" variant="outline" mb="sm">
                {r.mensaje}
              </Alert>
            )}
            <TablaDesplazable etiqueta={`Actividades de ${pol.nombre}`}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Código</Table.Th>
                    <Table.Th scope="col">Actividad</Table.Th>
                    <Table.Th scope="col">Meta anual</Table.Th>
                    <Table.Th scope="col">Peso</Table.Th>
                    <Table.Th scope="col">Fechas</Table.Th>
                    <Table.Th scope="col">Presupuesto</Table.Th>
                    {editable && <Table.Th scope="col">Acción</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p!.actividades
                    .filter((a) => a.politica === pol.clave)
                    .map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{a.codigo}</Table.Td>
                        <Table.Td>
                          {a.nombre}
                          <Text size="sm">Producto: {a.producto}</Text>
                        </Table.Td>
                        <Table.Td>
                          {a.metaAnual.toLocaleString('es-CO')} {a.unidad}
                        </Table.Td>
                        <Table.Td>{porcentaje(a.ponderacion)}</Table.Td>
                        <Table.Td>
                          {fechaCivil(a.fechaInicio)} a {fechaCivil(a.fechaFin)}
                        </Table.Td>
                        <Table.Td>{a.presupuesto === null ? '—' : pesos(a.presupuesto)}</Table.Td>
                        {editable && (
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="outline"
                              mr="xs"
                              mb={4}
                              aria-label={`Editar la actividad ${a.codigo}`}
                              onClick={() => {
                                cambiar.reset();
                                setEditando(a);
                              }}
                            >
                              Editar
                            </Button>
                            <Button
                              size="xs"
                              variant="outline"
                              color="#a51d1d"
                              aria-label={`Quitar la actividad ${a.codigo}`}
                              onClick={() => {
                                if (window.confirm(`¿Quitar la actividad ${a.codigo} del plan?`))
                                  quitar.mutate(a.id);
                              }}
                            >
                              Quitar
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </TablaDesplazable>
          </Paper>
        );
      })}
      {editable && catalogo.data && config.data && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              Agregar una actividad
            </Title>
            {agregar.isSuccess && <Exito>La actividad quedó en el plan.</Exito>}
            <FormularioActividad
              key={formulario}
              catalogo={catalogo.data}
              periodos={config.data.periodos.map((x) => x.nombre)}
              dependencias={dependencias.data ?? []}
              personas={personas.data ?? []}
              indicadores={indicadores.data ?? []}
              objetivos={objetivos.data ?? []}
              pendiente={agregar.isPending}
              error={agregar.error}
              alGuardar={(d) => agregar.mutate(d)}
            />
          </Stack>
        </Paper>
      )}
      {puedeEditar && <ObjetivosEntidad objetivos={objetivos.data ?? []} />}
      <Ventana
        opened={!!editando}
        onClose={() => setEditando(null)}
        title={`Editar la actividad ${editando?.codigo ?? ''}`}
        size="xl"
      >
        {editando && catalogo.data && config.data && (
          <FormularioActividad
            catalogo={catalogo.data}
            periodos={config.data.periodos.map((x) => x.nombre)}
            dependencias={dependencias.data ?? []}
            personas={personas.data ?? []}
            indicadores={indicadores.data ?? []}
            objetivos={objetivos.data ?? []}
            inicial={editando}
            pendiente={cambiar.isPending}
            error={cambiar.error}
            alGuardar={(d) => cambiar.mutate(d)}
          />
        )}
      </Ventana>
    </Pagina>
  );
}
