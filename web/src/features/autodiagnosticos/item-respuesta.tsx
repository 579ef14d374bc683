// One item of a questionnaire, answered by its kind, with «no aplica», the observation and its own save
// button: each item is saved apart, so a long questionnaire is never lost to a cut connection.

import type { Item, Respuesta } from '@core/cuestionario.ts';
import { numeroCo } from '@core/numeros.ts';
import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { ErrorApi, erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { Numero } from '../../ui/numero.tsx';

/**
 * The options chosen after ticking or unticking `codigo`: a cancelling option («Ninguna de las anteriores»)
 * ticked leaves it alone, and any other option ticked unticks it. In the item's order, no repeats.
 */
export function alternarOpcion(item: Item, elegidas: readonly string[], codigo: string, marcar: boolean) {
  const opciones = item.opciones ?? [];
  const anuladora = opciones.find((o) => o.anula)?.codigo;
  if (!marcar) return elegidas.filter((c) => c !== codigo);
  if (codigo === anuladora) return [codigo];
  const nuevas = new Set([...elegidas.filter((c) => c !== anuladora), codigo]);
  return opciones.filter((o) => nuevas.has(o.codigo)).map((o) => o.codigo);
}

/** What is sent for the draft: null (blank) when nothing of the item's kind is filled in. */
export function respuestaDe(item: Item, b: Respuesta): Respuesta | null {
  if (b.noAplica) return { noAplica: true };
  switch (item.tipo) {
    case 'seleccion_unica':
      return b.opcion ? { opcion: b.opcion } : null;
    case 'seleccion_multiple':
      return b.opciones?.length ? { opciones: b.opciones } : null;
    case 'seleccion_multiple_numero': {
      const cantidades = Object.fromEntries(
        Object.entries(b.cantidades ?? {}).filter(([, x]) => Number.isFinite(x)),
      );
      return Object.keys(cantidades).length ? { cantidades } : null;
    }
    case 'numero':
      return b.numero !== undefined ? { numero: b.numero } : null;
    case 'texto':
      return b.texto?.trim() ? { texto: b.texto } : null;
    case 'matriz':
      return Object.keys(b.celdas ?? {}).length ? { celdas: b.celdas } : null;
    case 'puntaje':
      return b.puntaje !== undefined ? { puntaje: b.puntaje } : null;
  }
}

const cifra = (x: number) => numeroCo(x);
const aNumero = (v: number | string) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

function Grupo({ leyenda, children, oculta }: { leyenda: string; children: ReactNode; oculta?: boolean }) {
  return (
    <fieldset className="grupo-opciones">
      <legend className={oculta ? 'solo-lector' : undefined}>{leyenda}</legend>
      <Stack gap="xs">{children}</Stack>
    </fieldset>
  );
}

/** The controls of the item's kind; `cambiar` gets the whole new draft. */
function Controles({
  item,
  b,
  cambiar,
  deshabilitado,
  error,
}: {
  item: Item;
  b: Respuesta;
  cambiar: (r: Respuesta) => void;
  deshabilitado: boolean;
  error?: string;
}) {
  const opciones = item.opciones ?? [];
  const rango =
    item.minimo != null || item.maximo != null
      ? `Entre ${cifra(item.minimo ?? 0)} y ${cifra(item.maximo ?? 0)}${item.decimales === 0 ? ', sin decimales' : ''}.`
      : undefined;
  const decimales = item.decimales ?? 6;
  switch (item.tipo) {
    case 'seleccion_unica':
      return (
        <Grupo leyenda="Respuesta">
          {opciones.map((o) => (
            <Radio
              key={o.codigo}
              label={o.texto}
              name={`${item.codigo}-opcion`}
              value={o.codigo}
              checked={b.opcion === o.codigo}
              disabled={deshabilitado}
              onChange={() => cambiar({ opcion: o.codigo })}
            />
          ))}
        </Grupo>
      );
    case 'seleccion_multiple':
      return (
        <Grupo leyenda="Marque las que correspondan">
          {opciones.map((o) => (
            <Checkbox
              key={o.codigo}
              label={o.anula ? `${o.texto} (desmarca las demás)` : o.texto}
              checked={b.opciones?.includes(o.codigo) ?? false}
              disabled={deshabilitado}
              onChange={(e) =>
                cambiar({
                  opciones: alternarOpcion(item, b.opciones ?? [], o.codigo, e.currentTarget.checked),
                })
              }
            />
          ))}
        </Grupo>
      );
    case 'seleccion_multiple_numero':
      return (
        <Grupo
          leyenda={`Escriba el número de cada opción que corresponda${rango ? ` (${rango.slice(0, -1).toLowerCase()})` : ''}; deje en blanco las demás`}
        >
          {opciones.map((o) => (
            <Numero
              key={o.codigo}
              label={o.texto}
              value={b.cantidades?.[o.codigo] ?? ''}
              min={item.minimo ?? undefined}
              max={item.maximo ?? undefined}
              decimalScale={decimales}
              disabled={deshabilitado}
              onChange={(v) => {
                const x = aNumero(v);
                const { [o.codigo]: _fuera, ...resto } = b.cantidades ?? {};
                cambiar({ cantidades: x === undefined ? resto : { ...resto, [o.codigo]: x } });
              }}
              maw={280}
            />
          ))}
        </Grupo>
      );
    case 'numero':
    case 'puntaje': {
      const puntaje = item.tipo === 'puntaje';
      const valor = puntaje ? b.puntaje : b.numero;
      return (
        <Numero
          label={puntaje ? 'Puntaje (0 a 100)' : 'Número'}
          description={puntaje ? 'De 0 a 100, hasta 2 decimales.' : rango}
          value={valor ?? ''}
          min={puntaje ? 0 : (item.minimo ?? undefined)}
          max={puntaje ? 100 : (item.maximo ?? undefined)}
          decimalScale={puntaje ? 2 : decimales}
          disabled={deshabilitado}
          error={error}
          onChange={(v) => {
            const x = aNumero(v);
            cambiar(x === undefined ? {} : puntaje ? { puntaje: x } : { numero: x });
          }}
          maw={280}
        />
      );
    }
    case 'texto':
      return (
        <Textarea
          label="Respuesta"
          value={b.texto ?? ''}
          autosize
          minRows={2}
          maxLength={4000}
          disabled={deshabilitado}
          error={error}
          onChange={(e) => cambiar({ texto: e.currentTarget.value })}
        />
      );
    case 'matriz':
      // One group of options per row: it reads on a phone, where a grid of radios would not fit.
      return (
        <Stack gap="xs">
          {(item.filas ?? []).map((f) => (
            <Grupo key={f.codigo} leyenda={f.texto}>
              <Group gap="md" wrap="wrap">
                {opciones.map((o) => (
                  <Radio
                    key={o.codigo}
                    label={o.texto}
                    name={`${item.codigo}-${f.codigo}`}
                    value={o.codigo}
                    checked={b.celdas?.[f.codigo] === o.codigo}
                    disabled={deshabilitado}
                    onChange={() => cambiar({ celdas: { ...b.celdas, [f.codigo]: o.codigo } })}
                  />
                ))}
              </Group>
            </Grupo>
          ))}
        </Stack>
      );
  }
}

export interface GuardadoItem {
  respuesta: Respuesta | null;
  observacion: string | null;
}

/**
 * An item to answer (or to read, when `soloLectura`). `alCambiar` reports the draft, so the page shows or
 * hides the items whose skip logic reads it before anything is saved. `evidencias` is the linked evidence;
 * `contexto` goes under the question (who answers it, last vigencia's answer).
 */
export function ItemRespuesta({
  item,
  guardado,
  soloLectura,
  guardar,
  alCambiar,
  evidencias,
  contexto,
}: {
  item: Item;
  guardado: GuardadoItem | undefined;
  soloLectura: boolean;
  guardar: (g: GuardadoItem) => Promise<unknown>;
  alCambiar?: (r: Respuesta | null) => void;
  evidencias?: ReactNode;
  contexto?: ReactNode;
}) {
  const id = useId();
  const [b, setB] = useState<Respuesta>(guardado?.respuesta ?? {});
  const [observacion, setObservacion] = useState(guardado?.observacion ?? '');
  const [estado, setEstado] = useState<'guardado' | 'cambios' | 'guardando' | 'error' | null>(
    guardado ? 'guardado' : null,
  );
  const [error, setError] = useState<unknown>(null);
  const cambiar = (r: Respuesta) => {
    setB(r);
    setEstado('cambios');
    alCambiar?.(respuestaDe(item, r));
  };
  const campos = erroresPorCampo(error);
  const errorRespuesta = campos.respuesta;
  const errorObservacion = campos.observacion;
  const otroError = error && !errorRespuesta && !errorObservacion ? error : null;
  const enviar = async () => {
    setEstado('guardando');
    setError(null);
    try {
      await guardar({ respuesta: respuestaDe(item, b), observacion: observacion.trim() || null });
      setEstado('guardado');
    } catch (e) {
      setError(e instanceof Error ? e : new ErrorApi(0, String(e)));
      setEstado('error');
    }
  };
  const deshabilitado = soloLectura || !!b.noAplica;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby={`${id}-titulo`}
      className="item-cuestionario"
    >
      <Stack gap="xs">
        <Text fw={700} id={`${id}-titulo`}>
          {item.codigo}. {item.texto}
        </Text>
        {item.ayuda && (
          <Text size="sm" c="dimmed">
            {item.ayuda}
          </Text>
        )}
        {item.evidencia && <Text size="sm">Este ítem exige evidencia.</Text>}
        {contexto}
        <Controles item={item} b={b} cambiar={cambiar} deshabilitado={deshabilitado} error={errorRespuesta} />
        {errorRespuesta && !['numero', 'puntaje', 'texto'].includes(item.tipo) && (
          <Text size="sm" c="red.8" role="alert">
            {errorRespuesta}
          </Text>
        )}
        {item.noAplica && (
          <Checkbox
            label="No aplica"
            checked={!!b.noAplica}
            disabled={soloLectura}
            onChange={(e) => cambiar(e.currentTarget.checked ? { noAplica: true } : {})}
          />
        )}
        <Textarea
          label="Observación"
          value={observacion}
          autosize
          minRows={1}
          maxLength={4000}
          disabled={soloLectura}
          error={errorObservacion}
          onChange={(e) => {
            setObservacion(e.currentTarget.value);
            setEstado('cambios');
          }}
        />
        {evidencias}
        <MensajeError error={otroError} />
        {!soloLectura && (
          <Group gap="sm" align="center">
            <Button
              variant="light"
              onClick={enviar}
              loading={estado === 'guardando'}
              disabled={estado === 'guardado'}
              aria-label={`Guardar la respuesta de ${item.codigo}`}
            >
              Guardar
            </Button>
            <Text size="sm" role="status">
              {estado === 'guardado' ? 'Guardado' : estado === 'cambios' ? 'Cambios sin guardar' : ''}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
