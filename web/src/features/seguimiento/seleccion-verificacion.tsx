import type { CriterioEntrada, HojaSeguimiento } from '@contrato/seguimiento.ts';
import { NOMBRE_TIPO_CRITERIO, TIPOS_CRITERIO, type TipoCriterio } from '@core/verificacion.ts';
import { Button, Group, List, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { MensajeError } from '../../ui/componentes.tsx';
import { fechaHora } from '../../ui/formato.ts';
import { Numero } from '../../ui/numero.tsx';
import { dependenciasQuery } from '../dependencias/api.ts';
import { seleccionQuery, useCambiarSeleccion } from './api.ts';

/**
 * Control interno's selection for the vigencia: what it verifies (by policy, dependencia, a reproducible
 * sample or activity by activity, each with who chose it and why). Everyone sees it; control interno edits it.
 */
export function SeleccionVerificacion({
  entidadId,
  vigencia,
  filas,
  nombrePolitica,
  editable,
}: {
  entidadId: string;
  vigencia: number;
  filas: HojaSeguimiento['filas'];
  nombrePolitica: Map<string, string>;
  editable: boolean;
}) {
  const seleccion = useQuery(seleccionQuery(entidadId, vigencia));
  const dependencias = useQuery({ ...dependenciasQuery(entidadId), enabled: editable });
  const cambiar = useCambiarSeleccion(entidadId, vigencia);
  const [abierta, setAbierta] = useState(false);
  const [tipo, setTipo] = useState<TipoCriterio>('politica');
  const [destino, setDestino] = useState('');
  const [porcentaje, setPorcentaje] = useState<string | number>(20);
  const [semilla, setSemilla] = useState('');
  const [motivo, setMotivo] = useState('');
  const s = seleccion.data;
  const errores = erroresPorCampo(cambiar.error);
  const politicas = [...new Set(filas.map((f) => f.actividad.politica))];
  const criterio = (): CriterioEntrada => {
    const m = motivo.trim() || null;
    switch (tipo) {
      case 'todas':
        return { tipo, motivo: m };
      case 'politica':
        return { tipo, politica: destino, motivo: m };
      case 'dependencia':
        return { tipo, dependenciaId: destino, motivo: m };
      case 'actividad':
        return { tipo, actividadId: destino, motivo: m };
      case 'muestra':
        return { tipo, porcentaje: Number(porcentaje), semilla: semilla.trim() || undefined, motivo: m };
    }
  };
  const opciones =
    tipo === 'politica'
      ? politicas.map((p) => ({ value: p, label: nombrePolitica.get(p) ?? p }))
      : tipo === 'dependencia'
        ? (dependencias.data ?? []).map((d) => ({ value: d.id, label: d.nombre }))
        : tipo === 'actividad'
          ? filas.map((f) => ({
              value: f.actividad.id,
              label: `${f.actividad.codigo} — ${f.actividad.nombre}`,
            }))
          : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="seleccion-verificacion">
      <Group justify="space-between" align="start">
        <div>
          <Title order={2} size="h5" id="seleccion-verificacion">
            Selección de control interno para verificar ({vigencia})
          </Title>
          {s && (
            <Text size="sm">
              {s.todas
                ? 'Sin selección registrada: control interno verifica todos los reportes que planeación acepta.'
                : `Se verifican ${s.seleccionadas} de ${s.actividades} actividades (las elegidas por control interno y su propio trabajo, que verifica planeación). Un reporte no elegido queda completo cuando planeación lo acepta.`}
            </Text>
          )}
        </div>
        <Button
          variant="subtle"
          onClick={() => setAbierta((x) => !x)}
          aria-expanded={abierta}
          aria-controls="seleccion-verificacion-detalle"
        >
          {abierta ? 'Ocultar la selección' : editable ? 'Elegir qué verificar' : 'Ver la selección'}
        </Button>
      </Group>
      <MensajeError error={seleccion.error} />
      {abierta && s && (
        <Stack id="seleccion-verificacion-detalle" mt="sm" gap="sm">
          {s.criterios.length === 0 ? (
            <Text size="sm">Aún no hay criterios.</Text>
          ) : (
            <List>
              {s.criterios.map((c) => (
                <List.Item key={c.id}>
                  <Text span fw={600}>
                    {c.descripcion}
                  </Text>{' '}
                  <Text span size="sm">
                    ({c.actividades} {c.actividades === 1 ? 'actividad' : 'actividades'} · elegido
                    {c.creadoPorNombre ? ` por ${c.creadoPorNombre}` : ''} el{' '}
                    {fechaHora(new Date(c.creadoEn))}
                    {c.motivo ? ` · ${c.motivo}` : ''})
                  </Text>
                  {editable && (
                    <Button
                      size="compact-xs"
                      variant="outline"
                      color="#a51d1d"
                      ml="xs"
                      aria-label={`Quitar el criterio ${c.descripcion}`}
                      disabled={cambiar.isPending}
                      onClick={() => cambiar.mutate({ quitar: c.id })}
                    >
                      Quitar
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          )}
          {editable && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                cambiar.mutate(
                  { agregar: criterio() },
                  {
                    onSuccess: () => {
                      setDestino('');
                      setMotivo('');
                      setSemilla('');
                    },
                  },
                );
              }}
            >
              <Stack gap="xs">
                <Group align="end" grow>
                  <NativeSelect
                    label="Criterio"
                    value={tipo}
                    onChange={(e) => {
                      setTipo(e.currentTarget.value as TipoCriterio);
                      setDestino('');
                    }}
                    data={TIPOS_CRITERIO.map((t) => ({ value: t, label: NOMBRE_TIPO_CRITERIO[t] }))}
                    error={errores.tipo}
                  />
                  {tipo === 'politica' || tipo === 'dependencia' || tipo === 'actividad' ? (
                    <NativeSelect
                      label={
                        tipo === 'politica'
                          ? 'Política'
                          : tipo === 'dependencia'
                            ? 'Dependencia'
                            : 'Actividad'
                      }
                      value={destino}
                      onChange={(e) => setDestino(e.currentTarget.value)}
                      data={[{ value: '', label: 'Elija…' }, ...opciones]}
                      error={errores.politica ?? errores.dependenciaId ?? errores.actividadId}
                    />
                  ) : null}
                  {tipo === 'muestra' && (
                    <>
                      <Numero
                        label="Porcentaje de la muestra"
                        suffix=" %"
                        min={1}
                        max={100}
                        allowDecimal={false}
                        value={porcentaje}
                        onChange={setPorcentaje}
                        error={errores.porcentaje}
                      />
                      <TextInput
                        label="Semilla (opcional)"
                        description="La misma semilla repite la misma muestra; sin ella se sortea una."
                        value={semilla}
                        onChange={(e) => setSemilla(e.currentTarget.value)}
                        error={errores.semilla}
                      />
                    </>
                  )}
                </Group>
                <TextInput
                  label="Motivo (opcional)"
                  description="Por ejemplo, la auditoría del Plan Anual de Auditoría que lo pide."
                  value={motivo}
                  onChange={(e) => setMotivo(e.currentTarget.value)}
                  error={errores.motivo}
                />
                <MensajeError error={cambiar.error} />
                <Group>
                  <Button type="submit" loading={cambiar.isPending} disabled={cambiar.isPending}>
                    Agregar a la selección
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Paper>
  );
}
