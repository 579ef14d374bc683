import type { Ajuste, AjusteEntrada, Festivo } from '@contrato/calendario.ts';
import { AjusteEntradaSchema } from '@contrato/calendario.ts';
import {
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { fechaCivil, fechaIso } from '../../ui/formato.ts';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import { Termino } from '../../ui/termino.tsx';
import { type Alcance, calendarioQuery, useAgregarAjuste, useQuitarAjuste } from './api.ts';
import { CalendarioLegal } from './calendario-legal.tsx';
import { EditorVentanaFurag } from './ventana-furag.tsx';
import './calendario.css';
import { diaSemana } from './dias.ts';

const ORIGEN: Record<Festivo['origen'], string> = {
  ley: 'Festivo de ley',
  plataforma: 'Ajuste de la plataforma',
  entidad: 'Ajuste de la entidad',
};
const TIPO: Record<Ajuste['tipo'], string> = {
  festivo: 'No hábil',
  habil: 'Hábil',
};

const columnasFestivos: Columna<Festivo>[] = [
  {
    id: 'fecha',
    titulo: 'Fecha',
    valor: (f) => f.fecha,
    celda: (f) => `${fechaCivil(f.fecha)} (${diaSemana(f.fecha)})`,
    principal: true,
  },
  { id: 'nombre', titulo: 'Motivo', valor: (f) => f.nombre },
  { id: 'origen', titulo: 'Origen', valor: (f) => ORIGEN[f.origen], filtro: true },
];

function FormularioAjuste({ entidadId, anio }: { entidadId: string; anio: number }) {
  const { sesion } = useTrabajo();
  const agregar = useAgregarAjuste(entidadId);
  const [paraTodas, setParaTodas] = useState(false);
  const form = useFormulario({
    inicial: { fecha: '', tipo: 'festivo', nombre: '' },
    esquema: AjusteEntradaSchema,
    etiquetas: { fecha: 'Fecha', tipo: 'Tipo de día', nombre: 'Motivo' },
    // People type dd/mm/aaaa; the contract checks (and the API receives) aaaa-mm-dd.
    transformar: (v): AjusteEntrada => ({ ...v, fecha: fechaIso(v.fecha), tipo: v.tipo as Ajuste['tipo'] }),
  });
  const alcance: Alcance = paraTodas ? 'plataforma' : 'entidad';
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        Registrar un ajuste
      </Title>
      {agregar.isSuccess && <Exito>El ajuste quedó registrado: los plazos ya lo cuentan.</Exito>}
      <Formulario
        form={form}
        etiquetaEnviar="Registrar ajuste"
        alEnviar={async (v) => {
          await agregar.mutateAsync({ alcance, datos: v });
          form.reset();
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...campo(form, 'fecha')} description={`dd/mm/aaaa, p. ej. 24/12/${anio}`} />
          <Select
            {...campo(form, 'tipo')}
            allowDeselect={false}
            data={[
              { value: 'festivo', label: 'No hábil (cierre de la entidad o festivo nuevo)' },
              { value: 'habil', label: 'Hábil (un festivo que no aplica)' },
            ]}
          />
        </SimpleGrid>
        <TextInput
          {...campo(form, 'nombre')}
          description="Por ejemplo «Cierre por inventario anual» o «Ley 2578 de 2026»"
        />
        {sesion.usuario.adminPlataforma && (
          <Checkbox
            checked={paraTodas}
            onChange={(e) => setParaTodas(e.currentTarget.checked)}
            label="Para todas las entidades de la plataforma (p. ej. un festivo nuevo por ley)"
          />
        )}
      </Formulario>
    </Paper>
  );
}

export function CalendarioPage() {
  const { entidad, vigencia, puede, sesion } = useTrabajo();
  const [anio, setAnio] = useState(vigencia);
  const consulta = useQuery(calendarioQuery(entidad?.id, anio));
  const quitar = useQuitarAjuste(entidad?.id ?? '');
  const editable = puede('entidad.editar');
  const puedeQuitar = (a: Ajuste) => (a.alcance === 'plataforma' ? sesion.usuario.adminPlataforma : editable);
  const columnasAjustes: Columna<Ajuste>[] = [
    {
      id: 'fecha',
      titulo: 'Fecha',
      valor: (a) => a.fecha,
      celda: (a) => `${fechaCivil(a.fecha)} (${diaSemana(a.fecha)})`,
      principal: true,
    },
    { id: 'tipo', titulo: 'Queda', valor: (a) => TIPO[a.tipo] },
    { id: 'nombre', titulo: 'Motivo', valor: (a) => a.nombre },
    {
      id: 'alcance',
      titulo: 'Para',
      valor: (a) => (a.alcance === 'plataforma' ? 'Todas las entidades' : 'Esta entidad'),
    },
    {
      id: 'acciones',
      titulo: 'Acciones',
      valor: () => null,
      ordenable: false,
      celda: (a) =>
        puedeQuitar(a) ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={quitar.isPending && quitar.variables?.id === a.id}
            onClick={() => quitar.mutate(a)}
            aria-label={`Quitar el ajuste del ${fechaCivil(a.fecha)}`}
          >
            Quitar
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  if (!entidad) return <Pagina titulo="Calendario">Elija una entidad.</Pagina>;
  return (
    <Pagina
      titulo="Calendario"
      descripcion={
        <>
          Los plazos legales de la entidad y los días con que se cuentan: los plazos van en{' '}
          <Termino t="dia-habil">días hábiles</Termino>, de lunes a viernes, sin los festivos de ley ni los
          días que se registren aquí. Al final, las fechas de la ventana del FURAG.
        </>
      }
    >
      <Stack>
        <NativeSelect
          label="Año"
          value={String(anio)}
          onChange={(e) => setAnio(Number(e.currentTarget.value))}
          data={[vigencia - 1, vigencia, vigencia + 1].map(String)}
          w={140}
        />
        <CalendarioLegal anio={anio} />
        <Title order={2} size="h3" id="titulo-dias-habiles">
          Calendario de días hábiles
        </Title>
        {consulta.isPending && <Cargando que="el calendario" />}
        <MensajeError error={consulta.error ?? quitar.error} />
        {consulta.data && (
          <>
            <TablaDatos
              titulo={`Días no hábiles de ${anio} además de sábados y domingos`}
              sustantivo={['día no hábil', 'días no hábiles']}
              filas={consulta.data.festivos}
              columnas={columnasFestivos}
              idFila={(f) => f.fecha}
              porPagina={40}
            />
            <Title order={2} size="h3">
              Ajustes de {anio}
            </Title>
            <TablaDatos
              titulo={`Ajustes del calendario de ${anio}`}
              sustantivo={['ajuste', 'ajustes']}
              filas={consulta.data.ajustes}
              columnas={columnasAjustes}
              idFila={(a) => a.id}
              buscar={false}
              vacio={<Text>No hay ajustes en {anio}: rigen los festivos de ley.</Text>}
            />
          </>
        )}
        {editable && <FormularioAjuste entidadId={entidad.id} anio={anio} />}
        <EditorVentanaFurag entidadId={entidad.id} anio={anio} />
      </Stack>
    </Pagina>
  );
}
