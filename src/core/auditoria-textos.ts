import { NOMBRE_ROL, type Rol } from './roles.ts';
// The audit log in words a control-interno office reads: «Aprobó» the «plan de acción», not «aprobar plan».
// Every action and resource the code records has its Spanish name here (a test scans the code for new ones).

export const NOMBRE_ACCION: Record<string, string> = {
  abrir_consulta: 'Abrió a comentarios de la ciudadanía',
  aceptar: 'Aceptó',
  actualizar: 'Modificó',
  actualizar_medicion: 'Corrigió la medición de',
  adjuntar_acto: 'Adjuntó el acto administrativo que adopta',
  agregar_evidencia: 'Agregó una evidencia a',
  aprobar: 'Aprobó',
  aprobar_cambio_menor: 'Aprobó como cambio menor',
  asignar_responsable: 'Asignó el responsable de',
  asignar_roles: 'Asignó roles a',
  bloquear: 'Bloqueó',
  cambiar_clave: 'Cambió la contraseña de',
  cambiar_logo: 'Cambió el logo de',
  cambiar_roles: 'Cambió los roles de',
  cambiar_ventana: 'Cambió la ventana de reporte de',
  cerrar: 'Cerró',
  comentar_consulta: 'Recibió un comentario de la ciudadanía en',
  configurar: 'Configuró',
  adjuntar_acta: 'Adjuntó el acta firmada (queda cerrada) de',
  convocar: 'Convocó',
  convertir: 'Convirtió en actividad del plan',
  cumplir: 'Marcó cumplido',
  convertir_brecha: 'Convirtió en acción de mejora del plan una brecha de',
  crear: 'Creó',
  definir_clave: 'Definió con un enlace de un solo uso la contraseña de',
  descartar: 'Descartó',
  devolver: 'Devolvió',
  editar: 'Editó',
  eliminar: 'Eliminó',
  enviar: 'Envió',
  importar: 'Importó',
  publicar_documento: 'Publicó una versión de',
  responder_comentario: 'Respondió un comentario de la ciudadanía en',
  incorporar: 'Incorporó al plan',
  iniciar_sesion: 'Inició sesión',
  invitar: 'Invitó',
  mover: 'Movió',
  'nueva-version': 'Abrió una nueva versión de',
  nueva_version: 'Abrió una nueva versión de',
  observar: 'Dejó observaciones en',
  probar: 'Probó',
  proponer: 'Propuso',
  publicar: 'Publicó',
  quitar: 'Quitó',
  quitar_evidencia: 'Quitó una evidencia de',
  reabrir: 'Reabrió',
  rechazar: 'Rechazó',
  registrar_decision: 'Registró una decisión en',
  registrar_medicion: 'Registró la medición de',
  responder: 'Respondió las observaciones de control interno sobre',
  responder_item: 'Respondió un ítem de',
  restablecer_clave: 'Restableció la contraseña de',
  restaurar: 'Restauró',
  retirar: 'Retiró',
  revocar: 'Revocó',
  revisar: 'Revisó',
  solicitar_restablecimiento: 'Pidió por correo restablecer la contraseña de',
  sembrar_demo: 'Cargó los datos de demostración en',
  verificar: 'Verificó',
};

export const NOMBRE_RECURSO: Record<string, string> = {
  evaluacion_meci: 'la evaluación independiente del sistema de control interno',
  consulta_ciudadana: 'la consulta ciudadana',
  documento_publicado: 'un documento del paquete del 31 de enero',
  comite: 'el comité',
  compromiso_comite: 'el compromiso del comité',
  integrante_comite: 'un cargo del comité',
  sesion_comite: 'la sesión del comité',
  actividad: 'la actividad',
  autodiagnostico: 'el autodiagnóstico',
  aviso_calendario: 'la anticipación de los recordatorios del calendario legal',
  calendario: 'un ajuste del calendario de festivos',
  conclusiones_ptep: 'las conclusiones del seguimiento al Programa de Transparencia y Ética Pública',
  cuestionario: 'el cuestionario',
  dependencia: 'la dependencia',
  dependencias: 'las dependencias',
  entidad: 'la entidad',
  furag_digitado: 'los puntajes FURAG que digitó la entidad para la vigencia',
  evento_calendario: 'un evento del calendario legal',
  furag_recomendaciones: 'las recomendaciones de Función Pública de la vigencia',
  furag_resultados: 'los resultados FURAG oficiales de la vigencia',
  indicador: 'el indicador',
  invitacion: 'la invitación',
  nada: '',
  objetivo: 'el objetivo estratégico',
  periodo: 'el periodo',
  plan: 'el plan de acción',
  plan_propio: 'el plan propio',
  politica: 'la política',
  ponderaciones: 'las ponderaciones',
  propuesta: 'la propuesta de actividad',
  recomendacion: 'la recomendación de Función Pública',
  respaldo: 'el respaldo',
  seguimiento: 'el reporte de seguimiento',
  seleccion_verificacion: 'un criterio de la selección de control interno para verificar',
  sesion: 'la sesión',
  suscripcion_calendario: 'el enlace de suscripción al calendario legal',
  simulacro: 'el simulacro FURAG',
  usuario: 'la cuenta',
  usuarios: 'las personas',
  ventana_furag: 'la ventana del FURAG',
  vigencia: 'la vigencia',
};

const legible = (clave: string) => clave.replaceAll(/[_-]/g, ' ');

// Where verb and object say the same thing twice («Invitó la invitación»), the whole phrase.
const FRASES: Record<string, string> = {
  'invitar:invitacion': 'Invitó a una persona',
};

/** «Aprobó el plan de acción», «Inició sesión»; an unknown key is shown as words, never hidden. */
export function describirAccion(accion: string, recurso: string): string {
  const frase = FRASES[`${accion}:${recurso}`];
  if (frase) return frase;
  const verbo = NOMBRE_ACCION[accion] ?? legible(accion);
  const objeto = NOMBRE_RECURSO[recurso] ?? legible(recurso);
  // Spanish contracts «a el» and «de el».
  return objeto ? `${verbo} ${objeto}`.replace(/ a el /, ' al ').replace(/ de el /, ' del ') : verbo;
}

const TEXTO_MAXIMO = 120;

const recortar = (s: string) => (s.length > TEXTO_MAXIMO ? `${s.slice(0, TEXTO_MAXIMO - 1)}…` : s);

/** The keys some modules record as the row's id: «2026:3» a period, «2026:v2» a plan's version. */
function nombrarClave(recursoId: string | null | undefined): string | null {
  if (!recursoId) return null;
  let m = /^(\d{4}):v(\d+)$/.exec(recursoId);
  if (m) return `Plan de acción ${m[1]}, versión ${m[2]}`;
  m = /^(\d{4}):(\d{1,2})$/.exec(recursoId);
  if (m) return `Periodo ${m[2]} de ${m[1]}`;
  if (/^\d{4}$/.test(recursoId)) return `Vigencia ${recursoId}`;
  return null;
}

/**
 * What the row is about, read from what it recorded: the activity's code and name, a person's e-mail, a
 * dependencia's name, the activity and period of a report, or a period or plan version by its key. null when
 * nothing names it (an internal id means nothing to control interno: the detail shows what changed).
 */
export function nombrarObjeto(antes: unknown, despues: unknown, recursoId?: string | null): string | null {
  for (const datos of [despues, antes]) {
    if (!datos || typeof datos !== 'object' || Array.isArray(datos)) continue;
    const d = datos as Record<string, unknown>;
    const texto = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : null);
    const nombre = texto('nombre') ?? texto('correo') ?? texto('titulo');
    const codigo = texto('codigo');
    const partes = [codigo, nombre].filter(Boolean);
    if (partes.length) return recortar(partes.join(' — '));
    // A report or its evidence: the activity's code and the period it is about.
    const actividad = texto('actividad');
    if (actividad)
      return recortar(
        typeof d.periodo === 'number'
          ? `Actividad ${actividad}, periodo ${d.periodo}`
          : `Actividad ${actividad}`,
      );
  }
  const clave = nombrarClave(recursoId);
  if (clave) return clave;
  for (const datos of [despues, antes])
    if (datos && typeof datos === 'object' && !Array.isArray(datos)) {
      const v = (datos as Record<string, unknown>).vigencia;
      if (typeof v === 'number') return `Vigencia ${v}`;
    }
  return null;
}

// The recorded keys control interno reads most, in words; any other key is shown split into words.
const NOMBRE_DATO: Record<string, string> = {
  actividad: 'Actividad',
  avanceVerificado: 'Avance verificado',
  codigo: 'Código',
  correo: 'Correo',
  denominador: 'Denominador',
  descripcion: 'Descripción',
  estado: 'Estado',
  fechaFin: 'Fecha final',
  fechaInicio: 'Fecha de inicio',
  justificacion: 'Justificación',
  metaAnual: 'Meta anual',
  nombre: 'Nombre',
  numerador: 'Numerador',
  observaciones: 'Observaciones',
  periodo: 'Periodo',
  ponderacion: 'Ponderación',
  roles: 'Roles',
  valor: 'Valor reportado',
  version: 'Versión',
  vigencia: 'Vigencia',
};

/** «fechaSesionComite» → «Fecha sesion comite»: a key nobody named yet still reads as words. */
const palabras = (clave: string) => {
  const t = clave
    .replaceAll(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll(/[_-]/g, ' ')
    .toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
};

/** A recorded value as a person reads it: dd/mm/aaaa, es-CO figures, Sí/No, «—» for nothing. */
export function valorLegible(v: unknown, formatoNumero: (x: number) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Sí' : 'No';
  if (typeof v === 'number') return formatoNumero(v);
  if (typeof v === 'string') {
    const f = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (f) return `${f[3]}/${f[2]}/${f[1]}`;
    return /^[a-z]+(_[a-z]+)+$/.test(v) ? v.replaceAll('_', ' ') : v;
  }
  if (Array.isArray(v)) return v.map((x) => valorLegible(x, formatoNumero)).join(', ') || '—';
  return JSON.stringify(v);
}

/**
 * What changed, row by row: each recorded key with its value before and after, in words. Keys whose value
 * did not change are left out when both sides were recorded.
 */
export function cambiosLegibles(
  antes: unknown,
  despues: unknown,
  formatoNumero: (x: number) => string,
): { dato: string; antes: string | null; despues: string | null }[] {
  const comoObjeto = (x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
  const a = comoObjeto(antes);
  const d = comoObjeto(despues);
  const claves = [...new Set([...Object.keys(a ?? {}), ...Object.keys(d ?? {})])];
  return claves
    .filter((k) => !(a && d && JSON.stringify(a[k]) === JSON.stringify(d[k])))
    .map((k) => {
      // Roles by the names people see on the users' page.
      const leer = (v: unknown) =>
        k === 'roles' && Array.isArray(v)
          ? v.map((r) => NOMBRE_ROL[r as Rol] ?? r).join(', ') || '—'
          : valorLegible(v, formatoNumero);
      return {
        dato: NOMBRE_DATO[k] ?? palabras(k),
        antes: a ? leer(a[k]) : null,
        despues: d ? leer(d[k]) : null,
      };
    });
}
