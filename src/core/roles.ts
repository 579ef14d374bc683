// Roles per entity, following MIPG's lines of defence.
export const ROLES = [
  'admin_entidad',
  'planeacion',
  'responsable_politica',
  'responsable_actividad',
  'control_interno',
  'alta_direccion',
  'consulta',
] as const;
export type Rol = (typeof ROLES)[number];

export const NOMBRE_ROL: Record<Rol, string> = {
  admin_entidad: 'Administrador de la entidad',
  planeacion: 'Planeación / líder MIPG (2.ª línea)',
  responsable_politica: 'Responsable de política',
  responsable_actividad: 'Responsable de actividad (1.ª línea)',
  control_interno: 'Control interno (3.ª línea)',
  alta_direccion: 'Alta dirección / comité',
  consulta: 'Consulta',
};

const TODOS: readonly Rol[] = ROLES;

/**
 * What each role may do inside its own entity. Control interno reads everything and never
 * creates or approves plans: it must not approve what it will later audit.
 */
export const PERMISOS = {
  'entidad.ver': TODOS,
  'entidad.editar': ['admin_entidad'],
  'dependencia.editar': ['admin_entidad'],
  'usuario.ver': ['admin_entidad', 'planeacion', 'control_interno', 'alta_direccion'],
  'usuario.gestionar': ['admin_entidad'],
  'responsable.asignar': ['admin_entidad', 'planeacion'],
  'auditoria.ver': ['admin_entidad', 'control_interno'],
  'vigencia.configurar': ['admin_entidad', 'planeacion'],
  // The legal calendar's events (move, remove with a reason, add) and how early reminders go out.
  'calendario.editar': ['admin_entidad', 'planeacion'],
  'plan.editar': ['planeacion'],
  'plan.aprobar': ['alta_direccion'],
  // The act that adopts the approved plan: the body's secretary (planeación) or the body itself attaches it.
  'plan.acto': ['planeacion', 'alta_direccion'],
  // The 31 January pack on the website: planeación publishes, or the entity's administrator.
  'publicacion.gestionar': ['planeacion', 'admin_entidad'],
  // The 1.ª línea drafts the activities of its policy; further limited to the policy's responsible.
  'plan.proponer': ['responsable_politica'],
  // A recommendation of Función Pública becomes a proposal: its policy's responsible, or planeación for any.
  'recomendacion.proponer': ['planeacion', 'responsable_politica'],
  // Reporting is further limited to the activity's responsible and its policy's responsible.
  'seguimiento.reportar': ['responsable_actividad', 'responsable_politica'],
  'seguimiento.revisar': ['planeacion'],
  'seguimiento.verificar': ['control_interno'],
  // One report's verification or observations: control interno, and planeación only where control interno
  // would review its own people's report (core/verificacion.ts, quienVerifica). Further limited per report.
  'seguimiento.verificar_reporte': ['control_interno', 'planeacion'],
  // Which reports control interno verifies in the vigencia (its selection criteria).
  'verificacion.seleccionar': ['control_interno'],
  'periodo.cerrar': ['planeacion'],
  // The reports generated from closed periods (CIGD's quarterly report, informe de gestión): whoever reads
  // them for the committee or audits them; the 1.ª línea reads its own figures on the dashboard.
  'informe.descargar': ['admin_entidad', 'planeacion', 'control_interno', 'alta_direccion', 'consulta'],
  'indicador.editar': ['planeacion'],
  // Measuring is further limited, outside planeación, to the indicator's responsible.
  'indicador.medir': ['planeacion', 'responsable_politica', 'responsable_actividad'],
  // The entity's own questionnaires (autodiagnósticos, rehearsal banks); the platform's are its admin's.
  'cuestionario.importar': ['planeacion'],
  'autodiagnostico.asignar': ['planeacion'],
  // Further limited to the policy's responsible in the autodiagnóstico's vigencia.
  'autodiagnostico.responder': ['responsable_politica'],
  'autodiagnostico.revisar': ['planeacion'],
  // An autodiagnóstico gap becomes a proposal: the policy's responsible (further limited), or planeación.
  'autodiagnostico.proponer_mejora': ['planeacion', 'responsable_politica'],
  // FURAG rehearsal: planeación opens it and assigns its sections to its people.
  'simulacro.gestionar': ['planeacion'],
  // Further limited per question: its section's assignee, or control interno for the control-interno form only.
  'simulacro.responder': ['planeacion', 'control_interno'],
  // Committees: planeación (the CIGD's technical secretary) and the entity's admin; control interno the
  // CICCI's. Further limited per committee type (core/comites.ts, puedeGestionarComite).
  'comite.gestionar': ['admin_entidad', 'planeacion', 'control_interno'],
} as const satisfies Record<string, readonly Rol[]>;
export type Permiso = keyof typeof PERMISOS;

/** Access rule every API route must declare; a route without one does not start. */
export type Acceso = { permiso: Permiso } | 'publico' | 'sesion' | 'plataforma';

export function rolesPermiten(roles: readonly string[], permiso: Permiso): boolean {
  const permitidos: readonly string[] = PERMISOS[permiso];
  return roles.some((r) => permitidos.includes(r));
}

export function esRol(valor: string): valor is Rol {
  return (ROLES as readonly string[]).includes(valor);
}
