import type { Dependencia } from '@contrato/dependencias.ts';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { dependenciasQuery, useEliminarDependencia, useGuardarDependencia } from './api.ts';

type Datos = { nombre: string; codigo: string; padreId: string };
const VACIO: Datos = { nombre: '', codigo: '', padreId: '' };

function Arbol({
  todas,
  padreId,
  editable,
  alEditar,
  alEliminar,
}: {
  todas: Dependencia[];
  padreId: string | null;
  editable: boolean;
  alEditar: (d: Dependencia) => void;
  alEliminar: (d: Dependencia) => void;
}) {
  const hijas = todas.filter((d) => d.padreId === padreId);
  if (!hijas.length) return null;
  return (
    <ul className="arbol">
      {hijas.map((d) => (
        <li key={d.id}>
          <Group gap="sm" py={4} wrap="wrap">
            <Text fw={600}>
              {d.nombre}
              {d.codigo && ` (${d.codigo})`}
            </Text>
            {editable && (
              <>
                <Button
                  size="xs"
                  variant="outline"
                  onClick={() => alEditar(d)}
                  aria-label={`Editar ${d.nombre}`}
                >
                  Editar
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.8"
                  onClick={() => alEliminar(d)}
                  aria-label={`Eliminar ${d.nombre}`}
                >
                  Eliminar
                </Button>
              </>
            )}
          </Group>
          <Arbol
            todas={todas}
            padreId={d.id}
            editable={editable}
            alEditar={alEditar}
            alEliminar={alEliminar}
          />
        </li>
      ))}
    </ul>
  );
}

export function DependenciasPage() {
  const { entidad, puede } = useTrabajo();
  const [datos, setDatos] = useState<Datos>(VACIO);
  const [editandoId, setEditandoId] = useState<string | null>(null);
  const [aviso, setAviso] = useState('');
  const lista = useQuery(dependenciasQuery(entidad?.id));
  const guardar = useGuardarDependencia(entidad?.id ?? '');
  const eliminar = useEliminarDependencia(entidad?.id ?? '');
  const guardarDependencia = () =>
    guardar.mutate(
      {
        id: editandoId,
        datos: { nombre: datos.nombre, codigo: datos.codigo || null, padreId: datos.padreId || null },
      },
      {
        onSuccess: () => {
          setAviso(editandoId ? `Se actualizó «${datos.nombre}».` : `Se creó «${datos.nombre}».`);
          setDatos(VACIO);
          setEditandoId(null);
        },
      },
    );
  const eliminarDependencia = (d: Dependencia) =>
    eliminar.mutate(d, { onSuccess: () => setAviso(`Se eliminó «${d.nombre}».`) });
  if (!entidad) return <Pagina titulo="Dependencias">Elija una entidad.</Pagina>;
  const editable = puede('dependencia.editar');
  const errores = erroresPorCampo(guardar.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    setAviso('');
    guardarDependencia();
  };
  return (
    <Pagina
      titulo="Dependencias"
      descripcion="La estructura de la entidad: cada política y cada actividad tiene una dependencia responsable."
    >
      {aviso && <Exito>{aviso}</Exito>}
      <MensajeError error={eliminar.error} />
      <Paper withBorder p="lg">
        {lista.isPending ? (
          <Cargando que="las dependencias" />
        ) : lista.data?.length ? (
          <Arbol
            todas={lista.data}
            padreId={null}
            editable={editable}
            alEditar={(d) => {
              setEditandoId(d.id);
              setDatos({ nombre: d.nombre, codigo: d.codigo ?? '', padreId: d.padreId ?? '' });
            }}
            alEliminar={(d) => {
              if (window.confirm(`¿Eliminar la dependencia «${d.nombre}»?`)) eliminarDependencia(d);
            }}
          />
        ) : (
          <Text>
            Aún no hay dependencias. {editable ? 'Agregue la primera, por ejemplo «Gerencia».' : ''}
          </Text>
        )}
      </Paper>
      {editable && (
        <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
          <Stack>
            <Title order={2} size="h3">
              {editandoId ? 'Editar dependencia' : 'Agregar dependencia'}
            </Title>
            {guardar.isError && !Object.keys(errores).length && <MensajeError error={guardar.error} />}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Nombre"
                required
                value={datos.nombre}
                onChange={(e) => setDatos({ ...datos, nombre: e.currentTarget.value })}
                error={errores.nombre}
              />
              <TextInput
                label="Código (opcional)"
                value={datos.codigo}
                onChange={(e) => setDatos({ ...datos, codigo: e.currentTarget.value })}
                error={errores.codigo}
              />
              <NativeSelect
                label="Depende de"
                value={datos.padreId}
                onChange={(e) => setDatos({ ...datos, padreId: e.currentTarget.value })}
                error={errores.padreId}
                data={[
                  { value: '', label: 'Ninguna (nivel superior)' },
                  ...(lista.data ?? [])
                    .filter((d) => d.id !== editandoId)
                    .map((d) => ({ value: d.id, label: d.nombre })),
                ]}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={guardar.isPending}>
                {editandoId ? 'Guardar cambios' : 'Agregar dependencia'}
              </Button>
              {editandoId && (
                <Button
                  variant="outline"
                  onClick={() => {
                    setEditandoId(null);
                    setDatos(VACIO);
                  }}
                >
                  Cancelar
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
