// Importing an entity's dependencias from a spreadsheet: all or nothing, every problem with its row and column.
// A row's «Depende de» names a dependencia that already exists or another row of the file, by name or code;
// the rows come back parents first, so they can be inserted in order.

import {
  type FilaTabla,
  ordenarProblemas,
  type ProblemaFila,
  type Procedencia,
  prepararTabla,
  type ReglasTabla,
} from './tabla-importacion.ts';
import { claveComparable } from './texto.ts';

export type { FilaTabla } from './tabla-importacion.ts';

export const COLUMNAS_DEPENDENCIAS = ['Nombre', 'Código', 'Depende de'] as const;
export const MAXIMO_DEPENDENCIAS = 2000;
const TABLA_DEPENDENCIAS: ReglasTabla = {
  obligatorias: ['Nombre'],
  maximo: MAXIMO_DEPENDENCIAS,
  plural: 'dependencias',
};

export interface DependenciaExistente {
  id: string;
  nombre: string;
  codigo: string | null;
}

export interface DependenciaNueva {
  fila: number;
  nombre: string;
  codigo: string | null;
  /** The parent: an existing dependencia's id, or another new row's number. */
  padre: Procedencia | null;
}

export type ResultadoDependencias =
  | { ok: true; dependencias: DependenciaNueva[] }
  | { ok: false; problemas: ProblemaFila[] };

export function validarDependencias(
  encabezados: readonly string[],
  filas: readonly FilaTabla[],
  existentes: readonly DependenciaExistente[],
): ResultadoDependencias {
  const tabla = prepararTabla(encabezados, filas, TABLA_DEPENDENCIAS);
  if (!tabla.ok) return tabla;
  const { celda } = tabla;

  const { problemas } = tabla;
  const porNombre = new Map<string, Procedencia>();
  const porCodigo = new Map<string, Procedencia>();
  for (const d of existentes) {
    porNombre.set(claveComparable(d.nombre), { id: d.id });
    if (d.codigo) porCodigo.set(claveComparable(d.codigo), { id: d.id });
  }
  const leidas: (Omit<DependenciaNueva, 'padre'> & { padreTexto: string })[] = [];
  for (const f of tabla.filas) {
    const mal = (columna: string, problema: string) => problemas.push({ fila: f.numero, columna, problema });
    const nombre = celda(f, 'Nombre').replace(/\s+/g, ' ');
    const codigo = celda(f, 'Código') || null;
    if (nombre.length < 2) mal('Nombre', 'escriba el nombre de la dependencia');
    else if (nombre.length > 150) mal('Nombre', 'el nombre no puede tener más de 150 caracteres');
    else {
      const previa = porNombre.get(claveComparable(nombre));
      if (previa)
        mal(
          'Nombre',
          'fila' in previa
            ? `«${nombre}» está repetida (también en la fila ${previa.fila})`
            : `«${nombre}» ya existe en la entidad`,
        );
      else porNombre.set(claveComparable(nombre), { fila: f.numero });
    }
    if (codigo) {
      if (codigo.length > 20) mal('Código', 'el código no puede tener más de 20 caracteres');
      else {
        const previa = porCodigo.get(claveComparable(codigo));
        if (previa)
          mal(
            'Código',
            'fila' in previa
              ? `el código ${codigo} está repetido (también en la fila ${previa.fila})`
              : `el código ${codigo} ya es de otra dependencia de la entidad`,
          );
        else porCodigo.set(claveComparable(codigo), { fila: f.numero });
      }
    }
    leidas.push({ fila: f.numero, nombre, codigo, padreTexto: celda(f, 'Depende de') });
  }

  const conPadre: DependenciaNueva[] = leidas.map((d) => {
    if (!d.padreTexto) return { fila: d.fila, nombre: d.nombre, codigo: d.codigo, padre: null };
    const clave = claveComparable(d.padreTexto);
    const padre = porNombre.get(clave) ?? porCodigo.get(clave) ?? null;
    if (!padre)
      problemas.push({
        fila: d.fila,
        columna: 'Depende de',
        problema: `«${d.padreTexto}» no es una dependencia de la entidad ni de este archivo`,
      });
    else if ('fila' in padre && padre.fila === d.fila)
      problemas.push({
        fila: d.fila,
        columna: 'Depende de',
        problema: 'una dependencia no puede depender de sí misma',
      });
    return { fila: d.fila, nombre: d.nombre, codigo: d.codigo, padre };
  });
  if (problemas.length) return { ok: false, problemas: ordenarProblemas(problemas) };

  // Parents first; what is left after no row can be placed is a cycle inside the file.
  const ordenadas: DependenciaNueva[] = [];
  const puestas = new Set<number>();
  let pendientes = conPadre;
  while (pendientes.length) {
    const listas = pendientes.filter((d) => !d.padre || 'id' in d.padre || puestas.has(d.padre.fila));
    if (listas.length === 0) {
      return {
        ok: false,
        problemas: pendientes.map((d) => ({
          fila: d.fila,
          columna: 'Depende de',
          problema: 'forma un ciclo con otras filas (una dependencia termina dependiendo de sí misma)',
        })),
      };
    }
    for (const d of listas) {
      ordenadas.push(d);
      puestas.add(d.fila);
    }
    pendientes = pendientes.filter((d) => !puestas.has(d.fila));
  }
  return { ok: true, dependencias: ordenadas };
}
