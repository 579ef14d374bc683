import type { ConclusionesPtep } from '@contrato/informes.ts';
import { hoyEnColombia } from '@core/calendario.ts';
import { Anchor, Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Exito, MensajeError } from '../../ui/componentes.tsx';

interface Conclusiones {
  conclusiones: string | null;
  actualizadoEn: string | null;
}

const CORTES = ['30 de abril', '31 de agosto', '31 de diciembre'];
const conclusionesQuery = (entidadId: string, vigencia: number, cuatrimestre: number) =>
  queryOptions({
    queryKey: ['informes', 'ptep', entidadId, vigencia, cuatrimestre] as const,
    queryFn: () =>
      api<Conclusiones>(
        'GET',
        `/api/entidades/${entidadId}/informes/ptep/${vigencia}/${cuatrimestre}/conclusiones`,
      ),
  });

/** The cuatrimestre whose cut-off passed last (the first one before 30 April). */
function cuatrimestreVigente(vigencia: number) {
  const hoy = hoyEnColombia();
  const pasados = [`${vigencia}-04-30`, `${vigencia}-08-31`, `${vigencia}-12-31`].filter(
    (c) => c < hoy,
  ).length;
  return Math.min(3, Math.max(1, pasados));
}

/**
 * Control interno's four-monthly follow-up of the Programa de Transparencia y Ética Pública: its PDF, and the
 * conclusions only control interno writes.
 */
export function SeguimientoPtep({
  entidadId,
  vigencia,
  escribe,
}: {
  entidadId: string;
  vigencia: number;
  /** Control interno: writes the conclusions. */
  escribe: boolean;
}) {
  const [cuatrimestre, setCuatrimestre] = useState(() => cuatrimestreVigente(vigencia));
  const guardadas = useQuery({ ...conclusionesQuery(entidadId, vigencia, cuatrimestre), enabled: escribe });
  return (
    <Stack gap="xs">
      <Group align="end" gap="md">
        <NativeSelect
          label="Seguimiento al PTEP"
          value={String(cuatrimestre)}
          onChange={(e) => {
            setCuatrimestre(Number(e.currentTarget.value));
          }}
          data={CORTES.map((c, i) => ({
            value: String(i + 1),
            label: `Cuatrimestre ${i + 1} (corte al ${c})`,
          }))}
        />
        <Anchor
          href={`/api/entidades/${entidadId}/informes/ptep.pdf?vigencia=${vigencia}&cuatrimestre=${cuatrimestre}`}
          download
        >
          Seguimiento al PTEP, cuatrimestre {cuatrimestre} (PDF)
        </Anchor>
      </Group>
      {escribe && !guardadas.data && <MensajeError error={guardadas.error} />}
      {escribe && guardadas.data && (
        <FormConclusiones
          key={cuatrimestre}
          entidadId={entidadId}
          vigencia={vigencia}
          cuatrimestre={cuatrimestre}
          guardadas={guardadas.data.conclusiones ?? ''}
        />
      )}
    </Stack>
  );
}

/** Starts from the saved text once it arrived (one form per cuatrimestre), so nothing typed is overwritten. */
function FormConclusiones({
  entidadId,
  vigencia,
  cuatrimestre,
  guardadas,
}: {
  entidadId: string;
  vigencia: number;
  cuatrimestre: number;
  guardadas: string;
}) {
  const [texto, setTexto] = useState(guardadas);
  const cliente = useQueryClient();
  const guardar = useMutation({
    mutationFn: (cuerpo: ConclusionesPtep) =>
      api<Conclusiones>(
        'PUT',
        `/api/entidades/${entidadId}/informes/ptep/${vigencia}/${cuatrimestre}/conclusiones`,
        cuerpo,
      ),
    onSuccess: (r) => cliente.setQueryData(conclusionesQuery(entidadId, vigencia, cuatrimestre).queryKey, r),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        guardar.mutate({ conclusiones: texto });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={`Conclusiones de control interno del cuatrimestre ${cuatrimestre}`}
          description="Van al final del informe; se publica dentro de los 10 días hábiles siguientes al corte."
          autosize
          minRows={3}
          maxLength={20_000}
          value={texto}
          onChange={(e) => setTexto(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={guardar.isPending}>
            Guardar conclusiones
          </Button>
        </Group>
        <MensajeError error={guardar.error} />
        {guardar.isSuccess && <Exito>Conclusiones guardadas: ya están en el PDF del cuatrimestre.</Exito>}
      </Stack>
    </form>
  );
}
