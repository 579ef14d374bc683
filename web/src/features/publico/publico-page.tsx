import type { Tablero } from '@contrato/tablero.ts';
import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ErrorApi } from '../../api.ts';
import { Cargando, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { fechaCivil } from '../../ui/formato.ts';
import { VistaTablero } from '../tablero/vista-tablero.tsx';

/**
 * What a citizen sees of an entity's year, without an account: the published plan's progress by dimension,
 * policy and activity, with the same figures the entity's committee sees.
 */
export function PublicoPage({ entidadId, vigenciaInicial }: { entidadId: string; vigenciaInicial: number }) {
  const [vigencia, setVigencia] = useState(vigenciaInicial);
  const [logoVisible, setLogoVisible] = useState(true);
  const vigencias = useQuery({
    queryKey: ['vigencias'],
    queryFn: () => api<{ vigencia: number }[]>('GET', '/api/catalogo/vigencias'),
    staleTime: Infinity,
  });
  const tablero = useQuery({
    queryKey: ['publico', entidadId, vigencia],
    queryFn: () => api<Tablero>('GET', `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}`),
    retry: false,
  });
  const t = tablero.data;
  const noPublicado = tablero.error instanceof ErrorApi && tablero.error.status === 404;
  return (
    <Pagina
      titulo={
        t
          ? `Avance del plan de acción ${vigencia} — ${t.entidad.nombre}`
          : `Avance del plan de acción ${vigencia}`
      }
      descripcion="Modelo Integrado de Planeación y Gestión (MIPG): lo que la entidad planeó para el año y cuánto ha avanzado, con las cifras revisadas por su oficina de planeación."
    >
      <Group align="end" justify="space-between">
        <NativeSelect
          label="Vigencia"
          value={String(vigencia)}
          onChange={(e) => setVigencia(Number(e.currentTarget.value))}
          data={(vigencias.data ?? [{ vigencia }]).map((v) => String(v.vigencia))}
        />
        {logoVisible && (
          <img
            src={`/api/entidades/${entidadId}/logo`}
            alt={t ? `Logo de ${t.entidad.nombre}` : 'Logo de la entidad'}
            className="logo-entidad"
            onError={() => setLogoVisible(false)}
          />
        )}
      </Group>
      {tablero.isPending && <Cargando que="el avance" />}
      {noPublicado ? (
        <Text>La entidad aún no ha publicado su plan de acción de {vigencia}.</Text>
      ) : (
        <MensajeError error={tablero.error} />
      )}
      {t && (
        <Stack>
          <Text>
            Corte: {t.periodo.nombre.toLowerCase()} ({fechaCivil(t.periodo.corte)})
            {t.congelado ? ' · cifras del cierre del periodo' : ' · cifras en curso'}.
          </Text>
          <VistaTablero t={t} />
        </Stack>
      )}
    </Pagina>
  );
}
