import { ConfigurarVigenciaSchema, type VigenciaEntidad } from '@contrato/vigencias.ts';
import { LIMITES } from '@core/numeros.ts';
import { ESQUEMAS_INSTRUMENTO_POR_DEFECTO } from '@core/periodos.ts';
import { MODOS_PONDERACION, NOMBRE_MODO_PONDERACION } from '@core/ponderacion.ts';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { cantidad, fechaCivil } from '../../ui/formato.ts';
import { aNumero, campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Numero } from '../../ui/numero.tsx';
import { Termino } from '../../ui/termino.tsx';
import { catalogoQuery } from '../catalogo/api.ts';
import { planesPropiosQuery } from '../plan/api.ts';
import { type ConfiguracionVigencia, useGuardarVigencia, vigenciaQuery } from './api.ts';

const VENTANA = { por_abrir: 'Por abrir', abierta: 'Abierta', cerrada: 'Cerrada' } as const;
const ESQUEMAS = [
  { value: 'trimestral', label: 'Trimestral (4 cortes)' },
  { value: 'cuatrimestral', label: 'Cuatrimestral (3 cortes)' },
  { value: 'semestral', label: 'Semestral (2 cortes)' },
  { value: 'mensual', label: 'Mensual (12 cortes)' },
];

/** What is left to report, in words: the API counts business days up to the window's close. */
function plazo(dias: number, ventana: keyof typeof VENTANA, cerrado: boolean) {
  if (cerrado || ventana === 'cerrada') return 'Vencido';
  const habiles = cantidad(dias, 'día hábil', 'días hábiles');
  if (ventana === 'por_abrir') return `Cierra en ${habiles} (aún no abre)`;
  return dias === 0 ? 'Cierra hoy' : `${habiles} para cerrar`;
}

export function VigenciasPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const consulta = useQuery(vigenciaQuery(entidad?.id, vigencia));
  const guardar = useGuardarVigencia(entidad?.id ?? '', vigencia);
  const catalogo = useQuery(catalogoQuery(vigencia));
  const propios = useQuery(planesPropiosQuery(entidad?.id));
  // The instruments that may follow their own scheme: the Decreto 612 plans and the entity's own plans.
  const instrumentos = [
    ...(catalogo.data?.planesDecreto612 ?? []).map((p) => ({
      value: p.clave,
      label: p.sigla ? `${p.sigla} · ${p.nombre}` : p.nombre,
    })),
    ...(propios.data ?? []).map((p) => ({ value: p.codigo, label: `${p.codigo} · ${p.nombre}` })),
  ];
  if (!entidad) return <Pagina titulo="Vigencias y periodos">Elija una entidad.</Pagina>;
  const editable = puede('vigencia.configurar');
  const v = consulta.data;
  return (
    <Pagina
      titulo={`Vigencia ${vigencia}: periodos y semáforo`}
      descripcion={
        <>
          Los cortes de seguimiento de cada <Termino t="periodo">periodo</Termino>, el plazo para reportar (en{' '}
          <Termino t="dia-habil">días hábiles</Termino>, con los festivos de Colombia) y los rangos del{' '}
          <Termino t="semaforo">semáforo</Termino> de la entidad.
        </>
      }
    >
      {consulta.isPending && <Cargando que="la vigencia" />}
      <MensajeError error={consulta.error} />
      {v && !v.configurada && (
        <Text>
          La vigencia aún no está configurada: abajo se muestra la propuesta trimestral.{' '}
          {editable ? 'Revísela y guárdela.' : ''}
        </Text>
      )}
      {v && (
        <TablaDesplazable etiqueta="Periodos de la vigencia">
          <Table striped withTableBorder>
            <Table.Caption>Periodos de seguimiento de {vigencia}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Periodo</Table.Th>
                <Table.Th scope="col">Desde</Table.Th>
                <Table.Th scope="col">Fecha de corte</Table.Th>
                <Table.Th scope="col">Reporte: abre</Table.Th>
                <Table.Th scope="col">Reporte: cierra</Table.Th>
                <Table.Th scope="col">Ventana</Table.Th>
                <Table.Th scope="col">Plazo restante</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.periodos.map((p) => (
                <Table.Tr key={p.numero}>
                  <Table.Td>{p.nombre}</Table.Td>
                  <Table.Td>{fechaCivil(p.inicio)}</Table.Td>
                  <Table.Td>{fechaCivil(p.corte)}</Table.Td>
                  <Table.Td>{fechaCivil(p.abre)}</Table.Td>
                  <Table.Td>{fechaCivil(p.cierra)}</Table.Td>
                  <Table.Td>{p.cerrado ? 'Periodo cerrado' : VENTANA[p.ventana]}</Table.Td>
                  <Table.Td>{plazo(p.diasHabilesParaCerrar, p.ventana, p.cerrado)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {v && editable && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="md">
            Configurar la vigencia
          </Title>
          {guardar.isSuccess && <Exito>La vigencia quedó configurada y el cambio, en la auditoría.</Exito>}
          <FormularioVigencia
            key={`${entidad.id}-${vigencia}`}
            inicial={v}
            instrumentos={instrumentos}
            alGuardar={(d) => guardar.mutateAsync(d)}
          />
        </Paper>
      )}
    </Pagina>
  );
}

const NIVELES = ['rojo', 'amarillo', 'verde', 'azul'] as const;

function FormularioVigencia({
  inicial,
  instrumentos,
  alGuardar,
}: {
  inicial: VigenciaEntidad;
  instrumentos: { value: string; label: string }[];
  alGuardar: (d: ConfiguracionVigencia) => Promise<unknown>;
}) {
  // Not configured yet: the proposal the server applies too (the PTEP by cuatrimestres).
  const propios = inicial.configurada ? inicial.esquemasInstrumento : ESQUEMAS_INSTRUMENTO_POR_DEFECTO;
  const form = useFormulario({
    inicial: {
      instrumentos: Object.entries(propios).map(([clave, esquema]) => ({
        clave,
        esquema: esquema as string,
      })),
      esquema: inicial.esquema as string,
      diasHabilesReporte: inicial.diasHabilesReporte as number | string,
      modoPonderacion: inicial.modoPonderacion as string,
      semaforo: {
        amarilloDesde: inicial.semaforo.amarilloDesde as number | string,
        verdeDesde: inicial.semaforo.verdeDesde as number | string,
        azulSobre: inicial.semaforo.azulSobre as number | string,
        etiquetas: inicial.semaforo.etiquetas,
      },
    },
    esquema: ConfigurarVigenciaSchema,
    etiquetas: {
      esquema: 'Esquema de periodos',
      diasHabilesReporte: 'Días hábiles para reportar después del corte',
      modoPonderacion: 'Las ponderaciones suman 100 %',
      esquemasInstrumento: 'Esquemas por instrumento',
      semaforo: 'Semáforo de cumplimiento',
      'semaforo.amarilloDesde': 'Amarillo desde',
      'semaforo.verdeDesde': 'Verde desde',
      'semaforo.azulSobre': 'Azul por encima de',
      ...Object.fromEntries(NIVELES.map((n) => [`semaforo.etiquetas.${n}`, `Nombre del nivel ${n}`])),
    },
    transformar: (d) =>
      ({
        esquema: d.esquema,
        diasHabilesReporte: aNumero(d.diasHabilesReporte),
        modoPonderacion: d.modoPonderacion,
        esquemasInstrumento: Object.fromEntries(
          d.instrumentos.filter((x) => x.clave).map((x) => [x.clave, x.esquema]),
        ),
        semaforo: {
          ...d.semaforo,
          amarilloDesde: aNumero(d.semaforo.amarilloDesde),
          verdeDesde: aNumero(d.semaforo.verdeDesde),
          azulSobre: aNumero(d.semaforo.azulSobre),
        },
      }) as ConfiguracionVigencia,
  });
  const rango = (k: 'amarilloDesde' | 'verdeDesde' | 'azulSobre') => (
    <Numero
      {...campo(form, `semaforo.${k}`)}
      suffix=" %"
      min={0}
      max={(k === 'azulSobre' ? LIMITES.umbralAzul : LIMITES.umbral).max}
    />
  );
  // With a period closed its figures are frozen: the scheme and the deadlines stay (the server refuses too).
  const congelados = inicial.periodos.some((p) => p.cerrado);
  const porQue = congelados
    ? 'Hay periodos cerrados en esta vigencia: el esquema y los plazos ya no cambian.'
    : undefined;
  return (
    <Formulario form={form} alEnviar={alGuardar} etiquetaEnviar="Guardar vigencia">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            {...campo(form, 'esquema')}
            data={ESQUEMAS}
            disabled={congelados}
            description={porQue}
          />
          <Numero
            {...campo(form, 'diasHabilesReporte')}
            min={1}
            max={60}
            disabled={congelados}
            description={porQue}
          />
        </SimpleGrid>
        <NativeSelect
          {...campo(form, 'modoPonderacion')}
          description="Decide cómo se calcula el avance del plan: por políticas y dimensiones, por dependencias o con todas las actividades juntas."
          data={MODOS_PONDERACION.map((m) => ({ value: m, label: NOMBRE_MODO_PONDERACION[m] }))}
        />
        <Title order={3} size="h4">
          Esquemas por instrumento
        </Title>
        <Text size="sm">
          El plan sigue el esquema de la vigencia. Un instrumento puede seguir el suyo: por ejemplo, el
          Programa de Transparencia y Ética Pública (PTEP) se reporta por cuatrimestres (cortes 30/04, 31/08 y
          31/12). Sus actividades llevan una meta por cada uno de esos periodos y se reportan en el periodo
          del plan que contiene su corte; el tablero de cada corte del plan cuenta los periodos del
          instrumento ya cortados. El periodo de un instrumento debe durar lo mismo o más que el del plan, y
          no se cambia el de un instrumento que ya tiene actividades.
        </Text>
        {form.values.instrumentos.map((x, i) => {
          const nombre = instrumentos.find((o) => o.value === x.clave)?.label ?? x.clave;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until an instrument is chosen.
            <Group key={i} align="end" wrap="wrap">
              <NativeSelect
                label={`Instrumento ${i + 1}`}
                {...form.getInputProps(`instrumentos.${i}.clave`)}
                data={[{ value: '', label: 'Elija un instrumento' }, ...instrumentos]}
                style={{ flex: 2, minWidth: 220 }}
              />
              <NativeSelect
                label={`Esquema de ${nombre || `instrumento ${i + 1}`}`}
                {...form.getInputProps(`instrumentos.${i}.esquema`)}
                data={ESQUEMAS}
                style={{ flex: 1, minWidth: 180 }}
              />
              <Button
                variant="light"
                color="red"
                onClick={() => form.removeListItem('instrumentos', i)}
                aria-label={`Quitar el esquema propio de ${nombre || `instrumento ${i + 1}`}`}
              >
                Quitar
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            onClick={() => form.insertListItem('instrumentos', { clave: '', esquema: 'cuatrimestral' })}
          >
            Agregar un instrumento con esquema propio
          </Button>
        </Group>
        <Title order={3} size="h4">
          Semáforo de cumplimiento
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {rango('amarilloDesde')}
          {rango('verdeDesde')}
          {rango('azulSobre')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {NIVELES.map((n) => (
            <TextInput key={n} {...campo(form, `semaforo.etiquetas.${n}`)} />
          ))}
        </SimpleGrid>
      </Stack>
    </Formulario>
  );
}
