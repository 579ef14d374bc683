import { CUERPOS_FLUJO_PLAN, NuevaVersionSchema, type PlanAccion } from '@contrato/plan.ts';
import { hoyEnColombia } from '@core/calendario.ts';
import { problemaFechaSesion } from '@core/flujo-plan.ts';
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
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { useRef, useState } from 'react';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
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
  const paso = usePasoPlan(entidad!.id, vigencia);
  // Sending or publishing twice (a double click before the button shows it is busy) does it once.
  const enCurso = useRef(false);
  const accion = {
    ...paso,
    mutate: (v: { paso: string }) => {
      if (enCurso.current) return;
      enCurso.current = true;
      paso.mutate(v, { onSettled: () => (enCurso.current = false) });
    },
  };
  const p = plan.plan;
  if (!p) return null;
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
        <MensajeError error={accion.error} />
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
        <FormularioAprobar alTerminar={() => setVentana(null)} />
      </Ventana>
      <Ventana
        opened={ventana === 'devolver'}
        onClose={() => setVentana(null)}
        title="Devolver el plan a planeación"
      >
        <FormularioPaso
          paso="devolver"
          campo="observaciones"
          etiqueta="Observaciones del comité"
          esquema={CUERPOS_FLUJO_PLAN.devolver}
          etiquetaEnviar="Devolver"
          alTerminar={() => setVentana(null)}
        />
      </Ventana>
      <Ventana
        opened={ventana === 'version'}
        onClose={() => setVentana(null)}
        title="Abrir una nueva versión del plan"
      >
        <Text size="sm" mb="md">
          El plan vuelve a borrador para cambiarlo y necesitará otra aprobación del comité. La versión
          aprobada se conserva.
        </Text>
        <FormularioPaso
          paso="nueva-version"
          campo="justificacion"
          etiqueta="Justificación del cambio"
          esquema={NuevaVersionSchema}
          etiquetaEnviar={`Abrir la versión ${p.version + 1}`}
          alTerminar={() => setVentana(null)}
        />
      </Ventana>
    </Paper>
  );
}

/** The committee's approval: the session's date (not in the future, rule `problemaFechaSesion`) and its acta. */
function FormularioAprobar({ alTerminar }: { alTerminar: () => void }) {
  const { entidad, vigencia } = useTrabajo();
  const paso = usePasoPlan(entidad!.id, vigencia);
  const esquema = CUERPOS_FLUJO_PLAN.aprobar.superRefine((v, ctx) => {
    const problema = problemaFechaSesion(v.fechaSesionComite, vigencia, hoyEnColombia());
    if (problema) ctx.addIssue({ code: 'custom', path: ['fechaSesionComite'], message: problema });
  });
  const form = useFormulario({
    inicial: { fechaSesionComite: '', actaComite: '' },
    esquema,
    etiquetas: { fechaSesionComite: 'Fecha de la sesión del comité', actaComite: 'Acta de la sesión' },
    transformar: (v) => ({ ...v, fechaSesionComite: fechaIso(v.fechaSesionComite) }),
  });
  return (
    <Formulario
      form={form}
      alEnviar={(cuerpo) => paso.mutateAsync({ paso: 'aprobar', cuerpo }).then(alTerminar)}
      etiquetaEnviar="Aprobar"
    >
      <Stack>
        <TextInput
          {...campo(form, 'fechaSesionComite')}
          description="dd/mm/aaaa"
          inputMode="numeric"
          required
        />
        <TextInput
          {...campo(form, 'actaComite')}
          description="Número o referencia, p. ej. «Acta 02 de 2026»"
          required
        />
      </Stack>
    </Formulario>
  );
}

/** A step that takes one text: the committee's observations, or why a new version opens. */
function FormularioPaso({
  paso: nombrePaso,
  campo: nombre,
  etiqueta,
  esquema,
  etiquetaEnviar,
  alTerminar,
}: {
  paso: string;
  campo: string;
  etiqueta: string;
  esquema: StandardSchemaV1;
  etiquetaEnviar: string;
  alTerminar: () => void;
}) {
  const { entidad, vigencia } = useTrabajo();
  const paso = usePasoPlan(entidad!.id, vigencia);
  const form = useFormulario({ inicial: { [nombre]: '' }, esquema, etiquetas: { [nombre]: etiqueta } });
  return (
    <Formulario
      form={form}
      alEnviar={(cuerpo) => paso.mutateAsync({ paso: nombrePaso, cuerpo }).then(alTerminar)}
      etiquetaEnviar={etiquetaEnviar}
    >
      <Textarea {...campo(form, nombre)} required autosize minRows={3} />
    </Formulario>
  );
}
