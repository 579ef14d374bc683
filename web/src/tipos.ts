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
  fechaInicio: string;
  fechaFin: string;
  presupuesto: number | null;
}

export interface PlanAccion {
  plan: { id: string; estado: string; version: number } | null;
  actividades: Actividad[];
  ponderaciones: {
    politica: string;
    suma: number;
    actividades: number;
    ok: boolean;
    mensaje: string | null;
  }[];
}
