// One session of a committee: attendance with its quorum, agenda and notes, typed decisions (the plan's
// approval among them), commitments, the acta as PDF and the signed scan that locks it.
import type { Sesion } from '@contrato/comites.ts';
import { NOMBRE_DECISION, NOMBRE_ROL_INTEGRANTE, TIPOS_DECISION, type TipoDecision } from '@core/comites.ts';
import {
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { usuariosQuery } from '../usuarios/api.ts';
import {
  sesionQuery,
  urlSesion,
  useAdjuntarActa,
  useCambiarSesion,
  useComprometer,
  useCumplir,
  useDecidir,
} from './api.ts';
import './comites.css';

type Props = { s: Sesion; entidadId: string; editable: boolean };

function Asistencia({ s, entidadId, editable }: Props) {
  const cambiar = useCambiarSesion(entidadId, s.comite.id, s.id);
  const [presentes, setPresentes] = useState(new Set(s.asistentes));
  const q = s.quorum;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Asistencia y quórum
      </Title>
      <Text fw={700} role="status" c={q.hay ? 'green.9' : 'red.9'}>
        {q.hay ? 'Hay quórum' : 'Sin quórum'}: {q.presentesConVoto} de {q.conVoto} integrantes con voto
        presentes (se requieren {q.requeridos}).
      </Text>
      <MensajeError error={cambiar.error} />
      <Stack mt="sm" gap="xs">
        {s.integrantes.map((i) => (
          <Checkbox
            key={i.id}
            disabled={!editable}
            label={`${i.cargo}${i.titular ? ` (${i.titular})` : ''} · ${NOMBRE_ROL_INTEGRANTE[i.rol]}${i.voto ? '' : ', sin voto'}`}
            checked={presentes.has(i.id)}
            onChange={(e) => {
              const otro = new Set(presentes);
              if (e.currentTarget.checked) otro.add(i.id);
              else otro.delete(i.id);
              setPresentes(otro);
            }}
          />
        ))}
      </Stack>
      {editable && (
        <Button
          mt="sm"
          loading={cambiar.isPending}
          onClick={() => cambiar.mutate({ asistentes: [...presentes] })}
        >
          Guardar asistencia
        </Button>
      )}
    </Paper>
  );
}

function Desarrollo({ s, entidadId, editable }: Props) {
  const cambiar = useCambiarSesion(entidadId, s.comite.id, s.id);
  const [texto, setTexto] = useState(s.desarrollo);
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Orden del día y desarrollo
      </Title>
      <ol>
        {s.ordenDelDia.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ol>
      {cambiar.isSuccess && <Exito>El desarrollo quedó guardado.</Exito>}
      <MensajeError error={cambiar.error} />
      <Textarea
        label="Desarrollo de la sesión"
        autosize
        minRows={4}
        readOnly={!editable}
        value={texto}
        onChange={(e) => setTexto(e.currentTarget.value)}
      />
      {editable && (
        <Button mt="sm" loading={cambiar.isPending} onClick={() => cambiar.mutate({ desarrollo: texto })}>
          Guardar desarrollo
        </Button>
      )}
    </Paper>
  );
}

function Decisiones({ s, entidadId, editable }: Props) {
  const { vigencia } = useTrabajo();
  const decidir = useDecidir(entidadId, s.comite.id, s.id);
  const [tipo, setTipo] = useState<TipoDecision>('plan_aprobado');
  const [descripcion, setDescripcion] = useState('');
  const [periodo, setPeriodo] = useState<number | string>(1);
  const enviar = async (ev: FormEvent) => {
    ev.preventDefault();
    await decidir
      .mutateAsync({
        tipo,
        descripcion,
        vigencia,
        ...(tipo === 'seguimiento_trimestral' ? { periodo: Number(periodo) } : {}),
      })
      .then(() => setDescripcion(''))
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Decisiones
      </Title>
      {s.decisiones.length === 0 ? (
        <Text>Aún no se registran decisiones.</Text>
      ) : (
        <ol>
          {s.decisiones.map((d) => (
            <li key={d.id}>
              <strong>{NOMBRE_DECISION[d.tipo]}</strong>: {d.descripcion}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <form onSubmit={enviar} noValidate>
          {decidir.isSuccess && <Exito>La decisión quedó registrada.</Exito>}
          <MensajeError error={decidir.error} />
          <Stack mt="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Tipo de decisión"
                value={tipo}
                onChange={(e) => setTipo(e.currentTarget.value as TipoDecision)}
                data={TIPOS_DECISION.map((t) => ({ value: t, label: NOMBRE_DECISION[t] }))}
              />
              {tipo === 'seguimiento_trimestral' && (
                <NumberInput label="Periodo cerrado" min={1} max={12} value={periodo} onChange={setPeriodo} />
              )}
            </SimpleGrid>
            <Textarea
              label="Descripción de la decisión"
              required
              autosize
              minRows={2}
              value={descripcion}
              onChange={(e) => setDescripcion(e.currentTarget.value)}
            />
            <Text size="sm">
              La aprobación del plan o de una modificación aprueba el plan de acción {vigencia} con la fecha y
              el acta de esta sesión.
            </Text>
            <Button type="submit" loading={decidir.isPending} w="fit-content">
              Registrar decisión
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function Compromisos({ s, entidadId, editable }: Props) {
  const comprometer = useComprometer(entidadId, s.comite.id, s.id);
  const cumplir = useCumplir(entidadId, s.comite.id);
  const personas = useQuery({ ...usuariosQuery(entidadId), enabled: editable });
  const [descripcion, setDescripcion] = useState('');
  const [responsableId, setResponsable] = useState('');
  const [fecha, setFecha] = useState('');
  const opciones = (personas.data ?? []).map((p) => ({ value: p.id, label: p.nombre }));
  const elegido = responsableId || opciones[0]?.value || '';
  const enviar = async (ev: FormEvent) => {
    ev.preventDefault();
    await comprometer
      .mutateAsync({ descripcion, responsableId: elegido, fecha: fechaIso(fecha) })
      .then(() => setDescripcion(''))
      .catch(() => undefined);
  };
  const lista = (titulo: string, compromisos: Sesion['compromisos']) =>
    compromisos.length > 0 && (
      <>
        <Title order={3} size="h4" mt="sm">
          {titulo}
        </Title>
        <ul>
          {compromisos.map((k) => (
            <li key={k.id}>
              {k.descripcion} — {k.responsable}, {fechaCivil(k.fecha)}
              {k.cumplidoEn ? ` (cumplido el ${fechaCivil(k.cumplidoEn)})` : k.vencido ? ' (vencido)' : ''}
              {s.comite.puedeGestionar && !k.cumplidoEn && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  ml="xs"
                  onClick={() => cumplir.mutate(k.id)}
                  aria-label={`Marcar cumplido: ${k.descripcion}`}
                >
                  Marcar cumplido
                </Button>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Compromisos
      </Title>
      <MensajeError error={cumplir.error} />
      {lista('Compromisos de sesiones anteriores', s.compromisosAnteriores)}
      {lista('Compromisos de esta sesión', s.compromisos)}
      {s.compromisos.length === 0 && <Text>Esta sesión no tiene compromisos.</Text>}
      {editable && (
        <form onSubmit={enviar} noValidate>
          <MensajeError error={comprometer.error} />
          <Stack mt="sm">
            <Textarea
              label="Compromiso"
              required
              autosize
              value={descripcion}
              onChange={(e) => setDescripcion(e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Responsable"
                value={elegido}
                onChange={(e) => setResponsable(e.currentTarget.value)}
                data={opciones}
              />
              <TextInput
                label="Fecha del compromiso"
                description="dd/mm/aaaa"
                value={fecha}
                onChange={(e) => setFecha(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Button type="submit" loading={comprometer.isPending} w="fit-content">
              Registrar compromiso
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function Acta({ s, entidadId }: { s: Sesion; entidadId: string }) {
  const adjuntar = useAdjuntarActa(entidadId, s.comite.id, s.id);
  const [archivo, setArchivo] = useState<File | null>(null);
  const url = urlSesion(entidadId, s.comite.id, s.id);
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Acta
      </Title>
      <Group>
        <Anchor href={`${url}/acta.pdf`} download>
          Descargar el acta en PDF
        </Anchor>
        {s.actaFirmada && (
          <Anchor href={`${url}/acta-firmada`} download>
            Descargar el acta firmada
          </Anchor>
        )}
      </Group>
      {s.actaFirmada ? (
        <Text mt="sm" role="status">
          El acta firmada está adjunta: la sesión quedó cerrada y no admite cambios.
        </Text>
      ) : (
        s.comite.puedeGestionar && (
          <Stack mt="sm">
            <MensajeError error={adjuntar.error} />
            <FileInput
              label="Acta firmada escaneada (PDF)"
              description="Al adjuntarla, la sesión queda cerrada: asistencia, decisiones y compromisos ya no cambian."
              accept="application/pdf"
              value={archivo}
              onChange={setArchivo}
              clearable
            />
            <Button
              w="fit-content"
              disabled={!archivo}
              loading={adjuntar.isPending}
              onClick={() => archivo && adjuntar.mutate(archivo)}
            >
              Adjuntar acta firmada
            </Button>
          </Stack>
        )
      )}
    </Paper>
  );
}

export function SesionPage() {
  const { comiteId, sesionId } = useParams({ strict: false }) as { comiteId: string; sesionId: string };
  const { entidad } = useTrabajo();
  const sesion = useQuery(sesionQuery(entidad?.id, comiteId, sesionId));
  const s = sesion.data;
  const titulo = s ? `Acta n.º ${s.numero} de ${s.anio}` : 'Sesión del comité';
  const editable = !!s && s.comite.puedeGestionar && !s.actaFirmada;
  return (
    <Pagina
      titulo={titulo}
      descripcion={
        s
          ? `${s.comite.nombre} · sesión ${s.caracter} del ${fechaCivil(s.fecha)}${s.lugar ? ` · ${s.lugar}` : ''}`
          : undefined
      }
    >
      <Enlace a={`/comites/${comiteId}`}>Volver al comité</Enlace>
      {sesion.isPending ? (
        <Cargando que="la sesión" />
      ) : sesion.error ? (
        <MensajeError error={sesion.error} />
      ) : (
        s &&
        entidad && (
          // Remounted when the session changes on the server, so the fields start from what was saved.
          <Stack key={`${s.id}:${s.actaFirmada}`}>
            <Asistencia s={s} entidadId={entidad.id} editable={editable} />
            <Desarrollo s={s} entidadId={entidad.id} editable={editable} />
            <Decisiones s={s} entidadId={entidad.id} editable={editable} />
            <Compromisos s={s} entidadId={entidad.id} editable={editable} />
            <Acta s={s} entidadId={entidad.id} />
          </Stack>
        )
      )}
    </Pagina>
  );
}
