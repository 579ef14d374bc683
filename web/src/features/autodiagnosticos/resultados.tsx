// The autodiagnóstico's results: total and level with completeness beside them (a blank never hides behind
// the mean), each component against earlier vigencias, and the gaps (items under the threshold), each of which
// becomes an improvement action: an activity of the plan, or a proposal to planeación, linked both ways.
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Exito } from '../../ui/componentes.tsx';
import {
  AvisoPlanCerrado,
  useConversionEnActividad,
  VentanaActividadDeOrigen,
  VinculosActividad,
} from '../plan/actividad-de-origen.tsx';
import { type Autodiagnostico, useCrearAccionMejora } from './api.ts';
import { ComparacionComponentes } from './comparacion.tsx';
import { PuntajeConCompletitud, puntos } from './puntaje.tsx';

type Brecha = Autodiagnostico['brechas'][number];

/** The section names from the top down to the gap's item («Planeación › Plan estratégico…»). */
function rutaDe(d: Autodiagnostico, codigos: readonly string[]) {
  const nombres: string[] = [];
  let nivel = d.cuestionario.secciones;
  for (const c of codigos) {
    const s = nivel.find((x) => x.codigo === c);
    if (!s) break;
    nombres.push(s.nombre);
    nivel = s.secciones;
  }
  return nombres.join(' › ');
}

/** The gaps, lowest first; each with what already came out of it and, for whom may, «Crear acción de mejora». */
function Brechas({ d, entidadId }: { d: Autodiagnostico; entidadId: string }) {
  const a = d.autodiagnostico;
  const c = useConversionEnActividad<Brecha>('autodiagnostico.proponer_mejora');
  const crear = useCrearAccionMejora(entidadId, a.id);
  // The plan that receives the action is the year at work: never one before the autodiagnóstico's.
  const anterior = c.vigencia < a.vigencia;
  const como = anterior ? null : c.como(a.politica);
  // Actions of items that are no longer gaps (answered better since) stay findable here.
  const superadas = Object.entries(d.accionesMejora).filter(
    ([item, v]) =>
      !d.brechas.some((b) => b.item === item) && (v.actividades.length > 0 || v.propuestas.length > 0),
  );
  return (
    <>
      <Title order={3} size="h4">
        Brechas
      </Title>
      {c.hecho && <Exito>{c.hecho}</Exito>}
      {d.brechas.length === 0 ? (
        <Text size="sm">Ningún ítem respondido está por debajo del umbral.</Text>
      ) : (
        <>
          <Text size="sm">
            Ítems respondidos con puntaje por debajo del umbral, del más bajo al más alto.
            {como === 'actividad' &&
              ` Cada brecha puede convertirse en una acción de mejora del plan de ${c.vigencia}, con la política del autodiagnóstico.`}
            {como === 'propuesta' &&
              ` Cada brecha puede convertirse en una propuesta de acción de mejora para el plan de ${c.vigencia}; planeación la incorpora.`}
          </Text>
          <AvisoPlanCerrado c={c} que="las brechas" />
          {anterior && c.activa && (
            <Text size="sm">
              El autodiagnóstico es de {a.vigencia}: para crear acciones de mejora elija arriba el año{' '}
              {a.vigencia} o uno posterior.
            </Text>
          )}
          <ul className="brechas-lista" aria-label="Brechas del autodiagnóstico">
            {d.brechas.map((b) => (
              <li key={b.item}>
                <Paper withBorder p="sm">
                  <Stack gap="xs">
                    <Text fw={700}>
                      {b.item} · {puntos(b.puntaje)} puntos
                    </Text>
                    <Text className="brecha-texto">{b.texto}</Text>
                    {b.secciones.length > 0 && <Text size="sm">{rutaDe(d, b.secciones)}</Text>}
                    <VinculosActividad v={b} vacio="Aún no tiene acción de mejora." />
                    {como && (
                      <div>
                        <Button size="xs" onClick={() => c.abrir(b, como)}>
                          Crear acción de mejora<span className="solo-lector"> para {b.item}</span>
                        </Button>
                      </div>
                    )}
                  </Stack>
                </Paper>
              </li>
            ))}
          </ul>
        </>
      )}
      {superadas.length > 0 && (
        <>
          <Title order={4} size="h5">
            Acciones de mejora de ítems que ya no son brecha
          </Title>
          <ul className="brechas-lista">
            {superadas.map(([item, v]) => (
              <li key={item}>
                <Text size="sm" fw={700}>
                  {item}
                </Text>
                <VinculosActividad v={v} vacio="" />
              </li>
            ))}
          </ul>
        </>
      )}
      <VentanaActividadDeOrigen
        c={c}
        que="la acción de mejora"
        origen={(b) => ({
          politica: a.politica,
          indiceFurag: null,
          texto: `Acción de mejora de ${b.item}: ${b.texto}`,
        })}
        contexto={(b) =>
          `Atiende la brecha ${b.item} del autodiagnóstico (${puntos(b.puntaje)} puntos). Escriba en «Actividad» lo que hará la entidad.`
        }
        enviar={(b, como, datos) =>
          crear.mutateAsync({ item: b.item, como, vigencia: c.vigencia, actividad: datos })
        }
      />
    </>
  );
}

export function Resultados({ d, entidadId }: { d: Autodiagnostico; entidadId: string }) {
  const r = d.autodiagnostico.resultado;
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
        <ComparacionComponentes d={d} />
        <Brechas d={d} entidadId={entidadId} />
      </Stack>
    </Paper>
  );
}
