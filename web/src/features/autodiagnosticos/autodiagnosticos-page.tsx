// The autodiagnósticos of the year at work, one per policy, with state, score, level and completeness side by
// side. Planeación assigns a new one from the questionnaires available and imports the entity's own.
import { NOMBRE_ESTADO_AUTODIAGNOSTICO } from '@core/autodiagnostico.ts';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { porcentaje } from '../../ui/formato.ts';
import { Enlace } from '../../ui/router.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { catalogoQuery } from '../catalogo/api.ts';
import {
  type AutodiagnosticoResumen,
  autodiagnosticosQuery,
  cuestionariosQuery,
  useAsignarAutodiagnostico,
} from './api.ts';
import { ImportarCuestionario } from './importar-cuestionario.tsx';
import { puntos } from './puntaje.tsx';

/** Planeación picks a questionnaire of an autodiagnóstico of the year not yet assigned. */
function Asignar({
  entidadId,
  vigencia,
  asignados,
}: {
  entidadId: string;
  vigencia: number;
  asignados: ReadonlySet<string>;
}) {
  const cuestionarios = useQuery(cuestionariosQuery(entidadId));
  const asignar = useAsignarAutodiagnostico(entidadId);
  const [elegido, setElegido] = useState('');
  const disponibles = (cuestionarios.data?.cuestionarios ?? []).filter(
    (c) =>
      c.instrumento === 'autodiagnostico' && c.vigencia === vigencia && c.politica && !asignados.has(c.id),
  );
  const valor = disponibles.some((c) => c.id === elegido) ? elegido : (disponibles[0]?.id ?? '');
  const c = disponibles.find((x) => x.id === valor);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="asignar-autodiagnostico">
      <Stack gap="sm">
        <Title order={2} size="h4" id="asignar-autodiagnostico">
          Asignar un autodiagnóstico
        </Title>
        {cuestionarios.isPending ? (
          <Cargando que="los cuestionarios" bloques={[36]} />
        ) : disponibles.length === 0 ? (
          <Text size="sm">
            No hay cuestionarios de autodiagnóstico de {vigencia} sin asignar. Importe el instrumento que
            descargó de Función Pública más abajo.
          </Text>
        ) : (
          <Group align="end" wrap="wrap">
            <NativeSelect
              label="Cuestionario"
              value={valor}
              onChange={(e) => setElegido(e.currentTarget.value)}
              data={disponibles.map((x) => ({
                value: x.id,
                label: `${x.nombre} (${x.items} ítems${x.fuente ? `, ${x.fuente}` : ''})`,
              }))}
              style={{ flex: '1 1 18rem' }}
            />
            <Button
              loading={asignar.isPending}
              onClick={() => asignar.mutate(valor, { onSuccess: () => setElegido('') })}
            >
              Asignar
            </Button>
            {c && (
              <Anchor href={`/api/cuestionarios/${c.id}/export`} target="_blank" underline="always">
                Ver el cuestionario (JSON)
              </Anchor>
            )}
          </Group>
        )}
        {asignar.data && (
          <Exito>
            Quedó asignado «{asignar.data.nombre}»
            {asignar.data.responsable ? ` a ${asignar.data.responsable.nombre}` : ''}.
          </Exito>
        )}
        <MensajeError error={asignar.error ?? cuestionarios.error} />
      </Stack>
    </Paper>
  );
}

export function AutodiagnosticosPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const lista = useQuery(autodiagnosticosQuery(entidad?.id, vigencia));
  const catalogo = useQuery(catalogoQuery(vigencia));
  const nombres = new Map(
    (catalogo.data?.dimensiones ?? []).flatMap((d) => d.politicas.map((p) => [p.clave, p.nombre] as const)),
  );
  const columnas: Columna<AutodiagnosticoResumen>[] = [
    {
      id: 'politica',
      titulo: 'Política',
      valor: (a) => nombres.get(a.politica) ?? a.politica,
      filtro: true,
    },
    {
      id: 'nombre',
      titulo: 'Autodiagnóstico',
      valor: (a) => a.nombre,
      principal: true,
      celda: (a) => <Enlace a={`/autodiagnosticos/${a.id}`}>{a.nombre}</Enlace>,
    },
    { id: 'responsable', titulo: 'Responsable', valor: (a) => a.responsable?.nombre ?? 'Sin responsable' },
    {
      id: 'estado',
      titulo: 'Estado',
      valor: (a) => NOMBRE_ESTADO_AUTODIAGNOSTICO[a.estado],
      filtro: true,
    },
    {
      id: 'puntaje',
      titulo: 'Puntaje',
      valor: (a) => a.resultado.puntaje,
      numerica: true,
      celda: (a) => puntos(a.resultado.puntaje),
    },
    { id: 'nivel', titulo: 'Nivel', valor: (a) => a.resultado.nivel ?? '—' },
    {
      id: 'completitud',
      titulo: 'Completitud',
      valor: (a) => a.resultado.completitud,
      numerica: true,
      celda: (a) =>
        `${porcentaje(a.resultado.completitud)} (${a.resultado.respondidos} de ${a.resultado.aplicables})`,
    },
  ];
  const asignados = new Set((lista.data?.autodiagnosticos ?? []).map((a) => a.cuestionarioId));
  return (
    <Pagina
      titulo="Autodiagnósticos"
      descripcion={`Autodiagnósticos de ${vigencia} por política: el puntaje siempre con su completitud al lado.`}
    >
      {!entidad ? (
        <Text>Elija una entidad arriba para ver sus autodiagnósticos.</Text>
      ) : lista.isPending ? (
        <Cargando que="los autodiagnósticos" bloques={[28, 200]} />
      ) : lista.data ? (
        <Stack gap="lg">
          <TablaDatos
            titulo={`Autodiagnósticos de ${vigencia}`}
            sustantivo={['autodiagnóstico', 'autodiagnósticos']}
            filas={lista.data.autodiagnosticos}
            columnas={columnas}
            idFila={(a) => a.id}
            vacio={
              puede('autodiagnostico.asignar')
                ? `Aún no hay autodiagnósticos en ${vigencia}. Asigne el primero abajo o importe el cuestionario de una política.`
                : `Aún no hay autodiagnósticos en ${vigencia}. Planeación los asigna a cada política.`
            }
          />
          {puede('autodiagnostico.asignar') && (
            <Asignar entidadId={entidad.id} vigencia={vigencia} asignados={asignados} />
          )}
          {puede('cuestionario.importar') && <ImportarCuestionario entidadId={entidad.id} />}
        </Stack>
      ) : (
        <MensajeError error={lista.error} />
      )}
    </Pagina>
  );
}
