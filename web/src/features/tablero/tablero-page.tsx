import type { Tablero } from '@contrato/tablero.ts';
import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { Badge, Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Cargando, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { periodoSugerido } from '../seguimiento/seguimiento-page.tsx';
import { VistaTablero } from './vista-tablero.tsx';

export { Semaforo } from './vista-tablero.tsx';

export function TableroPage() {
  const { entidad, vigencia } = useTrabajo();
  const [elegido, setElegido] = useState<number | null>(null);
  const config = useQuery({
    queryKey: ['vigencia', entidad?.id, vigencia],
    queryFn: () => api<VigenciaEntidad>('GET', `/api/entidades/${entidad!.id}/vigencias/${vigencia}`),
    enabled: !!entidad,
  });
  const periodo = elegido ?? (config.data ? periodoSugerido(config.data) : null);
  const tablero = useQuery({
    queryKey: ['tablero', entidad?.id, vigencia, periodo],
    queryFn: () =>
      api<Tablero>('GET', `/api/entidades/${entidad!.id}/tablero?vigencia=${vigencia}&periodo=${periodo}`),
    enabled: !!entidad && periodo !== null,
  });
  const t = tablero.data;
  if (!entidad) return <Pagina titulo="Tablero">Elija una entidad.</Pagina>;
  return (
    <Pagina
      titulo={`Tablero de avance ${vigencia}`}
      descripcion="Avance ponderado de actividad a política, dimensión y entidad, con las cifras aceptadas por planeación."
    >
      <Group align="end">
        <NativeSelect
          label="Corte"
          value={String(periodo ?? '')}
          onChange={(e) => setElegido(Number(e.currentTarget.value))}
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
      {(config.isPending || tablero.isPending) && <Cargando que="el tablero" />}
      <MensajeError error={tablero.error ?? config.error} />
      {t && (
        <VistaTablero
          t={t}
          etiquetas={config.data?.semaforo.etiquetas}
          enlaceReporte={(a) =>
            `/seguimiento?vigencia=${vigencia}&periodo=${t.periodo.numero}&actividad=${a.id}`
          }
        />
      )}
    </Pagina>
  );
}
