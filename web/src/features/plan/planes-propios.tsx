import type { Catalogo } from '@contrato/catalogo.ts';
import { type PlanPropio, PlanPropioEntradaSchema } from '@contrato/plan.ts';
import { PLANES_PROPIOS_SUGERIDOS } from '@core/catalogo.ts';
import { Button, Group, List, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Termino } from '../../ui/termino.tsx';
import { useAgregarPlanPropio, useQuitarPlanPropio } from './api.ts';

/**
 * The entity's own plans beside the 12 of Decreto 612 (its Plan Anual de Auditoría; for an E.S.E. the Plan
 * de Gestión del gerente, PAMEC, Plan Hospitalario de Emergencias): activities are tagged with them.
 */
export function PlanesPropios({
  planes,
  catalogo,
  ese,
}: {
  planes: PlanPropio[];
  catalogo: Catalogo;
  /** An E.S.E. is offered its usual plans (Plan de Gestión del gerente, PAMEC…). */
  ese: boolean;
}) {
  const { entidad } = useTrabajo();
  const form = useFormulario({
    inicial: { codigo: '', nombre: '', politicas: [] as string[] },
    esquema: PlanPropioEntradaSchema,
    etiquetas: {
      codigo: 'Sigla (p. ej. PAAI)',
      nombre: 'Nombre del plan',
      politicas: 'Políticas a las que aporta (opcional)',
    },
  });
  const agregar = useAgregarPlanPropio(entidad!.id);
  const quitar = useQuitarPlanPropio(entidad!.id);
  const politicas = catalogo.dimensiones.flatMap((d) => d.politicas);
  const nombre = new Map(politicas.map((p) => [p.clave, p.nombre]));
  const usados = new Set(planes.map((p) => p.codigo));
  const sugeridos = PLANES_PROPIOS_SUGERIDOS.filter(
    (s) => !usados.has(s.codigo) && (ese || !s.soloEse) && s.politicas.every((p) => nombre.has(p)),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="planes-propios">
      <Stack gap="sm">
        <Title order={2} size="h4" id="planes-propios">
          Planes propios de la entidad
        </Title>
        <Text size="sm">
          Además de los 12 <Termino t="planes-612">planes del Decreto 612</Termino>, la entidad puede agrupar
          actividades en <Termino t="plan-propio">planes propios</Termino>, como el Plan Anual de Auditoría o,
          en una E.S.E., el Plan de Gestión del gerente, el PAMEC o el Plan Hospitalario de Emergencias.
        </Text>
        {planes.length === 0 ? (
          <Text>Aún no hay planes propios.</Text>
        ) : (
          <List>
            {planes.map((p) => (
              <List.Item key={p.id}>
                {p.codigo} · {p.nombre} —{' '}
                {p.politicas.length
                  ? p.politicas.map((x) => nombre.get(x) ?? x).join(', ')
                  : 'cualquier política'}{' '}
                <Button
                  size="compact-xs"
                  variant="outline"
                  color="#a51d1d"
                  aria-label={`Quitar el plan ${p.codigo}`}
                  onClick={() => quitar.mutate(p.id)}
                >
                  Quitar
                </Button>
              </List.Item>
            ))}
          </List>
        )}
        <MensajeError error={quitar.error ?? agregar.error} />
        {sugeridos.length > 0 && (
          <Group gap="xs">
            <Text size="sm">Agregar uno usual:</Text>
            {sugeridos.map((s) => (
              <Button
                key={s.codigo}
                size="compact-sm"
                variant="light"
                loading={agregar.isPending}
                onClick={() =>
                  agregar.mutate({ codigo: s.codigo, nombre: s.nombre, politicas: [...s.politicas] })
                }
              >
                {s.etiqueta ?? s.nombre}
              </Button>
            ))}
          </Group>
        )}
        <Formulario
          form={form}
          alEnviar={(datos) => agregar.mutateAsync(datos).then(() => form.reset())}
          etiquetaEnviar="Agregar plan propio"
          propsBoton={{ variant: 'outline' }}
        >
          <Group align="start">
            <TextInput {...campo(form, 'codigo')} w={160} />
            <TextInput {...campo(form, 'nombre')} style={{ flex: 1, minWidth: 220 }} />
          </Group>
          <MultiSelect
            {...campo(form, 'politicas')}
            mt="sm"
            description="Sin políticas, el plan admite actividades de cualquiera"
            data={politicas.map((p) => ({ value: p.clave, label: p.nombre }))}
            searchable
            clearable
            nothingFoundMessage="Ninguna política con ese nombre"
          />
        </Formulario>
      </Stack>
    </Paper>
  );
}
