import type { Catalogo } from '@contrato/catalogo.ts';
import type { Dependencia } from '@contrato/dependencias.ts';
import type { Actividad } from '@contrato/plan.ts';
import type { UsuarioEntidad } from '@contrato/usuarios.ts';
import {
  Button,
  Fieldset,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { fechaIso as aIso } from '../../ui/formato.ts';

export interface DatosActividad {
  politica: string;
  codigo: string;
  indiceFurag: string | null;
  plan612: string | null;
  nombre: string;
  producto: string;
  metaAnual: number;
  unidad: string;
  metasPeriodo: number[];
  ponderacion: number;
  dependenciaId: string | null;
  responsableId: string | null;
  corresponsables: string[];
  indicadorId: string | null;
  objetivo: string | null;
  rubro: string | null;
  bpin: string | null;
  riesgo: string | null;
  fechaInicio: string;
  fechaFin: string;
  presupuesto: number | null;
}

const aTexto = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function desdeActividad(a: Actividad) {
  return {
    politica: a.politica,
    codigo: a.codigo,
    indiceFurag: a.indiceFurag ?? '',
    plan612: a.plan612 ?? '',
    nombre: a.nombre,
    producto: a.producto,
    metaAnual: a.metaAnual as number | string,
    unidad: a.unidad,
    metasPeriodo: a.metasPeriodo as (number | string)[],
    ponderacion: a.ponderacion as number | string,
    dependenciaId: a.dependenciaId ?? '',
    responsableId: a.responsableId ?? '',
    corresponsables: a.corresponsables ?? [],
    indicadorId: a.indicadorId ?? '',
    fechaInicio: aTexto(a.fechaInicio),
    fechaFin: aTexto(a.fechaFin),
    presupuesto: (a.presupuesto ?? '') as number | string,
    objetivo: a.objetivo ?? '',
    rubro: a.rubro ?? '',
    bpin: a.bpin ?? '',
    riesgo: a.riesgo ?? '',
  };
}

export function FormularioActividad({
  catalogo,
  periodos,
  dependencias,
  personas,
  indicadores = [],
  objetivos = [],
  inicial,
  pendiente,
  error,
  alGuardar,
}: {
  catalogo: Catalogo;
  periodos: string[];
  dependencias: Dependencia[];
  personas: UsuarioEntidad[];
  indicadores?: { id: string; codigo: string; nombre: string }[];
  objetivos?: { codigo: string; nombre: string }[];
  /** An activity to change; without it the form adds a new one. */
  inicial?: Actividad;
  pendiente: boolean;
  error: unknown;
  alGuardar: (d: DatosActividad) => void;
}) {
  const politicas = catalogo.dimensiones.flatMap((d) => d.politicas);
  const [d, setD] = useState(() =>
    inicial
      ? desdeActividad(inicial)
      : {
          politica: politicas[0]?.clave ?? '',
          codigo: '',
          indiceFurag: '',
          plan612: '',
          nombre: '',
          producto: '',
          metaAnual: 1 as number | string,
          unidad: '',
          metasPeriodo: periodos.map(() => 0 as number | string),
          ponderacion: 0 as number | string,
          dependenciaId: '',
          responsableId: '',
          corresponsables: [] as string[],
          indicadorId: '',
          fechaInicio: `01/01/${catalogo.vigencia}`,
          fechaFin: `31/12/${catalogo.vigencia}`,
          presupuesto: '' as number | string,
          objetivo: '',
          rubro: '',
          bpin: '',
          riesgo: '',
        },
  );
  const errores = erroresPorCampo(error);
  const politica = politicas.find((p) => p.clave === d.politica);
  const planes = catalogo.planesDecreto612.filter((p) => p.politica === d.politica);
  const texto = (
    k:
      | 'codigo'
      | 'nombre'
      | 'producto'
      | 'unidad'
      | 'fechaInicio'
      | 'fechaFin'
      | 'objetivo'
      | 'rubro'
      | 'bpin'
      | 'riesgo',
  ) => ({
    value: d[k],
    onChange: (e: { currentTarget: { value: string } }) => setD({ ...d, [k]: e.currentTarget.value }),
    error: errores[k],
  });
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    alGuardar({
      ...d,
      indiceFurag: d.indiceFurag || null,
      plan612: d.plan612 || null,
      dependenciaId: d.dependenciaId || null,
      responsableId: d.responsableId || null,
      indicadorId: d.indicadorId || null,
      objetivo: d.objetivo || null,
      rubro: d.rubro || null,
      bpin: d.bpin || null,
      riesgo: d.riesgo || null,
      metaAnual: Number(d.metaAnual),
      ponderacion: Number(d.ponderacion),
      metasPeriodo: d.metasPeriodo.map(Number),
      presupuesto: d.presupuesto === '' ? null : Number(d.presupuesto),
      fechaInicio: aIso(d.fechaInicio),
      fechaFin: aIso(d.fechaFin),
    });
  };
  return (
    <form onSubmit={enviar} noValidate>
      <Stack>
        {error != null && Object.keys(errores).length === 0 && <MensajeError error={error} />}
        {Object.keys(errores).length > 0 && (
          <MensajeError error={new Error('Hay campos por corregir: revise los mensajes bajo cada campo.')} />
        )}
        <Fieldset legend="Ubicación en el modelo">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label="Política"
              value={d.politica}
              onChange={(e) => setD({ ...d, politica: e.currentTarget.value, indiceFurag: '', plan612: '' })}
              data={politicas.map((p) => ({
                value: p.clave,
                label: `${p.codigoFurag ?? ''} ${p.nombre}`.trim(),
              }))}
              error={errores.politica}
            />
            <NativeSelect
              label="Índice FURAG (opcional)"
              value={d.indiceFurag}
              onChange={(e) => setD({ ...d, indiceFurag: e.currentTarget.value })}
              data={[
                { value: '', label: 'Ninguno' },
                ...(politica?.indices ?? []).map((i) => ({
                  value: i.codigo,
                  label: `${i.codigo} — ${i.nombre}`,
                })),
              ]}
              error={errores.indiceFurag}
            />
            <NativeSelect
              label="Plan del Decreto 612 (opcional)"
              value={d.plan612}
              onChange={(e) => setD({ ...d, plan612: e.currentTarget.value })}
              data={[
                { value: '', label: 'Ninguno' },
                ...planes.map((p) => ({ value: p.clave, label: p.nombre })),
              ]}
              error={errores.plan612}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Actividad">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Código" description="Por ejemplo GD-01" required {...texto('codigo')} />
            <TextInput
              label="Unidad de medida"
              description="documento, jornada, porcentaje…"
              required
              {...texto('unidad')}
            />
          </SimpleGrid>
          <Textarea label="Actividad" required autosize minRows={2} mt="sm" {...texto('nombre')} />
          <TextInput label="Producto o entregable" required mt="sm" {...texto('producto')} />
        </Fieldset>
        <Fieldset legend="Metas y peso">
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <NumberInput
              label="Meta anual"
              decimalSeparator=","
              thousandSeparator="."
              value={d.metaAnual}
              onChange={(x) => setD({ ...d, metaAnual: x })}
              error={errores.metaAnual}
            />
            <NumberInput
              label="Ponderación en la política"
              suffix=" %"
              decimalSeparator=","
              min={0}
              max={100}
              value={d.ponderacion}
              onChange={(x) => setD({ ...d, ponderacion: x })}
              error={errores.ponderacion}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
            {periodos.map((nombre, i) => (
              <NumberInput
                key={nombre}
                label={`Meta: ${nombre}`}
                decimalSeparator=","
                min={0}
                value={d.metasPeriodo[i]}
                onChange={(x) =>
                  setD({ ...d, metasPeriodo: d.metasPeriodo.map((m, j) => (j === i ? x : m)) })
                }
              />
            ))}
          </SimpleGrid>
          {errores.metasPeriodo && <MensajeError error={new Error(errores.metasPeriodo)} />}
        </Fieldset>
        <Fieldset legend="Responsables, fechas y recursos">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Dependencia responsable"
              value={d.dependenciaId}
              onChange={(e) => setD({ ...d, dependenciaId: e.currentTarget.value })}
              data={[
                { value: '', label: 'Sin asignar' },
                ...dependencias.map((x) => ({ value: x.id, label: x.nombre })),
              ]}
              error={errores.dependenciaId}
            />
            <NativeSelect
              label="Responsable (1.ª línea)"
              value={d.responsableId}
              onChange={(e) => setD({ ...d, responsableId: e.currentTarget.value })}
              data={[
                { value: '', label: 'Sin asignar' },
                ...personas.map((x) => ({ value: x.id, label: x.nombre })),
              ]}
              error={errores.responsableId}
            />
            <MultiSelect
              label="Corresponsables (opcional)"
              description="Otras personas que también reportan esta actividad"
              data={personas
                .filter((x) => x.id !== d.responsableId)
                .map((x) => ({ value: x.id, label: x.nombre }))}
              value={d.corresponsables}
              onChange={(v) => setD({ ...d, corresponsables: v })}
              searchable
              clearable
              nothingFoundMessage="Nadie con ese nombre"
              error={errores.corresponsables}
            />
            <NativeSelect
              label="Indicador que alimenta (opcional)"
              value={d.indicadorId}
              onChange={(e) => setD({ ...d, indicadorId: e.currentTarget.value })}
              data={[
                { value: '', label: 'Ninguno' },
                ...indicadores.map((x) => ({ value: x.id, label: `${x.codigo} · ${x.nombre}` })),
              ]}
              error={errores.indicadorId}
            />
            <TextInput
              label="Fecha de inicio"
              description="dd/mm/aaaa"
              inputMode="numeric"
              {...texto('fechaInicio')}
            />
            <TextInput
              label="Fecha de fin"
              description="dd/mm/aaaa"
              inputMode="numeric"
              {...texto('fechaFin')}
            />
            <NumberInput
              label="Presupuesto (opcional)"
              prefix="$ "
              thousandSeparator="."
              decimalSeparator=","
              decimalScale={0}
              min={0}
              value={d.presupuesto}
              onChange={(x) => setD({ ...d, presupuesto: x })}
              error={errores.presupuesto}
            />
            <TextInput label="Rubro presupuestal (opcional)" {...texto('rubro')} />
            <TextInput label="BPIN (opcional)" {...texto('bpin')} />
          </SimpleGrid>
          {objetivos.length > 0 ? (
            <NativeSelect
              label="Objetivo estratégico o línea del plan de desarrollo"
              mt="sm"
              {...texto('objetivo')}
              data={[
                { value: '', label: 'Sin objetivo' },
                ...objetivos.map((o) => ({ value: o.codigo, label: `${o.codigo} · ${o.nombre}` })),
              ]}
            />
          ) : (
            <TextInput
              label="Objetivo estratégico o línea del plan de desarrollo (opcional)"
              mt="sm"
              {...texto('objetivo')}
            />
          )}
          <TextInput label="Riesgo asociado (opcional)" mt="sm" {...texto('riesgo')} />
        </Fieldset>
        <Button type="submit" loading={pendiente} style={{ alignSelf: 'flex-start' }}>
          {inicial ? 'Guardar cambios de la actividad' : 'Agregar actividad'}
        </Button>
      </Stack>
    </form>
  );
}
