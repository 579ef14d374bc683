import type { Catalogo } from '@contrato/catalogo.ts';
import type { Indicador } from '@contrato/indicadores.ts';
import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { NOMBRE_POLARIDAD, type Polaridad } from '@core/indicador.ts';
import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { numero, porcentaje } from '../../ui/formato.ts';
import { GraficaTendencia } from '../../ui/grafica-tendencia.tsx';
import { catalogoQuery } from '../catalogo/api.ts';
import { Semaforo } from '../tablero/vista-tablero.tsx';
import { vigenciaQuery } from '../vigencias/api.ts';
import { indicadoresQuery, useCrearIndicador, useMedirIndicador } from './api.ts';

const VACIO = {
  codigo: '',
  nombre: '',
  objetivo: '',
  tipo: 'eficacia',
  politica: '',
  formulaNumerador: '',
  formulaDenominador: '',
  unidad: '%',
  frecuencia: 'trimestral',
  lineaBase: '' as number | string,
  meta: '' as number | string,
  polaridad: 'creciente',
  fuente: '',
};

function FormularioIndicador({ catalogo, alCrear }: { catalogo: Catalogo; alCrear: (id: string) => void }) {
  const { entidad, vigencia } = useTrabajo();
  const [d, setD] = useState(VACIO);
  const crear = useCrearIndicador(entidad!.id);
  const crearIndicador = () =>
    crear.mutate(
      {
        ...d,
        vigencia,
        politica: d.politica || null,
        formulaDenominador: d.formulaDenominador || null,
        lineaBase: d.lineaBase === '' ? null : Number(d.lineaBase),
        meta: d.meta === '' ? undefined : Number(d.meta),
      },
      {
        onSuccess: (i) => {
          setD(VACIO);
          alCrear(i.id);
        },
      },
    );
  const e = erroresPorCampo(crear.error);
  const campo = (k: keyof typeof VACIO) => ({
    value: String(d[k]),
    onChange: (x: { currentTarget: { value: string } }) => setD({ ...d, [k]: x.currentTarget.value }),
    error: e[k],
  });
  return (
    <form
      onSubmit={(x) => {
        x.preventDefault();
        crearIndicador();
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Código" required {...campo('codigo')} />
          <NativeSelect
            label="Política (opcional)"
            {...campo('politica')}
            data={[
              { value: '', label: 'Sin política' },
              ...catalogo.dimensiones
                .flatMap((x) => x.politicas)
                .map((p) => ({ value: p.clave, label: p.nombre })),
            ]}
          />
        </SimpleGrid>
        <TextInput label="Nombre del indicador" required {...campo('nombre')} />
        <Textarea
          label="Objetivo: qué mide y para qué"
          required
          autosize
          minRows={2}
          {...campo('objetivo')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Tipo"
            {...campo('tipo')}
            data={[
              { value: 'eficacia', label: 'Eficacia' },
              { value: 'eficiencia', label: 'Eficiencia' },
              { value: 'efectividad', label: 'Efectividad' },
            ]}
          />
          <NativeSelect
            label="Frecuencia de medición"
            {...campo('frecuencia')}
            data={['mensual', 'trimestral', 'cuatrimestral', 'semestral', 'anual'].map((v) => ({
              value: v,
              label: v[0]!.toUpperCase() + v.slice(1),
            }))}
          />
          <NativeSelect
            label="Polaridad"
            {...campo('polaridad')}
            data={Object.entries(NOMBRE_POLARIDAD).map(([value, label]) => ({ value, label }))}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Fórmula: numerador" required {...campo('formulaNumerador')} />
          <TextInput label="Fórmula: denominador (opcional)" {...campo('formulaDenominador')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Unidad de medida"
            description="«%» multiplica la razón por 100"
            required
            {...campo('unidad')}
          />
          <NumberInput
            label="Línea base (opcional)"
            decimalSeparator=","
            thousandSeparator="."
            value={d.lineaBase}
            onChange={(v) => setD({ ...d, lineaBase: v })}
            error={e.lineaBase}
          />
          <NumberInput
            label="Meta"
            required
            decimalSeparator=","
            thousandSeparator="."
            value={d.meta}
            onChange={(v) => setD({ ...d, meta: v })}
            error={e.meta}
          />
        </SimpleGrid>
        <TextInput label="Fuente de los datos" required {...campo('fuente')} />
        <MensajeError error={crear.error} />
        <Group>
          <Button type="submit" loading={crear.isPending}>
            Crear indicador
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Medir({ indicador, periodos }: { indicador: Indicador; periodos: VigenciaEntidad['periodos'] }) {
  const { entidad } = useTrabajo();
  const abiertos = periodos.filter((p) => !p.cerrado);
  const [periodo, setPeriodo] = useState(String(abiertos[0]?.numero ?? ''));
  const [numerador, setNumerador] = useState<string | number>('');
  const [denominador, setDenominador] = useState<string | number>('');
  const [observacion, setObservacion] = useState('');
  const medir = useMedirIndicador(entidad!.id, indicador.id);
  const medirIndicador = () =>
    medir.mutate({
      periodo,
      numerador: numerador === '' ? undefined : Number(numerador),
      denominador: denominador === '' ? null : Number(denominador),
      observacion: observacion || null,
    });
  const e = erroresPorCampo(medir.error);
  if (!abiertos.length) return <Text>Todos los periodos de la vigencia están cerrados.</Text>;
  return (
    <form
      onSubmit={(x) => {
        x.preventDefault();
        medirIndicador();
      }}
      noValidate
    >
      <Stack>
        <Title order={3} size="h5">
          Registrar una medición
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Periodo"
            value={periodo}
            onChange={(x) => setPeriodo(x.currentTarget.value)}
            data={abiertos.map((p) => ({ value: String(p.numero), label: p.nombre }))}
          />
          <NumberInput
            label={`Numerador: ${indicador.formulaNumerador}`}
            decimalSeparator=","
            thousandSeparator="."
            value={numerador}
            onChange={setNumerador}
            error={e.numerador}
          />
          {indicador.formulaDenominador && (
            <NumberInput
              label={`Denominador: ${indicador.formulaDenominador}`}
              decimalSeparator=","
              thousandSeparator="."
              value={denominador}
              onChange={setDenominador}
              error={e.denominador}
            />
          )}
        </SimpleGrid>
        <Textarea
          label="Observación (opcional)"
          autosize
          value={observacion}
          onChange={(x) => setObservacion(x.currentTarget.value)}
        />
        <MensajeError error={medir.error} />
        {medir.isSuccess && <Exito>La medición quedó registrada.</Exito>}
        <Group>
          <Button type="submit" loading={medir.isPending}>
            Guardar medición
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HojaDeVida({
  indicador: i,
  periodos,
}: {
  indicador: Indicador;
  periodos: VigenciaEntidad['periodos'];
}) {
  const { puede, sesion } = useTrabajo();
  const nombres = useMemo(() => periodos.map((p) => p.nombre), [periodos]);
  const valores = useMemo(
    () => periodos.map((p) => i.mediciones.find((m) => m.periodo === p.numero)?.valor ?? null),
    [periodos, i],
  );
  const puedeMedir =
    puede('indicador.editar') || (puede('indicador.medir') && i.responsableId === sesion.usuario.id);
  const dato = (t: string, v: string) => (
    <div>
      <Text size="sm" fw={700}>
        {t}
      </Text>
      <Text>{v}</Text>
    </div>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`ind-${i.id}`}>
      <Stack>
        <Title order={2} size="h4" id={`ind-${i.id}`}>
          {i.codigo} · {i.nombre}
        </Title>
        <Text>{i.objetivo}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {dato('Tipo', i.tipo[0]!.toUpperCase() + i.tipo.slice(1))}
          {dato(
            'Fórmula',
            i.formulaDenominador ? `${i.formulaNumerador} ÷ ${i.formulaDenominador}` : i.formulaNumerador,
          )}
          {dato('Unidad y frecuencia', `${i.unidad} · ${i.frecuencia}`)}
          {dato('Polaridad', NOMBRE_POLARIDAD[i.polaridad as Polaridad] ?? i.polaridad)}
          {dato('Línea base', i.lineaBase === null ? 'sin dato' : `${numero(i.lineaBase)} ${i.unidad}`)}
          {dato('Meta', `${numero(i.meta)} ${i.unidad}`)}
          {dato('Fuente', i.fuente)}
        </SimpleGrid>
        <GraficaTendencia
          periodos={nombres}
          valores={valores}
          meta={i.meta}
          unidad={i.unidad}
          etiqueta={`Gráfica de tendencia de ${i.nombre}; las cifras están en la tabla siguiente.`}
        />
        <TablaDesplazable etiqueta={`Mediciones de ${i.codigo}`}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Periodo</Table.Th>
                <Table.Th scope="col">Numerador</Table.Th>
                <Table.Th scope="col">Denominador</Table.Th>
                <Table.Th scope="col">Valor</Table.Th>
                <Table.Th scope="col">Cumplimiento</Table.Th>
                <Table.Th scope="col">Semáforo</Table.Th>
                <Table.Th scope="col">Observación</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {periodos.map((p) => {
                const m = i.mediciones.find((x) => x.periodo === p.numero);
                return (
                  <Table.Tr key={p.numero}>
                    <Table.Td>{p.nombre}</Table.Td>
                    <Table.Td>{m ? numero(m.numerador) : '—'}</Table.Td>
                    <Table.Td>{m?.denominador != null ? numero(m.denominador) : '—'}</Table.Td>
                    <Table.Td>
                      {m?.valor != null
                        ? `${numero(Math.round(m.valor * 100) / 100)} ${i.unidad}`
                        : 'sin medición'}
                    </Table.Td>
                    <Table.Td>{m?.cumplimiento != null ? porcentaje(m.cumplimiento) : '—'}</Table.Td>
                    <Table.Td>{m ? <Semaforo nivel={m.semaforo} /> : '—'}</Table.Td>
                    <Table.Td>{m?.observacion ?? ''}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
        {puedeMedir && <Medir indicador={i} periodos={periodos} />}
      </Stack>
    </Paper>
  );
}

export function IndicadoresPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const [elegido, setElegido] = useState<string | null>(null);
  const indicadores = useQuery(indicadoresQuery(entidad?.id, vigencia));
  const config = useQuery(vigenciaQuery(entidad?.id, vigencia));
  const catalogo = useQuery(catalogoQuery(vigencia));
  if (!entidad) return <Pagina titulo="Indicadores">Elija una entidad.</Pagina>;
  const lista = indicadores.data ?? [];
  const actual = lista.find((i) => i.id === elegido) ?? lista[0];
  return (
    <Pagina
      titulo={`Indicadores ${vigencia}`}
      descripcion="Hoja de vida de cada indicador, sus mediciones por periodo y su tendencia frente a la meta."
    >
      {(indicadores.isPending || config.isPending) && <Cargando que="los indicadores" />}
      <MensajeError error={indicadores.error ?? config.error} />
      {indicadores.isSuccess && lista.length === 0 && <Text>Aún no hay indicadores en {vigencia}.</Text>}
      {lista.length > 0 && (
        <TablaDesplazable etiqueta="Lista de indicadores">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Indicador</Table.Th>
                <Table.Th scope="col">Meta</Table.Th>
                <Table.Th scope="col">Última medición</Table.Th>
                <Table.Th scope="col">Semáforo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lista.map((i) => {
                const ultima = i.mediciones.at(-1);
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-pressed={actual?.id === i.id}
                        onClick={() => setElegido(i.id)}
                      >
                        {i.codigo} · {i.nombre}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      {numero(i.meta)} {i.unidad}
                    </Table.Td>
                    <Table.Td>
                      {ultima?.valor != null
                        ? `${numero(Math.round(ultima.valor * 100) / 100)} ${i.unidad}`
                        : 'sin medición'}
                    </Table.Td>
                    <Table.Td>{ultima ? <Semaforo nivel={ultima.semaforo} /> : '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {actual && config.data && <HojaDeVida indicador={actual} periodos={config.data.periodos} />}
      {puede('indicador.editar') && catalogo.data && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              Nuevo indicador
            </Title>
            <FormularioIndicador catalogo={catalogo.data} alCrear={setElegido} />
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
