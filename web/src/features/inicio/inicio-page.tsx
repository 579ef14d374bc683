import type { Catalogo } from '@contrato/catalogo.ts';
import type { Dependencia } from '@contrato/dependencias.ts';
import type { Responsable } from '@contrato/responsables.ts';
import { NOMBRE_ROL } from '@core/roles.ts';
import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { MisInvitaciones } from '../usuarios/invitaciones.tsx';
import { MisNotificaciones, MisPendientes } from './pendientes.tsx';

function Paso({ titulo, hecho, children }: { titulo: string; hecho: boolean; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Group justify="space-between" align="start" wrap="nowrap">
        <Title order={3} size="h4">
          {titulo}
        </Title>
        <Badge
          color={hecho ? '#1e6b2e' : '#9c3d00'}
          variant="filled"
          style={{ textTransform: 'none', flexShrink: 0 }}
        >
          {hecho ? 'Listo' : 'Pendiente'}
        </Badge>
      </Group>
      <Text mt="xs">{children}</Text>
    </Card>
  );
}

export function InicioPage() {
  const { sesion, entidad, vigencia, puede } = useTrabajo();
  const dependencias = useQuery({
    queryKey: ['dependencias', entidad?.id],
    queryFn: () => api<Dependencia[]>('GET', `/api/entidades/${entidad!.id}/dependencias`),
    enabled: !!entidad,
  });
  const responsables = useQuery({
    queryKey: ['responsables', entidad?.id, vigencia],
    queryFn: () =>
      api<Responsable[]>('GET', `/api/entidades/${entidad!.id}/responsables?vigencia=${vigencia}`),
    enabled: !!entidad,
  });
  const catalogo = useQuery({
    queryKey: ['catalogo', vigencia],
    queryFn: () => api<Catalogo>('GET', `/api/catalogo?vigencia=${vigencia}`),
    staleTime: Infinity,
  });
  const totalPoliticas = catalogo.data?.dimensiones.reduce((n, d) => n + d.politicas.length, 0) ?? 19;
  const asignadas = responsables.data?.filter((r) => r.usuarioId || r.dependenciaId).length ?? 0;
  const nombre = sesion.usuario.nombre.split(' ')[0];
  if (!entidad)
    return (
      <Pagina titulo={`Bienvenido, ${nombre}`}>
        {sesion.usuario.adminPlataforma ? (
          <Paso titulo="Registre la primera entidad" hecho={false}>
            Empiece por <Enlace a="/entidades">registrar la entidad</Enlace> con su NIT y sus datos de
            contacto; luego agregue dependencias y personas.
          </Paso>
        ) : (
          <Text>Aún no tiene roles en ninguna entidad. Pida acceso al administrador de su entidad.</Text>
        )}
        <MisInvitaciones />
      </Pagina>
    );
  return (
    <Pagina
      titulo={`Bienvenido, ${nombre}`}
      descripcion={`${entidad.nombre} · vigencia ${vigencia} · ${entidad.roles.map((r) => NOMBRE_ROL[r]).join(', ') || 'Administrador de la plataforma'}`}
    >
      <MisInvitaciones />
      <MisPendientes />
      <MisNotificaciones />
      {/* Setting the entity up is the office's job (administrador, planeación), not every reporter's. */}
      {(puede('entidad.editar') || puede('responsable.asignar')) && (
        <>
          <Title order={2} size="h3">
            Puesta en marcha de la entidad
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Paso titulo="Dependencias" hecho={(dependencias.data?.length ?? 0) > 0}>
              {dependencias.data?.length ?? 0} dependencias registradas.{' '}
              <Enlace a="/dependencias">
                {puede('dependencia.editar') ? 'Organizar dependencias' : 'Ver dependencias'}
              </Enlace>
            </Paso>
            <Paso titulo="Responsables de las políticas" hecho={asignadas >= totalPoliticas}>
              {asignadas} de {totalPoliticas} políticas tienen responsable en {vigencia}.{' '}
              <Enlace a="/catalogo">
                {puede('responsable.asignar') ? 'Asignar en el catálogo' : 'Ver el catálogo'}
              </Enlace>
            </Paso>
            <Paso titulo="Datos de la entidad" hecho>
              Revise NIT, DIVIPOLA, formulario FURAG y datos de contacto.{' '}
              <Enlace a="/entidad">Abrir datos de la entidad</Enlace>
            </Paso>
          </SimpleGrid>
        </>
      )}
    </Pagina>
  );
}
