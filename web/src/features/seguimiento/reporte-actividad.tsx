import type { FilaSeguimiento } from '@contrato/seguimiento.ts';
import { NOMBRE_LOGRADO, REPORTE_ACUMULACION } from '@core/acumulacion.ts';
import { numeroCo } from '@core/numeros.ts';
import { pideJustificacion, RANGOS_POR_DEFECTO } from '@core/semaforo.ts';
import { NOMBRE_SITUACION } from '@core/verificacion.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { type ErrorApi, erroresPorCampo } from '../../api.ts';
import { useAvisoCambiosSinGuardar } from '../../ui/cambios-sin-guardar.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaHora, numero, porcentaje } from '../../ui/formato.ts';
import { Numero } from '../../ui/numero.tsx';
import { useEstadoPlataforma } from '../auth/estado-plataforma.ts';
import {
  type DatosReporte,
  useAgregarEnlace,
  useGuardarReporte,
  useGuardarYEnviar,
  usePasoReporte,
  useQuitarEvidencia,
  useSubirEvidencia,
} from './api.ts';
import { EstadoReporte } from './estado-reporte.tsx';
import { problemasReporte } from './problemas-reporte.ts';

const pct = (x: number | null) => (x === null ? 'sin dato' : porcentaje(x));
const tamano = (b: number | null) =>
  b === null
    ? ''
    : b > 1024 * 1024
      ? `${numero(Math.round(b / 1024 / 102.4) / 10)} MB`
      : `${numero(Math.ceil(b / 1024))} KB`;

const megas = (bytes: number) => numeroCo(bytes / (1024 * 1024), 1);

/** One activity of the period: its figures, the responsible's report and the reviewers' actions. */
export function ReporteActividad({
  fila,
  url,
  cerrado,
  abierta: abiertaInicial,
  azulSobre = RANGOS_POR_DEFECTO.azulSobre,
}: {
  fila: FilaSeguimiento;
  url: string;
  cerrado: boolean;
  abierta: boolean;
  /** The entity's blue band: above it, a report asks why it went over the programmed. */
  azulSobre?: number;
}) {
  const { puede, entidad } = useTrabajo();
  const r = fila.reporte;
  const a = fila.actividad;
  const [abierta, setAbierta] = useState(abiertaInicial);
  const [modo, setModo] = useState<'valor' | 'fraccion'>(r?.denominador ? 'fraccion' : 'valor');
  const [valor, setValor] = useState<string | number>(r?.valor ?? '');
  const [numerador, setNumerador] = useState<string | number>(r?.numerador ?? '');
  const [denominador, setDenominador] = useState<string | number>(r?.denominador ?? '');
  const [descripcion, setDescripcion] = useState(r?.descripcion ?? '');
  const [dificultades, setDificultades] = useState(r?.dificultades ?? '');
  const [justificacion, setJustificacion] = useState(r?.justificacionSobreejecucion ?? '');
  const [archivo, setArchivo] = useState<File | null>(null);
  const [enlace, setEnlace] = useState({ nombre: '', url: '' });
  const [observaciones, setObservaciones] = useState('');
  const [avanceVerificado, setAvanceVerificado] = useState<string | number>(r?.avanceVerificado ?? '');
  const num = (x: string | number) => (x === '' ? null : Number(x));
  const guardar = useGuardarReporte(url);
  const enviar = useGuardarYEnviar(url);
  // What is on the screen, exactly as saving or sending would send it.
  const enPantalla: DatosReporte = {
    ...(modo === 'valor'
      ? { valor: num(valor) }
      : { numerador: num(numerador), denominador: num(denominador) }),
    descripcion,
    dificultades: dificultades || null,
    justificacionSobreejecucion: justificacion || null,
  };
  // The server's rule, on the figure being typed: the field appears as soon as it is needed.
  const tecleado =
    modo === 'valor'
      ? num(valor)
      : num(numerador) !== null && num(denominador)
        ? (num(numerador)! / num(denominador)!) * 100
        : null;
  const sobreejecucion =
    tecleado !== null &&
    pideJustificacion(a.acumulacion, tecleado, fila.cifras.metaPeriodo, {
      ...RANGOS_POR_DEFECTO,
      azulSobre,
    });
  // The browser checks first, with the server's rules: a problem found here is shown as the server's 400 would
  // be, and only while the screen still holds what was checked.
  const [revisado, setRevisado] = useState<{
    accion: 'guardar' | 'enviar';
    datos: string;
    error: ErrorApi;
  } | null>(null);
  const intentar = (accion: 'guardar' | 'enviar') => {
    guardar.reset();
    enviar.reset();
    const problemas = problemasReporte(enPantalla, accion, {
      tipo: a.acumulacion,
      unidad: a.unidad,
      metaPeriodo: fila.cifras.metaPeriodo,
      rangos: { ...RANGOS_POR_DEFECTO, azulSobre },
    });
    setRevisado(problemas && { accion, datos: JSON.stringify(enPantalla), error: problemas });
    if (!problemas) (accion === 'guardar' ? guardar : enviar).mutate(enPantalla);
  };
  const local = revisado?.datos === JSON.stringify(enPantalla) ? revisado : null;
  const errorGuardar = (local?.accion === 'guardar' && local.error) || guardar.error;
  const errorEnviar = (local?.accion === 'enviar' && local.error) || enviar.error;
  const subir = useSubirEvidencia(url);
  const agregarEnlace = useAgregarEnlace(url);
  const quitar = useQuitarEvidencia(entidad!.id);
  const paso = usePasoReporte(url);
  const darPaso = (accion: string, cuerpo?: object) =>
    paso.mutate({ accion, cuerpo }, { onSuccess: () => setObservaciones('') });
  const maximo = useEstadoPlataforma().data?.evidenciaMaxBytes ?? null;
  // Refused here, before a slow connection spends minutes uploading what the server will reject.
  const demasiadoGrande = !!archivo && maximo !== null && archivo.size > maximo;
  const subirArchivo = () =>
    subir.mutate(archivo!, {
      onSuccess: () => {
        setArchivo(null);
        paso.reset();
        enviar.reset();
      },
    });
  const adjuntarEnlace = () =>
    agregarEnlace.mutate(enlace, {
      onSuccess: () => {
        setEnlace({ nombre: '', url: '' });
        paso.reset();
        enviar.reset();
      },
    });
  const editable =
    !cerrado &&
    !fila.sinCorte &&
    fila.puedeReportar &&
    (!r || r.estado === 'borrador' || r.estado === 'devuelto');
  // The reply step: the responsible answers control interno and may add evidence (never remove it).
  const responde = !cerrado && fila.puedeReportar && r?.estado === 'con_observaciones';
  const agregaEvidencia = editable || responde;
  const v = fila.verificacion;
  const verifica = !cerrado && v.puedeVerificar && (r?.estado === 'aceptado' || r?.estado === 'respondido');
  const conPorcentaje = () => (avanceVerificado === '' ? {} : { avanceVerificado: Number(avanceVerificado) });
  const comoEstaGuardado = r
    ? (modo === 'valor'
        ? r.denominador === null && r.valor === enPantalla.valor
        : r.numerador === enPantalla.numerador && r.denominador === enPantalla.denominador) &&
      r.descripcion === descripcion.trim() &&
      (r.dificultades ?? '') === dificultades.trim() &&
      (r.justificacionSobreejecucion ?? '') === justificacion.trim()
    : [valor, numerador, denominador, descripcion, dificultades, justificacion].every((x) => x === '');
  const sinGuardar = editable && !comoEstaGuardado;
  const enviando = enviar.isPending;
  useAvisoCambiosSinGuardar(sinGuardar && !guardar.isPending && !enviando);
  const errores = { ...erroresPorCampo(errorGuardar), ...erroresPorCampo(errorEnviar) };
  const etiquetas = {
    valor: `${REPORTE_ACUMULACION[a.acumulacion].etiqueta} (${a.unidad})`,
    numerador: 'Numerador',
    denominador: 'Denominador',
    descripcion: 'Qué se hizo en el periodo',
    dificultades: 'Dificultades',
    justificacionSobreejecucion: 'Justificación de la sobreejecución',
  };
  const erroresPaso = erroresPorCampo(paso.error);
  const id = `act-${a.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={id} id={`actividad-${a.id}`}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2} size="h5" id={id}>
            {a.codigo} · {a.nombre}
          </Title>
          <Text size="sm">Producto: {a.producto}</Text>
          {fila.periodoPropio && (
            <Text size="sm">
              Se reporta por su propio periodo: <strong>{fila.periodoPropio.nombre}</strong>, con ventana del{' '}
              {fechaCivil(fila.periodoPropio.abre)} al {fechaCivil(fila.periodoPropio.cierra)}.
            </Text>
          )}
          {fila.sinCorte && <Text size="sm">{fila.sinCorte}</Text>}
        </div>
        <Group gap="xs">
          <EstadoReporte estado={r?.estado ?? null} />
          {r?.tardio && (
            <Badge color="#a51d1d" variant="outline" style={{ textTransform: 'none' }}>
              Enviado tarde
            </Badge>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: r?.avanceVerificado != null ? 5 : 4 }} mt="sm" className="cifras">
        <div>
          {/* The unit is the entity's own words, singular or plural («informes», «política aprobada»):
              beside the label it never reads «1 informes» or «0 política aprobada». */}
          <Text size="sm">Meta del periodo ({a.unidad})</Text>
          <Text fw={700}>{numero(fila.cifras.metaPeriodo)}</Text>
        </div>
        <div>
          <Text size="sm">{NOMBRE_LOGRADO[a.acumulacion]}</Text>
          <Text fw={700}>
            {a.acumulacion === 'hito'
              ? (fila.cifras.logradoAcumulado ?? 0) > 0
                ? 'Cumplido'
                : 'Pendiente'
              : `${numero(fila.cifras.logradoAcumulado)} de ${numero(a.metaAnual)}`}
          </Text>
        </div>
        <div>
          <Text size="sm">Avance acumulado</Text>
          <Text fw={700}>{pct(fila.cifras.avanceAcumulado)}</Text>
        </div>
        <div>
          <Text size="sm">Cumplimiento del periodo</Text>
          <Text fw={700}>{pct(fila.cifras.cumplimientoPeriodo)}</Text>
        </div>
        {r?.avanceVerificado != null && (
          <div>
            <Text size="sm">
              Avance verificado por {v.linea === 'planeacion' ? 'planeación' : 'control interno'}
            </Text>
            <Text fw={700}>{porcentaje(r.avanceVerificado)}</Text>
          </div>
        )}
      </SimpleGrid>
      {v.motivo && (
        <Alert color="blue.9" variant="outline" mt="sm" title="Verifica planeación">
          {v.motivo}
        </Alert>
      )}
      {r && v.situacion !== 'sin_aceptar' && (
        <Text size="sm" mt="xs">
          <strong>Verificación:</strong> {NOMBRE_SITUACION[v.situacion]}
        </Text>
      )}
      {r?.observacionesPlaneacion && (
        <Alert color="orange.9" variant="outline" mt="sm" title="Observaciones de planeación">
          {r.observacionesPlaneacion}
        </Alert>
      )}
      {r?.observacionesControl && (
        <Alert
          color="grape.9"
          variant="outline"
          mt="sm"
          title={
            v.linea === 'planeacion'
              ? 'Observaciones de la verificación (planeación)'
              : 'Observaciones de control interno'
          }
        >
          {r.observacionesControl}
        </Alert>
      )}
      {r?.respuestaControl && (
        <Alert color="dark" variant="outline" mt="sm" title="Respuesta del responsable">
          {r.respuestaControl}
        </Alert>
      )}
      <Group mt="sm">
        <Button
          variant="subtle"
          onClick={() => setAbierta((x) => !x)}
          aria-expanded={abierta}
          aria-controls={`${id}-detalle`}
        >
          {abierta ? 'Ocultar el reporte' : editable ? 'Reportar avance' : 'Ver el reporte'}
        </Button>
      </Group>
      {abierta && (
        <Stack id={`${id}-detalle`} mt="sm" gap="md">
          {editable ? (
            // noValidate: the browser's own bubble would speak the browser's language, not Spanish.
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                intentar('guardar');
              }}
            >
              <Stack>
                <SegmentedControl
                  aria-label="Forma de reportar el avance"
                  value={modo}
                  onChange={(v) => setModo(v as 'valor' | 'fraccion')}
                  data={[
                    { value: 'valor', label: `Cantidad (${a.unidad})` },
                    { value: 'fraccion', label: 'Numerador / denominador' },
                  ]}
                />
                {modo === 'valor' ? (
                  <Numero
                    label={etiquetas.valor}
                    description={REPORTE_ACUMULACION[a.acumulacion].ayuda}
                    min={0}
                    value={valor}
                    onChange={setValor}
                    error={errores.valor}
                  />
                ) : (
                  <Group grow>
                    <Numero
                      label="Numerador"
                      min={0}
                      value={numerador}
                      onChange={setNumerador}
                      error={errores.numerador}
                    />
                    <Numero
                      label="Denominador"
                      min={0}
                      value={denominador}
                      onChange={setDenominador}
                      error={errores.denominador}
                    />
                  </Group>
                )}
                <Textarea
                  label={etiquetas.descripcion}
                  withAsterisk
                  autosize
                  minRows={3}
                  value={descripcion}
                  onChange={(e) => setDescripcion(e.currentTarget.value)}
                  error={errores.descripcion}
                />
                <Textarea
                  label="Dificultades (opcional)"
                  autosize
                  minRows={2}
                  value={dificultades}
                  onChange={(e) => setDificultades(e.currentTarget.value)}
                  error={errores.dificultades}
                />
                {(sobreejecucion || justificacion !== '') && (
                  <Textarea
                    label={etiquetas.justificacionSobreejecucion}
                    description={`Lo reportado supera lo programado para el periodo (meta: ${numero(fila.cifras.metaPeriodo)}; unidad: ${a.unidad}): explique por qué, para que planeación ajuste la programación si hace falta.`}
                    withAsterisk={sobreejecucion}
                    autosize
                    minRows={2}
                    maxLength={2000}
                    value={justificacion}
                    onChange={(e) => setJustificacion(e.currentTarget.value)}
                    error={errores.justificacionSobreejecucion}
                  />
                )}
                <MensajeError error={errorGuardar} etiquetas={etiquetas} />
                <Group>
                  <Button type="submit" loading={guardar.isPending} disabled={enviando}>
                    Guardar avance
                  </Button>
                  {guardar.isSuccess && !sinGuardar && <Text role="status">Avance guardado.</Text>}
                </Group>
              </Stack>
            </form>
          ) : r ? (
            <Stack gap={4}>
              <Text>
                <strong>
                  {REPORTE_ACUMULACION[a.acumulacion].etiqueta}
                  {r.denominador ? '' : ` (${a.unidad})`}:
                </strong>{' '}
                {r.denominador
                  ? `${numero(r.numerador!)} / ${numero(r.denominador)} = ${porcentaje(r.valor)}`
                  : numero(r.valor)}
              </Text>
              <Text>
                <strong>Qué se hizo:</strong> {r.descripcion}
              </Text>
              {r.dificultades && (
                <Text>
                  <strong>Dificultades:</strong> {r.dificultades}
                </Text>
              )}
              {r.justificacionSobreejecucion && (
                <Text>
                  <strong>Justificación de la sobreejecución:</strong> {r.justificacionSobreejecucion}
                </Text>
              )}
              {r.enviadoEn && <Text size="sm">Enviado el {fechaHora(new Date(r.enviadoEn))}</Text>}
            </Stack>
          ) : (
            <Text>{fila.sinCorte ?? 'No hay reporte de este periodo.'}</Text>
          )}

          {r && (
            // Named with the activity: every card has one, and landmarks must be told apart.
            <section aria-label={`Evidencias de la actividad ${a.codigo}`}>
              <Title order={3} size="h6">
                Evidencias
              </Title>
              {r.evidencias.length === 0 ? (
                <Text size="sm">Sin evidencias todavía.</Text>
              ) : (
                <List>
                  {r.evidencias.map((e) => (
                    <List.Item key={e.id}>
                      <Anchor
                        href={e.url ?? `/api/entidades/${entidad!.id}/evidencias/${e.id}`}
                        target={e.url ? '_blank' : undefined}
                        rel="noopener noreferrer"
                      >
                        {e.nombre}
                      </Anchor>{' '}
                      <Text span size="sm">
                        {e.url ? '(enlace)' : `(${tamano(e.bytes)})`}
                      </Text>
                      {editable && (
                        <Button
                          size="compact-xs"
                          variant="outline"
                          color="#a51d1d"
                          ml="xs"
                          aria-label={`Quitar la evidencia ${e.nombre}`}
                          loading={quitar.isPending && quitar.variables === e.id}
                          disabled={quitar.isPending}
                          onClick={() => quitar.mutate(e.id)}
                        >
                          Quitar
                        </Button>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
              {agregaEvidencia && (
                <Stack mt="sm">
                  {responde && (
                    <Text size="sm">
                      Adjunte aquí la evidencia nueva que responde a las observaciones; la que ya fue revisada
                      se conserva.
                    </Text>
                  )}
                  <Group align="end">
                    <FileInput
                      label="Adjuntar archivo"
                      description={`PDF, Word, Excel, PowerPoint, imágenes, CSV o ZIP, hasta ${
                        maximo === null ? 25 : Math.floor(maximo / (1024 * 1024))
                      } MB`}
                      value={archivo}
                      onChange={setArchivo}
                      error={
                        demasiadoGrande
                          ? `El archivo pesa ${megas(archivo!.size)} MB y el máximo es ${megas(maximo!)} MB. Redúzcalo (por ejemplo, escanee en menor resolución) o comprímalo en ZIP.`
                          : undefined
                      }
                      clearable
                      style={{ flex: 1 }}
                    />
                    <Button
                      variant="outline"
                      disabled={!archivo || demasiadoGrande || subir.isPending}
                      loading={subir.isPending}
                      onClick={subirArchivo}
                    >
                      Adjuntar
                    </Button>
                  </Group>
                  <MensajeError error={subir.error} />
                  <Group align="end" grow>
                    <TextInput
                      label="Descripción del enlace"
                      value={enlace.nombre}
                      onChange={(e) => setEnlace({ ...enlace, nombre: e.currentTarget.value })}
                      error={erroresPorCampo(agregarEnlace.error).nombre}
                    />
                    <TextInput
                      label="Dirección (https://…)"
                      value={enlace.url}
                      onChange={(e) => setEnlace({ ...enlace, url: e.currentTarget.value })}
                      error={erroresPorCampo(agregarEnlace.error).url}
                    />
                  </Group>
                  <Group>
                    <Button
                      variant="outline"
                      loading={agregarEnlace.isPending}
                      disabled={agregarEnlace.isPending}
                      onClick={adjuntarEnlace}
                    >
                      Agregar enlace
                    </Button>
                  </Group>
                </Stack>
              )}
            </section>
          )}

          {!cerrado && (
            <Stack gap="xs">
              <MensajeError
                error={paso.error ?? errorEnviar}
                etiquetas={{
                  ...etiquetas,
                  observaciones: responde ? 'Respuesta a las observaciones' : 'Observaciones',
                  avanceVerificado: 'Avance verificado (%)',
                }}
              />
              {editable && r && (
                <Group>
                  <Button
                    loading={enviando}
                    disabled={enviando || guardar.isPending}
                    onClick={() => intentar('enviar')}
                  >
                    Enviar a planeación
                  </Button>
                  {sinGuardar && (
                    <Text size="sm">Se envía lo que ve en pantalla: los cambios se guardan al enviar.</Text>
                  )}
                </Group>
              )}
              {r?.estado === 'enviado' && puede('seguimiento.revisar') && (
                <Revision
                  etiqueta="Observaciones para el responsable"
                  aprobar="Aceptar el reporte"
                  rechazar="Devolver con observaciones"
                  observaciones={observaciones}
                  setObservaciones={setObservaciones}
                  error={erroresPaso.observaciones}
                  pendiente={paso.isPending}
                  alAprobar={() => darPaso('aceptar')}
                  alRechazar={() => darPaso('devolver', { observaciones })}
                />
              )}
              {responde && (
                <Stack gap="xs">
                  <Textarea
                    label="Respuesta a las observaciones"
                    description="Explique qué corrigió o aclare lo observado; adjunte antes la evidencia nueva."
                    autosize
                    minRows={2}
                    value={observaciones}
                    onChange={(e) => setObservaciones(e.currentTarget.value)}
                    error={erroresPaso.observaciones}
                  />
                  <Group>
                    <Button
                      loading={paso.isPending}
                      disabled={paso.isPending}
                      onClick={() => darPaso('responder', { observaciones })}
                    >
                      Responder {v.linea === 'planeacion' ? 'a planeación' : 'a control interno'}
                    </Button>
                  </Group>
                </Stack>
              )}
              {verifica && (
                <>
                  <Numero
                    label="Avance verificado (%)"
                    description={`El porcentaje que usted comprueba con las evidencias, de 0 a 100. El responsable reportó un cumplimiento del periodo de ${pct(fila.cifras.cumplimientoPeriodo)}.`}
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix=" %"
                    value={avanceVerificado}
                    onChange={setAvanceVerificado}
                    error={erroresPaso.avanceVerificado}
                  />
                  <Revision
                    etiqueta={
                      v.linea === 'planeacion'
                        ? 'Observaciones de la verificación (planeación, en lugar de control interno)'
                        : 'Observaciones de control interno'
                    }
                    aprobar={r?.estado === 'respondido' ? 'Cerrar como verificado' : 'Marcar como verificado'}
                    rechazar={
                      r?.estado === 'respondido'
                        ? 'Registrar nuevas observaciones'
                        : 'Registrar observaciones'
                    }
                    observaciones={observaciones}
                    setObservaciones={setObservaciones}
                    error={erroresPaso.observaciones}
                    pendiente={paso.isPending}
                    alAprobar={() => darPaso('verificar', conPorcentaje())}
                    alRechazar={() => darPaso('observar', { observaciones, ...conPorcentaje() })}
                  />
                </>
              )}
            </Stack>
          )}
        </Stack>
      )}
    </Card>
  );
}

function Revision(p: {
  etiqueta: string;
  aprobar: string;
  rechazar: string;
  observaciones: string;
  setObservaciones: (s: string) => void;
  error?: string;
  pendiente: boolean;
  alAprobar: () => void;
  alRechazar: () => void;
}) {
  return (
    <Stack gap="xs">
      <Textarea
        label={p.etiqueta}
        description="Obligatorias para devolver o registrar observaciones"
        autosize
        minRows={2}
        value={p.observaciones}
        onChange={(e) => p.setObservaciones(e.currentTarget.value)}
        error={p.error}
      />
      <Group>
        <Button loading={p.pendiente} disabled={p.pendiente} onClick={p.alAprobar}>
          {p.aprobar}
        </Button>
        <Button variant="outline" loading={p.pendiente} disabled={p.pendiente} onClick={p.alRechazar}>
          {p.rechazar}
        </Button>
      </Group>
    </Stack>
  );
}
