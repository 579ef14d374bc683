// A synthetic FURAG-like bank for tests and the bench: long texts, up to 36 options, every kind, skips and
// code equivalences. Deterministic; invented text only (the project ships no official questions).
import {
  type Cuestionario,
  FORMATO_CUESTIONARIO,
  type Item,
  TIPOS_ITEM,
  type TipoItem,
} from '../../core/cuestionario.ts';

const FRASE =
  'Indique si la entidad documentó, socializó y evaluó durante la vigencia las acciones que corresponden a este aspecto de la gestión institucional, ';

export function bancoSintetico(
  preguntas = 450,
  opciones: {
    codigo?: string;
    vigencia?: number;
    largo?: number;
    porSeccion?: number;
    tipos?: readonly TipoItem[];
  } = {},
): Cuestionario {
  const largo = opciones.largo ?? 1500;
  const porSeccion = opciones.porSeccion ?? 30;
  const texto = (i: number) =>
    `${i}. ${FRASE.repeat(Math.ceil(largo / FRASE.length))}`.slice(0, largo).trim();
  const items: Item[] = Array.from({ length: preguntas }, (_, i) => {
    const codigo = `P${String(i + 1).padStart(4, '0')}`;
    const tipos = opciones.tipos ?? TIPOS_ITEM;
    const tipo = tipos[i % tipos.length]!;
    const base: Item = {
      codigo,
      tipo,
      texto: texto(i + 1),
      ayuda: `Ayuda de la pregunta ${i + 1}: ${FRASE}`.trim(),
      noAplica: i % 3 === 0,
      evidencia: i % 2 === 0,
      equivalencias: { '2023': `Q${i + 1}` },
    };
    const k = i % 5 === 0 ? 36 : 4 + (i % 8);
    const lista = Array.from({ length: k }, (_, j) => ({
      codigo: `o${j + 1}`,
      texto: `Opción ${j + 1}: ${FRASE.slice(0, 80 + ((i + j) % 60))}`.trim(),
      puntaje: Math.round((100 * j) / (k - 1)),
    }));
    switch (tipo) {
      case 'seleccion_unica':
        return { ...base, opciones: lista };
      case 'seleccion_multiple':
        return {
          ...base,
          opciones: [
            ...lista.slice(0, -1),
            { codigo: 'ninguna', texto: 'Ninguna de las anteriores', anula: true },
          ],
        };
      case 'seleccion_multiple_numero':
        return {
          ...base,
          opciones: lista.map(({ puntaje: _p, ...o }) => o),
          minimo: 0,
          maximo: 100000,
          decimales: 0,
        };
      case 'numero':
        return { ...base, minimo: 0, maximo: 1e9, decimales: 2 };
      case 'matriz':
        return {
          ...base,
          filas: Array.from({ length: 6 }, (_, j) => ({
            codigo: `f${j + 1}`,
            texto: `Fila ${j + 1} de la matriz`,
          })),
          opciones: lista.slice(0, 5).map(({ puntaje: _p, ...o }) => o),
        };
      case 'texto':
        // Shown only when the single-choice question just before was answered.
        return { ...base, salto: { item: `P${String(i).padStart(4, '0')}`, operador: 'respondido' } };
      default:
        return base;
    }
  });
  const secciones: Cuestionario['secciones'] = [];
  for (let i = 0; i < items.length; i += porSeccion) {
    const n: number = secciones.length + 1;
    const grupo = items.slice(i, i + porSeccion);
    const mitad = Math.ceil(grupo.length / 2);
    secciones.push({
      codigo: `M${n}`,
      nombre: `Módulo ${n}`,
      items: grupo.slice(0, mitad),
      secciones: [
        { codigo: `M${n}.1`, nombre: `Módulo ${n}, parte 2`, items: grupo.slice(mitad), secciones: [] },
      ],
    });
  }
  return {
    formato: FORMATO_CUESTIONARIO,
    codigo: opciones.codigo ?? 'BANCO-SINTETICO',
    nombre: 'Banco sintético de prueba (no oficial)',
    vigencia: opciones.vigencia ?? 2025,
    instrumento: 'furag',
    fuente: 'Sintético, no oficial',
    secciones,
  };
}
