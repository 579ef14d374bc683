import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ACUMULACIONES } from '../core/acumulacion.ts';
import { ESTADOS_AUTODIAGNOSTICO } from '../core/autodiagnostico.ts';
import { AMBITOS_INTENTO } from '../core/bloqueo.ts';
import { TIPOS_AJUSTE } from '../core/calendario.ts';
import { ACCIONES_EDICION, type ResponsableEvento, TIPOS_EVENTO_LEGAL } from '../core/calendario-legal.ts';
import { TIPOS_CAMBIO } from '../core/cambios-plan.ts';
import { CARACTERES_SESION, ROLES_INTEGRANTE, TIPOS_COMITE, TIPOS_DECISION } from '../core/comites.ts';
import { OBJETOS_CONSULTA } from '../core/consulta.ts';
import { ESTADOS_CORREO, PROPOSITOS_ENLACE } from '../core/correo.ts';
import {
  INSTRUMENTOS,
  type Item,
  type Nivel,
  type Respuesta,
  type Seccion,
  TIPOS_ITEM,
} from '../core/cuestionario.ts';
import { ORDENES, ORGANOS_APROBACION, TIPOS_FORMULARIO, type TipoFormulario } from '../core/entidad.ts';
import { ESTADOS_PLAN, TIPOS_ACTO } from '../core/flujo-plan.ts';
import { FRECUENCIAS, POLARIDADES, TIPOS_INDICADOR } from '../core/indicador.ts';
import type { ComponenteMeci, EvaluacionComponente } from '../core/meci.ts';
import { ESQUEMAS_PERIODOS, type EsquemaPeriodos } from '../core/periodos.ts';
import { MODOS_PONDERACION } from '../core/ponderacion.ts';
import { ESTADOS_PROPUESTA } from '../core/propuestas.ts';
import { ROLES, type Rol } from '../core/roles.ts';
import { ESTADOS_SEGUIMIENTO } from '../core/seguimiento.ts';
import { TIPOS_CRITERIO } from '../core/verificacion.ts';

/**
 * A CHECK that keeps a text column inside one of core's lists (the API's z.enum is the same list), so no
 * write path — a migration, a restored backup, a hand-made SQL — can store a status the code does not know.
 */
const unaDe = (nombre: string, columna: SQL | AnyPgColumn, valores: readonly string[]) =>
  check(nombre, sql`${columna} in (${sql.raw(valores.map((v) => `'${v}'`).join(', '))})`);

const creadoEn = () => timestamp('creado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

// ---------- Catálogo MIPG, versionado por vigencia (se sincroniza desde src/db/catalogo/mipg.json) ----------
export const catalogoVigencia = pgTable('catalogo_vigencia', {
  vigencia: integer('vigencia').primaryKey(),
  fuente: text('fuente').notNull(),
  /** The index codes that changed from the year before → their code then; null: a new index. */
  equivalencias: jsonb('equivalencias').$type<Record<string, string | null>>().notNull().default({}),
});

export const componente = pgTable('componente', {
  codigo: text('codigo').primaryKey(),
  nombre: text('nombre').notNull(),
  descripcion: text('descripcion').notNull(),
  orden: integer('orden').notNull(),
});

export const dimension = pgTable(
  'dimension',
  {
    vigencia: integer('vigencia')
      .notNull()
      .references(() => catalogoVigencia.vigencia),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    color: text('color').notNull(),
    orden: integer('orden').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vigencia, t.codigo] })],
);

export const politica = pgTable(
  'politica',
  {
    vigencia: integer('vigencia')
      .notNull()
      .references(() => catalogoVigencia.vigencia),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    dimension: text('dimension').notNull(),
    codigoFurag: text('codigo_furag'),
    lider: text('lider').notNull(),
    /** The FURAG forms that include the policy (MIPG, MECI): it applies only to entities that answer one. */
    formularios: jsonb('formularios').$type<TipoFormulario[]>().notNull().default(['MIPG']),
    orden: integer('orden').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vigencia, t.clave] })],
);

export const indiceFurag = pgTable(
  'indice_furag',
  {
    vigencia: integer('vigencia').notNull(),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    descripcion: text('descripcion').notNull().default(''),
    politica: text('politica').notNull(),
    orden: integer('orden').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vigencia, t.codigo] })],
);

export const planDecreto612 = pgTable(
  'plan_decreto612',
  {
    vigencia: integer('vigencia').notNull(),
    clave: text('clave').notNull(),
    nombre: text('nombre').notNull(),
    /** Every policy the plan serves; the first is its main one. */
    politicas: jsonb('politicas').$type<string[]>().notNull().default([]),
    /** How plans and spreadsheets usually call it (PAA, PIC, PTEP…), when it has a usual acronym. */
    sigla: text('sigla'),
    orden: integer('orden').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vigencia, t.clave] })],
);

// ---------- Entidades ----------
export const entidad = pgTable(
  'entidad',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nombre: text('nombre').notNull(),
    sigla: text('sigla'),
    nit: text('nit').notNull().unique(),
    dv: integer('dv').notNull(),
    divipola: text('divipola'),
    departamento: text('departamento'),
    municipio: text('municipio'),
    naturalezaJuridica: text('naturaleza_juridica'),
    orden: text('orden', { enum: ORDENES }),
    categoria: text('categoria'),
    tipoFormulario: text('tipo_formulario', { enum: TIPOS_FORMULARIO }).notNull().default('MIPG'),
    grupoPar: text('grupo_par'),
    /** How FURAG's results files identify the entity (not by NIT). */
    codigoSigep: text('codigo_sigep').unique(),
    organoAprobacion: text('organo_aprobacion', { enum: ORGANOS_APROBACION }).notNull().default('cigd'),
    direccion: text('direccion'),
    telefono: text('telefono'),
    correo: text('correo'),
    sitioWeb: text('sitio_web'),
    horarioAtencion: text('horario_atencion'),
    logo: text('logo'),
    creadoEn: creadoEn(),
  },
  (t) => [
    unaDe('entidad_orden_check', t.orden, ORDENES),
    unaDe('entidad_tipo_formulario_check', t.tipoFormulario, TIPOS_FORMULARIO),
    unaDe('entidad_organo_aprobacion_check', t.organoAprobacion, ORGANOS_APROBACION),
  ],
);

export const dependencia = pgTable(
  'dependencia',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    padreId: uuid('padre_id'),
    codigo: text('codigo'),
    nombre: text('nombre').notNull(),
    creadoEn: creadoEn(),
  },
  (t) => [index('dependencia_entidad_idx').on(t.entidadId)],
);

// ---------- Usuarios, roles, sesiones ----------
export const usuario = pgTable('usuario', {
  id: uuid('id').primaryKey().defaultRandom(),
  correo: text('correo').notNull().unique(),
  nombre: text('nombre').notNull(),
  cargo: text('cargo'),
  claveHash: text('clave_hash').notNull(),
  adminPlataforma: boolean('admin_plataforma').notNull().default(false),
  activo: boolean('activo').notNull().default(true),
  debeCambiarClave: boolean('debe_cambiar_clave').notNull().default(false),
  creadoEn: creadoEn(),
});

/**
 * Failed-login counters keyed by the e-mail as typed (known or not, so answers never reveal which accounts
 * exist): one row per e-mail and address, one per e-mail from anywhere. Rows expire with their window.
 */
export const intentoAcceso = pgTable(
  'intento_acceso',
  {
    clave: text('clave').primaryKey(),
    correo: text('correo').notNull(),
    fallidos: integer('fallidos').notNull(),
    ventanaDesde: timestamp('ventana_desde', { withTimezone: true, mode: 'date' }).notNull(),
    bloqueadoHasta: timestamp('bloqueado_hasta', { withTimezone: true, mode: 'date' }),
    // A pause of «cambiar clave» is not a locked account: the person is signed in and can still log in.
    ambito: text('ambito', { enum: AMBITOS_INTENTO }).notNull().default('correo'),
  },
  (t) => [
    index('intento_acceso_correo_idx').on(t.correo),
    unaDe('intento_acceso_ambito_ck', t.ambito, AMBITOS_INTENTO),
  ],
);

export const rolUsuario = pgTable(
  'rol_usuario',
  {
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    rol: text('rol', { enum: ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.usuarioId, t.entidadId, t.rol] }),
    unaDe('rol_usuario_rol_check', t.rol, ROLES),
  ],
);

/**
 * Roles offered to a person who already has an account: they take effect only when that person accepts, so
 * an entity never reaches into someone else's account by typing an e-mail.
 */
export const invitacion = pgTable(
  'invitacion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    correo: text('correo').notNull(),
    roles: jsonb('roles').$type<Rol[]>().notNull(),
    invitadoPor: uuid('invitado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [uniqueIndex('invitacion_entidad_usuario_idx').on(t.entidadId, t.usuarioId)],
);

export const sesion = pgTable('sesion', {
  // SHA-256 of the cookie token: a leaked table does not hand out live sessions.
  id: text('id').primaryKey(),
  usuarioId: uuid('usuario_id')
    .notNull()
    .references(() => usuario.id),
  csrf: text('csrf').notNull(),
  creadoEn: creadoEn(),
  expiraEn: timestamp('expira_en', { withTimezone: true, mode: 'date' }).notNull(),
});

export const ajusteSistema = pgTable('ajuste_sistema', {
  clave: text('clave').primaryKey(),
  valor: text('valor').notNull(),
});

/**
 * One-time links to set a password (invitation of a new person, reset): only the SHA-256 of the token is
 * kept; a link dies when used, when it expires, when a newer one is issued or when the account's e-mail
 * changes (`correo` must still match).
 */
export const enlaceClave = pgTable(
  'enlace_clave',
  {
    id: text('id').primaryKey(),
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    correo: text('correo').notNull(),
    proposito: text('proposito', { enum: PROPOSITOS_ENLACE }).notNull(),
    expiraEn: timestamp('expira_en', { withTimezone: true, mode: 'date' }).notNull(),
    usadoEn: timestamp('usado_en', { withTimezone: true, mode: 'date' }),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('enlace_clave_usuario_idx').on(t.usuarioId, t.proposito),
    check('enlace_clave_proposito_ck', sql`${t.proposito} in ('invitacion', 'restablecer')`),
  ],
);

// ---------- Correo saliente: escrito en la transacción del cambio, enviado por el proceso del servidor ----------
export const correoSaliente = pgTable(
  'correo_saliente',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    destinatario: text('destinatario').notNull(),
    asunto: text('asunto').notNull(),
    texto: text('texto').notNull(),
    html: text('html'),
    estado: text('estado', { enum: ESTADOS_CORREO }).notNull().default('pendiente'),
    intentos: integer('intentos').notNull().default(0),
    // For a row being sent, the end of its lease: after it, another sender may take it again.
    proximoIntento: timestamp('proximo_intento', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ultimoError: text('ultimo_error'),
    enviadoEn: timestamp('enviado_en', { withTimezone: true, mode: 'date' }),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('correo_saliente_cola_idx').on(t.estado, t.proximoIntento),
    check('correo_saliente_estado_ck', sql`${t.estado} in ('pendiente', 'enviando', 'enviado', 'fallido')`),
  ],
);

/** The daily digest: one row per person per day, taken by one server only (the primary key). */
export const resumenDiario = pgTable(
  'resumen_diario',
  {
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    dia: date('dia', { mode: 'string' }).notNull(),
    pendientes: integer('pendientes').notNull(),
    creadoEn: creadoEn(),
  },
  (t) => [primaryKey({ columns: [t.usuarioId, t.dia] })],
);

// ---------- Responsables de política por vigencia ----------
export const responsablePolitica = pgTable(
  'responsable_politica',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    politica: text('politica').notNull(),
    usuarioId: uuid('usuario_id').references(() => usuario.id),
    dependenciaId: uuid('dependencia_id').references(() => dependencia.id),
  },
  (t) => [primaryKey({ columns: [t.entidadId, t.vigencia, t.politica] })],
);

// ---------- Calendario: ajustes a los festivos de ley, de la plataforma (entidad nula) o de una entidad ----------
export const ajusteCalendario = pgTable(
  'ajuste_calendario',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null: the adjustment is the platform's and holds for every entity. */
    entidadId: uuid('entidad_id').references(() => entidad.id),
    fecha: date('fecha', { mode: 'string' }).notNull(),
    tipo: text('tipo', { enum: TIPOS_AJUSTE }).notNull(),
    nombre: text('nombre').notNull(),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    // One adjustment per date and scope (the platform's scope is the null entity).
    unique('ajuste_calendario_fecha_uq').on(t.entidadId, t.fecha).nullsNotDistinct(),
    unaDe('ajuste_calendario_tipo_check', t.tipo, TIPOS_AJUSTE),
  ],
);

/**
 * The FURAG window of a vigencia as recorded (core/ventana-furag.ts): entidad_id null is the platform's, for every
 * entity, once Función Pública's circular is out; an entity's row overrides it. No row: the estimate shows.
 */
export const ventanaFurag = pgTable(
  'ventana_furag',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id').references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    inicio: date('inicio', { mode: 'string' }).notNull(),
    fin: date('fin', { mode: 'string' }).notNull(),
    fuente: text('fuente').notNull(),
    actualizadoPor: uuid('actualizado_por').references(() => usuario.id),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('ventana_furag_vigencia_uq').on(t.entidadId, t.vigencia).nullsNotDistinct(),
    check('ventana_furag_fechas_ck', sql`${t.fin} >= ${t.inicio}`),
  ],
);

// ---------- Calendario legal (core/calendario-legal.ts): ediciones, aviso, FURAG, suscripciones, recordatorios ----------
/** The entity's edit of one event of its legal calendar: a rule's event moved or removed, or its own added. */
export const eventoCalendario = pgTable(
  'evento_calendario',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    clave: text('clave').notNull(),
    cambio: text('cambio', { enum: ACCIONES_EDICION }).notNull(),
    fecha: date('fecha', { mode: 'string' }),
    desde: date('desde', { mode: 'string' }),
    titulo: text('titulo'),
    descripcion: text('descripcion'),
    tipo: text('tipo', { enum: TIPOS_EVENTO_LEGAL }),
    responsables: jsonb('responsables').$type<ResponsableEvento[]>(),
    justificacion: text('justificacion').notNull(),
    editadoPor: uuid('editado_por').references(() => usuario.id),
    editadoEn: timestamp('editado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entidadId, t.vigencia, t.clave] }),
    unaDe('evento_calendario_cambio_check', t.cambio, ACCIONES_EDICION),
    unaDe('evento_calendario_tipo_check', t.tipo, TIPOS_EVENTO_LEGAL),
  ],
);

/** How many business days before a deadline the entity's people are reminded. */
export const configCalendario = pgTable('config_calendario', {
  entidadId: uuid('entidad_id')
    .primaryKey()
    .references(() => entidad.id),
  diasAviso: integer('dias_aviso').notNull(),
});

/**
 * A person's link to subscribe to an entity's calendar from their own calendar app: only the SHA-256 of
 * the token is kept; one live link per person and entity, revoked by a new one or by hand.
 */
export const suscripcionCalendario = pgTable(
  'suscripcion_calendario',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    tokenHash: text('token_hash').notNull().unique(),
    creadoEn: creadoEn(),
    revocadoEn: timestamp('revocado_en', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('suscripcion_calendario_viva_idx')
      .on(t.entidadId, t.usuarioId)
      .where(sql`${t.revocadoEn} is null`),
  ],
);

/**
 * One row per reminder and person: the key that makes the daily job idempotent. Whichever server inserts
 * it first sends; every other attempt, on this or another server, finds the row and sends nothing.
 */
export const recordatorioEnviado = pgTable(
  'recordatorio_enviado',
  {
    clave: text('clave').notNull(),
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    creadoEn: creadoEn(),
  },
  (t) => [primaryKey({ columns: [t.clave, t.usuarioId] })],
);

// ---------- Vigencias de la entidad: esquema de periodos, ventanas de reporte y semáforo ----------
export const vigenciaEntidad = pgTable(
  'vigencia_entidad',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    esquema: text('esquema', { enum: ESQUEMAS_PERIODOS }).notNull(),
    diasHabilesReporte: integer('dias_habiles_reporte').notNull(),
    semaforo: jsonb('semaforo').notNull(),
    /** Where the activities' weights add up to 100 % (core/ponderacion.ts). */
    modoPonderacion: text('modo_ponderacion', { enum: MODOS_PONDERACION }).notNull().default('politica'),
    /**
     * Instruments reported on their own scheme (core/periodos.ts, esquemaActividad): key of a Decreto 612
     * plan or code of an own plan → scheme, e.g. the PTEP by cuatrimestres. Empty: all follow `esquema`.
     */
    esquemasInstrumento: jsonb('esquemas_instrumento')
      .$type<Partial<Record<string, EsquemaPeriodos>>>()
      .notNull()
      .default({}),
  },
  (t) => [
    primaryKey({ columns: [t.entidadId, t.vigencia] }),
    unaDe('vigencia_entidad_esquema_check', t.esquema, ESQUEMAS_PERIODOS),
    unaDe('vigencia_entidad_modo_ponderacion_check', t.modoPonderacion, MODOS_PONDERACION),
  ],
);

export const periodo = pgTable(
  'periodo',
  {
    entidadId: uuid('entidad_id').notNull(),
    vigencia: integer('vigencia').notNull(),
    numero: integer('numero').notNull(),
    nombre: text('nombre').notNull(),
    inicio: date('inicio', { mode: 'string' }).notNull(),
    corte: date('corte', { mode: 'string' }).notNull(),
    abre: date('abre', { mode: 'string' }).notNull(),
    cierra: date('cierra', { mode: 'string' }).notNull(),
    cerrado: boolean('cerrado').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.entidadId, t.vigencia, t.numero] })],
);

// ---------- Plan de acción de la vigencia y sus actividades ----------
/** The act that adopts a plan version: its kind, number and date, and the PDF in the content store. */
const columnasActo = () => ({
  tipoActo: text('tipo_acto', { enum: TIPOS_ACTO }),
  numeroActo: text('numero_acto'),
  fechaActo: date('fecha_acto', { mode: 'string' }),
  actoHash: text('acto_hash'),
  actoNombre: text('acto_nombre'),
  actoBytes: integer('acto_bytes'),
});

export const planAccion = pgTable(
  'plan_accion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    version: integer('version').notNull().default(1),
    estado: text('estado', { enum: ESTADOS_PLAN }).notNull().default('borrador'),
    /** Session of the Comité Institucional de Gestión y Desempeño that approved it, and its acta. */
    fechaSesionComite: date('fecha_sesion_comite', { mode: 'string' }),
    actaComite: text('acta_comite'),
    /** Last observations of the committee when it returned the plan. */
    observaciones: text('observaciones'),
    /** Why a new version of an approved plan was opened. */
    justificacion: text('justificacion'),
    /** The administrative act that adopts the approved version (resolución or acuerdo) and its PDF. */
    ...columnasActo(),
    /** Decreto 612: published on the entity's website by 31 January, with the date and the address. */
    fechaPublicacion: date('fecha_publicacion', { mode: 'string' }),
    urlPublicacion: text('url_publicacion'),
    creadoEn: creadoEn(),
  },
  (t) => [
    uniqueIndex('plan_accion_version_idx').on(t.entidadId, t.vigencia, t.version),
    unaDe('plan_accion_estado_check', t.estado, ESTADOS_PLAN),
    unaDe('plan_accion_tipo_acto_check', t.tipoActo, TIPOS_ACTO),
    // The public page shows a plan once it was published: a published plan always says when.
    check(
      'plan_accion_publicado_fecha_ck',
      sql`${t.estado} <> 'publicado' OR ${t.fechaPublicacion} IS NOT NULL`,
    ),
  ],
);

export const actividad = pgTable(
  'actividad',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => planAccion.id),
    politica: text('politica').notNull(),
    codigo: text('codigo').notNull(),
    indiceFurag: text('indice_furag'),
    plan612: text('plan612'),
    /** Code of one of the entity's own plans (plan_propio), e.g. its Plan Anual de Auditoría. */
    planPropio: text('plan_propio'),
    objetivo: text('objetivo'),
    nombre: text('nombre').notNull(),
    producto: text('producto').notNull(),
    metaAnual: doublePrecision('meta_anual').notNull(),
    unidad: text('unidad').notNull(),
    /** How the periods' figures become the achievement (core/acumulacion.ts). */
    acumulacion: text('acumulacion', { enum: ACUMULACIONES }).notNull().default('suma'),
    metasPeriodo: jsonb('metas_periodo').$type<number[]>().notNull(),
    ponderacion: doublePrecision('ponderacion').notNull(),
    dependenciaId: uuid('dependencia_id').references(() => dependencia.id),
    responsableId: uuid('responsable_id').references(() => usuario.id),
    /** Other people of the 1.ª línea who answer for the activity and may report it. */
    corresponsables: jsonb('corresponsables').$type<string[]>().notNull().default([]),
    fechaInicio: date('fecha_inicio', { mode: 'string' }).notNull(),
    fechaFin: date('fecha_fin', { mode: 'string' }).notNull(),
    presupuesto: bigint('presupuesto', { mode: 'number' }),
    rubro: text('rubro'),
    bpin: text('bpin'),
    riesgo: text('riesgo'),
    /** The indicator whose measurement this activity feeds (optional). */
    indicadorId: uuid('indicador_id').references((): AnyPgColumn => indicador.id),
    /** Who of the 1.ª línea proposed it, when planeación incorporated a proposal (null: planeación wrote it). */
    propuestaPor: uuid('propuesta_por').references(() => usuario.id),
    /** The recommendation of Función Pública it answers (never deleted while an activity points to it). */
    recomendacionId: uuid('recomendacion_id').references((): AnyPgColumn => furagRecomendacion.id),
    /** The autodiagnóstico whose gap (item under the threshold) it answers: an improvement action. */
    autodiagnosticoId: uuid('autodiagnostico_id').references((): AnyPgColumn => autodiagnostico.id),
    /** The gap's item code in that autodiagnóstico's questionnaire. */
    autodiagnosticoItem: text('autodiagnostico_item'),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('actividad_recomendacion_idx').on(t.recomendacionId),
    index('actividad_autodiagnostico_idx').on(t.autodiagnosticoId),
    uniqueIndex('actividad_codigo_idx').on(t.planId, t.codigo),
    index('actividad_plan_idx').on(t.planId, t.politica),
    unaDe('actividad_acumulacion_check', t.acumulacion, ACUMULACIONES),
  ],
);

/**
 * How the entity's own plan spreadsheet maps to the plan's fields, by header (without accents or case), saved
 * at each import from it so next year's sheet comes already mapped ('' is a column chosen not to import), with
 * the names the review matched by hand.
 */
export const mapeoPlanEntidad = pgTable('mapeo_plan_entidad', {
  entidadId: uuid('entidad_id')
    .primaryKey()
    .references(() => entidad.id),
  columnas: jsonb('columnas').$type<Record<string, string>>().notNull(),
  /** Names written the office's way and what they were chosen to mean, by kind: «Pol. Integridad» → integridad. */
  nombres: jsonb('nombres')
    .$type<Partial<Record<'politica' | 'dependencia' | 'responsable', Record<string, string>>>>()
    .notNull()
    .default({}),
  actualizadoPor: uuid('actualizado_por').references(() => usuario.id),
  actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** The entity's own strategic objectives or development-plan lines, to which activities contribute. */
export const objetivoEstrategico = pgTable(
  'objetivo_estrategico',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    creadoEn: creadoEn(),
  },
  (t) => [uniqueIndex('objetivo_codigo_idx').on(t.entidadId, t.codigo)],
);

/**
 * Plans of the entity's own, beside the 12 of Decreto 612: the Plan Anual de Auditoría, an E.S.E.'s Plan
 * de Gestión del gerente, PAMEC or Plan Hospitalario de Emergencias. Activities name one by its code.
 */
export const planPropio = pgTable(
  'plan_propio',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    /** Policies its activities may belong to; empty: any policy. */
    politicas: jsonb('politicas').$type<string[]>().notNull().default([]),
    creadoEn: creadoEn(),
  },
  (t) => [uniqueIndex('plan_propio_codigo_idx').on(t.entidadId, t.codigo)],
);

// ---------- Indicadores (hoja de vida) y sus mediciones por periodo ----------
export const indicador = pgTable(
  'indicador',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    objetivo: text('objetivo').notNull(),
    tipo: text('tipo', { enum: TIPOS_INDICADOR }).notNull(),
    politica: text('politica'),
    formulaNumerador: text('formula_numerador').notNull(),
    formulaDenominador: text('formula_denominador'),
    unidad: text('unidad').notNull(),
    frecuencia: text('frecuencia', { enum: FRECUENCIAS }).notNull(),
    lineaBase: doublePrecision('linea_base'),
    meta: doublePrecision('meta').notNull(),
    /** How the measurements of the year become the indicator's value against its goal. */
    acumulacion: text('acumulacion', { enum: ACUMULACIONES }).notNull().default('suma'),
    polaridad: text('polaridad', { enum: POLARIDADES }).notNull(),
    fuente: text('fuente').notNull(),
    dependenciaId: uuid('dependencia_id').references(() => dependencia.id),
    responsableId: uuid('responsable_id').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    uniqueIndex('indicador_codigo_idx').on(t.entidadId, t.vigencia, t.codigo),
    unaDe('indicador_tipo_check', t.tipo, TIPOS_INDICADOR),
    unaDe('indicador_frecuencia_check', t.frecuencia, FRECUENCIAS),
    unaDe('indicador_polaridad_check', t.polaridad, POLARIDADES),
    unaDe('indicador_acumulacion_check', t.acumulacion, ACUMULACIONES),
  ],
);

export const medicion = pgTable(
  'medicion',
  {
    indicadorId: uuid('indicador_id')
      .notNull()
      .references(() => indicador.id),
    periodo: integer('periodo').notNull(),
    numerador: doublePrecision('numerador').notNull(),
    denominador: doublePrecision('denominador'),
    valor: doublePrecision('valor'),
    observacion: text('observacion'),
    registradoPor: uuid('registrado_por').references(() => usuario.id),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicadorId, t.periodo] })],
);

// ---------- Seguimiento por actividad y periodo, con sus evidencias ----------
export const seguimiento = pgTable(
  'seguimiento',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    actividadId: uuid('actividad_id')
      .notNull()
      .references(() => actividad.id),
    periodo: integer('periodo').notNull(),
    /** Achieved in this period alone (numerador/denominador × 100 when reported as a ratio). */
    valor: doublePrecision('valor').notNull(),
    numerador: doublePrecision('numerador'),
    denominador: doublePrecision('denominador'),
    descripcion: text('descripcion').notNull(),
    dificultades: text('dificultades'),
    /** Why the period's figure went over what was programmed (asked above the semáforo's blue band). */
    justificacionSobreejecucion: text('justificacion_sobreejecucion'),
    estado: text('estado', { enum: ESTADOS_SEGUIMIENTO }).notNull().default('borrador'),
    /** Sent after the reporting window closed. */
    tardio: boolean('tardio').notNull().default(false),
    observacionesPlaneacion: text('observaciones_planeacion'),
    observacionesControl: text('observaciones_control'),
    reportadoPor: uuid('reportado_por').references(() => usuario.id),
    enviadoEn: timestamp('enviado_en', { withTimezone: true, mode: 'date' }),
    revisadoPor: uuid('revisado_por').references(() => usuario.id),
    verificadoPor: uuid('verificado_por').references(() => usuario.id),
    /** Control interno's own percentage of the period (0–100), beside the self-reported cumplimiento. */
    avanceVerificado: doublePrecision('avance_verificado'),
    /** The responsible's answer to control interno's observations (the reply step). */
    respuestaControl: text('respuesta_control'),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'seguimiento_avance_verificado_check',
      sql`${t.avanceVerificado} is null or (${t.avanceVerificado} >= 0 and ${t.avanceVerificado} <= 100)`,
    ),
    uniqueIndex('seguimiento_actividad_periodo_idx').on(t.actividadId, t.periodo),
    index('seguimiento_entidad_idx').on(t.entidadId, t.estado),
    unaDe('seguimiento_estado_check', t.estado, ESTADOS_SEGUIMIENTO),
  ],
);

// ---------- Selección de control interno: qué reportes de la vigencia verifica (core/verificacion.ts) ----------
export const criterioVerificacion = pgTable(
  'criterio_verificacion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    tipo: text('tipo', { enum: TIPOS_CRITERIO }).notNull(),
    /** One per target (core's claveCriterio): the same policy chosen twice is one choice. */
    clave: text('clave').notNull(),
    politica: text('politica'),
    dependenciaId: uuid('dependencia_id').references(() => dependencia.id, { onDelete: 'cascade' }),
    actividadId: uuid('actividad_id').references(() => actividad.id, { onDelete: 'cascade' }),
    porcentaje: integer('porcentaje'),
    semilla: text('semilla'),
    /** Why: the audit of its Plan Anual de Auditoría, a risk, a complaint… */
    motivo: text('motivo'),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    uniqueIndex('criterio_verificacion_clave_idx').on(t.entidadId, t.vigencia, t.clave),
    unaDe('criterio_verificacion_tipo_check', t.tipo, TIPOS_CRITERIO),
    check(
      'criterio_verificacion_porcentaje_check',
      sql`${t.porcentaje} is null or (${t.porcentaje} >= 1 and ${t.porcentaje} <= 100)`,
    ),
  ],
);

export const evidencia = pgTable(
  'evidencia',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seguimientoId: uuid('seguimiento_id')
      .notNull()
      .references(() => seguimiento.id),
    nombre: text('nombre').notNull(),
    /** A stored file (SHA-256 in the content store) or a link. */
    hash: text('hash'),
    tipo: text('tipo'),
    bytes: integer('bytes'),
    url: text('url'),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [index('evidencia_seguimiento_idx').on(t.seguimientoId)],
);

/** Figures frozen when planeación closes a period; reports of a closed period read these. */
export const cortePeriodo = pgTable(
  'corte_periodo',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    periodo: integer('periodo').notNull(),
    datos: jsonb('datos').notNull(),
    cerradoPor: uuid('cerrado_por').references(() => usuario.id),
    cerradoEn: creadoEn(),
  },
  (t) => [primaryKey({ columns: [t.entidadId, t.vigencia, t.periodo] })],
);

/**
 * Control interno's conclusions of its four-monthly follow-up of the Programa de Transparencia y Ética Pública
 * (cuatrimestre 1–3: cut-offs 30 April, 31 August, 31 December); the report's figures come from the data.
 */
export const conclusionPtep = pgTable(
  'conclusion_ptep',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    cuatrimestre: integer('cuatrimestre').notNull(),
    conclusiones: text('conclusiones').notNull(),
    escritoPor: uuid('escrito_por').references(() => usuario.id),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entidadId, t.vigencia, t.cuatrimestre] }),
    check('conclusion_ptep_cuatrimestre_check', sql`${t.cuatrimestre} between 1 and 3`),
  ],
);

/** Approved versions of a plan, kept whole so that any two can be compared. */
export const versionPlan = pgTable(
  'version_plan',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => planAccion.id),
    version: integer('version').notNull(),
    justificacion: text('justificacion'),
    fechaSesionComite: date('fecha_sesion_comite', { mode: 'string' }),
    actaComite: text('acta_comite'),
    /** `sustancial`: approved by the entity's approving body; `menor`: by planeación on its own authority. */
    tipoCambio: text('tipo_cambio', { enum: TIPOS_CAMBIO }).notNull().default('sustancial'),
    aprobadoPor: uuid('aprobado_por').references(() => usuario.id),
    ...columnasActo(),
    actividades: jsonb('actividades').notNull(),
    aprobadoEn: creadoEn(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.version] }),
    unaDe('version_plan_tipo_cambio_check', t.tipoCambio, TIPOS_CAMBIO),
    unaDe('version_plan_tipo_acto_check', t.tipoActo, TIPOS_ACTO),
  ],
);

/**
 * An activity drafted by the 1.ª línea (the responsible of its policy) for planeación to consolidate: it
 * enters the plan when planeación incorporates it (perhaps edited), keeping its author.
 */
export const propuestaActividad = pgTable(
  'propuesta_actividad',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    politica: text('politica').notNull(),
    autorId: uuid('autor_id')
      .notNull()
      .references(() => usuario.id),
    /** The activity as proposed (the plan's activity input). */
    datos: jsonb('datos').$type<Record<string, unknown>>().notNull(),
    estado: text('estado', { enum: ESTADOS_PROPUESTA }).notNull().default('pendiente'),
    /** Why planeación set it aside. */
    motivo: text('motivo'),
    /** The activity it became; planeación may later remove it from the borrador (the proposal stays). */
    actividadId: uuid('actividad_id').references(() => actividad.id, { onDelete: 'set null' }),
    resueltaPor: uuid('resuelta_por').references(() => usuario.id),
    /** The recommendation of Función Pública it answers; the activity it becomes inherits it. */
    recomendacionId: uuid('recomendacion_id').references((): AnyPgColumn => furagRecomendacion.id),
    /** The autodiagnóstico gap it answers (autodiagnóstico and item); the activity it becomes inherits it. */
    autodiagnosticoId: uuid('autodiagnostico_id').references((): AnyPgColumn => autodiagnostico.id),
    autodiagnosticoItem: text('autodiagnostico_item'),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('propuesta_actividad_idx').on(t.entidadId, t.vigencia),
    index('propuesta_actividad_recomendacion_idx').on(t.recomendacionId),
    index('propuesta_actividad_autodiagnostico_idx').on(t.autodiagnosticoId),
    unaDe('propuesta_actividad_estado_check', t.estado, ESTADOS_PROPUESTA),
  ],
);

export const notificacion = pgTable(
  'notificacion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    texto: text('texto').notNull(),
    enlace: text('enlace'),
    leida: boolean('leida').notNull().default(false),
    creadoEn: creadoEn(),
  },
  (t) => [index('notificacion_usuario_idx').on(t.usuarioId, t.leida)],
);

// ---------- Auditoría: solo se agrega; cada fila lleva el SHA-256 de la anterior ----------
export const auditoria = pgTable(
  'auditoria',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entidadId: uuid('entidad_id'),
    usuarioId: uuid('usuario_id'),
    usuarioCorreo: text('usuario_correo'),
    accion: text('accion').notNull(),
    recurso: text('recurso').notNull(),
    recursoId: text('recurso_id'),
    antes: jsonb('antes'),
    despues: jsonb('despues'),
    ip: text('ip'),
    creadoEn: text('creado_en').notNull(),
    hashAnterior: text('hash_anterior').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('auditoria_entidad_idx').on(t.entidadId, t.id),
    uniqueIndex('auditoria_hash_idx').on(t.hash),
    index('auditoria_recurso_idx').on(t.recurso, t.recursoId),
  ],
);

// ---------- Medición: the official FURAG results of a vigencia (core/furag-resultados.ts) ----------
/** One load of the published national results file per vigencia; a new load replaces it whole. */
export const furagCarga = pgTable('furag_carga', {
  vigencia: integer('vigencia').primaryKey(),
  /** The measurement columns understood (code and level), and the headers left out. */
  columnas: jsonb('columnas').$type<{ codigo: string; nivel: string; nombre?: string | null }[]>().notNull(),
  ignoradas: jsonb('ignoradas').$type<string[]>().notNull(),
  entidades: integer('entidades').notNull(),
  cargadoPor: uuid('cargado_por').references(() => usuario.id),
  cargadoEn: creadoEn(),
});

/** One row of the file as published: official scores only (a blank, «no aplica», is absent from `puntajes`). */
export const furagResultado = pgTable(
  'furag_resultado',
  {
    vigencia: integer('vigencia')
      .notNull()
      .references(() => furagCarga.vigencia, { onDelete: 'cascade' }),
    fila: integer('fila').notNull(),
    codigoSigep: text('codigo_sigep'),
    entidad: text('entidad').notNull(),
    departamento: text('departamento'),
    municipio: text('municipio'),
    tipoFormulario: text('tipo_formulario'),
    naturalezaJuridica: text('naturaleza_juridica'),
    grupoPar: text('grupo_par'),
    puntajes: jsonb('puntajes').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vigencia, t.fila] }),
    uniqueIndex('furag_resultado_sigep_idx').on(t.vigencia, t.codigoSigep),
    index('furag_resultado_grupo_idx').on(t.vigencia, t.grupoPar),
  ],
);

/**
 * Función Pública's recommendations to one entity with its results of a vigencia (core/furag-recomendaciones.ts).
 * A new file replaces the unused ones; one that became an activity or a proposal stays (their FK keeps it).
 */
export const furagRecomendacion = pgTable(
  'furag_recomendacion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    /** The vigencia of the results the recommendation comes with (not the plan's). */
    vigencia: integer('vigencia').notNull(),
    /** The catalog's index code of that vigencia; null for a policy without sub-indices. */
    indice: text('indice'),
    politica: text('politica').notNull(),
    texto: text('texto').notNull(),
    /** Its row in the file loaded, to find it there. */
    fila: integer('fila').notNull(),
    cargadoPor: uuid('cargado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [index('furag_recomendacion_entidad_idx').on(t.entidadId, t.vigencia)],
);

/**
 * The official FURAG scores of a vigencia typed by the entity from its own results report, when the national
 * file does not have its row (or was not loaded). Kept apart from the file: never counted in a grupo par's
 * figures. `version` grows with every save: a save made over an older version is refused (409).
 */
export const furagDigitado = pgTable(
  'furag_digitado',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    /** As the report writes it; only text (no comparison is computed from it). */
    grupoPar: text('grupo_par'),
    /** Only the measurements that apply: «no aplica» is absent, never zero. */
    puntajes: jsonb('puntajes').$type<Record<string, number>>().notNull(),
    version: integer('version').notNull().default(1),
    digitadoPor: uuid('digitado_por').references(() => usuario.id),
    digitadoEn: timestamp('digitado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entidadId, t.vigencia] })],
);

// ---------- Cuestionarios: autodiagnósticos and the FURAG rehearsal (core/cuestionario.ts) ----------
/** A questionnaire as imported (format mipg-cuestionario/1); entidad_id null: the platform's, for every entity. */
export const cuestionario = pgTable(
  'cuestionario',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id').references(() => entidad.id),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    vigencia: integer('vigencia').notNull(),
    instrumento: text('instrumento', { enum: INSTRUMENTOS }).notNull(),
    /** Catalog policy key (not a foreign key: the catalog is versioned by vigencia). */
    politica: text('politica'),
    descripcion: text('descripcion'),
    fuente: text('fuente'),
    niveles: jsonb('niveles').$type<Nivel[]>(),
    /**
     * The sections as imported, whole: export and scoring read one value per questionnaire (an entity's 19
     * autodiagnósticos in one query). A questionnaire never changes after its import, so this and the rows of
     * cuestionario_seccion / cuestionario_item (which answers will reference) cannot drift apart.
     */
    estructura: jsonb('estructura').$type<Seccion[]>().notNull(),
    items: integer('items').notNull(),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    unaDe('cuestionario_instrumento_check', t.instrumento, INSTRUMENTOS),
    // One code per vigencia and owner; the platform (null) is one owner too.
    unique('cuestionario_codigo_uq').on(t.entidadId, t.codigo, t.vigencia).nullsNotDistinct(),
  ],
);

/** Sections nest through padre_id (no foreign key, as dependencia: a restore inserts rows in any order). */
export const cuestionarioSeccion = pgTable(
  'cuestionario_seccion',
  {
    id: uuid('id').primaryKey(),
    cuestionarioId: uuid('cuestionario_id')
      .notNull()
      .references(() => cuestionario.id, { onDelete: 'cascade' }),
    padreId: uuid('padre_id'),
    codigo: text('codigo').notNull(),
    nombre: text('nombre').notNull(),
    descripcion: text('descripcion'),
    nivel: integer('nivel').notNull(),
    /** Document order within the questionnaire. */
    orden: integer('orden').notNull(),
  },
  (t) => [unique('cuestionario_seccion_codigo_uq').on(t.cuestionarioId, t.codigo)],
);

/** One item; `definicion` keeps the rest of it as imported (options, matrix, skip, applicability…). */
export const cuestionarioItem = pgTable(
  'cuestionario_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cuestionarioId: uuid('cuestionario_id')
      .notNull()
      .references(() => cuestionario.id, { onDelete: 'cascade' }),
    seccionId: uuid('seccion_id')
      .notNull()
      .references(() => cuestionarioSeccion.id, { onDelete: 'cascade' }),
    codigo: text('codigo').notNull(),
    tipo: text('tipo', { enum: TIPOS_ITEM }).notNull(),
    texto: text('texto').notNull(),
    noAplica: boolean('no_aplica').notNull(),
    evidencia: boolean('evidencia').notNull(),
    definicion: jsonb('definicion').$type<Omit<Item, 'codigo' | 'tipo' | 'texto'>>().notNull(),
    /** Document order within the questionnaire (skips point backwards in it). */
    orden: integer('orden').notNull(),
  },
  (t) => [
    unaDe('cuestionario_item_tipo_check', t.tipo, TIPOS_ITEM),
    unique('cuestionario_item_codigo_uq').on(t.cuestionarioId, t.codigo),
    index('cuestionario_item_seccion_idx').on(t.seccionId),
  ],
);

/**
 * An autodiagnóstico of an entity: a questionnaire (instrumento 'autodiagnostico', of a policy) assigned for a
 * vigencia. Whoever is the policy's responsible that vigencia (responsable_politica) answers it.
 */
export const autodiagnostico = pgTable(
  'autodiagnostico',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    cuestionarioId: uuid('cuestionario_id')
      .notNull()
      .references(() => cuestionario.id),
    vigencia: integer('vigencia').notNull(),
    politica: text('politica').notNull(),
    estado: text('estado', { enum: ESTADOS_AUTODIAGNOSTICO }).notNull().default('borrador'),
    /** Planeación's observations when it returns it. */
    observaciones: text('observaciones'),
    enviadoEn: timestamp('enviado_en', { withTimezone: true, mode: 'date' }),
    revisadoPor: uuid('revisado_por').references(() => usuario.id),
    revisadoEn: timestamp('revisado_en', { withTimezone: true, mode: 'date' }),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    unique('autodiagnostico_cuestionario_uq').on(t.entidadId, t.cuestionarioId),
    unaDe('autodiagnostico_estado_check', t.estado, ESTADOS_AUTODIAGNOSTICO),
  ],
);

/** One answer (core/cuestionario.ts Respuesta) with its observation; an item without a row is blank. */
export const respuestaAutodiagnostico = pgTable(
  'respuesta_autodiagnostico',
  {
    autodiagnosticoId: uuid('autodiagnostico_id')
      .notNull()
      .references(() => autodiagnostico.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    respuesta: jsonb('respuesta').$type<Respuesta>(),
    observacion: text('observacion'),
    actualizadoPor: uuid('actualizado_por').references(() => usuario.id),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.autodiagnosticoId, t.item] })],
);

/** Evidence already uploaded in seguimiento, linked to an answer (one file, never a copy). */
export const evidenciaAutodiagnostico = pgTable(
  'evidencia_autodiagnostico',
  {
    autodiagnosticoId: uuid('autodiagnostico_id')
      .notNull()
      .references(() => autodiagnostico.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    // Removing the evidence from its report unlinks it here too.
    evidenciaId: uuid('evidencia_id')
      .notNull()
      .references(() => evidencia.id, { onDelete: 'cascade' }),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [primaryKey({ columns: [t.autodiagnosticoId, t.item, t.evidenciaId] })],
);

/**
 * A FURAG rehearsal of an entity: the vigencia's question bank (a questionnaire of instrumento 'furag') answered
 * before the official window (core/simulacro.ts). `seccion_control_interno`: the top section that is the
 * control-interno form, answered by the jefe de control interno only.
 */
export const simulacroFurag = pgTable(
  'simulacro_furag',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    cuestionarioId: uuid('cuestionario_id')
      .notNull()
      .references(() => cuestionario.id),
    vigencia: integer('vigencia').notNull(),
    seccionControlInterno: text('seccion_control_interno'),
    creadoPor: uuid('creado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [unique('simulacro_furag_cuestionario_uq').on(t.entidadId, t.cuestionarioId)],
);

/** A section (a module or any part of it) assigned to one person of planeación. */
export const asignacionSimulacro = pgTable(
  'asignacion_simulacro',
  {
    simulacroId: uuid('simulacro_id')
      .notNull()
      .references(() => simulacroFurag.id, { onDelete: 'cascade' }),
    seccion: text('seccion').notNull(),
    usuarioId: uuid('usuario_id')
      .notNull()
      .references(() => usuario.id),
    asignadoPor: uuid('asignado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [primaryKey({ columns: [t.simulacroId, t.seccion] })],
);

/** One rehearsal answer with its observation and evidence links; an item without a row is blank. */
export const respuestaSimulacro = pgTable(
  'respuesta_simulacro',
  {
    simulacroId: uuid('simulacro_id')
      .notNull()
      .references(() => simulacroFurag.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    respuesta: jsonb('respuesta').$type<Respuesta>(),
    observacion: text('observacion'),
    /** Links typed by hand, or seguimiento's evidence by id (its url the entity's own download route). */
    evidencias: jsonb('evidencias')
      .$type<{ nombre: string; url: string; evidenciaId?: string }[]>()
      .notNull()
      .default([]),
    actualizadoPor: uuid('actualizado_por').references(() => usuario.id),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.simulacroId, t.item] })],
);

/**
 * The 31 January pack (core/publicaciones.ts): each document the entity publishes for citizens, by version.
 * A new version never replaces a file: the permanent address serves the latest, and each version keeps its own.
 */
export const documentoPublicado = pgTable(
  'documento_publicado',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    clave: text('clave').notNull(),
    version: integer('version').notNull(),
    titulo: text('titulo').notNull(),
    numeral: text('numeral').notNull(),
    archivoHash: text('archivo_hash').notNull(),
    archivoNombre: text('archivo_nombre').notNull(),
    archivoTipo: text('archivo_tipo').notNull(),
    archivoBytes: integer('archivo_bytes').notNull(),
    fechaPublicacion: date('fecha_publicacion', { mode: 'string' }).notNull(),
    /** What changed from the previous version, in the entity's words. */
    nota: text('nota'),
    publicadoPor: uuid('publicado_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    uniqueIndex('documento_publicado_version_idx').on(t.entidadId, t.vigencia, t.clave, t.version),
    check('documento_publicado_version_check', sql`${t.version} >= 1`),
  ],
);

/** A draft (plan, PTEP) open for citizens' comments between two dates (core/consulta.ts). */
export const consultaCiudadana = pgTable(
  'consulta_ciudadana',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    objeto: text('objeto', { enum: OBJETOS_CONSULTA }).notNull(),
    titulo: text('titulo').notNull(),
    descripcion: text('descripcion'),
    abre: date('abre', { mode: 'string' }).notNull(),
    cierra: date('cierra', { mode: 'string' }).notNull(),
    creadaPor: uuid('creada_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    unaDe('consulta_ciudadana_objeto_check', t.objeto, OBJETOS_CONSULTA),
    check('consulta_ciudadana_fechas_check', sql`${t.cierra} >= ${t.abre}`),
  ],
);

/** A citizen's comment: name and e-mail optional and never published; the entity's answer, public. */
export const comentarioConsulta = pgTable(
  'comentario_consulta',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultaId: uuid('consulta_id')
      .notNull()
      .references(() => consultaCiudadana.id),
    numero: integer('numero').notNull(),
    nombre: text('nombre'),
    correo: text('correo'),
    texto: text('texto').notNull(),
    respuesta: text('respuesta'),
    respondidoPor: uuid('respondido_por').references(() => usuario.id),
    respondidoEn: timestamp('respondido_en', { withTimezone: true, mode: 'date' }),
    creadoEn: creadoEn(),
  },
  (t) => [uniqueIndex('comentario_consulta_numero_idx').on(t.consultaId, t.numero)],
);

/**
 * Control interno's semiannual independent evaluation of the internal control system (core/meci.ts): one per
 * entity, vigencia and semester, rewritten with a version check (two writers: the second gets 409).
 */
export const evaluacionMeci = pgTable(
  'evaluacion_meci',
  {
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    vigencia: integer('vigencia').notNull(),
    semestre: integer('semestre').notNull(),
    componentes: jsonb('componentes')
      .$type<Partial<Record<ComponenteMeci, EvaluacionComponente>>>()
      .notNull(),
    conclusion: text('conclusion'),
    version: integer('version').notNull().default(1),
    escritoPor: uuid('escrito_por').references(() => usuario.id),
    actualizadoEn: timestamp('actualizado_en', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entidadId, t.vigencia, t.semestre] }),
    check('evaluacion_meci_semestre_check', sql`${t.semestre} in (1, 2)`),
  ],
);

// ---------- Comités: CIGD, CICCI, el órgano que aprueba los planes; sus sesiones, decisiones y compromisos ----------
export const comite = pgTable(
  'comite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entidadId: uuid('entidad_id')
      .notNull()
      .references(() => entidad.id),
    tipo: text('tipo', { enum: TIPOS_COMITE }).notNull(),
    nombre: text('nombre').notNull(),
    /** The act that created it (resolución, decreto, acuerdo) and its date. */
    actoCreacion: text('acto_creacion'),
    fechaActoCreacion: date('fecha_acto_creacion', { mode: 'string' }),
    creadoEn: creadoEn(),
  },
  (t) => [index('comite_entidad_idx').on(t.entidadId), unaDe('comite_tipo_check', t.tipo, TIPOS_COMITE)],
);

/** A post on the committee (people change, posts stay): its role, voice and vote, and validity. */
export const integranteComite = pgTable(
  'integrante_comite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    comiteId: uuid('comite_id')
      .notNull()
      .references(() => comite.id),
    cargo: text('cargo').notNull(),
    /** Who holds the post today, for the acta's signatures (optional). */
    titular: text('titular'),
    rol: text('rol', { enum: ROLES_INTEGRANTE }).notNull(),
    voto: boolean('voto').notNull(),
    desde: date('desde', { mode: 'string' }).notNull(),
    hasta: date('hasta', { mode: 'string' }),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('integrante_comite_idx').on(t.comiteId),
    unaDe('integrante_comite_rol_check', t.rol, ROLES_INTEGRANTE),
  ],
);

/** A post as a closed acta keeps it. */
export interface IntegranteActa {
  id: string;
  cargo: string;
  titular: string | null;
  rol: (typeof ROLES_INTEGRANTE)[number];
  voto: boolean;
  desde: string;
  hasta: string | null;
}

export const sesionComite = pgTable(
  'sesion_comite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    comiteId: uuid('comite_id')
      .notNull()
      .references(() => comite.id),
    /** The acta's number within its year. */
    numero: integer('numero').notNull(),
    anio: integer('anio').notNull(),
    caracter: text('caracter', { enum: CARACTERES_SESION }).notNull(),
    fecha: date('fecha', { mode: 'string' }).notNull(),
    lugar: text('lugar'),
    ordenDelDia: jsonb('orden_del_dia').$type<string[]>().notNull(),
    desarrollo: text('desarrollo').notNull().default(''),
    /** The posts (integrante_comite ids) present. */
    asistentes: jsonb('asistentes').$type<string[]>().notNull().default([]),
    /** The signed, scanned acta in the content store: once here, the session is locked. */
    actaHash: text('acta_hash'),
    actaNombre: text('acta_nombre'),
    actaBytes: integer('acta_bytes'),
    actaAdjuntadaEn: timestamp('acta_adjuntada_en', { withTimezone: true, mode: 'date' }),
    /**
     * The posts as they were when the signed acta was attached (cargo, titular, rol, voto, validity): a holder
     * changed later does not rewrite a closed acta.
     */
    integrantesActa: jsonb('integrantes_acta').$type<IntegranteActa[]>(),
    convocadaPor: uuid('convocada_por').references(() => usuario.id),
    creadoEn: creadoEn(),
  },
  (t) => [
    uniqueIndex('sesion_comite_numero_idx').on(t.comiteId, t.anio, t.numero),
    unaDe('sesion_comite_caracter_check', t.caracter, CARACTERES_SESION),
  ],
);

/** A typed decision: the plan's approval, a follow-up of a closed period, … which other modules act on. */
export const decisionComite = pgTable(
  'decision_comite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sesionId: uuid('sesion_id')
      .notNull()
      .references(() => sesionComite.id),
    tipo: text('tipo', { enum: TIPOS_DECISION }).notNull(),
    descripcion: text('descripcion').notNull(),
    vigencia: integer('vigencia'),
    periodo: integer('periodo'),
    /** The plan's version a plan decision approved. */
    version: integer('version'),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('decision_comite_sesion_idx').on(t.sesionId),
    unaDe('decision_comite_tipo_check', t.tipo, TIPOS_DECISION),
  ],
);

/** A commitment with its responsible and date: in their «mis pendientes» and back at the next session. */
export const compromisoComite = pgTable(
  'compromiso_comite',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sesionId: uuid('sesion_id')
      .notNull()
      .references(() => sesionComite.id),
    descripcion: text('descripcion').notNull(),
    responsableId: uuid('responsable_id')
      .notNull()
      .references(() => usuario.id),
    fecha: date('fecha', { mode: 'string' }).notNull(),
    cumplidoEn: date('cumplido_en', { mode: 'string' }),
    creadoEn: creadoEn(),
  },
  (t) => [
    index('compromiso_comite_sesion_idx').on(t.sesionId),
    index('compromiso_comite_responsable_idx').on(t.responsableId),
  ],
);

export const TABLAS_EN_ORDEN = [
  'catalogo_vigencia',
  'componente',
  'dimension',
  'politica',
  'indice_furag',
  'plan_decreto612',
  'entidad',
  'dependencia',
  'usuario',
  'furag_carga',
  'furag_resultado',
  'furag_recomendacion',
  'furag_digitado',
  'rol_usuario',
  'invitacion',
  'intento_acceso',
  'sesion',
  'enlace_clave',
  'resumen_diario',
  'correo_saliente',
  'ajuste_sistema',
  'responsable_politica',
  'cuestionario',
  'cuestionario_seccion',
  'cuestionario_item',
  'autodiagnostico',
  'respuesta_autodiagnostico',
  'simulacro_furag',
  'asignacion_simulacro',
  'respuesta_simulacro',
  'ajuste_calendario',
  'evento_calendario',
  'config_calendario',
  'ventana_furag',
  'suscripcion_calendario',
  'recordatorio_enviado',
  'vigencia_entidad',
  'periodo',
  'plan_accion',
  'objetivo_estrategico',
  'mapeo_plan_entidad',
  'plan_propio',
  'indicador',
  'medicion',
  'actividad',
  'seguimiento',
  'criterio_verificacion',
  'evidencia',
  'evidencia_autodiagnostico',
  'corte_periodo',
  'version_plan',
  'propuesta_actividad',
  'comite',
  'integrante_comite',
  'sesion_comite',
  'decision_comite',
  'compromiso_comite',
  'notificacion',
  'documento_publicado',
  'evaluacion_meci',
  'consulta_ciudadana',
  'comentario_consulta',
  'auditoria',
] as const;
