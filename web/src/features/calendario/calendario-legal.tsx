// The entity's legal calendar of the year as a list by month (readable on a phone and by a screen reader),
// its subscription link for people's own calendars, and, for whoever may edit it, moving, removing and
// adding events with a reason.
import {
  AgregarEventoSchema,
  type EventoCalendario,
  MoverEventoSchema,
  QuitarEventoSchema,
} from '@contrato/calendario-legal.ts';
import {
  DIAS_AVISO_MAXIMO,
  NOMBRE_RESPONSABLE,
  NOMBRE_TIPO_EVENTO,
  RESPONSABLES_EVENTO,
  type ResponsableEvento,
  TIPOS_EVENTO_LEGAL,
  type TipoEventoLegal,
} from '@core/calendario-legal.ts';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Numero } from '../../ui/numero.tsx';
import { calendarioLegalQuery, useDiasAviso, useEditarEvento, useSuscripcion } from './api.ts';
import { diaSemana } from './dias.ts';

const SIN_MAYUSCULAS = { textTransform: 'none' } as const;

const MESES = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
];

/** Events grouped by the month and year of their date, in order; undated ones last. */
function porMes(eventos: EventoCalendario[]) {
  const grupos = new Map<string, EventoCalendario[]>();
  for (const e of eventos) {
    const k = e.fecha ? e.fecha.slice(0, 7) : 'por-confirmar';
    grupos.set(k, [...(grupos.get(k) ?? []), e]);
  }
  return [...grupos.entries()].map(([k, lista]) => ({
    id: k,
    titulo:
      k === 'por-confirmar' ? 'Por confirmar' : `${MESES[Number(k.slice(5, 7)) - 1]} de ${k.slice(0, 4)}`,
    lista,
  }));
}

const responsables = (r: readonly ResponsableEvento[]) => r.map((x) => NOMBRE_RESPONSABLE[x]).join(', ');

function EditarEvento({
  evento,
  entidadId,
  vigencia,
  cerrar,
}: {
  evento: EventoCalendario;
  entidadId: string;
  vigencia: number;
  cerrar: () => void;
}) {
  const { mover, quitar } = useEditarEvento(entidadId, vigencia);
  const contenedor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    contenedor.current?.querySelector('input')?.focus();
  }, []);
  const formMover = useFormulario({
    inicial: { fecha: evento.fecha ? fechaCivil(evento.fecha) : '', justificacion: '' },
    esquema: MoverEventoSchema,
    etiquetas: { fecha: 'Nueva fecha', justificacion: 'Justificación del cambio' },
    transformar: (v) => ({ ...v, fecha: fechaIso(v.fecha) }),
  });
  const formQuitar = useFormulario({
    inicial: { justificacion: '' },
    esquema: QuitarEventoSchema,
    etiquetas: { justificacion: 'Justificación para quitarlo' },
  });
  return (
    <Paper withBorder p="md" mt="xs" ref={contenedor}>
      <Stack gap="md">
        <Formulario
          form={formMover}
          etiquetaEnviar="Mover el evento"
          sinAviso
          alEnviar={async (datos) => {
            await mover.mutateAsync({ clave: evento.clave, datos });
            cerrar();
          }}
        >
          <TextInput {...campo(formMover, 'fecha')} description="dd/mm/aaaa" />
          <Textarea {...campo(formMover, 'justificacion')} autosize minRows={2} />
        </Formulario>
        <Formulario
          form={formQuitar}
          etiquetaEnviar="Quitar el evento"
          sinAviso
          propsBoton={{ color: 'red.9', variant: 'outline' }}
          alEnviar={async (datos) => {
            await quitar.mutateAsync({ clave: evento.clave, datos });
            cerrar();
          }}
        >
          <Textarea {...campo(formQuitar, 'justificacion')} autosize minRows={2} />
        </Formulario>
        <Group>
          <Button variant="subtle" onClick={cerrar}>
            Cancelar
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Evento({
  evento,
  editable,
  entidadId,
  vigencia,
}: {
  evento: EventoCalendario;
  editable: boolean;
  entidadId: string;
  vigencia: number;
}) {
  const [editando, setEditando] = useState(false);
  const { restaurar } = useEditarEvento(entidadId, vigencia);
  const quitado = evento.edicion === 'quitado';
  return (
    <li className="evento-legal">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Text fw={700} td={quitado ? 'line-through' : undefined}>
            {evento.fecha
              ? `${fechaCivil(evento.fecha)} (${diaSemana(evento.fecha)})`
              : 'Fecha por confirmar'}
            {' · '}
            {evento.titulo}
          </Text>
          {/* Filled in dark colours: white text keeps 4.5:1 (the light variant with a shade painted the text
              the colour of its background). */}
          <Group gap={6} my={4}>
            <Badge color="blue.9" style={SIN_MAYUSCULAS}>
              {NOMBRE_TIPO_EVENTO[evento.tipo]}
            </Badge>
            {evento.edicion === 'movido' && (
              <Badge color="#8a4b00" style={SIN_MAYUSCULAS}>
                Movido
              </Badge>
            )}
            {quitado && (
              <Badge color="gray.8" style={SIN_MAYUSCULAS}>
                Quitado
              </Badge>
            )}
            {evento.origen === 'entidad' && (
              <Badge color="teal.9" style={SIN_MAYUSCULAS}>
                De la entidad
              </Badge>
            )}
          </Group>
          <Text size="sm">{evento.descripcion}</Text>
          {evento.desde && evento.fecha && evento.desde < evento.fecha && (
            <Text size="sm">
              Desde el {fechaCivil(evento.desde)} hasta el {fechaCivil(evento.fecha)}.
            </Text>
          )}
          <Text size="sm" c="dimmed">
            Responsables: {responsables(evento.responsables)} · {evento.fundamento}
          </Text>
          {evento.edicion === 'movido' && evento.fechaRegla && (
            <Text size="sm">
              La regla da el {fechaCivil(evento.fechaRegla)}. Justificación: {evento.justificacion}
            </Text>
          )}
          {quitado && <Text size="sm">Justificación: {evento.justificacion}</Text>}
        </div>
        {editable && (
          <Group gap="xs">
            {!quitado && (
              <Button
                size="xs"
                variant="light"
                onClick={() => setEditando((x) => !x)}
                aria-expanded={editando}
                aria-label={`Cambiar «${evento.titulo}»`}
              >
                Cambiar
              </Button>
            )}
            {evento.origen === 'regla' && evento.edicion && (
              <Button
                size="xs"
                variant="subtle"
                loading={restaurar.isPending}
                onClick={() => restaurar.mutate(evento.clave)}
                aria-label={`Deshacer el cambio de «${evento.titulo}»`}
              >
                Deshacer
              </Button>
            )}
          </Group>
        )}
      </Group>
      <MensajeError error={restaurar.error} />
      {editando && (
        <EditarEvento
          evento={evento}
          entidadId={entidadId}
          vigencia={vigencia}
          cerrar={() => setEditando(false)}
        />
      )}
    </li>
  );
}

function AgregarEvento({ entidadId, vigencia }: { entidadId: string; vigencia: number }) {
  const { agregar } = useEditarEvento(entidadId, vigencia);
  const form = useFormulario({
    inicial: {
      titulo: '',
      tipo: 'otro' as string,
      fecha: '',
      responsables: ['planeacion'] as string[],
      justificacion: '',
      descripcion: '',
    },
    esquema: AgregarEventoSchema,
    etiquetas: {
      titulo: 'Título',
      tipo: 'Tipo',
      fecha: 'Fecha del evento',
      responsables: 'A quién se le recuerda',
      descripcion: 'Descripción',
      justificacion: 'Justificación',
    },
    transformar: (v) => ({
      ...v,
      fecha: fechaIso(v.fecha),
      tipo: v.tipo as TipoEventoLegal,
      responsables: v.responsables as ResponsableEvento[],
    }),
  });
  return (
    <Paper withBorder p="lg">
      <Title order={3} size="h4" mb="sm">
        Agregar un evento de la entidad
      </Title>
      {agregar.isSuccess && <Exito>El evento quedó en el calendario.</Exito>}
      <Formulario
        form={form}
        etiquetaEnviar="Agregar evento"
        alEnviar={async (v) => {
          await agregar.mutateAsync(v);
          form.reset();
        }}
      >
        <TextInput {...campo(form, 'titulo')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...campo(form, 'fecha')} description={`dd/mm/aaaa, p. ej. 14/08/${vigencia}`} />
          <Select
            {...campo(form, 'tipo')}
            allowDeselect={false}
            data={TIPOS_EVENTO_LEGAL.map((t) => ({ value: t, label: NOMBRE_TIPO_EVENTO[t] }))}
          />
        </SimpleGrid>
        <Checkbox.Group {...campo(form, 'responsables')}>
          <Stack gap={6} mt={6}>
            {RESPONSABLES_EVENTO.map((r) => (
              <Checkbox key={r} value={r} label={NOMBRE_RESPONSABLE[r]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea {...campo(form, 'descripcion')} autosize minRows={2} />
        <Textarea {...campo(form, 'justificacion')} autosize minRows={2} />
      </Formulario>
    </Paper>
  );
}

function Suscribirse({
  entidadId,
  vigencia,
  activa,
}: {
  entidadId: string;
  vigencia: number;
  activa: boolean;
}) {
  const { crear, revocar } = useSuscripcion(entidadId);
  const url = crear.data?.url;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        Verlo en su propio calendario
      </Title>
      <Text size="sm" mb="sm">
        Con un enlace de suscripción, su calendario (Google, Outlook, el del teléfono) muestra estos plazos y
        se actualiza solo. El enlace es personal y secreto: quien lo tenga ve el calendario sin iniciar
        sesión. Crear uno nuevo anula el anterior.
      </Text>
      {url && (
        <TextInput
          label="Su enlace de suscripción (cópielo ahora: no se vuelve a mostrar)"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          mb="sm"
        />
      )}
      {!url && activa && (
        <Text size="sm" mb="sm">
          Ya tiene un enlace vigente. Si lo perdió, cree uno nuevo.
        </Text>
      )}
      <Group gap="xs">
        <Button size="sm" loading={crear.isPending} onClick={() => crear.mutate()}>
          {activa ? 'Crear un enlace nuevo' : 'Crear enlace de suscripción'}
        </Button>
        {activa && (
          <Button
            size="sm"
            variant="outline"
            color="red.9"
            loading={revocar.isPending}
            onClick={() => revocar.mutate(undefined, { onSuccess: () => crear.reset() })}
          >
            Revocar mi enlace
          </Button>
        )}
        <Anchor href={`/api/entidades/${entidadId}/calendario.ics?anio=${vigencia}`} size="sm">
          Descargar el calendario {vigencia} (.ics)
        </Anchor>
      </Group>
      <MensajeError error={crear.error ?? revocar.error} />
    </Paper>
  );
}

function DiasAviso({ entidadId, actual }: { entidadId: string; actual: number }) {
  const guardar = useDiasAviso(entidadId);
  const [valor, setValor] = useState<number | string>(actual);
  const enCampo = erroresPorCampo(guardar.error).diasAviso;
  return (
    <Group align="flex-end" gap="xs">
      <Numero
        label="Días hábiles de aviso antes de cada plazo"
        min={1}
        max={DIAS_AVISO_MAXIMO}
        value={valor}
        onChange={setValor}
        // Out of range stays as typed (ui/numero.tsx): the server's reason goes under the field.
        error={enCampo}
        w={260}
      />
      <Button variant="light" loading={guardar.isPending} onClick={() => guardar.mutate(Number(valor))}>
        Guardar aviso
      </Button>
      {guardar.isSuccess && <Exito>Los recordatorios saldrán con esa anticipación.</Exito>}
      {!enCampo && <MensajeError error={guardar.error} />}
    </Group>
  );
}

export function CalendarioLegal({ anio }: { anio: number }) {
  const { entidad, puede } = useTrabajo();
  const consulta = useQuery(calendarioLegalQuery(entidad?.id, anio));
  if (!entidad) return null;
  const editable = puede('calendario.editar');
  const datos = consulta.data;
  return (
    <Stack component="section" aria-labelledby="titulo-calendario-legal">
      <Title order={2} size="h3" id="titulo-calendario-legal">
        Calendario legal de {anio}
      </Title>
      <Text size="sm">
        Plazos de la ley y de la vigencia: publicaciones del 31 de enero, cortes y ventanas de reporte, FURAG,
        informes de control interno, rendición de cuentas y sesiones del CIGD. Sus responsables reciben un
        recordatorio por correo y en la plataforma
        {datos ? ` ${datos.diasAviso} días hábiles antes` : ''}, un aviso si el plazo vence y planeación un
        resumen cada semana.
      </Text>
      {consulta.isPending && <Cargando que="el calendario legal" />}
      <MensajeError error={consulta.error} />
      {datos && (
        <>
          <Suscribirse entidadId={entidad.id} vigencia={anio} activa={!!datos.suscripcion} />
          {editable && <DiasAviso key={datos.diasAviso} entidadId={entidad.id} actual={datos.diasAviso} />}
          {porMes(datos.eventos).map((mes) => (
            <section key={mes.id} aria-labelledby={`mes-${mes.id}`}>
              <Title order={3} size="h4" id={`mes-${mes.id}`} mb="xs">
                {mes.titulo}
              </Title>
              <ul className="lista-eventos-legales">
                {mes.lista.map((e) => (
                  <Evento
                    key={e.clave}
                    evento={e}
                    editable={editable}
                    entidadId={entidad.id}
                    vigencia={anio}
                  />
                ))}
              </ul>
            </section>
          ))}
          {editable && <AgregarEvento entidadId={entidad.id} vigencia={anio} />}
        </>
      )}
    </Stack>
  );
}
