import { CUERPOS_FLUJO_PLAN, NuevaVersionSchema, type PlanAccion } from '@contrato/plan.ts';
import { hoyEnColombia } from '@core/calendario.ts';
import {
  NOMBRE_ACTO,
  problemaFechaActo,
  problemaFechaPublicacion,
  problemaFechaSesion,
  TIPOS_ACTO,
} from '@core/flujo-plan.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { useRef, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';

import { Termino } from '../../ui/termino.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { urlActo, usePasoPlan, useSubirActo } from './api.ts';

/** «al Comité …», «a la Junta Directiva». */
const aOrgano = (conArticulo: string) =>
  conArticulo.startsWith('el ') ? `al ${conArticulo.slice(3)}` : `a ${conArticulo}`;
/** «del Comité …», «de la Junta Directiva». */
const deOrgano = (conArticulo: string) =>
  conArticulo.startsWith('el ') ? `del ${conArticulo.slice(3)}` : `de ${conArticulo}`;

const pasos = (conArticulo: string) => [
  { estado: 'borrador', texto: 'Borrador' },
  { estado: 'enviado', texto: `Enviado ${aOrgano(conArticulo)}` },
  { estado: 'aprobado', texto: 'Aprobado' },
  { estado: 'publicado', texto: 'Publicado' },
];

/** «Resolución 045 del 29/01/2026». */
export const textoActo = (a: { tipo: keyof typeof NOMBRE_ACTO; numero: string; fecha: string }) =>
  `${NOMBRE_ACTO[a.tipo]} ${a.numero} del ${fechaCivil(a.fecha)}`;

type Ventanas = 'aprobar' | 'devolver' | 'version' | 'acto' | 'publicar' | null;

/** Where the plan is in its approval and the one next step each role can take. */
export function FlujoPlan({ plan }: { plan: PlanAccion }) {
  const { puede, entidad, vigencia } = useTrabajo();
  const [ventana, setVentana] = useState<Ventanas>(null);
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
  // The readable address (/publico/hrm); the old one with the id still redirects to it.
  const publica = plan.publicacion.direccion ?? `/publico/${entidad!.id}`;
  if (!p) return null;
  const organo = plan.organo;
  const lista = pasos(organo.conArticulo);
  const actual = lista.findIndex((x) => x.estado === p.estado);
  const aprobado = p.estado === 'aprobado' || p.estado === 'publicado';
  const cambio = p.estado === 'borrador' ? plan.cambio : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="flujo-plan">
      <Stack gap="sm">
        <Title order={2} size="h4" id="flujo-plan">
          Aprobación del plan (versión {p.version})
        </Title>
        <Text size="sm">Lo aprueba {organo.conArticulo} (se cambia en los datos de la entidad).</Text>
        <ol className="pasos" aria-label="Estado del plan">
          {lista.map((x, i) => (
            <li key={x.estado} aria-current={i === actual ? 'step' : undefined} data-hecho={i <= actual}>
              {x.texto}
            </li>
          ))}
        </ol>
        {plan.publicacion.vencida && (
          <Alert color="red.9" variant="outline" title="Plan sin publicar: plazo vencido">
            El plan de acción {vigencia} debía publicarse en la sede electrónica a más tardar el{' '}
            {fechaCivil(plan.publicacion.limite)} (Decreto 612 de 2018).
          </Alert>
        )}
        {p.observaciones && p.estado === 'borrador' && (
          <Alert color="orange.9" variant="outline" title={`Observaciones ${deOrgano(organo.conArticulo)}`}>
            {p.observaciones}
          </Alert>
        )}
        {cambio && cambio.tipo !== 'sustancial' && (
          <Alert color="blue.9" variant="outline" title="Cambio menor: lo puede aprobar planeación">
            <Text size="sm">
              Frente a la versión aprobada solo cambian fechas, responsables o redacción (
              <Termino t="cambio-menor">cambio menor</Termino>).
            </Text>
            {cambio.menores.length > 0 && (
              <List size="sm" mt="xs">
                {cambio.menores.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {cambio?.tipo === 'sustancial' && (
          <Alert
            color="orange.9"
            variant="outline"
            title={`Cambio sustancial: lo aprueba ${organo.conArticulo}`}
          >
            <List size="sm">
              {cambio.razones.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {p.actaComite && p.fechaSesionComite && aprobado && (
          <Text>
            Aprobado por {organo.conArticulo} en la sesión del {fechaCivil(p.fechaSesionComite)},{' '}
            {p.actaComite}.
          </Text>
        )}
        {p.acto && aprobado && (
          <Text>
            Adoptado mediante <Termino t="acto-administrativo">acto administrativo</Termino>:{' '}
            {textoActo(p.acto)}
            {p.acto.archivo ? (
              <>
                {' · '}
                <Anchor underline="always" href={urlActo(entidad!.id, vigencia, p.version)}>
                  Descargar el PDF del acto
                </Anchor>
              </>
            ) : (
              ' (falta adjuntar el PDF)'
            )}
            .
          </Text>
        )}
        {p.estado === 'publicado' && (
          <Text>
            {p.fechaPublicacion && `Publicado el ${fechaCivil(p.fechaPublicacion)}`}
            {p.urlPublicacion && (
              <>
                {' en '}
                <Anchor underline="always" href={p.urlPublicacion} style={{ overflowWrap: 'anywhere' }}>
                  {p.urlPublicacion}
                </Anchor>
              </>
            )}
            {p.fechaPublicacion && '. '}
            Página pública para la ciudadanía:{' '}
            <Anchor
              underline="always"
              href={`${publica}?vigencia=${vigencia}`}
              style={{ overflowWrap: 'anywhere' }}
            >
              {`${window.location.origin}${publica}?vigencia=${vigencia}`}
            </Anchor>
          </Text>
        )}
        <MensajeError error={accion.error} />
        <Group>
          {p.estado === 'borrador' && puede('plan.editar') && cambio && cambio.tipo !== 'sustancial' && (
            <Button
              loading={accion.isPending}
              onClick={() => accion.mutate({ paso: 'aprobar-cambio-menor' })}
            >
              Aprobar como cambio menor
            </Button>
          )}
          {p.estado === 'borrador' && puede('plan.editar') && (
            <Button
              variant={cambio && cambio.tipo !== 'sustancial' ? 'outline' : 'filled'}
              loading={accion.isPending}
              onClick={() => accion.mutate({ paso: 'enviar' })}
            >
              Enviar {aOrgano(organo.conArticulo)}
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
            <Button onClick={() => setVentana('publicar')}>Publicar el plan</Button>
          )}
          {aprobado && puede('plan.acto') && (
            <Button variant="outline" onClick={() => setVentana('acto')}>
              {p.acto?.archivo ? 'Reemplazar el PDF del acto' : 'Adjuntar el acto (PDF)'}
            </Button>
          )}
          {aprobado && puede('plan.editar') && (
            <Button variant="outline" onClick={() => setVentana('version')}>
              Abrir una nueva versión
            </Button>
          )}
          {p.estado === 'enviado' && !puede('plan.aprobar') && (
            <Badge variant="outline" color="dark" style={{ textTransform: 'none' }}>
              Esperando la decisión {deOrgano(organo.conArticulo)}
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
          etiqueta="Observaciones"
          esquema={CUERPOS_FLUJO_PLAN.devolver}
          etiquetaEnviar="Devolver"
          alTerminar={() => setVentana(null)}
        />
      </Ventana>
      <Ventana
        opened={ventana === 'publicar'}
        onClose={() => setVentana(null)}
        title="Publicar el plan de acción"
      >
        <FormularioPublicar alTerminar={() => setVentana(null)} />
      </Ventana>
      <Ventana
        opened={ventana === 'acto'}
        onClose={() => setVentana(null)}
        title="Acto administrativo que adopta el plan"
      >
        <FormularioActo registrado={!!p.acto} alTerminar={() => setVentana(null)} />
      </Ventana>
      <Ventana
        opened={ventana === 'version'}
        onClose={() => setVentana(null)}
        title="Abrir una nueva versión del plan"
      >
        <Text size="sm" mb="md">
          El plan vuelve a borrador para cambiarlo. Si solo cambian fechas, responsables o redacción,
          planeación lo aprueba como cambio menor; si cambian metas, ponderaciones o actividades, lo aprueba{' '}
          {organo.conArticulo}. La versión aprobada se conserva.
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

const OPCIONES_ACTO = [
  { value: '', label: 'Aún no se expide' },
  ...TIPOS_ACTO.map((t) => ({ value: t, label: NOMBRE_ACTO[t] })),
];

/**
 * The approving body's decision: the session's date (not in the future) and its acta, and the act that
 * adopts the plan (resolución or acuerdo), which may come later with its PDF.
 */
function FormularioAprobar({ alTerminar }: { alTerminar: () => void }) {
  const { entidad, vigencia } = useTrabajo();
  const paso = usePasoPlan(entidad!.id, vigencia);
  const esquema = CUERPOS_FLUJO_PLAN.aprobar.superRefine((v, ctx) => {
    const hoy = hoyEnColombia();
    const problema = problemaFechaSesion(v.fechaSesionComite, vigencia, hoy);
    if (problema) ctx.addIssue({ code: 'custom', path: ['fechaSesionComite'], message: problema });
    const delActo = v.fechaActo && problemaFechaActo(v.fechaActo, vigencia, hoy);
    if (delActo) ctx.addIssue({ code: 'custom', path: ['fechaActo'], message: delActo });
  });
  const form = useFormulario({
    inicial: { fechaSesionComite: '', actaComite: '', tipoActo: '', numeroActo: '', fechaActo: '' },
    esquema,
    etiquetas: {
      fechaSesionComite: 'Fecha de la sesión',
      actaComite: 'Acta de la sesión',
      tipoActo: 'Tipo de acto',
      numeroActo: 'Número del acto',
      fechaActo: 'Fecha del acto',
    },
    transformar: (v) => ({
      fechaSesionComite: fechaIso(v.fechaSesionComite),
      actaComite: v.actaComite,
      ...(v.tipoActo ? { tipoActo: v.tipoActo as (typeof TIPOS_ACTO)[number] } : {}),
      ...(v.numeroActo.trim() ? { numeroActo: v.numeroActo } : {}),
      ...(v.fechaActo.trim() ? { fechaActo: fechaIso(v.fechaActo) } : {}),
    }),
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
        <Text size="sm">
          El <Termino t="acto-administrativo">acto administrativo</Termino> que adopta el plan: regístrelo
          ahora o después, al adjuntar su PDF.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect {...campo(form, 'tipoActo')} data={OPCIONES_ACTO} />
          <TextInput {...campo(form, 'numeroActo')} description="p. ej. 045" />
          <TextInput {...campo(form, 'fechaActo')} description="dd/mm/aaaa" inputMode="numeric" />
        </SimpleGrid>
      </Stack>
    </Formulario>
  );
}

/** Publication on the entity's website: its date (today by default) and the address where it is. */
function FormularioPublicar({ alTerminar }: { alTerminar: () => void }) {
  const { entidad, vigencia } = useTrabajo();
  const paso = usePasoPlan(entidad!.id, vigencia);
  const esquema = CUERPOS_FLUJO_PLAN.publicar.superRefine((v, ctx) => {
    const problema =
      v?.fechaPublicacion && problemaFechaPublicacion(v.fechaPublicacion, vigencia, hoyEnColombia());
    if (problema) ctx.addIssue({ code: 'custom', path: ['fechaPublicacion'], message: problema });
  });
  const form = useFormulario({
    inicial: { fechaPublicacion: fechaCivil(hoyEnColombia()), urlPublicacion: '' },
    esquema,
    etiquetas: {
      fechaPublicacion: 'Fecha de publicación',
      urlPublicacion: 'Dirección de la publicación en la sede electrónica',
    },
    transformar: (v) => ({
      fechaPublicacion: fechaIso(v.fechaPublicacion),
      ...(v.urlPublicacion.trim() ? { urlPublicacion: v.urlPublicacion.trim() } : {}),
    }),
  });
  return (
    <Formulario
      form={form}
      alEnviar={(cuerpo) => paso.mutateAsync({ paso: 'publicar', cuerpo }).then(alTerminar)}
      etiquetaEnviar="Publicar"
    >
      <Stack>
        <Text size="sm">
          El Decreto 612 de 2018 pide publicar el plan de acción en la sede electrónica a más tardar el 31 de
          enero. Al publicarlo, la ciudadanía también lo ve en la página pública de la entidad.
        </Text>
        <TextInput
          {...campo(form, 'fechaPublicacion')}
          description="dd/mm/aaaa"
          inputMode="numeric"
          required
        />
        <TextInput
          {...campo(form, 'urlPublicacion')}
          description="p. ej. https://www.entidad.gov.co/transparencia/plan-de-accion"
          inputMode="url"
        />
      </Stack>
    </Formulario>
  );
}

/** The PDF of the act; kind, number and date are asked only when the approval did not record them. */
function FormularioActo({ registrado, alTerminar }: { registrado: boolean; alTerminar: () => void }) {
  const { entidad, vigencia } = useTrabajo();
  const subir = useSubirActo(entidad!.id, vigencia);
  const [archivo, setArchivo] = useState<File | null>(null);
  const [tipo, setTipo] = useState('');
  const [numero, setNumero] = useState('');
  const [fecha, setFecha] = useState('');
  const errores = erroresPorCampo(subir.error);
  const enviar = () =>
    subir.mutate(
      {
        archivo: archivo!,
        datos: registrado ? {} : { tipo, numero, fecha: fecha.trim() ? fechaIso(fecha) : '' },
      },
      { onSuccess: alTerminar },
    );
  return (
    <Stack>
      {subir.isError && <MensajeError error={subir.error} />}
      {!registrado && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Tipo de acto"
            data={OPCIONES_ACTO.slice(1)}
            value={tipo}
            onChange={(e) => setTipo(e.currentTarget.value)}
            error={errores.tipo}
            required
          />
          <TextInput
            label="Número del acto"
            value={numero}
            onChange={(e) => setNumero(e.currentTarget.value)}
            error={errores.numero}
            required
          />
          <TextInput
            label="Fecha del acto"
            description="dd/mm/aaaa"
            inputMode="numeric"
            value={fecha}
            onChange={(e) => setFecha(e.currentTarget.value)}
            error={errores.fecha}
            required
          />
        </SimpleGrid>
      )}
      <FileInput
        label="PDF del acto firmado"
        description="Solo PDF, hasta 25 MB"
        accept="application/pdf"
        value={archivo}
        onChange={setArchivo}
        error={errores.archivo}
        clearable
        clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
      />
      <Group justify="end">
        <Button onClick={enviar} disabled={!archivo} loading={subir.isPending}>
          Adjuntar el acto
        </Button>
      </Group>
    </Stack>
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
