import type { HojaSeguimiento } from '@contrato/seguimiento.ts';
import { ReabrirPeriodoSchema } from '@contrato/vigencias.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { Cargando, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { ENCABEZADOS } from '../../ui/esqueleto.tsx';
import { cantidad, fechaCivil } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Enlace } from '../../ui/router.tsx';
import { Termino } from '../../ui/termino.tsx';
import { Ventana } from '../../ui/ventana.tsx';
import { catalogoQuery } from '../catalogo/api.ts';
import { periodoVigente, vigenciaQuery } from '../vigencias/api.ts';
import { hojaQuery, useCambiarCierre } from './api.ts';
import { ReporteActividad } from './reporte-actividad.tsx';
import { RevisionEnLote } from './revision-en-lote.tsx';
import { SeleccionVerificacion } from './seleccion-verificacion.tsx';

type Filtro = 'todas' | 'mias' | 'pendientes';

/** What closing would leave out of the frozen figures: reports waiting for planeación, and those not sent. */
export function pendientesDeCierre(filas: HojaSeguimiento['filas']) {
  return {
    porRevisar: filas.filter((f) => f.reporte?.estado === 'enviado'),
    // An instrument without a cut-off in this period (the PTEP by cuatrimestres) owes no report in it.
    sinEnviar: filas.filter(
      (f) =>
        !f.sinCorte && (!f.reporte || f.reporte.estado === 'borrador' || f.reporte.estado === 'devuelto'),
    ),
  };
}

export function SeguimientoPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const busqueda = useSearch({ from: '/seguimiento' });
  const navegar = useNavigate({ from: '/seguimiento' });
  const actividadPedida = busqueda.actividad;
  const [filtro, setFiltro] = useState<Filtro>(
    actividadPedida
      ? 'todas'
      : puede('seguimiento.reportar')
        ? 'mias'
        : puede('seguimiento.revisar') || puede('seguimiento.verificar')
          ? 'pendientes'
          : 'todas',
  );
  const [politica, setPolitica] = useState('');
  // A plan of hundreds of activities is shown in pages: a phone on a slow connection draws 50 at a time.
  const [mostrar, setMostrar] = useState(50);
  const [reabrir, setReabrir] = useState(false);
  const [cerrar, setCerrar] = useState(false);
  const config = useQuery(vigenciaQuery(entidad?.id, vigencia));
  const periodo = config.data ? periodoVigente(config.data, busqueda.periodo) : null;
  // The period shown is always in the address (a missing or unknown one becomes the suggested one).
  useEffect(() => {
    if (periodo !== null && periodo !== busqueda.periodo)
      navegar({ search: (prev) => ({ ...prev, periodo }), replace: true, resetScroll: false });
  }, [periodo, busqueda.periodo, navegar]);
  const hoja = useQuery(hojaQuery(entidad?.id, vigencia, periodo));
  const catalogo = useQuery(catalogoQuery(vigencia));
  const cambiarCierre = useCambiarCierre(entidad?.id ?? '', vigencia, periodo);
  const alCambiarCierre = {
    onSuccess: () => {
      setReabrir(false);
      setCerrar(false);
    },
  };
  if (!entidad) return <Pagina titulo="Seguimiento">Elija una entidad.</Pagina>;
  const h = hoja.data;
  const p = h?.periodo;
  const nombrePolitica = new Map(
    (catalogo.data?.dimensiones.flatMap((d) => d.politicas) ?? []).map((x) => [x.clave, x.nombre]),
  );
  const politicasHoja = [...new Set((h?.filas ?? []).map((f) => f.actividad.politica))];
  const filas = (h?.filas ?? [])
    .filter((f) => !politica || f.actividad.politica === politica)
    .filter((f) =>
      filtro === 'mias'
        ? f.puedeReportar
        : filtro === 'pendientes'
          ? (puede('seguimiento.revisar') && f.reporte?.estado === 'enviado') ||
            (f.verificacion.puedeVerificar &&
              (f.verificacion.situacion === 'pendiente' || f.verificacion.situacion === 'respondido')) ||
            (f.puedeReportar &&
              !f.sinCorte &&
              (!f.reporte ||
                f.reporte.estado === 'borrador' ||
                f.reporte.estado === 'devuelto' ||
                f.reporte.estado === 'con_observaciones'))
          : true,
    );
  // The activity a link asked for comes first, even when it is beyond the first page.
  const pedida = filas.find((f) => f.actividad.id === actividadPedida);
  const visibles = [...(pedida ? [pedida] : []), ...filas.filter((f) => f !== pedida)].slice(0, mostrar);
  return (
    <Pagina
      titulo={ENCABEZADOS.seguimiento.titulo(vigencia)}
      descripcion={
        <>
          El avance de cada <Termino t="actividad">actividad</Termino> por{' '}
          <Termino t="periodo">periodo</Termino>, con sus <Termino t="evidencia">evidencias</Termino> y su
          revisión por las tres <Termino t="lineas-defensa">líneas de defensa</Termino>.
        </>
      }
    >
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="end">
            <NativeSelect
              label="Periodo"
              value={String(periodo ?? '')}
              onChange={(e) => {
                const elegido = Number(e.currentTarget.value);
                navegar({
                  search: (prev) => ({ ...prev, periodo: elegido, actividad: undefined }),
                  resetScroll: false,
                });
              }}
              data={(config.data?.periodos ?? []).map((x) => ({
                value: String(x.numero),
                label: `${x.nombre}${x.cerrado ? ' (cerrado)' : ''}`,
              }))}
            />
            <NativeSelect
              label="Política"
              value={politica}
              onChange={(e) => {
                setPolitica(e.currentTarget.value);
                setMostrar(50);
              }}
              data={[
                { value: '', label: 'Todas las políticas' },
                ...politicasHoja.map((clave) => ({
                  value: clave,
                  label: nombrePolitica.get(clave) ?? clave,
                })),
              ]}
            />
            <SegmentedControl
              aria-label="Actividades que se muestran"
              value={filtro}
              onChange={(v) => setFiltro(v as Filtro)}
              data={[
                { value: 'todas', label: 'Todas' },
                { value: 'mias', label: 'A mi cargo' },
                { value: 'pendientes', label: 'Pendientes' },
              ]}
            />
          </Group>
          {p && (
            <Group gap="xs">
              <Text>
                Corte {fechaCivil(p.corte)} · ventana de reporte del {fechaCivil(p.abre)} al{' '}
                {fechaCivil(p.cierra)}
              </Text>
              <Badge
                color={p.cerrado ? 'dark' : p.ventana === 'abierta' ? '#1e6b2e' : '#9c3d00'}
                style={{ textTransform: 'none' }}
              >
                {p.cerrado
                  ? 'Periodo cerrado'
                  : p.ventana === 'abierta'
                    ? 'Ventana abierta'
                    : p.ventana === 'cerrada'
                      ? 'Ventana vencida: los reportes quedan marcados como tardíos'
                      : 'Ventana por abrir'}
              </Badge>
            </Group>
          )}
          {p?.cerrado && (
            <Alert color="dark" variant="outline">
              Las cifras de este periodo están congeladas: no se pueden cambiar reportes ni evidencias.
            </Alert>
          )}
          {puede('periodo.cerrar') && p && (
            <Group>
              {p.cerrado ? (
                <Button variant="outline" onClick={() => setReabrir(true)}>
                  Reabrir el periodo
                </Button>
              ) : (
                <Button
                  variant="outline"
                  onClick={() => {
                    cambiarCierre.reset();
                    setCerrar(true);
                  }}
                >
                  Cerrar el periodo
                </Button>
              )}
            </Group>
          )}
          {!reabrir && !cerrar && <MensajeError error={cambiarCierre.error} />}
        </Stack>
      </Paper>
      {h && (
        <SeleccionVerificacion
          entidadId={entidad.id}
          vigencia={vigencia}
          filas={h.filas}
          nombrePolitica={nombrePolitica}
          editable={puede('verificacion.seleccionar')}
        />
      )}
      {(config.isPending || hoja.isPending) && <Cargando que="el seguimiento" />}
      <MensajeError error={hoja.error ?? config.error} />
      {h && p && !p.cerrado && periodo !== null && (
        <>
          {puede('seguimiento.revisar') && (
            <RevisionEnLote entidadId={entidad.id} periodo={periodo} filas={h.filas} accion="aceptar" />
          )}
          {puede('seguimiento.verificar') && (
            <RevisionEnLote entidadId={entidad.id} periodo={periodo} filas={h.filas} accion="verificar" />
          )}
        </>
      )}
      {h && h.filas.length === 0 && <Text>El plan de acción de {vigencia} aún no tiene actividades.</Text>}
      {h && h.filas.length > 0 && filas.length === 0 && <Text>No hay actividades con este filtro.</Text>}
      <Stack>
        {visibles.map((f) => (
          <ReporteActividad
            key={`${f.actividad.id}-${periodo}`}
            fila={f}
            azulSobre={h?.azulSobre}
            cerrado={!!p?.cerrado}
            abierta={f.actividad.id === actividadPedida}
            url={`/api/entidades/${entidad.id}/seguimientos/${f.actividad.id}/${periodo}`}
          />
        ))}
      </Stack>
      {filas.length > visibles.length && (
        <Button variant="outline" style={{ alignSelf: 'center' }} onClick={() => setMostrar((n) => n + 50)}>
          Mostrar más actividades ({visibles.length} de {filas.length})
        </Button>
      )}
      {h && p && (
        <Ventana opened={cerrar} onClose={() => setCerrar(false)} title={`Cerrar «${p.nombre}»`} size="lg">
          <DialogoCierre
            pendientes={pendientesDeCierre(h.filas)}
            configurada={!!config.data?.configurada}
            cerrando={cambiarCierre.isPending}
            error={cambiarCierre.error}
            revisarPrimero={() => {
              setCerrar(false);
              setFiltro('pendientes');
            }}
            cerrarAsi={() => cambiarCierre.mutate({ accion: 'cerrar' }, alCambiarCierre)}
          />
        </Ventana>
      )}
      <Ventana opened={reabrir} onClose={() => setReabrir(false)} title="Reabrir el periodo">
        <FormularioReabrir
          alReabrir={async (justificacion) => {
            await cambiarCierre.mutateAsync({ accion: 'reabrir', justificacion });
            alCambiarCierre.onSuccess();
          }}
        />
      </Ventana>
    </Pagina>
  );
}

/** Why the period is reopened (it goes to the audit log), checked with the server's rule before sending. */
function FormularioReabrir({ alReabrir }: { alReabrir: (justificacion: string) => Promise<void> }) {
  const form = useFormulario({
    inicial: { justificacion: '' },
    esquema: ReabrirPeriodoSchema,
    etiquetas: { justificacion: 'Justificación' },
  });
  return (
    <Formulario
      form={form}
      alEnviar={({ justificacion }) => alReabrir(justificacion)}
      etiquetaEnviar="Reabrir"
      enviando="Reabriendo…"
    >
      <Textarea
        {...campo(form, 'justificacion')}
        description="Queda en el registro de auditoría"
        withAsterisk
        autosize
        minRows={3}
      />
    </Formulario>
  );
}

/**
 * Closing freezes the period's figures for the reports. Reports still waiting for planeación or not sent
 * are listed, with a choice: review them first, or close and leave them out (the audit entry counts them).
 */
export function DialogoCierre({
  pendientes,
  configurada,
  cerrando,
  error,
  revisarPrimero,
  cerrarAsi,
}: {
  pendientes: ReturnType<typeof pendientesDeCierre>;
  configurada: boolean;
  cerrando: boolean;
  error: unknown;
  revisarPrimero: () => void;
  cerrarAsi: () => void;
}) {
  const { porRevisar, sinEnviar } = pendientes;
  const hay = porRevisar.length + sinEnviar.length > 0;
  // The periods shown come from the proposed scheme until someone saves it: a close needs it saved.
  if (!configurada)
    return (
      <Text>
        La vigencia aún usa la propuesta de periodos: guárdela primero en{' '}
        <Enlace a="/vigencia">Vigencia y periodos</Enlace> para poder cerrar un periodo.
      </Text>
    );
  return (
    <Stack>
      <Text>
        Sus cifras quedarán congeladas para los informes y no se podrán cambiar reportes ni evidencias.
      </Text>
      {porRevisar.length > 0 && (
        <Alert
          color="orange.9"
          variant="outline"
          title={`${cantidad(porRevisar.length, 'reporte espera', 'reportes esperan')} la revisión de planeación`}
        >
          <List size="sm">
            {porRevisar.slice(0, 20).map((f) => (
              <List.Item key={f.actividad.id}>
                {f.actividad.codigo} — {f.actividad.nombre}
              </List.Item>
            ))}
          </List>
          {porRevisar.length > 20 && <Text size="sm">y {porRevisar.length - 20} más.</Text>}
        </Alert>
      )}
      {sinEnviar.length > 0 && (
        <Text>
          {cantidad(sinEnviar.length, 'actividad no ha enviado', 'actividades no han enviado')} su reporte.
        </Text>
      )}
      {hay && (
        <Text>Si cierra ahora, esas cifras quedan por fuera del corte y la auditoría lo registra.</Text>
      )}
      <MensajeError error={error} />
      <Group>
        {porRevisar.length > 0 && <Button onClick={revisarPrimero}>Revisarlos primero</Button>}
        <Button
          variant={porRevisar.length > 0 ? 'outline' : 'filled'}
          color={hay ? 'red.9' : undefined}
          loading={cerrando}
          disabled={cerrando}
          onClick={cerrarAsi}
        >
          {hay ? 'Cerrar y dejarlos por fuera' : 'Cerrar el periodo'}
        </Button>
      </Group>
    </Stack>
  );
}
