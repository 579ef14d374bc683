import { ObjetivoEntradaSchema } from '@contrato/plan.ts';
import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { type Objetivo, useAgregarObjetivo, useQuitarObjetivo } from './api.ts';

/** The entity's own strategic objectives / development-plan lines, which activities contribute to. */
export function ObjetivosEntidad({ objetivos }: { objetivos: Objetivo[] }) {
  const { entidad } = useTrabajo();
  const form = useFormulario({
    inicial: { codigo: '', nombre: '' },
    esquema: ObjetivoEntradaSchema,
    etiquetas: { codigo: 'Sigla o número (p. ej. OE1)', nombre: 'Objetivo o línea' },
  });
  const agregar = useAgregarObjetivo(entidad!.id);
  const quitar = useQuitarObjetivo(entidad!.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="objetivos-entidad">
      <Stack gap="sm">
        <Title order={2} size="h4" id="objetivos-entidad">
          Objetivos estratégicos y líneas del plan de desarrollo
        </Title>
        {objetivos.length === 0 ? (
          <Text>Sin lista propia: el objetivo de cada actividad se escribe libremente.</Text>
        ) : (
          <List>
            {objetivos.map((o) => (
              <List.Item key={o.id}>
                {o.codigo} · {o.nombre}{' '}
                <Button
                  size="compact-xs"
                  variant="outline"
                  color="#a51d1d"
                  aria-label={`Quitar el objetivo ${o.codigo}`}
                  onClick={() => quitar.mutate(o.id)}
                >
                  Quitar
                </Button>
              </List.Item>
            ))}
          </List>
        )}
        <MensajeError error={quitar.error} />
        <Formulario
          form={form}
          alEnviar={(datos) => agregar.mutateAsync(datos).then(() => form.reset())}
          etiquetaEnviar="Agregar objetivo"
          propsBoton={{ variant: 'outline' }}
        >
          <Group align="start">
            <TextInput {...campo(form, 'codigo')} w={160} />
            <TextInput {...campo(form, 'nombre')} style={{ flex: 1 }} />
          </Group>
        </Formulario>
      </Stack>
    </Paper>
  );
}
