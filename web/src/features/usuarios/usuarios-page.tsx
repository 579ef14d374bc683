import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import { NOMBRE_ROL, ROLES, type Rol } from '@core/roles.ts';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable, Ventana } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';

const nombreRol = (r: string) => NOMBRE_ROL[r as Rol] ?? r;

function SelectorRoles({
  valor,
  alCambiar,
  error,
}: {
  valor: Rol[];
  alCambiar: (r: Rol[]) => void;
  error?: string;
}) {
  return (
    <Checkbox.Group label="Roles en esta entidad" value={valor} onChange={alCambiar} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={NOMBRE_ROL[r]} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function CambiarRoles({ usuario, cerrar }: { usuario: UsuarioEntidad; cerrar: () => void }) {
  const { entidad } = useTrabajo();
  const cliente = useQueryClient();
  const [roles, setRoles] = useState(usuario.roles);
  const guardar = useMutation({
    mutationFn: () => api('PUT', `/api/entidades/${entidad!.id}/usuarios/${usuario.id}/roles`, { roles }),
    onSuccess: async () => {
      await cliente.invalidateQueries({ queryKey: ['usuarios'] });
      cerrar();
    },
  });
  return (
    <Ventana opened onClose={cerrar} title={`Roles de ${usuario.nombre}`} size="lg">
      <Stack>
        <MensajeError error={guardar.error} />
        <SelectorRoles valor={roles} alCambiar={setRoles} />
        {roles.length === 0 && <Text>Sin roles, la persona deja de tener acceso a esta entidad.</Text>}
        <Group>
          <Button onClick={() => guardar.mutate()} loading={guardar.isPending}>
            Guardar roles
          </Button>
          <Button variant="outline" onClick={cerrar}>
            Cancelar
          </Button>
        </Group>
      </Stack>
    </Ventana>
  );
}

const VACIO = { nombre: '', correo: '', cargo: '', roles: [] as Rol[] };

export function UsuariosPage() {
  const { entidad, puede } = useTrabajo();
  const cliente = useQueryClient();
  const [datos, setDatos] = useState(VACIO);
  const [editando, setEditando] = useState<UsuarioEntidad | null>(null);
  const [clave, setClave] = useState<{ nombre: string; correo: string; clave: string } | null>(null);
  // What happened when no temporary password is shown: an invitation, or roles added to a member.
  const [aviso, setAviso] = useState<string | null>(null);
  const lista = useQuery({
    queryKey: ['usuarios', entidad?.id],
    queryFn: () => api<UsuarioEntidad[]>('GET', `/api/entidades/${entidad!.id}/usuarios`),
    enabled: !!entidad,
  });
  const invitaciones = useQuery({
    queryKey: ['usuarios', entidad?.id, 'invitaciones'],
    queryFn: () =>
      api<{ id: string; correo: string; roles: string[]; creadoEn: string }[]>(
        'GET',
        `/api/entidades/${entidad!.id}/invitaciones`,
      ),
    enabled: !!entidad,
  });
  const retirar = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/entidades/${entidad!.id}/invitaciones/${id}`),
    onSuccess: () => cliente.invalidateQueries({ queryKey: ['usuarios'] }),
  });
  const crear = useMutation({
    mutationFn: () =>
      api<{
        usuario: UsuarioEntidad | null;
        invitacion: { correo: string } | null;
        claveTemporal: string | null;
      }>('POST', `/api/entidades/${entidad!.id}/usuarios`, {
        ...datos,
        cargo: datos.cargo || null,
      }),
    onSuccess: async (r) => {
      setClave(
        r.usuario && r.claveTemporal
          ? { nombre: r.usuario.nombre, correo: r.usuario.correo, clave: r.claveTemporal }
          : null,
      );
      setAviso(
        r.invitacion
          ? `${r.invitacion.correo} ya tiene cuenta en la plataforma: le enviamos una invitación. Tendrá los roles en esta entidad cuando la acepte al ingresar.`
          : r.usuario && !r.claveTemporal
            ? `${r.usuario.nombre} ya trabajaba en esta entidad; sus roles ahora son: ${r.usuario.roles.map(nombreRol).join(', ')}.`
            : null,
      );
      setDatos(VACIO);
      await cliente.invalidateQueries({ queryKey: ['usuarios'] });
    },
  });
  const restablecer = useMutation({
    mutationFn: (u: UsuarioEntidad) =>
      api<{ claveTemporal: string }>(
        'POST',
        `/api/entidades/${entidad!.id}/usuarios/${u.id}/restablecer-clave`,
      ),
    onSuccess: async (r, u) => {
      setClave({ nombre: u.nombre, correo: u.correo, clave: r.claveTemporal });
      await cliente.invalidateQueries({ queryKey: ['usuarios'] });
    },
  });
  if (!entidad) return <Pagina titulo="Usuarios y roles">Elija una entidad.</Pagina>;
  const gestiona = puede('usuario.gestionar');
  const errores = erroresPorCampo(crear.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    setClave(null);
    setAviso(null);
    crear.mutate();
  };
  return (
    <Pagina
      titulo="Usuarios y roles"
      descripcion="Quién trabaja en la entidad y qué puede hacer, según las líneas de defensa del MIPG."
    >
      {clave && (
        <Exito>
          Contraseña temporal de {clave.nombre} ({clave.correo}):{' '}
          <strong className="clave-temporal">{clave.clave}</strong>. Entréguesela por un canal seguro; deberá
          cambiarla al ingresar.
        </Exito>
      )}
      {aviso && <Exito>{aviso}</Exito>}
      <MensajeError error={lista.error ?? restablecer.error ?? retirar.error} />
      {lista.isPending ? (
        <Cargando que="los usuarios" />
      ) : (
        <TablaDesplazable etiqueta="Personas con acceso">
          <Table striped withTableBorder>
            <Table.Caption>{lista.data?.length ?? 0} personas con acceso a la entidad</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nombre</Table.Th>
                <Table.Th scope="col">Correo</Table.Th>
                <Table.Th scope="col">Cargo</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Estado</Table.Th>
                {gestiona && <Table.Th scope="col">Acciones</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lista.data?.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.nombre}</Table.Td>
                  <Table.Td>{u.correo}</Table.Td>
                  <Table.Td>{u.cargo ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.roles.map((r) => (
                        <Badge key={r} variant="outline" color="dark" style={{ textTransform: 'none' }}>
                          {nombreRol(r)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {!u.activo ? 'Inactivo' : u.bloqueado ? 'Bloqueado temporalmente' : 'Activo'}
                  </Table.Td>
                  {gestiona && (
                    <Table.Td>
                      <Group gap={4}>
                        <Button
                          size="xs"
                          variant="outline"
                          onClick={() => setEditando(u)}
                          aria-label={`Cambiar roles de ${u.nombre}`}
                        >
                          Roles
                        </Button>
                        {u.gestionable && (
                          <Button
                            size="xs"
                            variant="outline"
                            onClick={() => restablecer.mutate(u)}
                            aria-label={`Restablecer contraseña de ${u.nombre}`}
                          >
                            Restablecer contraseña
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {!!invitaciones.data?.length && (
        <TablaDesplazable etiqueta="Invitaciones sin responder">
          <Table striped withTableBorder>
            <Table.Caption>Invitaciones que esperan respuesta</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Correo</Table.Th>
                <Table.Th scope="col">Roles ofrecidos</Table.Th>
                {gestiona && <Table.Th scope="col">Acciones</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitaciones.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.correo}</Table.Td>
                  <Table.Td>{i.roles.map(nombreRol).join(', ')}</Table.Td>
                  {gestiona && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        onClick={() => retirar.mutate(i.id)}
                        aria-label={`Retirar la invitación de ${i.correo}`}
                      >
                        Retirar
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {gestiona && (
        <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
          <Stack>
            <Title order={2} size="h3">
              Dar acceso a una persona
            </Title>
            <Text>
              Si el correo ya tiene cuenta en la plataforma, la persona recibe una invitación y tendrá los
              roles cuando la acepte.
            </Text>
            {crear.isError && !Object.keys(errores).length && <MensajeError error={crear.error} />}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Nombre completo"
                required
                value={datos.nombre}
                onChange={(e) => setDatos({ ...datos, nombre: e.currentTarget.value })}
                error={errores.nombre}
              />
              <TextInput
                label="Correo electrónico"
                type="email"
                required
                value={datos.correo}
                onChange={(e) => setDatos({ ...datos, correo: e.currentTarget.value })}
                error={errores.correo}
              />
              <TextInput
                label="Cargo"
                value={datos.cargo}
                onChange={(e) => setDatos({ ...datos, cargo: e.currentTarget.value })}
                error={errores.cargo}
              />
            </SimpleGrid>
            <SelectorRoles
              valor={datos.roles}
              alCambiar={(roles) => setDatos({ ...datos, roles })}
              error={errores.roles}
            />
            <Button type="submit" loading={crear.isPending} style={{ alignSelf: 'flex-start' }}>
              Dar acceso
            </Button>
          </Stack>
        </Paper>
      )}
      {editando && <CambiarRoles usuario={editando} cerrar={() => setEditando(null)} />}
    </Pagina>
  );
}
