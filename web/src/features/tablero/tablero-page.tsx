import { Badge, Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect } from 'react';
import { Cargando, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { ENCABEZADOS } from '../../ui/esqueleto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { periodoVigente, vigenciaQuery } from '../vigencias/api.ts';
import { resumenTablero } from './api.ts';
import { AvisosEntidad } from './avisos-entidad.tsx';
import { VistaTablero } from './vista-tablero.tsx';

// The reports' downloads and forms (dialogs, selects) load after the figures: on a slow phone their code made
// the page's first drawing one long task.
const InformesDescarga = lazy(() =>
  import('./informes-descarga.tsx').then((m) => ({ default: m.InformesDescarga })),
);

export { Semaforo } from './vista-tablero.tsx';

export function TableroPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const busqueda = useSearch({ from: '/tablero' });
  const navegar = useNavigate({ from: '/tablero' });
  const config = useQuery(vigenciaQuery(entidad?.id, vigencia));
  const periodo = config.data ? periodoVigente(config.data, busqueda.periodo) : null;
  // The cut-off shown is always in the address, so the link shared is the dashboard seen.
  useEffect(() => {
    if (periodo !== null && periodo !== busqueda.periodo)
      navegar({ search: (prev) => ({ ...prev, periodo }), replace: true, resetScroll: false });
  }, [periodo, busqueda.periodo, navegar]);
  const tablero = useQuery({
    ...resumenTablero(entidad?.id ?? '', vigencia, periodo),
    enabled: !!entidad && periodo !== null,
  });
  // The figures arrive through the query's store, which React renders in one go; deferred, the page of figures
  // renders in slices that yield to the browser (one 250 ms task on a slow phone, otherwise).
  // Also on the first drawing (null as initial value): with the data already prefetched by the route, the
  // page would otherwise draw every figure in the same task as its frame.
  const t = useDeferredValue(tablero.data ?? null, null);
  const numeroPeriodo = t?.periodo.numero;
  const enlaceReporte = useCallback(
    (a: { id: string }) => `/seguimiento?vigencia=${vigencia}&periodo=${numeroPeriodo}&actividad=${a.id}`,
    [vigencia, numeroPeriodo],
  );
  if (!entidad) return <Pagina titulo="Tablero">Elija una entidad.</Pagina>;
  return (
    <Pagina titulo={ENCABEZADOS.tablero.titulo(vigencia)} descripcion={ENCABEZADOS.tablero.descripcion}>
      <AvisosEntidad />
      <Group align="end">
        <NativeSelect
          label="Corte"
          value={String(periodo ?? '')}
          onChange={(e) => {
            const elegido = Number(e.currentTarget.value);
            navegar({ search: (prev) => ({ ...prev, periodo: elegido }), resetScroll: false });
          }}
          data={(config.data?.periodos ?? []).map((x) => ({
            value: String(x.numero),
            label: `${x.nombre} (corte ${fechaCivil(x.corte)})`,
          }))}
        />
        {t?.congelado && (
          <Badge color="dark" style={{ textTransform: 'none' }} size="lg">
            Cifras congeladas al cierre del periodo
          </Badge>
        )}
      </Group>
      {(config.isPending || tablero.isPending || (tablero.data && !t)) && <Cargando que="el tablero" />}
      <MensajeError error={tablero.error ?? config.error} />
      {t && <VistaTablero t={t} etiquetas={config.data?.semaforo.etiquetas} enlaceReporte={enlaceReporte} />}
      {t && puede('informe.descargar') && (
        <Suspense fallback={null}>
          <InformesDescarga
            entidadId={entidad.id}
            vigencia={vigencia}
            periodo={t.periodo}
            hayCerrados={(config.data?.periodos ?? []).some((x) => x.cerrado)}
            escribePtep={puede('seguimiento.verificar')}
          />
        </Suspense>
      )}
    </Pagina>
  );
}
