import { NOMBRE_ROL, type Rol } from '@core/roles.ts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MensajeError } from '../../ui/componentes.tsx';
import { fecha } from '../../ui/formato.ts';
import { misInvitacionesQuery, useResponderInvitacion } from './api.ts';

const nombresRoles = (roles: string[]) => roles.map((r) => NOMBRE_ROL[r as Rol] ?? r).join(', ');

/**
 * Invitations from other entities: the roles start only when the person accepts, so nobody is added to an
 * entity (or has their account touched) by someone else typing their e-mail.
 */
export function MisInvitaciones() {
  const lista = useQuery(misInvitacionesQuery());
  const responder = useResponderInvitacion();
  if (!lista.data?.length) return null;
  return (
    <Stack component="section" aria-labelledby="titulo-invitaciones">
      <Title order={2} size="h3" id="titulo-invitaciones">
        Invitaciones de otras entidades
      </Title>
      <MensajeError error={responder.error} />
      {lista.data.map((i) => (
        <Card withBorder key={i.id}>
          <Text>
            <strong>{i.entidad}</strong> le invitó el {fecha(i.creadoEn)} con los roles:{' '}
            {nombresRoles(i.roles)}.
          </Text>
          <Group mt="sm">
            <Button
              onClick={() => responder.mutate({ id: i.id, acepta: true })}
              loading={responder.isPending}
              aria-label={`Aceptar la invitación de ${i.entidad}`}
            >
              Aceptar
            </Button>
            <Button
              variant="outline"
              onClick={() => responder.mutate({ id: i.id, acepta: false })}
              disabled={responder.isPending}
              aria-label={`Rechazar la invitación de ${i.entidad}`}
            >
              Rechazar
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
