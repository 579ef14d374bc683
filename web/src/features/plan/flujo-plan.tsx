import type { PlanAccion } from '@contrato/plan.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { Ventana } from '../../ui/ventana.tsx';
import { usePasoPlan } from './api.ts';

const PASOS = [
  { estado: 'borrador', texto: 'Borrador' },
  { estado: 'enviado', texto: 'Enviado al comité' },
  { estado: 'aprobado', texto: 'Aprobado' },
  { estado: 'publicado', texto: 'Publicado' },
];

/** Where the plan is in its approval and the one next step each role can take. */
export function FlujoPlan({ plan }: { plan: PlanAccion }) {
  const { puede, entidad, vigencia } = useTrabajo();
  const [ventana, setVentana] = useState<'aprobar' | 'devolver' | 'version' | null>(null);
  const [justificacion, setJustificacion] = useState('');
  const [fecha, setFecha] = useState('');
  const [acta, setActa] = useState('');
  const [observaciones, setObservaciones] = useState('');
  const paso = usePasoPlan(entidad!.id, vigencia);
  const accion = {
    ...paso,
    mutate: (v: { paso: string; cuerpo?: object }) => paso.mutate(v, { onSuccess: () => setVentana(null) }),
  };
  const p = plan.plan;
  if (!p) return null;
  const errores = erroresPorCampo(accion.error);
  const actual = PASOS.findIndex((x) => x.estado === p.estado);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="flujo-plan">
      <Stack gap="sm">
        <Title order={2} size="h4" id="flujo-plan">
          Aprobación del plan (versión {p.version})
        </Title>
        <ol className="pasos" aria-label="Estado del plan">
          {PASOS.map((x, i) => (
            <li key={x.estado} aria-current={i === actual ? 'step' : undefined} data-hecho={i <= actual}>
              {x.texto}
            </li>
          ))}
        </ol>
        {p.observaciones && p.estado === 'borrador' && (
          <Alert color="orange.9" variant="outline" title="Observaciones del comité">
            {p.observaciones}
          </Alert>
        )}
        {p.actaComite && p.fechaSesionComite && (p.estado === 'aprobado' || p.estado === 'publicado') && (
          <Text>
            Aprobado por el Comité Institucional de Gestión y Desempeño en la sesión del{' '}
            {fechaCivil(p.fechaSesionComite)}, {p.actaComite}.
          </Text>
        )}
        {p.estado === 'publicado' && (
          <Text>
            Página pública para la ciudadanía:{' '}
            <Anchor href={`/publico/${entidad!.id}?vigencia=${vigencia}`}>
              {`${window.location.origin}/publico/${entidad!.id}?vigencia=${vigencia}`}
            </Anchor>
          </Text>
        )}
        {!ventana && <MensajeError error={accion.error} />}
        <Group>
          {p.estado === 'borrador' && puede('plan.editar') && (
            <Button loading={accion.isPending} onClick={() => accion.mutate({ paso: 'enviar' })}>
              Enviar al comité
            </Button>
          )}
          {p.estado === 'enviado' && puede('plan.aprobar') && (
            <>
              <Button onClick={() => setVentana('aprobar')}>Aprobar el plan</Button>
              <Button variant="outline" onClick={() => setVentana('devolver')}>
                Devolver con observaciones
              </Button>
            </>
          )}
          {p.estado === 'aprobado' && puede('plan.editar') && (
            <Button loading={accion.isPending} onClick={() => accion.mutate({ paso: 'publicar' })}>
              Publicar el plan
            </Button>
          )}
          {(p.estado === 'aprobado' || p.estado === 'publicado') && puede('plan.editar') && (
            <Button variant="outline" onClick={() => setVentana('version')}>
              Abrir una nueva versión
            </Button>
          )}
          {p.estado === 'enviado' && !puede('plan.aprobar') && (
            <Badge variant="outline" color="dark" style={{ textTransform: 'none' }}>
              Esperando la decisión del comité
            </Badge>
          )}
        </Group>
      </Stack>
      <Ventana
        opened={ventana === 'aprobar'}
        onClose={() => setVentana(null)}
        title="Aprobar el plan de acción"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            accion.mutate({
              paso: 'aprobar',
              cuerpo: { fechaSesionComite: fechaIso(fecha), actaComite: acta },
            });
          }}
        >
          <Stack>
            <TextInput
              label="Fecha de la sesión del comité"
              description="dd/mm/aaaa"
              required
              value={fecha}
              onChange={(e) => setFecha(e.currentTarget.value)}
              error={errores.fechaSesionComite}
            />
            <TextInput
              label="Acta de la sesión"
              description="Número o referencia, p. ej. «Acta 02 de 2026»"
              required
              value={acta}
              onChange={(e) => setActa(e.currentTarget.value)}
              error={errores.actaComite}
            />
            <MensajeError error={accion.error} />
            <Button type="submit" loading={accion.isPending}>
              Aprobar
            </Button>
          </Stack>
        </form>
      </Ventana>
      <Ventana
        opened={ventana === 'devolver'}
        onClose={() => setVentana(null)}
        title="Devolver el plan a planeación"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            accion.mutate({ paso: 'devolver', cuerpo: { observaciones } });
          }}
        >
          <Stack>
            <Textarea
              label="Observaciones del comité"
              required
              autosize
              minRows={3}
              value={observaciones}
              onChange={(e) => setObservaciones(e.currentTarget.value)}
              error={errores.observaciones}
            />
            <MensajeError error={accion.error} />
            <Button type="submit" loading={accion.isPending}>
              Devolver
            </Button>
          </Stack>
        </form>
      </Ventana>
      <Ventana
        opened={ventana === 'version'}
        onClose={() => setVentana(null)}
        title="Abrir una nueva versión del plan"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            accion.mutate({ paso: 'nueva-version', cuerpo: { justificacion } });
          }}
        >
          <Stack>
            <Text size="sm">
              El plan vuelve a borrador para cambiarlo y necesitará otra aprobación del comité. La versión
              aprobada se conserva.
            </Text>
            <Textarea
              label="Justificación del cambio"
              required
              autosize
              minRows={3}
              value={justificacion}
              onChange={(e) => setJustificacion(e.currentTarget.value)}
              error={errores.justificacion}
            />
            <MensajeError error={accion.error} />
            <Button type="submit" loading={accion.isPending}>
              Abrir la versión {p.version + 1}
            </Button>
          </Stack>
        </form>
      </Ventana>
    </Paper>
  );
}
