import type { HojaSeguimiento } from '@contrato/seguimiento.ts';
import { Alert, Button, Checkbox, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { MensajeError } from '../../ui/componentes.tsx';
import { cantidad } from '../../ui/formato.ts';
import { Ventana } from '../../ui/ventana.tsx';
import { useRevisarEnLote } from './api.ts';

type Fila = HojaSeguimiento['filas'][number];

const PASOS = {
  aceptar: { espera: 'enviado', verbo: 'Aceptar', hecho: 'aceptados', quien: 'planeación' },
  verificar: { espera: 'aceptado', verbo: 'Verificar', hecho: 'verificados', quien: 'control interno' },
} as const;

/**
 * For planeación (accept) or control interno (verify): the reports of the period waiting for that step,
 * with a choice of which ones, given in one go. Reports with observations to write are reviewed one by one.
 */
export function RevisionEnLote({
  entidadId,
  periodo,
  filas,
  accion,
}: {
  entidadId: string;
  periodo: number;
  filas: Fila[];
  accion: 'aceptar' | 'verificar';
}) {
  const paso = PASOS[accion];
  // Control interno verifies in one go only what it chose and is its own to verify.
  const esperan = filas.filter(
    (f) =>
      f.reporte?.estado === paso.espera &&
      (accion === 'aceptar' || (f.verificacion.seleccionada && f.verificacion.linea === 'control_interno')),
  );
  const [abierta, setAbierta] = useState(false);
  const [elegidas, setElegidas] = useState<string[]>([]);
  const revisar = useRevisarEnLote(entidadId, periodo);
  if (esperan.length < 2 && !revisar.data) return null;
  const nombreDe = new Map(
    filas.map((f) => [f.actividad.id, `${f.actividad.codigo} — ${f.actividad.nombre}`]),
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text>
            {cantidad(esperan.length, 'reporte espera', 'reportes esperan')} la revisión de {paso.quien}.
          </Text>
          {esperan.length > 0 && (
            <Button
              variant="outline"
              onClick={() => {
                // None chosen at first: each one is a decision, not a stamp on a whole list.
                setElegidas([]);
                revisar.reset();
                setAbierta(true);
              }}
            >
              {paso.verbo} varios a la vez
            </Button>
          )}
        </Group>
        {revisar.data && !abierta && (
          <Alert
            color="green.9"
            variant="outline"
            role="status"
            title={`${cantidad(revisar.data.aplicados, 'reporte', 'reportes')} ${revisar.data.aplicados === 1 ? paso.hecho.slice(0, -1) : paso.hecho}`}
          >
            {revisar.data.resultados.some((r) => !r.ok) && (
              <List size="sm">
                {revisar.data.resultados
                  .filter((r) => !r.ok)
                  .map((r) => (
                    <List.Item key={r.actividadId}>
                      {nombreDe.get(r.actividadId) ?? r.actividadId}: {r.mensaje}
                    </List.Item>
                  ))}
              </List>
            )}
          </Alert>
        )}
      </Stack>
      <Ventana opened={abierta} onClose={() => setAbierta(false)} title={`${paso.verbo} reportes`} size="lg">
        <Stack>
          <Checkbox
            label={`Todos (${esperan.length})`}
            checked={elegidas.length === esperan.length}
            indeterminate={elegidas.length > 0 && elegidas.length < esperan.length}
            onChange={(e) => setElegidas(e.currentTarget.checked ? esperan.map((f) => f.actividad.id) : [])}
          />
          <Checkbox.Group
            label="Reportes que se revisan"
            description="Revise antes cada reporte y su evidencia; los que necesiten observaciones, devuélvalos uno por uno."
            value={elegidas}
            onChange={setElegidas}
          >
            <Stack gap={6} mt="xs">
              {esperan.map((f) => (
                <Checkbox
                  key={f.actividad.id}
                  value={f.actividad.id}
                  label={`${f.actividad.codigo} — ${f.actividad.nombre}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <MensajeError error={revisar.error} />
          <Group>
            <Button
              disabled={elegidas.length === 0 || revisar.isPending}
              loading={revisar.isPending}
              onClick={() =>
                revisar.mutate({ accion, actividades: elegidas }, { onSuccess: () => setAbierta(false) })
              }
            >
              {paso.verbo} {cantidad(elegidas.length, 'reporte', 'reportes')}
            </Button>
            <Button variant="subtle" onClick={() => setAbierta(false)}>
              Cancelar
            </Button>
          </Group>
        </Stack>
      </Ventana>
    </Paper>
  );
}
