// The legal calendar of an entity's vigencia, built from rules: the 31 January publications, the period
// cut-offs and reporting windows of the entity's scheme, the FURAG window, control interno's reports,
// accountability and the CIGD's quarterly sessions. Dates the law does not fix (the FURAG window, the
// accountability hearing) are «por confirmar» until someone sets them: nothing official is invented here.
// The entity edits the result (adds, moves, removes with a reason): aplicarEdiciones.
import { type Fecha, sumarDias, ultimoDiaDelMes } from './calendario.ts';
import type { Calendario } from './dias-habiles.ts';
import { fechaCivil } from './formato.ts';
import type { Periodo } from './periodos.ts';
import type { Rol } from './roles.ts';

export const TIPOS_EVENTO_LEGAL = [
  'publicacion',
  'corte',
  'reporte',
  'furag',
  'control_interno',
  'rendicion_cuentas',
  'comite',
  'otro',
] as const;
export type TipoEventoLegal = (typeof TIPOS_EVENTO_LEGAL)[number];

export const NOMBRE_TIPO_EVENTO: Record<TipoEventoLegal, string> = {
  publicacion: 'Publicación',
  corte: 'Corte de periodo',
  reporte: 'Ventana de reporte',
  furag: 'FURAG',
  control_interno: 'Control interno',
  rendicion_cuentas: 'Rendición de cuentas',
  comite: 'Comité',
  otro: 'Otro',
};

/** Who is reminded of an event: people holding one of these roles in the entity. */
export const RESPONSABLES_EVENTO = [
  'planeacion',
  'control_interno',
  'responsables',
  'alta_direccion',
  'admin_entidad',
] as const;
export type ResponsableEvento = (typeof RESPONSABLES_EVENTO)[number];

export const NOMBRE_RESPONSABLE: Record<ResponsableEvento, string> = {
  planeacion: 'Planeación',
  control_interno: 'Control interno',
  responsables: 'Responsables de política y de actividad',
  alta_direccion: 'Alta dirección / comité',
  admin_entidad: 'Administrador de la entidad',
};

export const ROLES_RESPONSABLE: Record<ResponsableEvento, readonly Rol[]> = {
  planeacion: ['planeacion'],
  control_interno: ['control_interno'],
  responsables: ['responsable_politica', 'responsable_actividad'],
  alta_direccion: ['alta_direccion'],
  admin_entidad: ['admin_entidad'],
};

export interface EventoLegal {
  /** Stable within the vigencia (the iCalendar UID and the reminders' key are built on it): [a-z0-9-]. */
  clave: string;
  tipo: TipoEventoLegal;
  titulo: string;
  descripcion: string;
  /** The deadline, or null while «por confirmar». */
  fecha: Fecha | null;
  /** First day of a window (reporting, FURAG, publication term), when the event is one. */
  desde: Fecha | null;
  fundamento: string;
  responsables: ResponsableEvento[];
}

/** The FURAG window of a year as the platform administrator typed it from Función Pública's circular. */
export interface VentanaFurag {
  desde: Fecha | null;
  hasta: Fecha | null;
}

export interface EntradaCalendarioLegal {
  vigencia: number;
  /** The plan's periods of the vigencia (stored, or the default proposal). */
  periodos: readonly Pick<Periodo, 'numero' | 'nombre' | 'corte' | 'abre' | 'cierra'>[];
  calendario: Calendario;
  /** The FURAG window open during the vigencia (it reports the previous one); null: not announced. */
  furag: VentanaFurag | null;
}

/** Business days to publish the PTEP follow-up after each cut-off (Ley 2195 de 2022; Decreto 1122 de 2024). */
export const DIAS_PUBLICAR_SEGUIMIENTO_PTEP = 10;
const CORTES_PTEP = [4, 8, 12];
const CORTES_EVALUACION_INDEPENDIENTE = [6, 12];
const ordinal = ['primer', 'segundo', 'tercer', 'cuarto'];

export function calendarioLegal(e: EntradaCalendarioLegal): EventoLegal[] {
  const v = e.vigencia;
  const eventos: EventoLegal[] = [];
  const treintaYUno = `${v}-01-31`;
  eventos.push(
    {
      clave: 'publicar-plan-accion',
      tipo: 'publicacion',
      titulo: `Publicar el plan de acción ${v}`,
      descripcion:
        'Plan de acción con objetivos, estrategias, proyectos, metas, responsables, plan de compras y presupuesto de inversión, en el menú de transparencia del sitio web.',
      fecha: treintaYUno,
      desde: null,
      fundamento: 'Ley 1474 de 2011, art. 74',
      responsables: ['planeacion'],
    },
    {
      clave: 'publicar-planes-612',
      tipo: 'publicacion',
      titulo: `Publicar los planes del Decreto 612 de 2018 (${v})`,
      descripcion:
        'Los 12 planes institucionales y estratégicos integrados al plan de acción (PINAR, PAA, vacantes, previsión, talento humano, capacitación, incentivos, SST, PTEP, PETI y los dos de seguridad de la información).',
      fecha: treintaYUno,
      desde: null,
      fundamento: 'Decreto 612 de 2018',
      responsables: ['planeacion', 'responsables'],
    },
    {
      clave: 'publicar-informe-gestion',
      tipo: 'publicacion',
      titulo: `Publicar el informe de gestión ${v - 1}`,
      descripcion: 'Informe de gestión de la vigencia anterior, con el plan de acción.',
      fecha: treintaYUno,
      desde: null,
      fundamento: 'Ley 1474 de 2011, art. 74',
      responsables: ['planeacion'],
    },
  );

  for (const p of e.periodos) {
    eventos.push(
      {
        clave: `corte-periodo-${p.numero}`,
        tipo: 'corte',
        titulo: `Corte del ${p.nombre.toLowerCase()} ${v}`,
        descripcion: `Las cifras del seguimiento se reportan con corte al ${fechaCivil(p.corte)}.`,
        fecha: p.corte,
        desde: null,
        fundamento: 'Esquema de periodos de la vigencia',
        responsables: ['responsables'],
      },
      {
        clave: `cierre-reporte-${p.numero}`,
        tipo: 'reporte',
        titulo: `Cierra el reporte del ${p.nombre.toLowerCase()} ${v}`,
        descripcion: `La ventana de reporte abre el ${fechaCivil(p.abre)} y cierra el ${fechaCivil(p.cierra)}; un reporte posterior queda marcado como tardío.`,
        fecha: p.cierra,
        desde: p.abre,
        fundamento: 'Ventana de reporte de la vigencia',
        responsables: ['responsables', 'planeacion'],
      },
    );
  }

  const furag = e.furag;
  eventos.push({
    clave: 'ventana-furag',
    tipo: 'furag',
    titulo: `Cierra el reporte FURAG de la vigencia ${v - 1}`,
    descripcion:
      furag?.hasta != null
        ? `Formulario Único de Reporte y Avance de Gestión en la ventana que fijó Función Pública${furag.desde ? ` (del ${fechaCivil(furag.desde)} al ${fechaCivil(furag.hasta)})` : ''}. Planeación responde el formulario de la entidad y control interno el suyo.`
        : 'Fechas por confirmar: Función Pública las fija cada año por circular. Regístrelas cuando se publiquen.',
    fecha: furag?.hasta ?? null,
    desde: furag?.hasta != null ? (furag.desde ?? null) : null,
    fundamento: 'Decreto 1499 de 2017 (medición del desempeño, FURAG)',
    responsables: ['planeacion', 'control_interno'],
  });

  // The PTEP's follow-up of the cuatrimestre that ends on each cut-off, published within 10 business days.
  CORTES_PTEP.forEach((mes, i) => {
    const corte = ultimoDiaDelMes(v, mes);
    const publicar = e.calendario.sumarDiasHabiles(corte, DIAS_PUBLICAR_SEGUIMIENTO_PTEP);
    eventos.push({
      clave: `seguimiento-ptep-${i + 1}`,
      tipo: 'control_interno',
      titulo: `Publicar el seguimiento del PTEP al ${fechaCivil(corte)}`,
      descripcion: `Seguimiento de control interno al Programa de Transparencia y Ética Pública del ${ordinal[i]} cuatrimestre, publicado dentro de los ${DIAS_PUBLICAR_SEGUIMIENTO_PTEP} días hábiles siguientes al corte.`,
      fecha: publicar,
      desde: sumarDias(corte, 1),
      fundamento: 'Ley 2195 de 2022; Decreto 1122 de 2024',
      responsables: ['control_interno'],
    });
  });

  CORTES_EVALUACION_INDEPENDIENTE.forEach((mes, i) => {
    const corte = ultimoDiaDelMes(v, mes);
    eventos.push({
      clave: `evaluacion-independiente-${i + 1}`,
      tipo: 'control_interno',
      titulo: `Corte de la evaluación independiente del sistema de control interno (${ordinal[i]} semestre)`,
      descripcion:
        'Informe semestral del estado del sistema de control interno por componente del MECI, que control interno publica en el sitio web. Si la entidad sigue otro plazo de publicación, mueva este evento.',
      fecha: corte,
      desde: null,
      fundamento: 'Decreto Ley 2106 de 2019, art. 156',
      responsables: ['control_interno'],
    });
  });

  eventos.push({
    clave: 'rendicion-cuentas',
    tipo: 'rendicion_cuentas',
    titulo: `Audiencia pública de rendición de cuentas ${v}`,
    descripcion:
      'Fecha por confirmar: la entidad la fija en su estrategia de rendición de cuentas. Regístrela moviendo este evento.',
    fecha: null,
    desde: null,
    fundamento: 'Ley 1757 de 2015, arts. 48 a 56',
    responsables: ['planeacion', 'alta_direccion'],
  });

  // The CIGD follows up the plan at least every three months: one session by the end of each quarter.
  for (let q = 1; q <= 4; q++)
    eventos.push({
      clave: `sesion-cigd-${q}`,
      tipo: 'comite',
      titulo: `Sesión del CIGD del ${ordinal[q - 1]} trimestre`,
      descripcion:
        'El Comité Institucional de Gestión y Desempeño hace seguimiento al plan de acción al menos cada tres meses. Mueva este evento a la fecha convocada.',
      fecha: ultimoDiaDelMes(v, q * 3),
      desde: null,
      fundamento: 'Decreto 1499 de 2017 (art. 2.2.22.3.8 del Decreto 1083 de 2015)',
      responsables: ['planeacion', 'alta_direccion'],
    });

  return ordenarEventos(eventos);
}

/** Date order; events «por confirmar» at the end; same day by title. */
export function ordenarEventos<T extends Pick<EventoLegal, 'fecha' | 'titulo'>>(eventos: T[]): T[] {
  return [...eventos].sort((a, b) =>
    a.fecha === b.fecha
      ? a.titulo.localeCompare(b.titulo, 'es')
      : a.fecha === null
        ? 1
        : b.fecha === null
          ? -1
          : a.fecha < b.fecha
            ? -1
            : 1,
  );
}

// ---------- The entity's edits ----------
export const ACCIONES_EDICION = ['agregado', 'movido', 'quitado'] as const;
export type AccionEdicion = (typeof ACCIONES_EDICION)[number];

export interface EdicionEvento {
  clave: string;
  cambio: AccionEdicion;
  fecha: Fecha | null;
  desde: Fecha | null;
  justificacion: string;
  /** An added event's own data. */
  titulo?: string | null;
  descripcion?: string | null;
  tipo?: TipoEventoLegal | null;
  responsables?: ResponsableEvento[] | null;
}

export interface EventoCalendario extends EventoLegal {
  origen: 'regla' | 'entidad';
  /** How the entity changed the rule's event; null: as the rule says. */
  edicion: AccionEdicion | null;
  justificacion: string | null;
  /** The rule's date before the entity moved it. */
  fechaRegla: Fecha | null;
}

/** Prefix of the keys of events the entity added (the rest are the rules'). */
export const PREFIJO_PROPIO = 'propio-';
export const CLAVE_EVENTO = /^[a-z0-9-]{1,80}$/;

/** The rule's events with the entity's edits applied; an edit of a key the rules no longer make is dropped. */
export function aplicarEdiciones(
  regla: readonly EventoLegal[],
  ediciones: readonly EdicionEvento[],
): EventoCalendario[] {
  const porClave = new Map(ediciones.map((e) => [e.clave, e]));
  const resultado: EventoCalendario[] = regla.map((ev) => {
    const ed = porClave.get(ev.clave);
    if (!ed || ed.cambio === 'agregado')
      return { ...ev, origen: 'regla', edicion: null, justificacion: null, fechaRegla: ev.fecha };
    return {
      ...ev,
      fecha: ed.cambio === 'movido' ? ed.fecha : ev.fecha,
      desde: ed.cambio === 'movido' ? ed.desde : ev.desde,
      origen: 'regla',
      edicion: ed.cambio,
      justificacion: ed.justificacion,
      fechaRegla: ev.fecha,
    };
  });
  for (const ed of ediciones)
    if (ed.cambio === 'agregado' && ed.clave.startsWith(PREFIJO_PROPIO))
      resultado.push({
        clave: ed.clave,
        tipo: ed.tipo ?? 'otro',
        titulo: ed.titulo ?? 'Evento de la entidad',
        descripcion: ed.descripcion ?? '',
        fecha: ed.fecha,
        desde: ed.desde,
        fundamento: 'Agregado por la entidad',
        responsables: ed.responsables ?? ['planeacion'],
        origen: 'entidad',
        edicion: 'agregado',
        justificacion: ed.justificacion,
        fechaRegla: null,
      });
  return ordenarEventos(resultado);
}

/** Events that count (ics, reminders): dated and not removed. */
export const eventosVigentes = <T extends Pick<EventoCalendario, 'fecha' | 'edicion'>>(eventos: T[]) =>
  eventos.filter((e): e is T & { fecha: Fecha } => e.fecha !== null && e.edicion !== 'quitado');

// ---------- Reminders ----------
/** Business days before a deadline when its responsible people are reminded; the entity may change it. */
export const DIAS_AVISO_POR_DEFECTO = 5;
export const DIAS_AVISO_MAXIMO = 30;
/** Overdue notices go out only this many days after the deadline: a first run never floods old ones. */
export const DIAS_AVISO_VENCIDO = 7;

export type TipoRecordatorio = 'previo' | 'vencido';

/**
 * Which reminder an event is due today, if any: «previo» from N business days before the deadline until
 * the deadline itself, «vencido» the days after it (up to DIAS_AVISO_VENCIDO calendar days; never for a
 * period's cut-off).
 */
export function recordatorioDebido(
  fecha: Fecha,
  hoy: Fecha,
  diasAviso: number,
  calendario: Calendario,
  tipoEvento: TipoEventoLegal = 'otro',
): { tipo: TipoRecordatorio; diasHabiles: number } | null {
  if (hoy <= fecha) {
    const faltan = calendario.diasHabilesEntre(hoy, fecha);
    return faltan <= diasAviso ? { tipo: 'previo', diasHabiles: faltan } : null;
  }
  // A cut-off is a date to know, not a task one can miss: its window's closing is the deadline.
  if (tipoEvento === 'corte') return null;
  return hoy <= sumarDias(fecha, DIAS_AVISO_VENCIDO) ? { tipo: 'vencido', diasHabiles: 0 } : null;
}

/** Monday of the week of `f` ('aaaa-mm-dd'): the key of the weekly digest. */
export function lunesDe(f: Fecha): Fecha {
  const d = new Date(`${f}T00:00:00Z`).getUTCDay();
  return sumarDias(f, -((d + 6) % 7));
}

/** Days the weekly digest looks ahead. */
export const DIAS_RESUMEN_SEMANAL = 28;
