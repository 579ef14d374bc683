import { Button, Paper, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { TablaDatos } from '../../ui/tabla-datos.tsx';
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
      {lista.isError ? null : lista.isPending ? (
        <Cargando que="las entidades" />
      ) : lista.data?.length ? (
        <TablaDatos
          titulo="Entidades registradas"
          sustantivo={['entidad', 'entidades']}
          filas={lista.data}
          idFila={(e) => e.id}
          columnas={[
            { id: 'nombre', titulo: 'Entidad', valor: (e) => e.nombre, principal: true },
            { id: 'nit', titulo: 'NIT', valor: (e) => e.nit },
            {
              id: 'municipio',
              titulo: 'Municipio',
              valor: (e) => [e.municipio, e.departamento].filter(Boolean).join(', ') || null,
            },
            {
              id: 'formulario',
              titulo: 'Formulario',
              valor: (e) => e.tipoFormulario,
              filtro: true,
              todas: 'Todos',
            },
            {
              id: 'accion',
              titulo: 'Acción',
              valor: () => null,
              ordenable: false,
              ancha: true,
              // Opens the entity's home page (staying on this list looked like nothing happened).
              celda: (e) => (
                <Button
                  variant="outline"
                  size="xs"
                  onClick={() => navegar({ to: '/', search: { entidad: e.id, vigencia } })}
                >
                  Trabajar en esta entidad<span className="solo-lector">: {e.nombre}</span>
                </Button>
              ),
            },
          ]}
        />
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
