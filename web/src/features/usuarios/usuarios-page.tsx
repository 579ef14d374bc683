import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import { NOMBRE_ROL, ROLES, type Rol } from '@core/roles.ts';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { useEstadoPlataforma } from '../auth/estado-plataforma.ts';
import {
  bandejaCorreoQuery,
  invitacionesQuery,
  type RespuestaCrearUsuario,
  useCambiarRoles,
  useCrearUsuario,
  useRestablecerClave,
  useRetirarInvitacion,
  usuariosQuery,
} from './api.ts';

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
  const [roles, setRoles] = useState(usuario.roles);
  const guardar = useCambiarRoles(entidad!.id);
  const guardarRoles = () => guardar.mutate({ usuarioId: usuario.id, roles }, { onSuccess: cerrar });
  return (
    <Ventana opened onClose={cerrar} title={`Roles de ${usuario.nombre}`} size="lg">
      <Stack>
        <MensajeError error={guardar.error} />
        <SelectorRoles valor={roles} alCambiar={setRoles} />
        {roles.length === 0 && <Text>Sin roles, la persona deja de tener acceso a esta entidad.</Text>}
        <Group>
          <Button onClick={guardarRoles} loading={guardar.isPending}>
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

/** A set-password link to hand over when the platform does not send e-mail. */
interface EnlaceEntregar {
  nombre: string;
  correo: string;
  url: string;
  motivo: 'nueva' | 'restablecer';
}

function EnlaceParaEntregar({ enlace }: { enlace: EnlaceEntregar }) {
  return (
    <Alert color="green.9" variant="outline" role="status" title={`Enlace para ${enlace.nombre}`}>
      <Text>
        {enlace.motivo === 'nueva'
          ? `La cuenta de ${enlace.nombre} (${enlace.correo}) quedó creada.`
          : `La contraseña anterior de ${enlace.nombre} (${enlace.correo}) dejó de servir y sus sesiones se cerraron.`}{' '}
        Como esta plataforma no envía correos, entréguele este enlace por un canal seguro (en persona o por el
        chat institucional, nunca en un grupo): con él define su propia contraseña. Sirve una sola vez, vence
        en 72 horas y nadie más debe abrirlo.
      </Text>
      <Code block className="enlace-clave" mt="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {enlace.url}
      </Code>
    </Alert>
  );
}

function AvisoCorreo() {
  const { sesion } = useTrabajo();
  const estado = useEstadoPlataforma();
  const esPlataforma = sesion.usuario.adminPlataforma;
  const bandeja = useQuery({ ...bandejaCorreoQuery(), enabled: esPlataforma && !!estado.data?.correoActivo });
  if (estado.data && !estado.data.correoActivo)
    return (
      <Alert color="orange.9" variant="outline" title="El envío de correos está desactivado">
        Los avisos quedan solo dentro de la plataforma. Al dar acceso a una persona o restablecer su
        contraseña verá un enlace de un solo uso para entregárselo.
        {esPlataforma &&
          ' Para activarlo, configure MIPG_SMTP_URL, MIPG_CORREO_REMITENTE y MIPG_URL_PUBLICA y reinicie el servidor.'}
      </Alert>
    );
  if (bandeja.data?.fallidos)
    return (
      <Alert color="red.9" variant="outline" title="Correos que no se pudieron enviar">
        {bandeja.data.fallidos === 1
          ? '1 correo no se pudo enviar'
          : `${bandeja.data.fallidos.toLocaleString('es-CO')} correos no se pudieron enviar`}{' '}
        tras varios intentos. El último: «{bandeja.data.ultimosFallidos[0]?.asunto}» a{' '}
        {bandeja.data.ultimosFallidos[0]?.destinatario} ({bandeja.data.ultimosFallidos[0]?.ultimoError}).
        Revise la configuración del servidor de correo.
      </Alert>
    );
  return null;
}

const VACIO = { nombre: '', correo: '', cargo: '', roles: [] as Rol[] };

export function UsuariosPage() {
  const { entidad, puede } = useTrabajo();
  const [datos, setDatos] = useState(VACIO);
  const [editando, setEditando] = useState<UsuarioEntidad | null>(null);
  const [enlace, setEnlace] = useState<EnlaceEntregar | null>(null);
  // What happened otherwise: an e-mail sent, an invitation, or roles added to a member.
  const [aviso, setAviso] = useState<string | null>(null);
  const lista = useQuery(usuariosQuery(entidad?.id));
  const invitaciones = useQuery(invitacionesQuery(entidad?.id));
  const retirar = useRetirarInvitacion(entidad?.id ?? '');
  const crear = useCrearUsuario(entidad?.id ?? '');
  const alCrear = {
    onSuccess: (r: RespuestaCrearUsuario) => {
      setEnlace(
        r.usuario && r.enlaceClave
          ? {
              nombre: r.usuario.nombre,
              correo: r.usuario.correo,
              url: `${window.location.origin}${r.enlaceClave}`,
              motivo: 'nueva',
            }
          : null,
      );
      setAviso(
        r.invitacion
          ? `${r.invitacion.correo} ya tiene cuenta en la plataforma: le enviamos una invitación${r.correoEnviado ? ' (también por correo)' : ''}. Tendrá los roles en esta entidad cuando la acepte al ingresar.`
          : r.usuario && r.correoEnviado
            ? `Le enviamos a ${r.usuario.correo} un correo con un enlace para que ${r.usuario.nombre} defina su contraseña (sirve una vez y vence en 72 horas).`
            : r.usuario && !r.enlaceClave
              ? `${r.usuario.nombre} ya trabajaba en esta entidad; sus roles ahora son: ${r.usuario.roles.map(nombreRol).join(', ')}.`
              : null,
      );
      setDatos(VACIO);
    },
  };
  const restablecer = useRestablecerClave(entidad?.id ?? '');
  const restablecerClave = (u: UsuarioEntidad) =>
    restablecer.mutate(u, {
      onSuccess: (r) => {
        setEnlace(
          r.enlaceClave
            ? {
                nombre: u.nombre,
                correo: u.correo,
                url: `${window.location.origin}${r.enlaceClave}`,
                motivo: 'restablecer',
              }
            : null,
        );
        setAviso(
          r.correoEnviado
            ? `La contraseña anterior de ${u.nombre} dejó de servir y sus sesiones se cerraron. Le enviamos a ${u.correo} un enlace para definir una nueva (vence en 72 horas).`
            : null,
        );
      },
    });
  if (!entidad) return <Pagina titulo="Usuarios y roles">Elija una entidad.</Pagina>;
  const gestiona = puede('usuario.gestionar');
  const errores = erroresPorCampo(crear.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    setEnlace(null);
    setAviso(null);
    crear.mutate({ ...datos, cargo: datos.cargo || null }, alCrear);
  };
  return (
    <Pagina
      titulo="Usuarios y roles"
      descripcion="Quién trabaja en la entidad y qué puede hacer, según las líneas de defensa del MIPG."
    >
      {gestiona && <AvisoCorreo />}
      {enlace && <EnlaceParaEntregar enlace={enlace} />}
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
                            onClick={() => restablecerClave(u)}
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
