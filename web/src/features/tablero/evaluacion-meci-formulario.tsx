import type { EvaluacionMeci } from '@contrato/informes.ts';
import { COMPONENTES_MECI, type ComponenteMeci, type EvaluacionComponente } from '@core/meci.ts';
import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError } from '../../ui/componentes.tsx';
import { porcentaje } from '../../ui/formato.ts';
import { Numero } from '../../ui/numero.tsx';

const evaluacionQuery = (entidadId: string, vigencia: number, semestre: number) =>
  queryOptions({
    queryKey: ['informes', 'meci', entidadId, vigencia, semestre] as const,
    queryFn: () =>
      api<EvaluacionMeci>(
        'GET',
        `/api/entidades/${entidadId}/informes/evaluacion-independiente/${vigencia}/${semestre}`,
      ),
  });

const VACIO: EvaluacionComponente = {
  presente: false,
  funcionando: false,
  nivel: 0,
  fortalezas: '',
  debilidades: '',
};

/** Control interno's form: the five components, the conclusion, and the semester's verifications beside them. */
export function FormularioEvaluacionMeci({
  entidadId,
  vigencia,
  semestre,
}: {
  entidadId: string;
  vigencia: number;
  semestre: number;
}) {
  const leida = useQuery(evaluacionQuery(entidadId, vigencia, semestre));
  if (!leida.data)
    return leida.error ? <MensajeError error={leida.error} /> : <Cargando que="la evaluación" />;
  return <Formulario entidadId={entidadId} ev={leida.data} />;
}

function Formulario({ entidadId, ev }: { entidadId: string; ev: EvaluacionMeci }) {
  const [componentes, setComponentes] = useState<Partial<Record<ComponenteMeci, EvaluacionComponente>>>(
    ev.componentes,
  );
  const [conclusion, setConclusion] = useState(ev.conclusion ?? '');
  const cliente = useQueryClient();
  const clave = evaluacionQuery(entidadId, ev.vigencia, ev.semestre).queryKey;
  const guardar = useMutation({
    mutationFn: () =>
      api<EvaluacionMeci>(
        'PUT',
        `/api/entidades/${entidadId}/informes/evaluacion-independiente/${ev.vigencia}/${ev.semestre}`,
        { componentes, conclusion: conclusion.trim() || null, version: ev.version },
      ),
    onSuccess: (r) => cliente.setQueryData(clave, r),
  });
  const errores = erroresPorCampo(guardar.error);
  const cambiar = (c: ComponenteMeci, cambio: Partial<EvaluacionComponente>) =>
    setComponentes((x) => ({ ...x, [c]: { ...(x[c] ?? VACIO), ...cambio } }));
  const i = ev.insumos;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        guardar.mutate();
      }}
    >
      <Stack>
        <Alert variant="outline" color="blue.9" title="Insumos: sus verificaciones del semestre">
          {i.reportes
            ? `${i.verificados} de ${i.reportes} reportes verificados, ${i.conObservaciones} con observaciones, ${i.porVerificar} por verificar${i.avanceVerificadoPromedio === null ? '' : `; avance verificado promedio ${porcentaje(i.avanceVerificadoPromedio)}`}.`
            : 'Ningún periodo de la vigencia tiene su corte en este semestre.'}
        </Alert>
        {COMPONENTES_MECI.map((c) => {
          const x = componentes[c.clave];
          const err = (campo: string) => errores[`componentes.${c.clave}.${campo}`];
          return (
            <Fieldset key={c.clave} legend={c.nombre}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Checkbox
                  label="Está presente"
                  checked={x?.presente ?? false}
                  onChange={(e) => cambiar(c.clave, { presente: e.currentTarget.checked })}
                />
                <Checkbox
                  label="Está funcionando"
                  checked={x?.funcionando ?? false}
                  onChange={(e) => cambiar(c.clave, { funcionando: e.currentTarget.checked })}
                />
                <Numero
                  label="Nivel de cumplimiento (%)"
                  min={0}
                  max={100}
                  decimalScale={1}
                  value={x?.nivel ?? ''}
                  onChange={(v) => cambiar(c.clave, { nivel: typeof v === 'number' ? v : Number(v) || 0 })}
                  error={err('nivel')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                <Textarea
                  label="Fortalezas"
                  autosize
                  minRows={2}
                  maxLength={4000}
                  value={x?.fortalezas ?? ''}
                  onChange={(e) => cambiar(c.clave, { fortalezas: e.currentTarget.value })}
                  error={err('fortalezas')}
                />
                <Textarea
                  label="Debilidades"
                  autosize
                  minRows={2}
                  maxLength={4000}
                  value={x?.debilidades ?? ''}
                  onChange={(e) => cambiar(c.clave, { debilidades: e.currentTarget.value })}
                  error={err('debilidades')}
                />
              </SimpleGrid>
              {!x && (
                <Text size="xs" mt={4}>
                  Sin evaluar: al guardar queda evaluado con lo que marque aquí.
                </Text>
              )}
            </Fieldset>
          );
        })}
        <Textarea
          label="Conclusión de control interno"
          autosize
          minRows={3}
          maxLength={20_000}
          value={conclusion}
          onChange={(e) => setConclusion(e.currentTarget.value)}
          error={errores.conclusion}
        />
        <MensajeError error={Object.keys(errores).length ? null : guardar.error} />
        {guardar.isSuccess && (
          <Exito>
            Evaluación guardada (versión {guardar.data.version}): ya está en el PDF y el Excel del semestre.
          </Exito>
        )}
        <Group justify="end">
          <Button type="submit" loading={guardar.isPending}>
            Guardar la evaluación
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
