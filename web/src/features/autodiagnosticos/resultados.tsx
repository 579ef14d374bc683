// The autodiagnóstico's results: total and level with completeness beside them (a blank never hides behind
// the mean), each section's score as bars with its table, and the gaps (items under the threshold).
import { Paper, Stack, Text, Title } from '@mantine/core';
import { porcentaje } from '../../ui/formato.ts';
import { GraficaBarras } from '../../ui/grafica-barras.tsx';
import { TablaTextos } from '../../ui/problemas-importacion.tsx';
import type { Autodiagnostico, ResultadoAutodiagnostico } from './api.ts';

export const puntos = (n: number | null) =>
  n === null ? 'sin puntaje' : n.toLocaleString('es-CO', { maximumFractionDigits: 1 });

/** «62,5 puntos (Transformación) · completitud 40 % (2 de 5)»: the score never alone. */
export function PuntajeConCompletitud({ r }: { r: ResultadoAutodiagnostico }) {
  return (
    <span>
      {r.puntaje === null ? 'Sin puntaje' : `${puntos(r.puntaje)} puntos`}
      {r.nivel ? ` (${r.nivel})` : ''} · completitud {porcentaje(r.completitud)} ({r.respondidos} de{' '}
      {r.aplicables})
    </span>
  );
}

export function Resultados({ d }: { d: Autodiagnostico }) {
  const r = d.autodiagnostico.resultado;
  const secciones = r.secciones;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="resultados-autodiagnostico">
      <Stack gap="sm">
        <Title order={2} size="h3" id="resultados-autodiagnostico">
          Resultados
        </Title>
        <Text size="lg" fw={700}>
          <PuntajeConCompletitud r={r} />
        </Text>
        {r.completitud !== null && r.completitud < 100 && (
          <Text size="sm">
            Los ítems en blanco no cuentan en el puntaje: mientras la completitud no llegue a 100 %, el
            puntaje se calcula solo con lo respondido.
          </Text>
        )}
        {r.sinEvidencia > 0 && (
          <Text size="sm">
            {r.sinEvidencia === 1
              ? '1 ítem respondido exige evidencia y aún no la tiene.'
              : `${r.sinEvidencia} ítems respondidos exigen evidencia y aún no la tienen.`}
          </Text>
        )}
        <Title order={3} size="h4">
          Por sección
        </Title>
        <GraficaBarras
          escala="puntos"
          sinValor="sin puntaje"
          etiqueta="Puntaje por sección; las cifras están en la tabla siguiente"
          barras={secciones.map((s) => ({
            // Completeness beside each bar too: a section's mean over few answers reads as such.
            nombre: `${s.nombre} (completitud ${porcentaje(s.completitud)})`,
            valor: s.puntaje,
            color: 'var(--mantine-color-blue-8)',
          }))}
        />
        <TablaTextos
          etiqueta="Puntaje y completitud por sección"
          columnas={['Sección', 'Puntaje', 'Completitud']}
          filas={secciones.map((s) => [
            s.nombre,
            puntos(s.puntaje),
            `${porcentaje(s.completitud)} (${s.respondidos} de ${s.aplicables})`,
          ])}
        />
        <Title order={3} size="h4">
          Brechas
        </Title>
        {d.brechas.length === 0 ? (
          <Text size="sm">Ningún ítem respondido está por debajo del umbral.</Text>
        ) : (
          <>
            <Text size="sm">
              Ítems respondidos con puntaje por debajo del umbral, del más bajo al más alto.
            </Text>
            {/* TODO: «Crear acción de mejora» per gap once the API offers it (being built on another branch). */}
            <TablaTextos
              etiqueta="Brechas del autodiagnóstico"
              columnas={['Ítem', 'Texto', 'Puntaje']}
              filas={d.brechas.map((b) => [b.item, b.texto, puntos(b.puntaje)])}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
