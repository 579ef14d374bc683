import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaHora } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { Termino } from '../../ui/termino.tsx';
import { notificacionesQuery, pendientesQuery, useMarcarLeidas } from './api.ts';

/** «Mis pendientes»: what the person's roles must do now, oldest deadline first. */
export function MisPendientes() {
  const { entidad, vigencia } = useTrabajo();
  const pendientes = useQuery(pendientesQuery(entidad?.id, vigencia));
  const lista = pendientes.data?.pendientes ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mis-pendientes">
      <Title order={2} size="h3" id="mis-pendientes" mb="xs">
        Mis pendientes{pendientes.isSuccess && ` (${lista.length})`}
      </Title>
      <MensajeError error={pendientes.error} />
      {pendientes.isSuccess && lista.length === 0 && (
        <Text>
          No tiene tareas pendientes en la <Termino t="vigencia">vigencia</Termino> {vigencia}.
        </Text>
      )}
      <List spacing="xs">
        {lista.slice(0, 30).map((p) => (
          <List.Item key={`${p.tipo}-${p.enlace}`}>
            <Enlace a={p.enlace}>{p.texto}</Enlace>
            {p.vence && (
              <Text span size="sm" ml="xs">
                {p.vencido ? (
                  <Badge color="#a51d1d" variant="outline" style={{ textTransform: 'none' }}>
                    Venció el {fechaCivil(p.vence)}
                  </Badge>
                ) : (
                  `vence el ${fechaCivil(p.vence)}`
                )}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {lista.length > 30 && <Text size="sm">y {lista.length - 30} más en la página de seguimiento.</Text>}
    </Paper>
  );
}

export function MisNotificaciones() {
  const datos = useQuery(notificacionesQuery());
  const leer = useMarcarLeidas();
  const n = datos.data;
  if (!n || n.notificaciones.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mis-notificaciones">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="mis-notificaciones">
          Notificaciones {n.sinLeer > 0 ? `(${n.sinLeer} sin leer)` : ''}
        </Title>
        {n.sinLeer > 0 && (
          <Button size="xs" variant="outline" loading={leer.isPending} onClick={() => leer.mutate()}>
            Marcar todas como leídas
          </Button>
        )}
      </Group>
      <Stack gap={6}>
        {n.notificaciones.slice(0, 10).map((x) => (
          <Text key={x.id} fw={x.leida ? 400 : 700}>
            {/* A notice opens in its own entity, whichever one is chosen in the header now. */}
            {x.enlace ? (
              <Enlace a={`${x.enlace}${x.enlace.includes('?') ? '&' : '?'}entidad=${x.entidadId}`}>
                {x.texto}
              </Enlace>
            ) : (
              x.texto
            )}{' '}
            <Text span size="sm" fw={400}>
              · {fechaHora(new Date(x.creadoEn))}
            </Text>
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
