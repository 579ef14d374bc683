import { eq } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import type { Rol } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { entidad, responsablePolitica } from '../../db/schema.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia, vigenciasCatalogo } from '../catalogo/catalogo.repository.ts';
import { crearDependencia } from '../dependencias/dependencias.service.ts';
import { crearEntidad } from '../entidades/entidad.service.ts';
import { darAcceso } from '../usuarios/usuario.service.ts';
import { sembrarPlanDemo } from './plan-demo.ts';

// A fictional hospital: the name, NIT and people are invented; DIVIPOLA 86001 is Mocoa's real code.
export const DEMO = {
  nombre: 'E.S.E. Hospital Río Mulato de Mocoa',
  sigla: 'HRM',
  nit: '901234567-7',
  clave: 'Mocoa2026demo',
  dominio: 'hospitalriomulato.example',
};

const PERSONAS: { nombre: string; usuario: string; cargo: string; rol: Rol; dependencia: string }[] = [
  {
    nombre: 'Diana Marcela Rosero Enríquez',
    usuario: 'admin',
    cargo: 'Profesional de sistemas',
    rol: 'admin_entidad',
    dependencia: 'Sistemas de Información y TIC',
  },
  {
    nombre: 'Jorge Iván Burbano Córdoba',
    usuario: 'planeacion',
    cargo: 'Jefe de la Oficina Asesora de Planeación',
    rol: 'planeacion',
    dependencia: 'Oficina Asesora de Planeación',
  },
  {
    nombre: 'Martha Lucía Jacanamejoy Chindoy',
    usuario: 'talentohumano',
    cargo: 'Líder de Talento Humano',
    rol: 'responsable_politica',
    dependencia: 'Talento Humano',
  },
  {
    nombre: 'Andrés Felipe Chasoy Tisoy',
    usuario: 'archivo',
    cargo: 'Técnico de Gestión Documental',
    rol: 'responsable_actividad',
    dependencia: 'Gestión Documental y Archivo',
  },
  {
    nombre: 'Claudia Patricia Muchavisoy Narváez',
    usuario: 'controlinterno',
    cargo: 'Jefe de la Oficina de Control Interno',
    rol: 'control_interno',
    dependencia: 'Oficina de Control Interno',
  },
  {
    nombre: 'Hernando Benavides Ortiz',
    usuario: 'gerencia',
    cargo: 'Gerente',
    rol: 'alta_direccion',
    dependencia: 'Gerencia',
  },
  {
    nombre: 'Sandra Milena Guerrero Paz',
    usuario: 'consulta',
    cargo: 'Auxiliar administrativa',
    rol: 'consulta',
    dependencia: 'Atención al Usuario (SIAU)',
  },
  {
    nombre: 'Yolanda Inés Ortega Rosero',
    usuario: 'siau',
    cargo: 'Coordinadora de Atención al Usuario',
    rol: 'responsable_actividad',
    dependencia: 'Atención al Usuario (SIAU)',
  },
  {
    nombre: 'Luis Eduardo Mutumbajoy Quinchoa',
    usuario: 'calidad',
    cargo: 'Profesional de Calidad',
    rol: 'responsable_actividad',
    dependencia: 'Calidad',
  },
];

const DEPENDENCIAS: [string, string | null][] = [
  ['Gerencia', null],
  ['Oficina Asesora de Planeación', 'Gerencia'],
  ['Oficina de Control Interno', 'Gerencia'],
  ['Jurídica', 'Gerencia'],
  ['Calidad', 'Gerencia'],
  ['Atención al Usuario (SIAU)', 'Gerencia'],
  ['Subgerencia Científica', 'Gerencia'],
  ['Subgerencia Administrativa y Financiera', 'Gerencia'],
  ['Talento Humano', 'Subgerencia Administrativa y Financiera'],
  ['Sistemas de Información y TIC', 'Subgerencia Administrativa y Financiera'],
  ['Gestión Documental y Archivo', 'Subgerencia Administrativa y Financiera'],
  ['Almacén y Compras', 'Subgerencia Administrativa y Financiera'],
  ['Facturación', 'Subgerencia Administrativa y Financiera'],
];

// Which office answers for each policy in a hospital of this size.
const DEPENDENCIA_DE_POLITICA: Record<string, string> = {
  talento_humano: 'Talento Humano',
  integridad: 'Talento Humano',
  planeacion_institucional: 'Oficina Asesora de Planeación',
  gestion_presupuestal: 'Subgerencia Administrativa y Financiera',
  compras_contratacion: 'Almacén y Compras',
  fortalecimiento_organizacional: 'Calidad',
  gobierno_digital: 'Sistemas de Información y TIC',
  seguridad_digital: 'Sistemas de Información y TIC',
  defensa_juridica: 'Jurídica',
  mejora_normativa: 'Jurídica',
  servicio_ciudadano: 'Atención al Usuario (SIAU)',
  racionalizacion_tramites: 'Atención al Usuario (SIAU)',
  participacion_ciudadana: 'Atención al Usuario (SIAU)',
  seguimiento_evaluacion: 'Oficina Asesora de Planeación',
  transparencia: 'Oficina Asesora de Planeación',
  gestion_documental: 'Gestión Documental y Archivo',
  informacion_estadistica: 'Sistemas de Información y TIC',
  gestion_conocimiento: 'Calidad',
  control_interno: 'Oficina de Control Interno',
};

export interface ResultadoDemo {
  creada: boolean;
  entidadId: string;
  usuarios: { correo: string; rol: Rol; nombre: string }[];
  clave: string;
}

/** Idempotent: when the demo entity exists, it only reports the credentials. */
export async function sembrarDemo(
  db: Db,
  actor: Actor,
  dataDir: string | null = null,
): Promise<ResultadoDemo> {
  const usuarios = PERSONAS.map((p) => ({
    correo: `${p.usuario}@${DEMO.dominio}`,
    rol: p.rol,
    nombre: p.nombre,
  }));
  const [existente] = await db
    .select()
    .from(entidad)
    .where(eq(entidad.nit, DEMO.nit.split('-')[0]!));
  if (existente) return { creada: false, entidadId: existente.id, usuarios, clave: DEMO.clave };

  const e = await crearEntidad(db, actor, {
    nombre: DEMO.nombre,
    sigla: DEMO.sigla,
    nit: DEMO.nit,
    divipola: '86001',
    departamento: 'Putumayo',
    municipio: 'Mocoa',
    naturalezaJuridica: 'Empresa Social del Estado',
    orden: 'municipal',
    categoria: 'Nivel I de complejidad',
    tipoFormulario: 'MIPG',
    grupoPar: 'E.S.E. TERRITORIAL GRUPO 2',
    // Fictional, like the whole demo; an E.S.E.'s plans are approved by its Junta Directiva.
    codigoSigep: '9999001',
    organoAprobacion: 'junta_directiva',
    direccion: 'Calle 8 # 4-36, barrio San Agustín, Mocoa, Putumayo',
    telefono: '(608) 420 0000',
    correo: `contacto@${DEMO.dominio}`,
    sitioWeb: `https://www.${DEMO.dominio}`,
    horarioAtencion: 'Lunes a viernes de 7:00 a. m. a 12:00 m. y de 2:00 p. m. a 6:00 p. m.',
  });
  const deps = new Map<string, string>();
  for (const [nombre, padre] of DEPENDENCIAS) {
    const d = await crearDependencia(db, actor, e.id, { nombre, padreId: padre ? deps.get(padre)! : null });
    deps.set(nombre, d.id);
  }
  const personaDe = new Map<string, string>();
  for (const p of PERSONAS) {
    const r = await darAcceso(db, actor, e.id, {
      nombre: p.nombre,
      correo: `${p.usuario}@${DEMO.dominio}`,
      cargo: p.cargo,
      roles: [p.rol],
      claveFija: DEMO.clave,
    });
    if (r.tipo === 'invitacion') throw new Error(`${p.usuario}@${DEMO.dominio} ya existe en otra entidad`);
    personaDe.set(p.dependencia, r.id);
  }
  const lider = personaDe.get('Talento Humano')!;
  for (const { vigencia } of await vigenciasCatalogo(db)) {
    const politicas = await politicasDeVigencia(db, vigencia);
    await db.transaction(async (tx) => {
      for (const p of politicas) {
        const dependencia = DEPENDENCIA_DE_POLITICA[p.clave]!;
        const fila = {
          entidadId: e.id,
          vigencia,
          politica: p.clave,
          dependenciaId: deps.get(dependencia)!,
          usuarioId: personaDe.get(dependencia) ?? lider,
        };
        await tx.insert(responsablePolitica).values(fila);
        await registrarAuditoria(tx, actor, {
          entidadId: e.id,
          accion: 'asignar_responsable',
          recurso: 'politica',
          recursoId: `${vigencia}:${p.clave}`,
          despues: { usuarioId: fila.usuarioId, dependenciaId: fila.dependenciaId },
        });
      }
    });
  }
  // The year's plan and follow-up, for the current vigencia (or the newest one in the catalog).
  const vigencia = await vigenciaDemo(db);
  const reportantes = PERSONAS.filter(
    (p) => p.rol === 'responsable_actividad' || p.rol === 'responsable_politica',
  );
  const reportanteDe = (dep: string) =>
    personaDe.get(reportantes.find((p) => p.dependencia === dep)?.dependencia ?? '');
  await sembrarPlanDemo(
    db,
    actor,
    e.id,
    vigencia,
    {
      planeacion: personaDe.get('Oficina Asesora de Planeación')!,
      controlInterno: personaDe.get('Oficina de Control Interno')!,
      dependencia: (politica) => deps.get(DEPENDENCIA_DE_POLITICA[politica]!)!,
      reportante: (politica) => {
        const dep = DEPENDENCIA_DE_POLITICA[politica]!;
        const propio = reportanteDe(dep);
        if (propio) return propio;
        // Offices without a 1.ª línea user in the demo lend the task to one who has it, in turn.
        const i = Object.keys(DEPENDENCIA_DE_POLITICA).indexOf(politica) % reportantes.length;
        return personaDe.get(reportantes[i]!.dependencia)!;
      },
    },
    dataDir,
  );
  return { creada: true, entidadId: e.id, usuarios, clave: DEMO.clave };
}

/** The demo's year: the current vigencia, or the newest one in the catalog. */
export async function vigenciaDemo(db: Db) {
  const vigencias = (await vigenciasCatalogo(db)).map((v) => v.vigencia);
  const actual = Number(hoyEnColombia().slice(0, 4));
  return vigencias.includes(actual) ? actual : Math.max(...vigencias);
}
