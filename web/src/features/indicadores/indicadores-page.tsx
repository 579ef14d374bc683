import type { Catalogo } from '@contrato/catalogo.ts';
import { type Indicador, IndicadorEntradaSchema, MedicionEntradaSchema } from '@contrato/indicadores.ts';
import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { ACUMULACIONES, type Acumulacion, AYUDA_ACUMULACION, NOMBRE_ACUMULACION } from '@core/acumulacion.ts';
import { NOMBRE_POLARIDAD, type Polaridad } from '@core/indicador.ts';
import {
  Button,
  NativeSelect,
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
import { Cargando, MensajeError, Pagina, TablaDesplazable } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { numero, porcentaje } from '../../ui/formato.ts';
import { aNumero, campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { GraficaTendencia } from '../../ui/grafica-tendencia.tsx';
import { Numero } from '../../ui/numero.tsx';
import { Termino } from '../../ui/termino.tsx';
import { catalogoAplicable, catalogoQuery } from '../catalogo/api.ts';
import { entidadQuery } from '../entidad/api.ts';
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
  acumulacion: '' as Acumulacion | '',
  polaridad: 'creciente',
  fuente: '',
};

const ETIQUETAS_INDICADOR = {
  codigo: 'Código',
  politica: 'Política (opcional)',
  nombre: 'Nombre del indicador',
  objetivo: 'Objetivo: qué mide y para qué',
  tipo: 'Tipo',
  frecuencia: 'Frecuencia de medición',
  polaridad: 'Polaridad',
  formulaNumerador: 'Fórmula: numerador',
  formulaDenominador: 'Fórmula: denominador (opcional)',
  unidad: 'Unidad de medida',
  lineaBase: 'Línea base (opcional)',
  meta: 'Meta',
  acumulacion: 'Cómo se acumula el año',
  fuente: 'Fuente de los datos',
};

function FormularioIndicador({ catalogo, alCrear }: { catalogo: Catalogo; alCrear: (id: string) => void }) {
  const { entidad, vigencia } = useTrabajo();
  const crear = useCrearIndicador(entidad!.id);
  const form = useFormulario({
    inicial: VACIO,
    esquema: IndicadorEntradaSchema,
    etiquetas: ETIQUETAS_INDICADOR,
    transformar: (d) => ({
      ...d,
      vigencia,
      politica: d.politica || null,
      formulaDenominador: d.formulaDenominador || null,
      lineaBase: d.lineaBase === '' ? null : aNumero(d.lineaBase),
      meta: aNumero(d.meta),
      acumulacion: d.acumulacion || undefined,
    }),
  });
  const c = (ruta: keyof typeof VACIO) => campo(form, ruta);
  return (
    <Formulario
      form={form}
      alEnviar={(datos) =>
        crear.mutateAsync(datos).then((i) => {
          form.reset();
          alCrear(i.id);
        })
      }
      etiquetaEnviar="Crear indicador"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...c('codigo')} required />
          <NativeSelect
            {...c('politica')}
            data={[
              { value: '', label: 'Sin política' },
              ...catalogo.dimensiones
                .flatMap((x) => x.politicas)
                .map((p) => ({ value: p.clave, label: p.nombre })),
            ]}
          />
        </SimpleGrid>
        <TextInput {...c('nombre')} required />
        <Textarea {...c('objetivo')} required autosize minRows={2} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            {...c('tipo')}
            data={[
              { value: 'eficacia', label: 'Eficacia' },
              { value: 'eficiencia', label: 'Eficiencia' },
              { value: 'efectividad', label: 'Efectividad' },
            ]}
          />
          <NativeSelect
            {...c('frecuencia')}
            data={['mensual', 'trimestral', 'cuatrimestral', 'semestral', 'anual'].map((v) => ({
              value: v,
              label: v[0]!.toUpperCase() + v.slice(1),
            }))}
          />
          <NativeSelect
            {...c('polaridad')}
            data={Object.entries(NOMBRE_POLARIDAD).map(([value, label]) => ({ value, label }))}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...c('formulaNumerador')} required />
          <TextInput {...c('formulaDenominador')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput {...c('unidad')} description="«%» multiplica la razón por 100" required />
          <Numero {...c('lineaBase')} />
          <Numero {...c('meta')} required />
        </SimpleGrid>
        <NativeSelect
          {...c('acumulacion')}
          description={
            form.values.acumulacion
              ? AYUDA_ACUMULACION[form.values.acumulacion]
              : 'Un indicador en % promedia sus mediciones; uno en otra unidad las suma.'
          }
          data={[
            { value: '', label: 'Según la unidad de medida' },
            ...ACUMULACIONES.map((k) => ({ value: k, label: NOMBRE_ACUMULACION[k] })),
          ]}
        />
        <TextInput {...c('fuente')} required />
      </Stack>
    </Formulario>
  );
}

function Medir({ indicador, periodos }: { indicador: Indicador; periodos: VigenciaEntidad['periodos'] }) {
  const { entidad } = useTrabajo();
  const abiertos = periodos.filter((p) => !p.cerrado);
  const medir = useMedirIndicador(entidad!.id, indicador.id);
  const form = useFormulario({
    inicial: {
      periodo: String(abiertos[0]?.numero ?? ''),
      numerador: '' as number | string,
      denominador: '' as number | string,
      observacion: '',
    },
    esquema: MedicionEntradaSchema,
    etiquetas: {
      periodo: 'Periodo',
      numerador: `Numerador: ${indicador.formulaNumerador}`,
      denominador: `Denominador: ${indicador.formulaDenominador ?? ''}`,
      observacion: 'Observación (opcional)',
    },
    transformar: (d) => ({
      periodo: d.periodo,
      numerador: aNumero(d.numerador),
      denominador: d.denominador === '' ? null : aNumero(d.denominador),
      observacion: d.observacion || null,
    }),
  });
  if (!abiertos.length) return <Text>Todos los periodos de la vigencia están cerrados.</Text>;
  return (
    <>
      <Title order={3} size="h5" mb="sm">
        Registrar una medición
      </Title>
      <Formulario
        form={form}
        alEnviar={(datos) => medir.mutateAsync(datos)}
        etiquetaEnviar="Guardar medición"
        exito="La medición quedó registrada."
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              {...campo(form, 'periodo')}
              data={abiertos.map((p) => ({ value: String(p.numero), label: p.nombre }))}
            />
            <Numero {...campo(form, 'numerador')} />
            {indicador.formulaDenominador && <Numero {...campo(form, 'denominador')} />}
          </SimpleGrid>
          <Textarea {...campo(form, 'observacion')} autosize />
        </Stack>
      </Formulario>
    </>
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
          {dato('Cómo se acumula el año', NOMBRE_ACUMULACION[i.acumulacion])}
          {dato(
            'En lo corrido del año',
            i.acumulado.valor === null
              ? 'sin medición'
              : `${numero(Math.round(i.acumulado.valor * 100) / 100)} ${i.unidad} · cumplimiento ${porcentaje(i.acumulado.cumplimiento)}`,
          )}
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
  const perfil = useQuery(entidadQuery(entidad?.id));
  if (!entidad) return <Pagina titulo="Indicadores">Elija una entidad.</Pagina>;
  const lista = indicadores.data ?? [];
  const actual = lista.find((i) => i.id === elegido) ?? lista[0];
  return (
    <Pagina
      titulo={`Indicadores ${vigencia}`}
      descripcion={
        <>
          Hoja de vida de cada <Termino t="indicador">indicador</Termino>, sus mediciones por periodo y su
          tendencia frente a la <Termino t="meta">meta</Termino> y la{' '}
          <Termino t="linea-base">línea base</Termino>.
        </>
      }
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
                <Table.Th scope="col">En lo corrido del año</Table.Th>
                <Table.Th scope="col">Semáforo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lista.map((i) => {
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
                      {i.acumulado.valor !== null
                        ? `${numero(Math.round(i.acumulado.valor * 100) / 100)} ${i.unidad}`
                        : 'sin medición'}
                    </Table.Td>
                    <Table.Td>
                      {i.acumulado.valor !== null ? <Semaforo nivel={i.acumulado.semaforo} /> : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TablaDesplazable>
      )}
      {actual && config.data && <HojaDeVida indicador={actual} periodos={config.data.periodos} />}
      {puede('indicador.editar') && catalogo.data && perfil.data && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={2} size="h3">
              Nuevo indicador
            </Title>
            {/* Only the policies the entity's FURAG form includes, as in the plan. */}
            <FormularioIndicador
              catalogo={catalogoAplicable(catalogo.data, perfil.data.tipoFormulario)}
              alCrear={setElegido}
            />
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
