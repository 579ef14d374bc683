import { NOMBRE_ROL, type Rol } from '@core/roles.ts';
import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Cargando, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { Termino } from '../../ui/termino.tsx';
import { catalogoAplicable, catalogoQuery, responsablesQuery } from '../catalogo/api.ts';
import { dependenciasQuery } from '../dependencias/api.ts';
import { entidadQuery } from '../entidad/api.ts';
import { misInvitacionesQuery } from '../usuarios/api.ts';
import { MisInvitaciones } from '../usuarios/invitaciones.tsx';
import { notificacionesQuery, pendientesQuery } from './api.ts';
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
  const dependencias = useQuery(dependenciasQuery(entidad?.id));
  const responsables = useQuery(responsablesQuery(entidad?.id, vigencia));
  const catalogo = useQuery(catalogoQuery(vigencia));
  // Its FURAG form decides how many policies need a responsible (a MECI entity: Control Interno alone).
  const perfil = useQuery(entidadQuery(entidad?.id));
  // The sections appear together once their first answers are in: one arriving late would push the others
  // down (layout shift), and a count shown before its data would be false («Mis pendientes (0)»).
  const secciones = useQueries({
    queries: [misInvitacionesQuery(), notificacionesQuery(), pendientesQuery(entidad?.id, vigencia)],
  });
  const cargando = [...secciones, dependencias, responsables, catalogo, perfil].some((q) => q.isLoading);
  const aplicables = new Set(
    catalogo.data
      ? catalogoAplicable(catalogo.data, perfil.data?.tipoFormulario).dimensiones.flatMap((d) =>
          d.politicas.map((p) => p.clave),
        )
      : [],
  );
  const totalPoliticas = catalogo.data ? aplicables.size : 19;
  const asignadas =
    responsables.data?.filter((r) => (r.usuarioId || r.dependenciaId) && aplicables.has(r.politica)).length ??
    0;
  const nombre = sesion.usuario.nombre.split(' ')[0];
  const descripcion = entidad && (
    <>
      {entidad.nombre} · <Termino t="vigencia">vigencia</Termino> {vigencia} ·{' '}
      {entidad.roles.map((r) => NOMBRE_ROL[r as Rol] ?? r).join(', ') || 'Administrador de la plataforma'}
    </>
  );
  const nDependencias = dependencias.data?.length ?? 0;
  if (cargando)
    return (
      <Pagina titulo={`Bienvenido, ${nombre}`} descripcion={descripcion}>
        <Cargando que="sus pendientes" bloques={[220, 28, 150]} />
      </Pagina>
    );
  if (!entidad)
    return (
      <Pagina titulo={`Bienvenido, ${nombre}`}>
        {sesion.usuario.adminPlataforma ? (
          <Paso titulo="Registre la primera entidad" hecho={false}>
            Empiece por <Enlace a="/entidades">registrar la entidad</Enlace> con su{' '}
            <Termino t="nit">NIT</Termino> y sus datos de contacto; luego agregue{' '}
            <Termino t="dependencia">dependencias</Termino> y personas.
          </Paso>
        ) : (
          <Text>Aún no tiene roles en ninguna entidad. Pida acceso al administrador de su entidad.</Text>
        )}
        <MisInvitaciones />
      </Pagina>
    );
  return (
    <Pagina titulo={`Bienvenido, ${nombre}`} descripcion={descripcion}>
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
            <Paso titulo="Dependencias" hecho={nDependencias > 0}>
              {nDependencias}{' '}
              <Termino t="dependencia">{nDependencias === 1 ? 'dependencia' : 'dependencias'}</Termino>{' '}
              {nDependencias === 1 ? 'registrada' : 'registradas'}.{' '}
              <Enlace a="/dependencias">
                {puede('dependencia.editar') ? 'Organizar dependencias' : 'Ver dependencias'}
              </Enlace>
            </Paso>
            <Paso titulo="Responsables de las políticas" hecho={asignadas >= totalPoliticas}>
              {asignadas} de {totalPoliticas} <Termino t="politica">políticas</Termino> tienen{' '}
              <Termino t="responsable-politica">responsable</Termino> en {vigencia}.{' '}
              <Enlace a="/catalogo">
                {puede('responsable.asignar') ? 'Asignar en el catálogo' : 'Ver el catálogo'}
              </Enlace>
            </Paso>
            <Paso titulo="Datos de la entidad" hecho>
              Revise <Termino t="nit">NIT</Termino>, <Termino t="divipola">DIVIPOLA</Termino>,{' '}
              <Termino t="formulario-furag">formulario FURAG</Termino> y datos de contacto.{' '}
              <Enlace a="/entidad">Abrir datos de la entidad</Enlace>
            </Paso>
          </SimpleGrid>
        </>
      )}
    </Pagina>
  );
}
