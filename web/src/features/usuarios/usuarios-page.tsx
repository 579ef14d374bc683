import { CambiarRolesSchema, DarAccesoSchema, type UsuarioEntidad } from '@contrato/usuarios.ts';
import { numeroCo } from '@core/numeros.ts';
import { NOMBRE_ROL, ROLES, type Rol } from '@core/roles.ts';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  type CheckboxGroupProps,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { Termino } from '../../ui/termino.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { useEstadoPlataforma } from '../auth/estado-plataforma.ts';
import {
  bandejaCorreoQuery,
  type InvitacionPendiente,
  invitacionesQuery,
  type RespuestaCrearUsuario,
  useCambiarRoles,
  useCrearUsuario,
  useRestablecerClave,
  useRetirarInvitacion,
  usuariosQuery,
} from './api.ts';
import { ImportarPersonas } from './importar-personas.tsx';

const nombreRol = (r: string) => NOMBRE_ROL[r as Rol] ?? r;

/** The roles as check boxes, bound to a form field (`campo(form, 'roles')`). */
function SelectorRoles(props: Omit<CheckboxGroupProps, 'children'>) {
  return (
    <Checkbox.Group {...props}>
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
  const guardar = useCambiarRoles(entidad!.id);
  const form = useFormulario({
    inicial: { roles: usuario.roles as Rol[] },
    esquema: CambiarRolesSchema,
    etiquetas: { roles: 'Roles en esta entidad' },
  });
  return (
    <Ventana opened onClose={cerrar} title={`Roles de ${usuario.nombre}`} size="lg">
      <Formulario
        form={form}
        etiquetaEnviar="Guardar roles"
        alEnviar={async ({ roles }) => {
          await guardar.mutateAsync({ usuarioId: usuario.id, roles });
          cerrar();
        }}
        acciones={
          <Button variant="outline" onClick={cerrar}>
            Cancelar
          </Button>
        }
      >
        <Stack>
          <SelectorRoles {...campo(form, 'roles')} />
          {form.values.roles.length === 0 && (
            <Text>Sin roles, la persona deja de tener acceso a esta entidad.</Text>
          )}
        </Stack>
      </Formulario>
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
          : `${numeroCo(bandeja.data.fallidos)} correos no se pudieron enviar`}{' '}
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
  const form = useFormulario({
    inicial: VACIO,
    esquema: DarAccesoSchema,
    etiquetas: {
      nombre: 'Nombre completo',
      correo: 'Correo electrónico',
      cargo: 'Cargo',
      roles: 'Roles en esta entidad',
    },
  });
  const [editando, setEditando] = useState<UsuarioEntidad | null>(null);
  const [enlace, setEnlace] = useState<EnlaceEntregar | null>(null);
  // What happened otherwise: an e-mail sent, an invitation, or roles added to a member.
  const [aviso, setAviso] = useState<string | null>(null);
  const lista = useQuery(usuariosQuery(entidad?.id));
  const invitaciones = useQuery(invitacionesQuery(entidad?.id));
  const retirar = useRetirarInvitacion(entidad?.id ?? '');
  const crear = useCrearUsuario(entidad?.id ?? '');
  const alCrear = (r: RespuestaCrearUsuario) => {
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
  const gestiona = puede('usuario.gestionar');
  const columnas: Columna<UsuarioEntidad>[] = [
    { id: 'nombre', titulo: 'Nombre', valor: (u) => u.nombre, principal: true },
    { id: 'correo', titulo: 'Correo', valor: (u) => u.correo, ancha: true },
    { id: 'cargo', titulo: 'Cargo', valor: (u) => u.cargo },
    {
      id: 'estado',
      titulo: 'Estado',
      valor: (u) => (!u.activo ? 'Inactivo' : u.bloqueado ? 'Bloqueado temporalmente' : 'Activo'),
      filtro: true,
      todas: 'Todos',
    },
    {
      id: 'roles',
      titulo: 'Roles',
      valor: (u) => u.roles.map(nombreRol).join(', '),
      ancha: true,
      celda: (u) => (
        <Group gap={4}>
          {u.roles.map((r) => (
            <Badge key={r} variant="outline" color="dark" style={{ textTransform: 'none' }}>
              {nombreRol(r)}
            </Badge>
          ))}
        </Group>
      ),
    },
    ...(gestiona
      ? [
          {
            id: 'acciones',
            titulo: 'Acciones',
            valor: () => null,
            ordenable: false,
            ancha: true,
            celda: (u: UsuarioEntidad) => (
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
            ),
          },
        ]
      : []),
  ];

  if (!entidad) return <Pagina titulo="Usuarios y roles">Elija una entidad.</Pagina>;
  return (
    <Pagina
      titulo="Usuarios y roles"
      descripcion={
        <>
          Quién trabaja en la entidad y qué puede hacer, según las{' '}
          <Termino t="lineas-defensa">líneas de defensa</Termino> del <Termino t="mipg">MIPG</Termino>.
        </>
      }
    >
      {gestiona && <AvisoCorreo />}
      {enlace && <EnlaceParaEntregar enlace={enlace} />}
      {aviso && <Exito>{aviso}</Exito>}
      <MensajeError error={lista.error ?? restablecer.error ?? retirar.error} />
      {lista.isError ? null : lista.isPending ? (
        <Cargando que="los usuarios" />
      ) : (
        <TablaDatos
          titulo="Personas con acceso a la entidad"
          sustantivo={['persona', 'personas']}
          filas={lista.data ?? []}
          columnas={columnas}
          idFila={(u) => u.id}
          vacio="Aún nadie tiene acceso a esta entidad."
          // The toolbar beside the search: bulk tools for whoever manages people (e.g. importing them).
          herramientas={gestiona && entidad ? <ImportarPersonas entidadId={entidad.id} /> : undefined}
        />
      )}
      {!!invitaciones.data?.length && (
        <TablaDatos
          titulo="Invitaciones que esperan respuesta"
          sustantivo={['invitación', 'invitaciones']}
          filas={invitaciones.data}
          idFila={(i) => i.id}
          buscar={false}
          columnas={[
            { id: 'correo', titulo: 'Correo', valor: (i) => i.correo, principal: true },
            { id: 'roles', titulo: 'Roles ofrecidos', valor: (i) => i.roles.map(nombreRol).join(', ') },
            ...(gestiona
              ? [
                  {
                    id: 'acciones',
                    titulo: 'Acciones',
                    valor: () => null,
                    ordenable: false,
                    celda: (i: InvitacionPendiente) => (
                      <Button
                        size="xs"
                        variant="outline"
                        onClick={() => retirar.mutate(i.id)}
                        aria-label={`Retirar la invitación de ${i.correo}`}
                      >
                        Retirar
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {gestiona && (
        <Paper withBorder p="lg" component="section" aria-labelledby="dar-acceso">
          <Stack>
            <Title order={2} size="h3" id="dar-acceso">
              Dar acceso a una persona
            </Title>
            <Text>
              Si el correo ya tiene cuenta en la plataforma, la persona recibe una invitación y tendrá los
              roles cuando la acepte.
            </Text>
            <Formulario
              form={form}
              etiquetaEnviar="Dar acceso"
              enviando="Dando acceso…"
              alEnviar={async (v) => {
                setEnlace(null);
                setAviso(null);
                const r = await crear.mutateAsync({ ...v, cargo: v.cargo.trim() || null });
                alCrear(r);
                form.reset();
              }}
            >
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput {...campo(form, 'nombre')} required autoComplete="off" />
                  <TextInput {...campo(form, 'correo')} type="email" required autoComplete="off" />
                  <TextInput {...campo(form, 'cargo')} autoComplete="off" />
                </SimpleGrid>
                <SelectorRoles {...campo(form, 'roles')} />
              </Stack>
            </Formulario>
          </Stack>
        </Paper>
      )}
      {editando && <CambiarRoles usuario={editando} cerrar={() => setEditando(null)} />}
    </Pagina>
  );
}
