import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';

/** The entity's own strategic objectives / development-plan lines, which activities contribute to. */
export function ObjetivosEntidad({
  objetivos,
}: {
  objetivos: { id: string; codigo: string; nombre: string }[];
}) {
  const { entidad } = useTrabajo();
  const cliente = useQueryClient();
  const [codigo, setCodigo] = useState('');
  const [nombre, setNombre] = useState('');
  const url = `/api/entidades/${entidad!.id}/objetivos`;
  const refrescar = () => cliente.invalidateQueries({ queryKey: ['objetivos'] });
  const agregar = useMutation({
    mutationFn: () => api('POST', url, { codigo, nombre }),
    onSuccess: async () => {
      setCodigo('');
      setNombre('');
      await refrescar();
    },
  });
  const quitar = useMutation({
    mutationFn: (id: string) => api('DELETE', `${url}/${id}`),
    onSuccess: refrescar,
  });
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
            agregar.mutate();
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
