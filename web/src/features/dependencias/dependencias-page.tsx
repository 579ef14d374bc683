import { type Dependencia, DependenciaEntradaSchema } from '@contrato/dependencias.ts';
import { MAXIMO_DEPENDENCIAS } from '@core/dependencias-importacion.ts';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { Confirmacion } from '../../ui/confirmacion.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { cantidad, numero } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { ImportarPlantilla } from '../../ui/importar-plantilla.tsx';
import { Termino } from '../../ui/termino.tsx';
import {
  dependenciasQuery,
  useEliminarDependencia,
  useGuardarDependencia,
  useImportarDependencias,
} from './api.ts';

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

/** Drawn anew for another entity: a half-typed dependencia, or one being edited, belongs to the one it was. */
export function DependenciasPage() {
  const { entidad } = useTrabajo();
  return <DependenciasDeEntidad key={entidad?.id ?? ''} />;
}

function DependenciasDeEntidad() {
  const { entidad, puede } = useTrabajo();
  const [editando, setEditando] = useState<Dependencia | null>(null);
  // A new key empties the form after an addition and fills it when another dependencia is edited.
  const [version, setVersion] = useState(0);
  const [aviso, setAviso] = useState('');
  const lista = useQuery(dependenciasQuery(entidad?.id));
  const eliminar = useEliminarDependencia(entidad?.id ?? '');
  const terminar = (texto: string) => {
    setAviso(texto);
    setEditando(null);
    setVersion((n) => n + 1);
  };
  const [eliminando, setEliminando] = useState<Dependencia | null>(null);
  if (!entidad) return <Pagina titulo="Dependencias">Elija una entidad.</Pagina>;
  const editable = puede('dependencia.editar');
  return (
    <Pagina
      titulo="Dependencias"
      descripcion={
        <>
          La estructura de la entidad: cada <Termino t="politica">política</Termino> y cada actividad tiene
          una <Termino t="dependencia">dependencia</Termino> responsable.
        </>
      }
    >
      {aviso && <Exito>{aviso}</Exito>}
      <Paper withBorder p="lg">
        {lista.isError ? (
          <MensajeError error={lista.error} />
        ) : lista.isPending ? (
          <Cargando que="las dependencias" />
        ) : lista.data?.length ? (
          <Arbol
            todas={lista.data}
            padreId={null}
            editable={editable}
            alEditar={(d) => {
              setAviso('');
              setEditando(d);
              setVersion((n) => n + 1);
            }}
            alEliminar={(d) => {
              setAviso('');
              eliminar.reset();
              setEliminando(d);
            }}
          />
        ) : (
          <Text>
            Aún no hay dependencias. {editable ? 'Agregue la primera, por ejemplo «Gerencia».' : ''}
          </Text>
        )}
      </Paper>
      <Confirmacion
        titulo={`¿Eliminar la dependencia «${eliminando?.nombre ?? ''}»?`}
        accion="Eliminar la dependencia"
        abierta={!!eliminando}
        pendiente={eliminar.isPending}
        error={eliminar.error}
        alCancelar={() => setEliminando(null)}
        alConfirmar={() =>
          eliminando &&
          eliminar.mutate(eliminando, {
            onSuccess: () => {
              setAviso(`Se eliminó «${eliminando.nombre}».`);
              setEliminando(null);
            },
          })
        }
      >
        Deja de aparecer en la estructura de la entidad. Si tiene subdependencias, o políticas, actividades o
        indicadores a su cargo, la plataforma no la elimina y le dice por qué.
      </Confirmacion>
      {editable && <ImportarDependencias entidadId={entidad.id} />}
      {editable && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="md">
            {editando ? 'Editar dependencia' : 'Agregar dependencia'}
          </Title>
          <FormularioDependencia
            key={version}
            editando={editando}
            todas={lista.data ?? []}
            alTerminar={terminar}
          />
        </Paper>
      )}
    </Pagina>
  );
}

function FormularioDependencia({
  editando,
  todas,
  alTerminar,
}: {
  editando: Dependencia | null;
  todas: Dependencia[];
  alTerminar: (aviso: string) => void;
}) {
  const { entidad } = useTrabajo();
  const guardar = useGuardarDependencia(entidad?.id ?? '');
  const form = useFormulario({
    inicial: {
      nombre: editando?.nombre ?? '',
      codigo: editando?.codigo ?? '',
      padreId: editando?.padreId ?? '',
    },
    esquema: DependenciaEntradaSchema,
    etiquetas: { nombre: 'Nombre', codigo: 'Código (opcional)', padreId: 'Depende de' },
    transformar: (d) => ({ nombre: d.nombre, codigo: d.codigo || null, padreId: d.padreId || null }),
  });
  return (
    <Formulario
      form={form}
      alEnviar={(datos) =>
        guardar
          .mutateAsync({ id: editando?.id ?? null, datos })
          .then(() => alTerminar(editando ? `Se actualizó «${datos.nombre}».` : `Se creó «${datos.nombre}».`))
      }
      etiquetaEnviar={editando ? 'Guardar cambios' : 'Agregar dependencia'}
      acciones={
        editando && (
          <Button variant="outline" onClick={() => alTerminar('')}>
            Cancelar
          </Button>
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput {...campo(form, 'nombre')} required />
        <TextInput {...campo(form, 'codigo')} />
        <NativeSelect
          {...campo(form, 'padreId')}
          data={[
            { value: '', label: 'Ninguna (nivel superior)' },
            ...todas.filter((d) => d.id !== editando?.id).map((d) => ({ value: d.id, label: d.nombre })),
          ]}
        />
      </SimpleGrid>
    </Formulario>
  );
}

/** The whole structure from a sheet (an entity with 40 offices does not type them one by one). */
function ImportarDependencias({ entidadId }: { entidadId: string }) {
  return (
    <ImportarPlantilla
      titulo="Importar dependencias"
      descripcion="Llene la plantilla con el nombre, el código (opcional) y de qué dependencia depende cada una: el nombre o el código de una que ya existe o de otra fila. Si una fila tiene un problema no se importa ninguna."
      plantilla={`/api/entidades/${entidadId}/dependencias/plantilla.xlsx`}
      que="dependencias"
      limite={`${numero(MAXIMO_DEPENDENCIAS)} dependencias`}
      importar={useImportarDependencias(entidadId)}
      resultado={(r) => (
        <Exito>
          Se {r.importadas === 1 ? 'agregó' : 'agregaron'}{' '}
          {cantidad(r.importadas, 'dependencia', 'dependencias')}.
        </Exito>
      )}
    />
  );
}
