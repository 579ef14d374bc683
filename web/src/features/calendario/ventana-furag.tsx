// The FURAG window of a vigencia: its dates, whether it is open, and where the dates come from (an estimate is
// always said to be one). The calendar page records the dates; the rehearsal shows them.
import {
  type VentanaFuragEntrada,
  VentanaFuragEntradaSchema,
  type VentanaFuragRespuesta,
} from '@contrato/calendario.ts';
import { hoyEnColombia } from '@core/calendario.ts';
import {
  EXPLICACION_VENTANA_ESTIMADA,
  NOMBRE_ORIGEN_VENTANA,
  textoEstadoVentana,
} from '@core/ventana-furag.ts';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Cargando, Exito, MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { type Alcance, useCambiarVentanaFurag, ventanaFuragQuery } from './api.ts';

/** The window's dates, state and origin; the estimate's explanation when nobody recorded the dates. */
export function DatosVentana({ v, hoy = hoyEnColombia() }: { v: VentanaFuragRespuesta; hoy?: string }) {
  return (
    <Stack gap={4}>
      <Text>
        <strong>
          Del {fechaCivil(v.inicio)} al {fechaCivil(v.fin)}
        </strong>{' '}
        · {textoEstadoVentana(v, hoy)}
      </Text>
      <Text size="sm">
        <strong>Origen:</strong> {NOMBRE_ORIGEN_VENTANA[v.origen]}
        {v.fuente ? ` — ${v.fuente}` : ''}
      </Text>
      {v.origen === 'estimada' && <Text size="sm">{EXPLICACION_VENTANA_ESTIMADA}</Text>}
      {v.origen === 'entidad' && v.plataforma && (
        <Text size="sm">
          La plataforma registró del {fechaCivil(v.plataforma.inicio)} al {fechaCivil(v.plataforma.fin)} (
          {v.plataforma.fuente}); rigen las fechas de la entidad.
        </Text>
      )}
    </Stack>
  );
}

/** The window of the FURAG that reports `vigencia`, read only (the rehearsal's page). */
export function VentanaFurag({
  entidadId,
  vigencia,
  pie,
}: {
  entidadId: string;
  vigencia: number;
  pie?: ReactNode;
}) {
  const q = useQuery(ventanaFuragQuery(entidadId, vigencia));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`ventana-furag-${vigencia}`}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={`ventana-furag-${vigencia}`}>
          Ventana del FURAG de la vigencia {vigencia}
        </Title>
        {q.isPending ? (
          <Cargando que="la ventana del FURAG" bloques={[48]} />
        ) : q.data ? (
          <DatosVentana v={q.data} />
        ) : (
          <MensajeError error={q.error} />
        )}
        {pie}
      </Stack>
    </Paper>
  );
}

/**
 * The calendar's FURAG window: the one reported in `anio` (vigencia anio − 1), and for who may, its dates
 * recorded for the entity or (platform admin) for every entity, prefilled with the ones in force.
 */
export function EditorVentanaFurag({ entidadId, anio }: { entidadId: string; anio: number }) {
  const { puede, sesion } = useTrabajo();
  const vigencia = anio - 1;
  const q = useQuery(ventanaFuragQuery(entidadId, vigencia));
  const esAdmin = sesion.usuario.adminPlataforma;
  const editable = puede('vigencia.configurar') || esAdmin;
  // Here, not in the form: the form is rebuilt with the new dates once they are saved.
  const [hecho, setHecho] = useState<string | null>(null);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="ventana-furag-calendario">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ventana-furag-calendario">
          Ventana del FURAG en {anio} (reporta la vigencia {vigencia})
        </Title>
        {hecho && <Exito>{hecho}</Exito>}
        {q.isPending ? (
          <Cargando que="la ventana del FURAG" bloques={[48]} />
        ) : q.data ? (
          <>
            <DatosVentana v={q.data} />
            {editable && (
              // Keyed by what is in force, so a change elsewhere refills the form.
              <FormularioVentana
                key={`${q.data.origen}-${q.data.inicio}-${q.data.fin}`}
                entidadId={entidadId}
                v={q.data}
                esAdmin={esAdmin}
                alCambiar={setHecho}
              />
            )}
          </>
        ) : (
          <MensajeError error={q.error} />
        )}
      </Stack>
    </Paper>
  );
}

function FormularioVentana({
  entidadId,
  v,
  esAdmin,
  alCambiar: setHecho,
}: {
  entidadId: string;
  v: VentanaFuragRespuesta;
  esAdmin: boolean;
  alCambiar: (mensaje: string) => void;
}) {
  const cambiar = useCambiarVentanaFurag(entidadId, v.vigencia);
  const [paraTodas, setParaTodas] = useState(false);
  const alcance: Alcance = paraTodas ? 'plataforma' : 'entidad';
  const form = useFormulario({
    inicial: { inicio: fechaCivil(v.inicio), fin: fechaCivil(v.fin), fuente: v.fuente ?? '' },
    esquema: VentanaFuragEntradaSchema,
    etiquetas: { inicio: 'Apertura', fin: 'Cierre', fuente: 'Fuente de las fechas' },
    // People type dd/mm/aaaa; the contract checks (and the API receives) aaaa-mm-dd.
    transformar: (x): VentanaFuragEntrada => ({ ...x, inicio: fechaIso(x.inicio), fin: fechaIso(x.fin) }),
  });
  const quitar = (a: Alcance, mensaje: string) =>
    cambiar.mutate({ alcance: a, datos: null }, { onSuccess: () => setHecho(mensaje) });
  return (
    <Stack gap="sm">
      <Text size="sm">
        Cuando Función Pública publique la circular del FURAG {v.vigencia}, registre aquí sus fechas. Las de
        la entidad (por ejemplo, una prórroga que le concedieron) ganan a las de la plataforma.
      </Text>
      <Formulario
        form={form}
        etiquetaEnviar="Registrar las fechas"
        alEnviar={async (datos) => {
          await cambiar.mutateAsync({ alcance, datos });
          setHecho(
            alcance === 'plataforma'
              ? 'Las fechas quedaron registradas para todas las entidades.'
              : 'Las fechas quedaron registradas para esta entidad.',
          );
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...campo(form, 'inicio')} description="dd/mm/aaaa" />
          <TextInput {...campo(form, 'fin')} description="dd/mm/aaaa, el último día incluido" />
        </SimpleGrid>
        <TextInput
          {...campo(form, 'fuente')}
          description="Por ejemplo «Circular 100-011-2025 de Función Pública»"
        />
        {esAdmin && (
          <Checkbox
            checked={paraTodas}
            onChange={(e) => setParaTodas(e.currentTarget.checked)}
            label="Para todas las entidades de la plataforma (las fechas oficiales de la circular)"
          />
        )}
      </Formulario>
      <Group gap="sm">
        {v.origen === 'entidad' && (
          <Button
            variant="outline"
            loading={
              cambiar.isPending && cambiar.variables?.alcance === 'entidad' && !cambiar.variables.datos
            }
            onClick={() => quitar('entidad', 'Se quitaron las fechas propias de la entidad.')}
          >
            Quitar las fechas propias de la entidad
          </Button>
        )}
        {esAdmin && v.plataforma && (
          <Button
            variant="outline"
            loading={
              cambiar.isPending && cambiar.variables?.alcance === 'plataforma' && !cambiar.variables.datos
            }
            onClick={() => quitar('plataforma', 'Se quitaron las fechas de la plataforma.')}
          >
            Quitar las fechas de la plataforma
          </Button>
        )}
      </Group>
      {cambiar.variables?.datos === null && <MensajeError error={cambiar.error} />}
    </Stack>
  );
}
