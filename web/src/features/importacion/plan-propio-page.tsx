import type { AnalisisHoja, HojaPropia, LecturaHoja } from '@contrato/plan-propio.ts';
import { ACUMULACIONES, type Acumulacion, NOMBRE_ACUMULACION } from '@core/acumulacion.ts';
import {
  Badge,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ErrorTabla } from '../../api-archivos.ts';
import { Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { cantidad } from '../../ui/formato.ts';
import { Numero } from '../../ui/numero.tsx';
import { ProblemasImportacion } from '../../ui/problemas-importacion.tsx';
import { Enlace } from '../../ui/router.tsx';
import { TablaDatos } from '../../ui/tabla-datos.tsx';
import { useGuardarDependencia } from '../dependencias/api.ts';
import { useCrearUsuario } from '../usuarios/api.ts';
import { useImportarHoja, useLeerHoja, useRevisarHoja } from './api.ts';

type Tipo = 'politica' | 'dependencia' | 'responsable';
type Elecciones = Record<Tipo, Record<string, string | null>>;
const NINGUNA: Elecciones = { politica: {}, dependencia: {}, responsable: {} };
const TITULOS: Record<Tipo, string> = {
  politica: 'Políticas',
  dependencia: 'Dependencias',
  responsable: 'Responsables',
};

/**
 * The office's plan in its own spreadsheet, to a draft plan: read the file, check what the screen suggests
 * (columns, names, goal types) and import all at once. Nothing is saved until «Importar».
 */
export function PlanPropioPage() {
  const { entidad, vigencia, puede } = useTrabajo();
  const id = entidad?.id ?? '';
  const [archivo, setArchivo] = useState<File | null>(null);
  const [lectura, setLectura] = useState<LecturaHoja | null>(null);
  const [analisis, setAnalisis] = useState<AnalisisHoja | null>(null);
  const [elecciones, setElecciones] = useState<Elecciones>(NINGUNA);
  const [tipos, setTipos] = useState<Record<string, Acumulacion>>({});
  const leer = useLeerHoja(id, vigencia);
  const revisar = useRevisarHoja(id, vigencia);
  const importar = useImportarHoja(id, vigencia);
  if (!entidad) return <Pagina titulo="Importar el plan desde su hoja">Elija una entidad.</Pagina>;
  if (!puede('plan.editar'))
    return (
      <Pagina titulo="Importar el plan desde su hoja">
        Solo la oficina de planeación de la entidad importa el plan.
      </Pagina>
    );

  const hoja = (cambios: Partial<HojaPropia> = {}): HojaPropia => ({
    filas: lectura!.filas,
    filaEncabezado: analisis!.filaEncabezado,
    mapeo: analisis!.columnas.map((c) => c.campo),
    equivalencias: elecciones,
    tipos,
    ...cambios,
  });
  const volverARevisar = (cambios: Partial<HojaPropia> = {}) =>
    revisar.mutate(hoja(cambios), { onSuccess: setAnalisis });

  const alLeer = () =>
    leer.mutate(archivo!, {
      onSuccess: (l) => {
        setLectura(l);
        setAnalisis(l);
        setElecciones(NINGUNA);
        setTipos({});
        importar.reset();
      },
    });

  // What is imported is what the screen shows: every written name with the choice in view, every goal type.
  const alImportar = () => {
    const equivalencias = Object.fromEntries(
      (Object.keys(TITULOS) as Tipo[]).map((t) => [
        t,
        Object.fromEntries(analisis!.valores[t].map((v) => [v.texto, v.id])),
      ]),
    );
    importar.mutate(
      hoja({
        equivalencias,
        tipos: Object.fromEntries(analisis!.tipos.map((x) => [String(x.fila), x.acumulacion])),
      }),
    );
  };
  const problemas = importar.error instanceof ErrorTabla ? importar.error.problemas : [];
  const sinElegir = analisis
    ? (Object.keys(TITULOS) as Tipo[]).reduce(
        (s, t) => s + analisis.valores[t].filter((v) => !v.id).length,
        0,
      )
    : 0;

  return (
    <Pagina
      titulo="Importar el plan desde su hoja"
      descripcion={`Cargue el plan ${vigencia} tal como lo tiene en Excel o CSV, con sus columnas y sus nombres. Revise lo que la plataforma entendió y se importa todo en borrador, o nada.`}
    >
      <Paper withBorder p="md" component="section" aria-labelledby="paso-archivo">
        <Stack gap="sm">
          <Title order={2} size="h4" id="paso-archivo">
            1. Su archivo
          </Title>
          <Group align="end">
            <FileInput
              label="Hoja con el plan de acción (.xlsx o .csv)"
              description="Hasta 5 MB y 3.000 filas; la primera hoja del libro."
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={archivo}
              onChange={setArchivo}
              clearable
              clearButtonProps={{ 'aria-label': 'Quitar el archivo' }}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button disabled={!archivo} loading={leer.isPending} onClick={alLeer}>
              Leer la hoja
            </Button>
          </Group>
          <MensajeError error={leer.error} />
        </Stack>
      </Paper>

      {lectura && analisis && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="paso-columnas">
            <Stack gap="sm">
              <Title order={2} size="h4" id="paso-columnas">
                2. Columnas
              </Title>
              <Text>
                Encontramos {cantidad(analisis.actividades, 'actividad', 'actividades')} bajo los encabezados
                de la fila {analisis.filaEncabezado}. Cada columna va a un campo del plan; lo que elija se
                recuerda para el próximo año.
              </Text>
              <Numero
                label="Fila de los encabezados"
                min={1}
                max={lectura.filas.at(-1)?.numero ?? 1}
                value={analisis.filaEncabezado}
                onChange={(v) => {
                  const n = Number(v);
                  if (Number.isInteger(n) && lectura.filas.some((f) => f.numero === n))
                    // A new header row: its own suggestions, not the old row's mapping.
                    volverARevisar({ filaEncabezado: n, mapeo: undefined });
                }}
                w={200}
              />
              {analisis.faltan.length > 0 && (
                <Text c="red.8" role="alert">
                  Falta elegir la columna de: {analisis.faltan.join(', ')}.
                </Text>
              )}
              <TablaDatos
                titulo="Columnas de su hoja"
                sustantivo={['columna', 'columnas']}
                filas={analisis.columnas}
                idFila={(c) => String(c.indice)}
                porPagina={60}
                buscar={false}
                columnas={[
                  {
                    id: 'encabezado',
                    titulo: 'Encabezado en su hoja',
                    valor: (c) => c.encabezado || `(columna ${c.indice + 1} sin título)`,
                    principal: true,
                  },
                  { id: 'ejemplo', titulo: 'Primer valor', valor: (c) => c.ejemplo || null },
                  {
                    id: 'campo',
                    titulo: 'Campo del plan',
                    valor: (c) => c.campo ?? '',
                    ancha: true,
                    celda: (c) => (
                      <Group gap="xs">
                        <NativeSelect
                          aria-label={`Campo del plan para «${c.encabezado || `columna ${c.indice + 1}`}»`}
                          value={c.campo ?? ''}
                          data={[
                            { value: '', label: 'No importar' },
                            ...analisis.campos.map((x) => ({ value: x.campo, label: x.nombre })),
                          ]}
                          onChange={(e) => {
                            const valor = e.currentTarget.value || null;
                            // A field goes to one column: choosing it here frees it elsewhere.
                            const mapeo = analisis.columnas.map((x) =>
                              x.indice === c.indice ? valor : x.campo === valor ? null : x.campo,
                            );
                            volverARevisar({ mapeo });
                          }}
                        />
                        {c.origen === 'guardado' && <Badge variant="light">del año pasado</Badge>}
                      </Group>
                    ),
                  },
                ]}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="paso-nombres">
            <Stack gap="sm">
              <Title order={2} size="h4" id="paso-nombres">
                3. Nombres
              </Title>
              <Text>
                {sinElegir === 0
                  ? 'Todas las políticas, dependencias y personas de la hoja corresponden a unas de la plataforma. Revise las parecidas.'
                  : `${cantidad(sinElegir, 'nombre no coincide', 'nombres no coinciden')} con nada de la plataforma: elija a cuál corresponde${puede('dependencia.editar') || puede('usuario.gestionar') ? ', o créelo aquí' : ''}.`}
              </Text>
              {(Object.keys(TITULOS) as Tipo[]).map((t) => (
                <Nombres
                  key={t}
                  tipo={t}
                  analisis={analisis}
                  entidadId={id}
                  puedeCrear={
                    t === 'dependencia'
                      ? puede('dependencia.editar')
                      : t === 'responsable' && puede('usuario.gestionar')
                  }
                  alElegir={(texto, valor) => {
                    const e = { ...elecciones, [t]: { ...elecciones[t], [texto]: valor } };
                    setElecciones(e);
                    volverARevisar({ equivalencias: e });
                  }}
                  alCrear={() => volverARevisar()}
                />
              ))}
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="paso-tipos">
            <Stack gap="sm">
              <Title order={2} size="h4" id="paso-tipos">
                4. Tipos de meta
              </Title>
              <Text>
                Por la redacción de cada actividad sugerimos cómo se cuenta su avance. Confirme o cambie los
                que no correspondan.
              </Text>
              <TablaDatos
                titulo="Tipo de meta de cada actividad"
                sustantivo={['actividad', 'actividades']}
                filas={analisis.tipos}
                idFila={(x) => String(x.fila)}
                porPagina={10}
                buscar
                columnas={[
                  { id: 'fila', titulo: 'Fila', valor: (x) => x.fila, numerica: true },
                  { id: 'actividad', titulo: 'Actividad', valor: (x) => x.actividad, principal: true },
                  {
                    id: 'tipo',
                    titulo: 'Tipo de meta',
                    valor: (x) => NOMBRE_ACUMULACION[x.acumulacion],
                    filtro: true,
                    ancha: true,
                    celda: (x) => (
                      <NativeSelect
                        aria-label={`Tipo de meta de la fila ${x.fila}`}
                        miw={210}
                        value={x.acumulacion}
                        data={ACUMULACIONES.map((a) => ({ value: a, label: NOMBRE_ACUMULACION[a] }))}
                        onChange={(e) => {
                          const nuevos = { ...tipos, [String(x.fila)]: e.currentTarget.value as Acumulacion };
                          setTipos(nuevos);
                          volverARevisar({ tipos: nuevos });
                        }}
                      />
                    ),
                  },
                  { id: 'motivo', titulo: 'Por qué', valor: (x) => x.motivo },
                ]}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="paso-importar">
            <Stack gap="sm">
              <Title order={2} size="h4" id="paso-importar">
                5. Importar
              </Title>
              <MensajeError error={revisar.error} />
              {importar.isSuccess ? (
                <Exito>
                  Se importaron {cantidad(importar.data.importadas, 'actividad', 'actividades')} al plan{' '}
                  {vigencia} en borrador. <Enlace a="/plan">Ver el plan</Enlace>
                </Exito>
              ) : (
                <Group>
                  <Button
                    loading={importar.isPending}
                    disabled={revisar.isPending || analisis.faltan.length > 0}
                    onClick={alImportar}
                  >
                    Importar {cantidad(analisis.actividades, 'actividad', 'actividades')}
                  </Button>
                  <Text size="sm">Si alguna fila tiene un problema no se importa nada y verá cuál.</Text>
                </Group>
              )}
              <MensajeError error={importar.error} />
              <ProblemasImportacion problemas={problemas} />
            </Stack>
          </Paper>
        </>
      )}
    </Pagina>
  );
}

/** The written names of one kind that are not exactly the platform's, each with its choice (and «crear»). */
function Nombres({
  tipo,
  analisis,
  entidadId,
  puedeCrear,
  alElegir,
  alCrear,
}: {
  tipo: Tipo;
  analisis: AnalisisHoja;
  entidadId: string;
  puedeCrear: boolean;
  alElegir: (texto: string, id: string | null) => void;
  alCrear: () => void;
}) {
  const valores = analisis.valores[tipo].filter((v) => !v.exacto);
  if (!valores.length) return null;
  return (
    <Stack gap="xs" component="section" aria-label={TITULOS[tipo]}>
      <Title order={3} size="h5">
        {TITULOS[tipo]}
      </Title>
      {valores.map((v) => (
        <Group key={v.texto} align="end" gap="sm">
          <NativeSelect
            label={`«${v.texto}» (${cantidad(v.filas, 'fila', 'filas')})`}
            value={v.id ?? ''}
            data={[
              { value: '', label: 'Sin elegir' },
              ...analisis.opciones[tipo].map((o) => ({ value: o.id, label: o.nombre })),
            ]}
            onChange={(e) => alElegir(v.texto, e.currentTarget.value || null)}
            error={v.id ? undefined : 'No coincide con ninguna'}
            style={{ flex: 1, minWidth: 220 }}
          />
          {!v.id && puedeCrear && tipo === 'dependencia' && (
            <CrearDependencia nombre={v.texto} entidadId={entidadId} alCrear={alCrear} />
          )}
          {!v.id && puedeCrear && tipo === 'responsable' && (
            <InvitarPersona nombre={v.texto} entidadId={entidadId} alCrear={alCrear} />
          )}
        </Group>
      ))}
    </Stack>
  );
}

function CrearDependencia({
  nombre,
  entidadId,
  alCrear,
}: {
  nombre: string;
  entidadId: string;
  alCrear: () => void;
}) {
  const guardar = useGuardarDependencia(entidadId);
  return (
    <Stack gap={4}>
      <Button
        variant="outline"
        loading={guardar.isPending}
        onClick={() =>
          guardar.mutate({ id: null, datos: { nombre, codigo: null, padreId: null } }, { onSuccess: alCrear })
        }
      >
        Crear la dependencia «{nombre}»
      </Button>
      <MensajeError error={guardar.error} />
    </Stack>
  );
}

function InvitarPersona({
  nombre,
  entidadId,
  alCrear,
}: {
  nombre: string;
  entidadId: string;
  alCrear: () => void;
}) {
  const crear = useCrearUsuario(entidadId);
  const [correo, setCorreo] = useState('');
  return (
    <Stack gap={4}>
      <Group align="end" gap="xs">
        <TextInput
          type="email"
          label={`Correo de ${nombre}`}
          value={correo}
          onChange={(e) => setCorreo(e.currentTarget.value)}
          autoComplete="off"
        />
        <Button
          variant="outline"
          disabled={!correo.includes('@')}
          loading={crear.isPending}
          onClick={() =>
            crear.mutate(
              { nombre, correo: correo.trim(), cargo: null, roles: ['responsable_actividad'] },
              { onSuccess: alCrear },
            )
          }
        >
          Invitar a {nombre}
        </Button>
      </Group>
      {crear.isSuccess && crear.data.invitacion && (
        <Text size="sm">
          {correo} ya tiene cuenta: se le envió una invitación. Mientras la acepta, elija otra persona o
          déjela para después.
        </Text>
      )}
      <MensajeError error={crear.error} />
    </Stack>
  );
}
