import { numeroCo } from '@core/numeros.ts';
import { Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MensajeError } from '../../ui/componentes.tsx';
import { useTrabajo } from '../../ui/contexto.tsx';
import { cantidad, fechaCivil } from '../../ui/formato.ts';
import { comparacionQuery, versionesQuery } from './api.ts';
import { textoActo } from './flujo-plan.tsx';

const valor = (v: unknown) =>
  v === null || v === undefined
    ? '(vacío)'
    : Array.isArray(v)
      ? v.map((x) => numeroCo(Number(x))).join(' · ')
      : typeof v === 'number'
        ? numeroCo(v)
        : /^\d{4}-\d{2}-\d{2}$/.test(String(v))
          ? fechaCivil(String(v))
          : String(v);

/** Every approved version with its acta, and what changed between any two. */
export function VersionesPlan({ actual }: { actual: number }) {
  const { entidad, vigencia } = useTrabajo();
  const versiones = useQuery(versionesQuery(entidad?.id, vigencia));
  const [desde, setDesde] = useState(1);
  const [hasta, setHasta] = useState(actual);
  const [pedida, setPedida] = useState<[number, number] | null>(null);
  const comparacion = useQuery(comparacionQuery(entidad?.id, vigencia, pedida));
  const lista = versiones.data ?? [];
  if (actual < 2 && lista.length < 2) return null;
  const opciones = [...new Set([...lista.map((v) => v.version), actual])].map((n) => ({
    value: String(n),
    label: `Versión ${n}${lista.some((v) => v.version === n) ? '' : ' (en curso)'}`,
  }));
  const c = comparacion.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="versiones-plan">
      <Stack gap="sm">
        <Title order={2} size="h4" id="versiones-plan">
          Versiones del plan
        </Title>
        <List>
          {lista.map((v) => (
            <List.Item key={v.version}>
              Versión {v.version}: {cantidad(v.actividades, 'actividad', 'actividades')},{' '}
              {v.tipoCambio === 'sustancial'
                ? 'aprobada por el órgano de la entidad'
                : `aprobada por planeación como cambio menor${v.aprobadoPor ? ` (${v.aprobadoPor})` : ''}`}
              {v.fechaSesionComite ? ` en la sesión del ${fechaCivil(v.fechaSesionComite)}` : ''}
              {v.actaComite ? `, ${v.actaComite}` : ''}
              {v.acto && v.tipoCambio === 'sustancial' ? `; adoptada mediante ${textoActo(v.acto)}` : ''}.
              {v.justificacion ? ` Motivo del cambio: ${v.justificacion}` : ''}
            </List.Item>
          ))}
        </List>
        <Group align="end">
          <NativeSelect
            label="Comparar la versión"
            data={opciones}
            value={String(desde)}
            onChange={(e) => setDesde(Number(e.currentTarget.value))}
          />
          <NativeSelect
            label="con la versión"
            data={opciones}
            value={String(hasta)}
            onChange={(e) => setHasta(Number(e.currentTarget.value))}
          />
          <Button variant="outline" onClick={() => setPedida([desde, hasta])}>
            Comparar
          </Button>
        </Group>
        <MensajeError error={comparacion.error} />
        {c && (
          <Stack gap={4} aria-live="polite">
            {c.agregadas.length + c.quitadas.length + c.cambiadas.length === 0 && (
              <Text>Las dos versiones son iguales.</Text>
            )}
            {c.agregadas.map((a) => (
              <Text key={`a-${a.id}`}>
                <strong>Agregada:</strong> {a.codigo} · {a.nombre}
              </Text>
            ))}
            {c.quitadas.map((a) => (
              <Text key={`q-${a.id}`}>
                <strong>Quitada:</strong> {a.codigo} · {a.nombre}
              </Text>
            ))}
            {c.cambiadas.map((a) => (
              <div key={`c-${a.id}`}>
                <Text>
                  <strong>Cambió:</strong> {a.codigo} · {a.nombre}
                </Text>
                <List size="sm">
                  {a.cambios.map((x) => (
                    <List.Item key={x.etiqueta}>
                      {x.etiqueta}: {valor(x.antes)} → {valor(x.despues)}
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
