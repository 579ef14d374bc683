export interface EntidadResumen {
  id: string;
  nombre: string;
  sigla: string | null;
  roles: string[];
}

export interface Sesion {
  usuario: {
    id: string;
    nombre: string;
    correo: string;
    adminPlataforma: boolean;
    debeCambiarClave: boolean;
  };
  entidades: EntidadResumen[];
  csrf: string;
}

export interface Entidad {
  id: string;
  nombre: string;
  sigla: string | null;
  nit: string;
  divipola: string | null;
  departamento: string | null;
  municipio: string | null;
  naturalezaJuridica: string | null;
  orden: string | null;
  categoria: string | null;
  tipoFormulario: string;
  grupoPar: string | null;
  direccion: string | null;
  telefono: string | null;
  correo: string | null;
  sitioWeb: string | null;
  horarioAtencion: string | null;
  tieneLogo: boolean;
}

export interface Dependencia {
  id: string;
  nombre: string;
  codigo: string | null;
  padreId: string | null;
}

export interface UsuarioEntidad {
  id: string;
  nombre: string;
  correo: string;
  cargo: string | null;
  activo: boolean;
  bloqueado: boolean;
  /** Whether this session may change the person's password, e-mail or state (an account of this entity alone). */
  gestionable: boolean;
  roles: string[];
}

export interface Catalogo {
  vigencia: number;
  fuente: string;
  componentes: { codigo: string; nombre: string; descripcion: string }[];
  dimensiones: {
    codigo: string;
    nombre: string;
    color: string;
    politicas: {
      clave: string;
      codigoFurag: string | null;
      nombre: string;
      lider: string;
      indices: { codigo: string; nombre: string }[];
    }[];
  }[];
  planesDecreto612: { clave: string; nombre: string; politica: string }[];
}

export interface Responsable {
  politica: string;
  usuarioId: string | null;
  usuarioNombre: string | null;
  dependenciaId: string | null;
  dependenciaNombre: string | null;
}

export interface PeriodoVigencia {
  numero: number;
  nombre: string;
  inicio: string;
  corte: string;
  abre: string;
  cierra: string;
  cerrado: boolean;
  ventana: 'por_abrir' | 'abierta' | 'cerrada';
  diasHabilesParaCerrar: number;
}

export interface VigenciaEntidad {
  vigencia: number;
  configurada: boolean;
  esquema: string;
  diasHabilesReporte: number;
  semaforo: {
    amarilloDesde: number;
    verdeDesde: number;
    azulSobre: number;
    etiquetas: { rojo: string; amarillo: string; verde: string; azul: string };
  };
  periodos: PeriodoVigencia[];
}

export interface Actividad {
  id: string;
  politica: string;
  codigo: string;
  indiceFurag: string | null;
  plan612: string | null;
  objetivo: string | null;
  nombre: string;
  producto: string;
  metaAnual: number;
  unidad: string;
  metasPeriodo: number[];
  ponderacion: number;
  dependenciaId: string | null;
  responsableId: string | null;
  corresponsables: string[];
  indicadorId: string | null;
  fechaInicio: string;
  fechaFin: string;
  presupuesto: number | null;
  rubro: string | null;
  bpin: string | null;
  riesgo: string | null;
}

export interface PlanAccion {
  plan: {
    id: string;
    estado: string;
    version: number;
    fechaSesionComite: string | null;
    actaComite: string | null;
    observaciones: string | null;
  } | null;
  actividades: Actividad[];
  ponderaciones: {
    politica: string;
    suma: number;
    actividades: number;
    ok: boolean;
    mensaje: string | null;
  }[];
}

export interface Evidencia {
  id: string;
  nombre: string;
  tipo: string | null;
  bytes: number | null;
  url: string | null;
  creadoEn: string;
}

export interface FilaSeguimiento {
  actividad: {
    id: string;
    codigo: string;
    nombre: string;
    politica: string;
    producto: string;
    unidad: string;
    metaAnual: number;
    metasPeriodo: number[];
    dependenciaId: string | null;
    responsableId: string | null;
  };
  cifras: {
    metaPeriodo: number;
    /** null: a stored value made the figure impossible (shown as «—»). */
    planeadoAcumulado: number | null;
    logradoAcumulado: number | null;
    avanceAcumulado: number | null;
    cumplimientoPeriodo: number | null;
    cumplimientoAcumulado: number | null;
  };
  reporte: {
    id: string;
    estado: string;
    valor: number | null;
    numerador: number | null;
    denominador: number | null;
    descripcion: string;
    dificultades: string | null;
    tardio: boolean;
    observacionesPlaneacion: string | null;
    observacionesControl: string | null;
    enviadoEn: string | null;
    evidencias: Evidencia[];
  } | null;
  puedeReportar: boolean;
}

export interface HojaSeguimiento {
  periodo: {
    numero: number;
    nombre: string;
    corte: string;
    abre: string;
    cierra: string;
    cerrado: boolean;
    ventana: string;
  };
  hoy: string;
  filas: FilaSeguimiento[];
}

export type Nivel = 'rojo' | 'amarillo' | 'verde' | 'azul';

export interface Tablero {
  entidad: { id: string; nombre: string };
  vigencia: number;
  periodo: { numero: number; nombre: string; corte: string; cerrado: boolean };
  congelado: boolean;
  avance: number | null;
  dimensiones: { codigo: string; nombre: string; color: string; avance: number | null }[];
  politicas: {
    clave: string;
    nombre: string;
    dimension: string;
    avance: number | null;
    cumplimiento: number | null;
    semaforo: Nivel | null;
    actividades: number;
    sinReporte: number;
  }[];
  dependencias: { id: string; nombre: string; avance: number | null }[];
  semaforo: Record<Nivel | 'sinDato', number>;
  estados: Record<'sin_iniciar' | 'en_curso' | 'atrasada' | 'cumplida' | 'sin_reporte', number>;
  sinReporte: number;
  tardios: number;
  actividades: {
    id: string;
    codigo: string;
    nombre: string;
    politica: string;
    dependencia: string | null;
    avance: number | null;
    cumplimiento: number | null;
    semaforo: Nivel | null;
    estado: string;
    reporte: string | null;
    tardio: boolean;
  }[];
}

export interface Pendiente {
  tipo: 'reportar' | 'corregir' | 'revisar' | 'verificar' | 'aprobar_plan' | 'ajustar_plan';
  texto: string;
  enlace: string;
  vence: string | null;
  vencido: boolean;
}

export interface Notificaciones {
  sinLeer: number;
  notificaciones: {
    id: string;
    entidadId: string;
    texto: string;
    enlace: string | null;
    leida: boolean;
    creadoEn: string;
  }[];
}

export interface Indicador {
  id: string;
  vigencia: number;
  codigo: string;
  nombre: string;
  objetivo: string;
  tipo: string;
  politica: string | null;
  formulaNumerador: string;
  formulaDenominador: string | null;
  unidad: string;
  frecuencia: string;
  lineaBase: number | null;
  meta: number;
  polaridad: string;
  fuente: string;
  dependenciaId: string | null;
  responsableId: string | null;
  mediciones: {
    periodo: number;
    numerador: number;
    denominador: number | null;
    valor: number | null;
    cumplimiento: number | null;
    semaforo: Nivel | null;
    observacion: string | null;
  }[];
  actividades?: { id: string; codigo: string; nombre: string }[];
}
