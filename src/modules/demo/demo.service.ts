import { eq } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import type { Rol } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { entidad, responsablePolitica } from '../../db/schema.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia, vigenciasCatalogo } from '../catalogo/catalogo.repository.ts';
import { guardarCuestionario, leerFormato } from '../cuestionarios/cuestionarios.service.ts';
import { crearSimulacro, sembrarSimulacro } from '../cuestionarios/simulacros.service.ts';
import { crearDependencia } from '../dependencias/dependencias.service.ts';
import { crearEntidad } from '../entidades/entidad.service.ts';
import { darAcceso } from '../usuarios/usuario.service.ts';
import type { UsuarioDemo } from './actividades-demo.ts';
import { sembrarAutodiagnosticoAnterior, sembrarAutodiagnosticoEjemplo } from './autodiagnostico-demo.ts';
import { sembrarComitesDemo } from './comites-demo.ts';
import { FILA_DEMO, sembrarRecomendacionesDemo, sembrarResultadosDemo } from './furag-demo.ts';
import { sembrarPlanDemo } from './plan-demo.ts';
import bancoEjemplo from './simulacro-ejemplo.json' with { type: 'json' };

// A fictional hospital: the name, NIT and people are invented; DIVIPOLA 86001 is Mocoa's real code.
export const DEMO = {
  nombre: 'E.S.E. Hospital Río Mulato de Mocoa',
  sigla: 'HRM',
  nit: '901234567-7',
  clave: 'Mocoa2026demo',
  dominio: 'hospitalriomulato.example',
};

// A level-I E.S.E.'s staff: each person reports what their post answers for, nothing else.
const PERSONAS: { nombre: string; usuario: UsuarioDemo; cargo: string; rol: Rol; dependencia: string }[] = [
  {
    nombre: 'Diana Marcela Rosero Enríquez',
    usuario: 'admin',
    cargo: 'Técnica de sistemas (administra la plataforma)',
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
    nombre: 'Lina Marcela Quenán Pantoja',
    usuario: 'apoyoplaneacion',
    cargo: 'Profesional universitaria de Planeación',
    rol: 'responsable_actividad',
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
    nombre: 'Nancy Yaneth Criollo Botina',
    usuario: 'sst',
    cargo: 'Profesional de Seguridad y Salud en el Trabajo',
    rol: 'responsable_actividad',
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
    nombre: 'Germán Darío Ojeda Chamorro',
    usuario: 'auditoria',
    cargo: 'Profesional de apoyo de Control Interno (auditor)',
    rol: 'responsable_actividad',
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
    nombre: 'Ana Cristina Jajoy Mavisoy',
    usuario: 'subcientifica',
    cargo: 'Subgerente Científica',
    rol: 'responsable_actividad',
    dependencia: 'Subgerencia Científica',
  },
  {
    nombre: 'Édgar Fernando Paz Insuasty',
    usuario: 'subadministrativo',
    cargo: 'Subgerente Administrativo y Financiero',
    rol: 'responsable_politica',
    dependencia: 'Subgerencia Administrativa y Financiera',
  },
  {
    nombre: 'Óscar Mauricio Bastidas Luna',
    usuario: 'compras',
    cargo: 'Profesional de Contratación y Compras',
    rol: 'responsable_actividad',
    dependencia: 'Almacén y Compras',
  },
  {
    nombre: 'Paola Andrea Erazo Delgado',
    usuario: 'juridica',
    cargo: 'Asesora Jurídica (secretaria técnica del comité de conciliación)',
    rol: 'responsable_politica',
    dependencia: 'Jurídica',
  },
  {
    nombre: 'Wilmer Alexis Cuatindioy Jamioy',
    usuario: 'sistemas',
    cargo: 'Ingeniero de sistemas, líder de TIC',
    rol: 'responsable_politica',
    dependencia: 'Sistemas de Información y TIC',
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

// Who leads each policy in a hospital of this size (the person; the dependencia is theirs).
const RESPONSABLE_DE_POLITICA: Record<string, UsuarioDemo> = {
  talento_humano: 'talentohumano',
  integridad: 'talentohumano',
  planeacion_institucional: 'planeacion',
  gestion_presupuestal: 'subadministrativo',
  compras_contratacion: 'subadministrativo',
  fortalecimiento_organizacional: 'calidad',
  gobierno_digital: 'sistemas',
  seguridad_digital: 'sistemas',
  defensa_juridica: 'juridica',
  mejora_normativa: 'juridica',
  servicio_ciudadano: 'siau',
  racionalizacion_tramites: 'siau',
  participacion_ciudadana: 'siau',
  seguimiento_evaluacion: 'planeacion',
  transparencia: 'planeacion',
  gestion_documental: 'archivo',
  informacion_estadistica: 'sistemas',
  gestion_conocimiento: 'calidad',
  control_interno: 'controlinterno',
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
    grupoPar: FILA_DEMO.grupoPar,
    // Fictional, like the whole demo; an E.S.E.'s plans are approved by its Junta Directiva.
    codigoSigep: FILA_DEMO.codigoSigep,
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
  const personaDe = new Map<UsuarioDemo, string>();
  for (const p of PERSONAS) {
    const r = await darAcceso(db, actor, e.id, {
      nombre: p.nombre,
      correo: `${p.usuario}@${DEMO.dominio}`,
      cargo: p.cargo,
      roles: [p.rol],
      claveFija: DEMO.clave,
    });
    if (r.tipo === 'invitacion') throw new Error(`${p.usuario}@${DEMO.dominio} ya existe en otra entidad`);
    personaDe.set(p.usuario, r.id);
  }
  const personas = {
    persona: (u: UsuarioDemo) => personaDe.get(u)!,
    dependencia: (u: UsuarioDemo) => deps.get(PERSONAS.find((p) => p.usuario === u)!.dependencia)!,
  };
  for (const { vigencia } of await vigenciasCatalogo(db)) {
    const politicas = await politicasDeVigencia(db, vigencia);
    await db.transaction(async (tx) => {
      for (const p of politicas) {
        const quien = RESPONSABLE_DE_POLITICA[p.clave]!;
        const fila = {
          entidadId: e.id,
          vigencia,
          politica: p.clave,
          dependenciaId: personas.dependencia(quien),
          usuarioId: personas.persona(quien),
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
  await sembrarPlanDemo(db, actor, e.id, vigencia, personas, dataDir);
  // Its Junta Directiva (approved the plan) and CIGD (followed up the last closed quarter).
  await sembrarComitesDemo(db, actor, e.id, vigencia, personas, hoyEnColombia(), dataDir);
  // The two FURAG results before the demo's year (a synthetic file, never over an official one).
  await sembrarResultadosDemo(db, actor, vigencia, DEMO.nombre);
  await sembrarRecomendacionesDemo(db, actor, e.id, vigencia - 1, vigencia);
  // The example autodiagnóstico of talento humano («ejemplo, no oficial»): this year's, half answered by its
  // responsible; last year's, answered and reviewed, to compare with.
  const responsableTH = personas.persona(RESPONSABLE_DE_POLITICA.talento_humano!);
  await sembrarAutodiagnosticoEjemplo(db, actor, e.id, vigencia, responsableTH);
  if ((await vigenciasCatalogo(db)).some((v) => v.vigencia === vigencia - 1))
    await sembrarAutodiagnosticoAnterior(db, actor, e.id, vigencia - 1, {
      responsable: responsableTH,
      planeacion: personas.persona('planeacion'),
    });
  // The FURAG rehearsal on an example bank («ejemplo, no oficial»): planeación completed the talento humano
  // module with its evidence; integridad is unassigned and control interno has not started its form.
  const banco = leerFormato({ ...bancoEjemplo, vigencia });
  if (!banco.ok) throw new Error(`el banco de ejemplo no es válido: ${banco.mensaje}`);
  const bancoId = await guardarCuestionario(db, actor, e.id, banco.cuestionario);
  const simulacro = await crearSimulacro(db, actor, e.id, bancoId, 'CI');
  const planeacion = personas.persona('planeacion');
  const enlace = (archivo: string) => `https://${DEMO.dominio}/transparencia/evidencias/${archivo}`;
  await sembrarSimulacro(
    db,
    actor,
    e.id,
    simulacro.id,
    { TH: planeacion },
    {
      'FE-01': {
        respuesta: { opcion: 'si' },
        observacion: 'Caracterización actualizada en marzo con el reporte del SIGEP.',
        evidencias: [{ nombre: 'Caracterización de servidores', url: enlace('caracterizacion.pdf') }],
        usuarioId: planeacion,
      },
      'FE-02': {
        respuesta: { numero: 48 },
        observacion: null,
        evidencias: [{ nombre: 'Listas de asistencia del PIC', url: enlace('asistencia-pic.pdf') }],
        usuarioId: planeacion,
      },
      'FE-03': {
        respuesta: { opciones: ['pic', 'sst'] },
        observacion: 'El plan de bienestar se publicó en febrero.',
        evidencias: [{ nombre: 'Publicación de los planes', url: enlace('planes-612.pdf') }],
        usuarioId: planeacion,
      },
    },
  );
  return { creada: true, entidadId: e.id, usuarios, clave: DEMO.clave };
}

/** The demo's year: the current vigencia, or the newest one in the catalog. */
export async function vigenciaDemo(db: Db) {
  const vigencias = (await vigenciasCatalogo(db)).map((v) => v.vigencia);
  const actual = Number(hoyEnColombia().slice(0, 4));
  return vigencias.includes(actual) ? actual : Math.max(...vigencias);
}
