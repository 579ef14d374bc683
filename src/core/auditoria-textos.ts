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

/** «Aprobó el plan de acción», «Inició sesión»; an unknown key is shown as words, never hidden. */
export function describirAccion(accion: string, recurso: string): string {
  const verbo = NOMBRE_ACCION[accion] ?? legible(accion);
  const objeto = NOMBRE_RECURSO[recurso] ?? legible(recurso);
  // Spanish contracts «a el» and «de el».
  return objeto ? `${verbo} ${objeto}`.replace(/ a el /, ' al ').replace(/ de el /, ' del ') : verbo;
}

const TEXTO_MAXIMO = 120;

/**
 * What the row is about, read from what it recorded: the activity's code and name, a person's e-mail, a
 * dependencia's name. null when the entry recorded nothing that names it.
 */
export function nombrarObjeto(antes: unknown, despues: unknown): string | null {
  for (const datos of [despues, antes]) {
    if (!datos || typeof datos !== 'object' || Array.isArray(datos)) continue;
    const d = datos as Record<string, unknown>;
    const texto = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : null);
    const nombre = texto('nombre') ?? texto('correo') ?? texto('titulo');
    const codigo = texto('codigo');
    const partes = [codigo, nombre].filter(Boolean);
    if (partes.length) {
      const s = partes.join(' — ');
      return s.length > TEXTO_MAXIMO ? `${s.slice(0, TEXTO_MAXIMO - 1)}…` : s;
    }
    if (typeof d.vigencia === 'number') return `Vigencia ${d.vigencia}`;
  }
  return null;
}
