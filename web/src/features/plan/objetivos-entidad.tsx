import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { type Objetivo, useAgregarObjetivo, useQuitarObjetivo } from './api.ts';

/** The entity's own strategic objectives / development-plan lines, which activities contribute to. */
export function ObjetivosEntidad({ objetivos }: { objetivos: Objetivo[] }) {
  const { entidad } = useTrabajo();
  const [codigo, setCodigo] = useState('');
  const [nombre, setNombre] = useState('');
  const agregar = useAgregarObjetivo(entidad!.id);
  const quitar = useQuitarObjetivo(entidad!.id);
  const e = erroresPorCampo(agregar.error);
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
        <form
          onSubmit={(x) => {
            x.preventDefault();
            agregar.mutate(
              { codigo, nombre },
              {
                onSuccess: () => {
                  setCodigo('');
                  setNombre('');
                },
              },
            );
          }}
          noValidate
        >
          <Group align="end">
            <TextInput
              label="Sigla o número (p. ej. OE1)"
              value={codigo}
              onChange={(x) => setCodigo(x.currentTarget.value)}
              error={e.codigo}
              w={160}
            />
            <TextInput
              label="Objetivo o línea"
              value={nombre}
              onChange={(x) => setNombre(x.currentTarget.value)}
              error={e.nombre}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="outline" loading={agregar.isPending}>
              Agregar objetivo
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
