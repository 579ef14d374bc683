// The entity's FURAG rehearsals with their progress (completeness and evidence coverage, never a score), the
// window in which the year is reported, and for planeación: open the rehearsal of a bank and import banks.
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { Enlace } from '../../ui/router.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { cuestionariosQuery } from '../autodiagnosticos/api.ts';
import { ImportarCuestionario } from '../autodiagnosticos/importar-cuestionario.tsx';
import { VentanaFurag } from '../calendario/ventana-furag.tsx';
import { type SimulacroResumen, simulacrosQuery, useCrearSimulacro } from './api.ts';
import { textoCobertura, textoCompletitud } from './avance-simulacro.tsx';

/** A top section named like the control-interno form is offered first; planeación confirms it. */
const pareceControlInterno = (m: { codigo: string; nombre: string }) =>
  /control\s+interno|\bmeci\b/i.test(m.nombre) || /^ci$/i.test(m.codigo);

/** Planeación opens the rehearsal of a FURAG bank not yet used, naming its control-interno form. */
function Abrir({ entidadId, usados }: { entidadId: string; usados: ReadonlySet<string> }) {
  const bancos = useQuery(cuestionariosQuery(entidadId, 'furag'));
  const crear = useCrearSimulacro(entidadId);
  const [elegido, setElegido] = useState('');
  const [ci, setCi] = useState<string | null>(null);
  const disponibles = (bancos.data?.cuestionarios ?? []).filter(
    (c) => c.instrumento === 'furag' && !usados.has(c.id),
  );
  const banco = disponibles.find((c) => c.id === elegido) ?? disponibles[0];
  const modulos = banco?.modulos ?? [];
  const sugerido = modulos.find(pareceControlInterno)?.codigo ?? '';
  const seccionCi = ci !== null && (ci === '' || modulos.some((m) => m.codigo === ci)) ? ci : sugerido;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="abrir-simulacro">
      <Stack gap="sm">
        <Title order={2} size="h4" id="abrir-simulacro">
          Abrir un simulacro
        </Title>
        {bancos.isPending ? (
          <Cargando que="los bancos de preguntas" bloques={[36]} />
        ) : !banco ? (
          <Text size="sm">
            No hay bancos de preguntas del FURAG sin simulacro. Importe el banco de la vigencia que descargó
            de Función Pública más abajo.
          </Text>
        ) : (
          <>
            <Group align="end" wrap="wrap">
              <NativeSelect
                label="Banco de preguntas"
                value={banco.id}
                onChange={(e) => {
                  setElegido(e.currentTarget.value);
                  setCi(null);
                }}
                data={disponibles.map((x) => ({
                  value: x.id,
                  label: `${x.nombre} — vigencia ${x.vigencia} (${x.items} preguntas${x.fuente ? `, ${x.fuente}` : ''})`,
                }))}
                style={{ flex: '1 1 18rem', minWidth: 0 }}
              />
              <NativeSelect
                label="Formulario de control interno"
                description="Lo responde solo el jefe de control interno."
                value={seccionCi}
                onChange={(e) => setCi(e.currentTarget.value)}
                data={[
                  ...modulos.map((m) => ({ value: m.codigo, label: `${m.codigo} ${m.nombre}` })),
                  { value: '', label: 'El banco no tiene formulario de control interno' },
                ]}
                style={{ flex: '1 1 14rem', minWidth: 0 }}
              />
            </Group>
            <Group>
              <Button
                loading={crear.isPending}
                onClick={() =>
                  crear.mutate(
                    { cuestionarioId: banco.id, seccionControlInterno: seccionCi || null },
                    { onSuccess: () => setElegido('') },
                  )
                }
              >
                Abrir el simulacro
              </Button>
              <Anchor href={`/api/cuestionarios/${banco.id}/export`} target="_blank" underline="always">
                Ver el banco (JSON)
              </Anchor>
            </Group>
          </>
        )}
        {crear.data && (
          <Exito>
            Quedó abierto el simulacro «{crear.data.nombre}».{' '}
            <Enlace a={`/simulacros/${crear.data.id}`}>Asigne sus módulos a las personas</Enlace>.
          </Exito>
        )}
        <MensajeError error={crear.error ?? bancos.error} />
      </Stack>
    </Paper>
  );
}

const columnas: Columna<SimulacroResumen>[] = [
  {
    id: 'nombre',
    titulo: 'Simulacro',
    valor: (s) => s.nombre,
    principal: true,
    celda: (s) => <Enlace a={`/simulacros/${s.id}`}>{s.nombre}</Enlace>,
  },
  // A year, not a quantity: «2026», never «2.026».
  { id: 'vigencia', titulo: 'Vigencia', valor: (s) => String(s.vigencia), filtro: true },
  {
    id: 'completitud',
    titulo: 'Completitud',
    valor: (s) => s.avance.completitud,
    numerica: true,
    celda: (s) => textoCompletitud(s.avance),
  },
  {
    id: 'cobertura',
    titulo: 'Cobertura de evidencia',
    valor: (s) => s.avance.coberturaEvidencia,
    numerica: true,
    celda: (s) => textoCobertura(s.avance),
  },
];

export function ListaSimulacros() {
  const { entidad, vigencia, puede } = useTrabajo();
  const lista = useQuery(simulacrosQuery(entidad?.id));
  const usados = new Set((lista.data?.simulacros ?? []).map((s) => s.cuestionarioId));
  return (
    <Pagina
      titulo="Simulacro FURAG"
      descripcion="Ensaye el FURAG antes de que abra la ventana oficial: cada persona responde las preguntas que le asignaron, con su evidencia. El avance se mide como completitud y cobertura de evidencia, nunca como un puntaje."
    >
      {!entidad ? (
        <Text>Elija una entidad arriba para ver sus simulacros.</Text>
      ) : (
        <Stack gap="lg">
          <VentanaFurag
            entidadId={entidad.id}
            vigencia={vigencia}
            pie={
              <Text size="sm">
                Las fechas se registran en el <Enlace a="/calendario">Calendario</Enlace>.
              </Text>
            }
          />
          {lista.isPending ? (
            <Cargando que="los simulacros" bloques={[28, 160]} />
          ) : lista.data ? (
            <TablaDatos
              titulo="Simulacros de la entidad"
              sustantivo={['simulacro', 'simulacros']}
              filas={lista.data.simulacros}
              columnas={columnas}
              idFila={(s) => s.id}
              vacio={
                puede('simulacro.gestionar')
                  ? 'Aún no hay simulacros. Importe el banco de preguntas de la vigencia y abra el simulacro abajo.'
                  : 'Aún no hay simulacros. Planeación los abre con el banco de preguntas de la vigencia.'
              }
            />
          ) : (
            <MensajeError error={lista.error} />
          )}
          {puede('simulacro.gestionar') && <Abrir entidadId={entidad.id} usados={usados} />}
          {puede('cuestionario.importar') && (
            <ImportarCuestionario
              entidadId={entidad.id}
              descripcion="Cargue el banco de preguntas del FURAG de la vigencia (instrumento «furag») en el formato JSON de MIPG Abierto o en la plantilla de Excel."
            />
          )}
        </Stack>
      )}
    </Pagina>
  );
}
