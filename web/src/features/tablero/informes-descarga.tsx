import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { EvaluacionIndependiente } from './evaluacion-independiente.tsx';
import { SeguimientoPtep } from './seguimiento-ptep.tsx';

/**
 * Downloads of the reports generated from the data (issue 11 §2): the quarterly report to the CIGD of the
 * period shown, once it is closed (its figures frozen), and the informe de gestión of the vigencia.
 */
export function InformesDescarga({
  entidadId,
  vigencia,
  periodo,
  hayCerrados,
  escribePtep,
}: {
  entidadId: string;
  vigencia: number;
  /** The period shown on the dashboard. */
  periodo: { numero: number; nombre: string; cerrado: boolean };
  /** Some period of the vigencia is closed: the informe de gestión can be generated. */
  hayCerrados: boolean;
  /** Control interno: writes the conclusions of the PTEP's follow-up. */
  escribePtep: boolean;
}) {
  const base = `/api/entidades/${entidadId}/informes`;
  const trimestral = `vigencia=${vigencia}&periodo=${periodo.numero}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="informes-titulo">
      <Stack gap="xs">
        <Title order={2} size="h4" id="informes-titulo">
          Informes
        </Title>
        {periodo.cerrado ? (
          <Group gap="md">
            <Anchor href={`${base}/trimestral.pdf?${trimestral}`} download>
              Informe trimestral al CIGD de «{periodo.nombre}» (PDF)
            </Anchor>
            <Anchor href={`${base}/trimestral.xlsx?${trimestral}`} download>
              Informe trimestral al CIGD de «{periodo.nombre}» (Excel)
            </Anchor>
          </Group>
        ) : (
          <Text size="sm">
            El informe trimestral al CIGD de «{periodo.nombre}» se genera cuando planeación cierra el periodo
            y congela sus cifras.
          </Text>
        )}
        {hayCerrados && (
          <Group gap="md">
            <Anchor href={`${base}/gestion.pdf?vigencia=${vigencia}`} download>
              Informe de gestión {vigencia} (PDF)
            </Anchor>
            <Anchor href={`${base}/gestion.xlsx?vigencia=${vigencia}`} download>
              Informe de gestión {vigencia} (Excel)
            </Anchor>
          </Group>
        )}
        <SeguimientoPtep entidadId={entidadId} vigencia={vigencia} escribe={escribePtep} />
        <EvaluacionIndependiente entidadId={entidadId} vigencia={vigencia} escribe={escribePtep} />
      </Stack>
    </Paper>
  );
}
