import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Cargando } from '../../ui/componentes.tsx';

// The dialog and its form (five components, each with its judgement) only when control interno opens it: the
// dialog's code (scroll locking, focus trap, transitions) is ~30 KB that everyone else who opens the
// dashboard would download and evaluate for a button they never press.
const Ventana = lazy(() => import('../../ui/ventana.tsx').then((m) => ({ default: m.Ventana })));
const FormularioEvaluacion = lazy(() =>
  import('./evaluacion-meci-formulario.tsx').then((m) => ({ default: m.FormularioEvaluacionMeci })),
);

const SEMESTRES = ['enero a junio (corte al 30 de junio)', 'julio a diciembre (corte al 31 de diciembre)'];

/**
 * Control interno's semiannual independent evaluation of the internal control system, by MECI component: its
 * PDF and Excel for everyone who downloads reports, and the form for control interno.
 */
export function EvaluacionIndependiente({
  entidadId,
  vigencia,
  escribe,
}: {
  entidadId: string;
  vigencia: number;
  escribe: boolean;
}) {
  const [semestre, setSemestre] = useState(() => (new Date().getMonth() < 6 ? 1 : 2));
  const [abierta, setAbierta] = useState(false);
  const q = `vigencia=${vigencia}&semestre=${semestre}`;
  const base = `/api/entidades/${entidadId}/informes/evaluacion-independiente`;
  return (
    <Stack gap="xs">
      <Group align="end" gap="md">
        <NativeSelect
          label="Evaluación independiente del sistema de control interno"
          value={String(semestre)}
          onChange={(e) => setSemestre(Number(e.currentTarget.value))}
          data={SEMESTRES.map((s, i) => ({ value: String(i + 1), label: `Semestre ${i + 1}: ${s}` }))}
        />
        <Anchor href={`${base}.pdf?${q}`} download>
          Evaluación independiente, semestre {semestre} (PDF)
        </Anchor>
        <Anchor href={`${base}.xlsx?${q}`} download>
          (Excel)
        </Anchor>
        {escribe && (
          <Button variant="outline" onClick={() => setAbierta(true)}>
            Escribir la evaluación del semestre {semestre}
          </Button>
        )}
      </Group>
      {!escribe && (
        <Text size="xs">
          La escribe control interno por cada componente del MECI (Decreto Ley 2106 de 2019, art. 156).
        </Text>
      )}
      {abierta && (
        <Suspense fallback={<Cargando que="el formulario" />}>
          <Ventana
            opened
            onClose={() => setAbierta(false)}
            title={`Evaluación independiente ${vigencia}, semestre ${semestre}`}
            size="xl"
          >
            <Suspense fallback={<Cargando que="el formulario" />}>
              <FormularioEvaluacion entidadId={entidadId} vigencia={vigencia} semestre={semestre} />
            </Suspense>
          </Ventana>
        </Suspense>
      )}
    </Stack>
  );
}
