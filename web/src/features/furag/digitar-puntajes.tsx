import type { Catalogo } from '@contrato/catalogo.ts';
import {
  type PuntajesDigitados,
  type PuntajesDigitadosCuerpo,
  PuntajesDigitadosEntradaSchema,
} from '@contrato/furag.ts';
import {
  Button,
  Fieldset,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Cargando, MensajeError } from '../../ui/componentes.tsx';
import { fecha } from '../../ui/formato.ts';
import { aNumero, campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { Numero } from '../../ui/numero.tsx';
import { catalogoAplicable, catalogoQuery, vigenciasQuery } from '../catalogo/api.ts';
import { entidadQuery } from '../entidad/api.ts';
import { digitadosQuery, useGuardarDigitados } from './api.ts';

interface Medicion {
  codigo: string;
  nombre: string;
}

/** The catalog's measurements of the vigencia, grouped as its report shows them: each dimension with its policies and indices. */
function grupos(c: Catalogo) {
  return c.dimensiones.map((d) => ({
    dimension: { codigo: d.codigo, nombre: d.nombre },
    mediciones: [
      { codigo: d.codigo, nombre: d.nombre },
      ...d.politicas.flatMap((p) => [
        ...(p.codigoFurag ? [{ codigo: p.codigoFurag, nombre: p.nombre }] : []),
        ...p.indices.map((i) => ({ codigo: i.codigo, nombre: i.nombre })),
      ]),
    ] as Medicion[],
  }));
}

const IDI: Medicion = { codigo: 'IDI', nombre: 'Índice de Desempeño Institucional' };

type Valores = { grupoPar: string; puntajes: Record<string, number | string> };

/** One vigencia's form: every measurement of its catalog, empty unless typed before (empty = no aplica). */
function FormularioDigitados({
  entidadId,
  vigencia,
  catalogo,
  existente,
  alGuardar,
}: {
  entidadId: string;
  vigencia: number;
  catalogo: Catalogo;
  existente: PuntajesDigitados | null;
  alGuardar: (vigencia: number) => void;
}) {
  const secciones = grupos(catalogo);
  const todas = [IDI, ...secciones.flatMap((g) => g.mediciones)];
  // The version read: a save over it wins unless someone saved in between (then the server answers 409).
  const [version, setVersion] = useState(existente?.version ?? null);
  const guardar = useGuardarDigitados(entidadId);
  const form = useFormulario<Valores, PuntajesDigitadosCuerpo>({
    inicial: {
      grupoPar: existente?.grupoPar ?? '',
      puntajes: Object.fromEntries(todas.map((m) => [m.codigo, existente?.puntajes[m.codigo] ?? ''])),
    },
    esquema: PuntajesDigitadosEntradaSchema,
    etiquetas: {
      grupoPar: 'Grupo par (como lo escribe el informe)',
      ...Object.fromEntries(todas.map((m) => [`puntajes.${m.codigo}`, `${m.codigo} ${m.nombre}`])),
    },
    // An empty field does not apply to the entity: it is left out, never sent as zero.
    transformar: (v) => ({
      grupoPar: v.grupoPar,
      puntajes: Object.fromEntries(
        Object.entries(v.puntajes)
          .filter(([, x]) => x !== '')
          .map(([codigo, x]) => [codigo, aNumero(x)]),
      ),
      version,
    }),
  });
  const entrada = (m: Medicion) => (
    <Numero
      key={m.codigo}
      {...campo(form, `puntajes.${m.codigo}`)}
      decimalScale={1}
      allowNegative={false}
      placeholder="No aplica"
      styles={{ label: { overflowWrap: 'anywhere' } }}
    />
  );
  return (
    <Formulario
      form={form}
      etiquetaEnviar={`Guardar los puntajes de ${vigencia}`}
      alEnviar={async (datos) => {
        const g = await guardar.mutateAsync({ vigencia, datos });
        setVersion(g.version);
        alGuardar(vigencia);
      }}
      exito={`Se guardaron los puntajes de ${vigencia}, marcados como digitados por la entidad.`}
    >
      <Stack gap="md">
        {existente && (
          <Text size="sm">
            Digitados {existente.digitadoPor ? `por ${existente.digitadoPor} ` : ''}el{' '}
            {fecha(existente.digitadoEn)}. Corrija lo que haga falta y guarde de nuevo.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...campo(form, 'grupoPar')} description="Solo como referencia: no se calcula con él." />
          {entrada(IDI)}
        </SimpleGrid>
        {secciones.map((g) => (
          <Fieldset key={g.dimension.codigo} legend={`${g.dimension.codigo} ${g.dimension.nombre}`} p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{g.mediciones.map(entrada)}</SimpleGrid>
          </Fieldset>
        ))}
      </Stack>
    </Formulario>
  );
}

/**
 * Planeación types the official scores of the entity's FURAG results report for a vigencia whose national
 * file does not have the entity's row (or that the platform did not load). Opened on demand: the form has
 * about a hundred fields.
 */
export function DigitarPuntajes({
  entidadId,
  vigenciaSugerida,
  alGuardar,
}: {
  entidadId: string;
  vigenciaSugerida: number | undefined;
  alGuardar: (vigencia: number) => void;
}) {
  const [abierto, setAbierto] = useState(false);
  const vigencias = useQuery({ ...vigenciasQuery(), enabled: abierto });
  const disponibles = (vigencias.data ?? []).map((v) => v.vigencia).sort((a, b) => b - a);
  const [elegida, setElegida] = useState<number | undefined>();
  // The page's vigencia when the catalog has it; else the last year the catalog has up to last year.
  const porDefecto =
    disponibles.find((v) => v === vigenciaSugerida) ??
    disponibles.find((v) => v < new Date().getFullYear()) ??
    disponibles[0];
  const vigencia = elegida ?? porDefecto;
  const catalogo = useQuery({ ...catalogoQuery(vigencia ?? 0), enabled: abierto && vigencia !== undefined });
  const perfil = useQuery({ ...entidadQuery(entidadId), enabled: abierto });
  const existente = useQuery({
    ...digitadosQuery(entidadId, vigencia ?? 0),
    enabled: abierto && vigencia !== undefined,
  });
  const listo = catalogo.data && existente.data !== undefined && !perfil.isPending;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="furag-digitar" mt="xl">
      <Stack gap="sm">
        <Title order={2} size="h4" id="furag-digitar">
          Digitar los puntajes del informe de resultados
        </Title>
        <Text size="sm">
          Si la entidad no está en el archivo nacional de una vigencia (o la plataforma no lo ha cargado),
          planeación digita aquí los puntajes oficiales del informe de resultados FURAG de la entidad, de 0 a
          100 con un decimal. Deje vacío lo que no aplica: nunca se toma como cero. Quedan marcados como
          digitados por la entidad y no se comparan con el grupo par, porque esa comparación sale del archivo
          de todas las entidades. Si el archivo trae después la fila de la entidad, se muestran los puntajes
          del archivo.
        </Text>
        {!abierto ? (
          <div>
            <Button variant="outline" onClick={() => setAbierto(true)}>
              Digitar puntajes de una vigencia
            </Button>
          </div>
        ) : (
          <>
            <MensajeError error={vigencias.error ?? catalogo.error ?? existente.error} />
            {disponibles.length > 0 && (
              <NativeSelect
                label="Vigencia de los puntajes"
                description="Las vigencias con catálogo FURAG: sus códigos e índices."
                value={vigencia === undefined ? '' : String(vigencia)}
                data={disponibles.map(String)}
                onChange={(e) => setElegida(Number(e.currentTarget.value))}
                w="16rem"
                maw="100%"
              />
            )}
            {!listo || vigencia === undefined ? (
              <Cargando que="el formulario de puntajes" bloques={[28, 200]} />
            ) : (
              <FormularioDigitados
                key={vigencia}
                entidadId={entidadId}
                vigencia={vigencia}
                catalogo={catalogoAplicable(catalogo.data, perfil.data?.tipoFormulario)}
                existente={existente.data}
                alGuardar={alGuardar}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
