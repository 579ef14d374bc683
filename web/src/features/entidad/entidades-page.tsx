import { Button, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { entidadesQuery, useCrearEntidad } from './api.ts';
import { FormularioEntidad } from './formulario-entidad.tsx';

export function EntidadesPage() {
  const { sesion, vigencia, elegirEntidad } = useTrabajo();
  const navegar = useNavigate();
  const [formulario, setFormulario] = useState(0);
  const lista = useQuery(entidadesQuery());
  const crear = useCrearEntidad();
  if (!sesion.usuario.adminPlataforma)
    return (
      <Pagina titulo="Entidades">
        <p>Solo el administrador de la plataforma registra entidades.</p>
      </Pagina>
    );
  return (
    <Pagina
      titulo="Entidades"
      descripcion="Las entidades que atiende esta instalación. Cada dato pertenece a una sola entidad."
    >
      <MensajeError error={lista.error} />
      {lista.isPending ? (
        <Cargando que="las entidades" />
      ) : lista.data?.length ? (
        <TablaDesplazable etiqueta="Entidades registradas">
          <Table striped withTableBorder>
            <Table.Caption>{lista.data.length} entidades registradas</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Entidad</Table.Th>
                <Table.Th scope="col">NIT</Table.Th>
                <Table.Th scope="col">Municipio</Table.Th>
                <Table.Th scope="col">Formulario</Table.Th>
                <Table.Th scope="col">Acción</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lista.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.nombre}</Table.Td>
                  <Table.Td>{e.nit}</Table.Td>
                  <Table.Td>{[e.municipio, e.departamento].filter(Boolean).join(', ') || '—'}</Table.Td>
                  <Table.Td>{e.tipoFormulario}</Table.Td>
                  <Table.Td>
                    {/* Opens the entity's home page (staying on this list looked like nothing happened). */}
                    <Button
                      variant="outline"
                      size="xs"
                      onClick={() => navegar({ to: '/', search: { entidad: e.id, vigencia } })}
                    >
                      Trabajar en esta entidad
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      ) : (
        <p>Aún no hay entidades. Registre la primera con el formulario.</p>
      )}
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="md">
          Registrar una entidad
        </Title>
        {crear.isSuccess && <Exito>La entidad «{crear.data.nombre}» quedó registrada.</Exito>}
        <FormularioEntidad
          key={formulario}
          textoBoton="Registrar entidad"
          pendiente={crear.isPending}
          error={crear.error}
          alGuardar={(d) =>
            crear.mutate(d, {
              onSuccess: (e) => {
                elegirEntidad(e.id);
                setFormulario((n) => n + 1);
              },
            })
          }
        />
      </Paper>
    </Pagina>
  );
}
