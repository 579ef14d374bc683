// Importing the people of an entity from a spreadsheet: all or nothing, every problem with its row and column.
// Each row is a new account with its roles; an e-mail repeated in the file or that already has an account is
// reported (an existing person is given access one by one, so they get an invitation they can refuse).

import { NOMBRE_ROL, ROLES, type Rol } from './roles.ts';
import {
  type FilaTabla,
  ordenarProblemas,
  type ProblemaFila,
  prepararTabla,
  type ReglasTabla,
} from './tabla-importacion.ts';
import { claveComparable } from './texto.ts';

export const COLUMNAS_PERSONAS = ['Nombre', 'Correo', 'Roles', 'Cargo'] as const;
/** Each new account hashes a password and queues an e-mail: a few hundred keep the import under a minute. */
export const MAXIMO_PERSONAS = 500;
const TABLA_PERSONAS: ReglasTabla = {
  obligatorias: ['Nombre', 'Correo', 'Roles'],
  maximo: MAXIMO_PERSONAS,
  plural: 'personas',
};
export const LARGO_PERSONA = { nombre: 120, correo: 200, cargo: 120 } as const;

export interface PersonaNueva {
  fila: number;
  nombre: string;
  correo: string;
  cargo: string | null;
  roles: Rol[];
}

export type ResultadoPersonas =
  | { ok: true; personas: PersonaNueva[] }
  | { ok: false; problemas: ProblemaFila[] };

/** A role by its name on screen («Consulta», «Responsable de política») or its code (consulta). */
const ROL_POR_TEXTO = new Map<string, Rol>(
  ROLES.flatMap((r) => [
    [claveComparable(NOMBRE_ROL[r]), r],
    [claveComparable(r), r],
  ]),
);

// Deliberately plain: one «@», something before, a dot after; the server's own check is the contract's.
const CORREO = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `cuentas`: e-mails (lower case) that already have an account, each saying whether that person already
 * works in this entity.
 */
export function validarPersonas(
  encabezados: readonly string[],
  filas: readonly FilaTabla[],
  cuentas: ReadonlyMap<string, { enEntidad: boolean }>,
): ResultadoPersonas {
  const tabla = prepararTabla(encabezados, filas, TABLA_PERSONAS);
  if (!tabla.ok) return tabla;
  const { celda } = tabla;
  const { problemas } = tabla;
  const personas: PersonaNueva[] = [];
  const filaDeCorreo = new Map<string, number>();
  for (const f of tabla.filas) {
    const mal = (columna: string, problema: string) => problemas.push({ fila: f.numero, columna, problema });
    const nombre = celda(f, 'Nombre').replace(/\s+/g, ' ');
    const correo = celda(f, 'Correo').toLowerCase();
    const cargo = celda(f, 'Cargo').replace(/\s+/g, ' ') || null;
    if (nombre.length < 3) mal('Nombre', 'escriba el nombre completo');
    else if (nombre.length > LARGO_PERSONA.nombre)
      mal('Nombre', `el nombre no puede tener más de ${LARGO_PERSONA.nombre} caracteres`);
    if (!correo) mal('Correo', 'escriba el correo electrónico');
    else if (correo.length > LARGO_PERSONA.correo)
      mal('Correo', `el correo no puede tener más de ${LARGO_PERSONA.correo} caracteres`);
    else if (!CORREO.test(correo)) mal('Correo', `«${correo}» no es un correo electrónico válido`);
    else {
      const previa = filaDeCorreo.get(correo);
      const cuenta = cuentas.get(correo);
      if (previa) mal('Correo', `${correo} está repetido (también en la fila ${previa})`);
      else if (cuenta?.enEntidad)
        mal('Correo', `${correo} ya trabaja en la entidad: cambie sus roles en la lista`);
      else if (cuenta)
        mal(
          'Correo',
          `${correo} ya tiene cuenta en MIPG Abierto: dele acceso con «Dar acceso» y recibirá una invitación`,
        );
      filaDeCorreo.set(correo, previa ?? f.numero);
    }
    if (cargo && cargo.length > LARGO_PERSONA.cargo)
      mal('Cargo', `el cargo no puede tener más de ${LARGO_PERSONA.cargo} caracteres`);
    const textos = celda(f, 'Roles')
      .split(/[,;\n]/)
      .map((r) => r.trim())
      .filter(Boolean);
    const roles = new Set<Rol>();
    for (const t of textos) {
      const rol = ROL_POR_TEXTO.get(claveComparable(t));
      if (rol) roles.add(rol);
      else mal('Roles', `«${t}» no es un rol: elija uno de la lista (hoja «Listas válidas»)`);
    }
    if (textos.length === 0) mal('Roles', 'escriba al menos un rol (varios, separados por «,»)');
    personas.push({ fila: f.numero, nombre, correo, cargo, roles: [...roles] });
  }
  return problemas.length ? { ok: false, problemas: ordenarProblemas(problemas) } : { ok: true, personas };
}
