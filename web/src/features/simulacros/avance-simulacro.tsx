// The rehearsal's progress: completeness (answered of applicable) and evidence coverage (answers with at least
// one evidence), in total, per module and per person. Never a predicted score: FURAG's formula is not public
// and some answers come from SIIF, SUIT and SIGEP, so the page says so in plain words.
import { numeroCo } from '@core/numeros.ts';
import { Stack, Text, Title } from '@mantine/core';
import { porcentaje } from '../../ui/formato.ts';
import { type Columna, TablaDatos } from '../../ui/tabla-datos.tsx';
import type { AvanceSimulacro as Avance } from './api.ts';
import '../autodiagnosticos/autodiagnosticos.css';

type Cifras = Avance['total'];

const plural = (n: number, uno: string, varios: string) => `${numeroCo(n)} ${n === 1 ? uno : varios}`;

/** «57,1 % (4 de 7)», or why there is no percentage. */
export const textoCompletitud = (c: Cifras) =>
  c.completitud === null
    ? 'Sin preguntas que apliquen'
    : `${porcentaje(c.completitud)} (${c.respondidos} de ${c.aplicables})`;
export const textoCobertura = (c: Cifras) =>
  c.coberturaEvidencia === null
    ? 'Sin respuestas aún'
    : `${porcentaje(c.coberturaEvidencia)} (${c.conEvidencia} de ${c.respondidos})`;

/** A bar beside the figure it draws (the figure is what is read: colour is never the only signal). */
function Barra({ valor, texto }: { valor: number | null; texto: string }) {
  return (
    <span className="avance-celda">
      <span className="avance-barra" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, valor ?? 0))}%` }} />
      </span>
      <span>{texto}</span>
    </span>
  );
}

function columnas<T extends Cifras>(primera: Columna<T>): Columna<T>[] {
  return [
    primera,
    {
      id: 'completitud',
      titulo: 'Completitud',
      valor: (c) => c.completitud,
      numerica: true,
      celda: (c) => <Barra valor={c.completitud} texto={textoCompletitud(c)} />,
    },
    {
      id: 'cobertura',
      titulo: 'Cobertura de evidencia',
      valor: (c) => c.coberturaEvidencia,
      numerica: true,
      celda: (c) => <Barra valor={c.coberturaEvidencia} texto={textoCobertura(c)} />,
    },
  ];
}

const columnasModulo = columnas<Avance['modulos'][number]>({
  id: 'modulo',
  titulo: 'Módulo',
  valor: (m) => `${m.codigo} ${m.nombre}`,
  principal: true,
});
const columnasPersona = columnas<Avance['personas'][number]>({
  id: 'persona',
  titulo: 'Quién responde',
  valor: (p) => p.nombre,
  principal: true,
});

export function AvanceSimulacro({ avance }: { avance: Avance }) {
  const t = avance.total;
  const sinAsignar = avance.personas.find((p) => p.clave === 'sin_asignar');
  return (
    <section aria-labelledby="avance-simulacro">
      <Stack gap="sm">
        <Title order={2} size="h3" id="avance-simulacro">
          Avance del simulacro
        </Title>
        <Text>
          <strong>Completitud: {textoCompletitud(t)}</strong> —{' '}
          {plural(t.respondidos, 'pregunta respondida', 'preguntas respondidas')} de{' '}
          {plural(t.aplicables, 'que aplica', 'que aplican')}.
        </Text>
        <Text>
          <strong>Cobertura de evidencia: {textoCobertura(t)}</strong> —{' '}
          {plural(t.conEvidencia, 'respuesta tiene', 'respuestas tienen')} al menos una evidencia.
        </Text>
        <div className="aviso aviso-info" role="note">
          <div className="aviso-titulo">Por qué aquí no hay un puntaje</div>
          <div>
            Esto no es un puntaje del FURAG ni una predicción del resultado. Función Pública no publica la
            fórmula con que calcula los índices, y algunas respuestas las toma de otros sistemas (SIIF, SUIT,
            SIGEP). Por eso aquí solo se mide cuánto está respondido y cuánto tiene su evidencia.
          </div>
        </div>
        {sinAsignar && sinAsignar.aplicables > 0 && (
          <Text size="sm">
            {plural(sinAsignar.aplicables, 'pregunta no tiene', 'preguntas no tienen')} una persona asignada.
          </Text>
        )}
        <Title order={3} size="h4">
          Por módulo
        </Title>
        <TablaDatos
          titulo="Avance por módulo"
          sustantivo={['módulo', 'módulos']}
          filas={avance.modulos}
          columnas={columnasModulo}
          idFila={(m) => m.codigo}
          buscar={false}
        />
        <Title order={3} size="h4">
          Por persona
        </Title>
        <TablaDatos
          titulo="Avance por persona"
          sustantivo={['persona', 'personas']}
          filas={avance.personas}
          columnas={columnasPersona}
          idFila={(p) => p.clave}
          buscar={false}
        />
      </Stack>
    </section>
  );
}
