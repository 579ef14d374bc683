// Glossary of the MIPG words a new municipal official meets on the screens: plain Spanish, one or two
// sentences, the norm when there is one. Facts follow the project's domain sheet (shared/domain/MIPG.md);
// what an entity decides (periods, semáforo ranges) is said to be the entity's choice, never a national rule.

export interface EntradaGlosario {
  /** Stable key, used by the web to mark the term where it appears and as the anchor of the glossary page. */
  clave: string;
  termino: string;
  /** Other forms that name the same thing (plurals, acronym or full name). */
  otrasFormas?: readonly string[];
  definicion: string;
  /** The norm or official document behind the definition, when there is one. */
  fuente?: string;
}

export const GLOSARIO = [
  {
    clave: 'mipg',
    termino: 'MIPG',
    otrasFormas: ['Modelo Integrado de Planeación y Gestión'],
    definicion:
      'Modelo Integrado de Planeación y Gestión: el marco con que las entidades públicas dirigen, planean, ejecutan, hacen seguimiento, evalúan y controlan su gestión, para dar resultados a los ciudadanos con integridad y calidad.',
    fuente: 'Decreto 1499 de 2017 (modifica el Decreto 1083 de 2015)',
  },
  {
    clave: 'dimension',
    termino: 'Dimensión',
    otrasFormas: ['dimensiones'],
    definicion:
      'Cada una de las 7 partes en que se organiza la operación del MIPG: Talento Humano; Direccionamiento Estratégico y Planeación; Gestión con Valores para Resultados (desde 2025, «Gestión para Resultados con Valores»); Evaluación de Resultados; Información y Comunicación; Gestión del Conocimiento y la Innovación; Control Interno.',
    fuente: 'Manual Operativo del MIPG',
  },
  {
    clave: 'politica',
    termino: 'Política de gestión y desempeño',
    otrasFormas: ['política', 'políticas'],
    definicion:
      'Cada uno de los temas con que se desarrollan las dimensiones (19 en el manual vigente), por ejemplo Integridad o Gestión Documental. Cada política tiene un líder nacional y un código FURAG (POL01 a POL19); la lista puede cambiar de una vigencia a otra.',
    fuente: 'Manual Operativo del MIPG, versión 5 (2023)',
  },
  {
    clave: 'catalogo',
    termino: 'Catálogo MIPG',
    definicion:
      'La lista de dimensiones y políticas de una vigencia, con sus códigos FURAG y el responsable que la entidad asigna a cada política. Se guarda por año porque las políticas y sus códigos cambian.',
  },
  {
    clave: 'vigencia',
    termino: 'Vigencia',
    otrasFormas: ['vigencias'],
    definicion:
      'El año de enero a diciembre al que pertenecen el plan de acción, sus metas y su seguimiento. El FURAG de cada año pregunta por la vigencia anterior.',
  },
  {
    clave: 'periodo',
    termino: 'Periodo de corte',
    otrasFormas: ['periodo', 'periodos', 'corte'],
    definicion:
      'El tramo de la vigencia sobre el que se reporta el avance (por ejemplo, trimestres con corte el 31 de marzo, 30 de junio, 30 de septiembre y 31 de diciembre). La entidad escoge sus periodos; al cerrarlo ya no se reciben reportes de ese tramo.',
  },
  {
    clave: 'dia-habil',
    termino: 'Día hábil',
    otrasFormas: ['días hábiles', 'hábil'],
    definicion:
      'De lunes a viernes, sin los festivos de Colombia ni los días que la entidad registre como cerrados en su calendario. Los plazos para reportar se cuentan en días hábiles: «10 días hábiles después del corte» no incluye sábados, domingos ni festivos.',
    fuente: 'Ley 51 de 1983 (traslado de festivos al lunes); Ley 2578 de 2026 (festivo del 13 de julio)',
  },
  {
    clave: 'plan-accion',
    termino: 'Plan de acción',
    otrasFormas: ['plan'],
    definicion:
      'El plan anual de la entidad: objetivos, actividades, metas, responsables y presupuesto. Integra los 12 planes institucionales del Decreto 612 de 2018 y se publica a más tardar el 31 de enero de cada año.',
    fuente: 'Ley 1474 de 2011, artículo 74; Decreto 612 de 2018',
  },
  {
    clave: 'planes-612',
    termino: 'Planes del Decreto 612',
    otrasFormas: ['Decreto 612'],
    definicion:
      'Los 12 planes institucionales que se integran al plan de acción, entre ellos el PINAR, el Plan Anual de Adquisiciones (PAA), el Plan Institucional de Capacitación (PIC), el PETI y el Programa de Transparencia y Ética Pública (PTEP). Cada uno aporta a una o varias políticas: el PTEP, a Transparencia, Integridad y Participación Ciudadana.',
    fuente: 'Decreto 612 de 2018',
  },
  {
    clave: 'plan-propio',
    termino: 'Plan propio',
    otrasFormas: ['planes propios'],
    definicion:
      'Un plan que la entidad agrega a los 12 del Decreto 612 para agrupar actividades de su plan de acción: el Plan Anual de Auditoría de control interno o, en una E.S.E., el Plan de Gestión del gerente, el PAMEC o el Plan Hospitalario de Emergencias.',
  },
  {
    clave: 'actividad',
    termino: 'Actividad',
    otrasFormas: ['actividades'],
    definicion:
      'Una tarea del plan de acción, con su producto o entregable, meta, ponderación, fechas, dependencia y responsable. Por ejemplo: «Actualizar el PINAR y presentarlo al comité».',
  },
  {
    clave: 'producto',
    termino: 'Producto o entregable',
    otrasFormas: ['producto', 'entregable'],
    definicion:
      'Lo que queda cuando la actividad se cumple y sirve para comprobarlo: un informe, un acta, un procedimiento adoptado.',
  },
  {
    clave: 'meta',
    termino: 'Meta',
    otrasFormas: ['metas', 'meta anual'],
    definicion:
      'Lo que la actividad se compromete a lograr en la vigencia (meta anual) y en cada periodo. Hay metas que se suman entre periodos (20 capacitaciones), acumulados donde vale la última cifra, tasas que se sostienen cada periodo (90 % de PQRSD a tiempo) e hitos que se cumplen o no.',
  },
  {
    clave: 'ponderacion',
    termino: 'Ponderación',
    otrasFormas: ['peso'],
    definicion:
      'El peso de una actividad dentro de su política, en porcentaje. Los pesos de las actividades de una política suman 100 % y sirven para calcular el avance de la política.',
  },
  {
    clave: 'avance',
    termino: 'Avance',
    definicion:
      'Cuánto se ha logrado frente a la meta anual, en porcentaje. Una actividad con meta de 4 jornadas y 1 jornada realizada lleva 25 % de avance.',
  },
  {
    clave: 'cumplimiento',
    termino: 'Cumplimiento',
    definicion:
      'Cuánto se ha logrado frente a lo que estaba programado hasta el periodo, en porcentaje. Una actividad puede llevar poco avance anual y estar al 100 % de cumplimiento si va al día.',
  },
  {
    clave: 'indicador',
    termino: 'Indicador',
    otrasFormas: ['indicadores'],
    definicion:
      'Una medida con nombre, fórmula, unidad, línea base y meta que muestra si la entidad logra un objetivo. Puede ser de eficacia, eficiencia o efectividad, y se mide en cada periodo.',
  },
  {
    clave: 'linea-base',
    termino: 'Línea base',
    definicion: 'El valor del indicador al empezar, contra el que se compara lo que se logra después.',
  },
  {
    clave: 'semaforo',
    termino: 'Semáforo',
    definicion:
      'El color que resume el cumplimiento, siempre con su palabra y su número. No hay un estándar nacional: cada entidad fija sus rangos. Por defecto: rojo (Crítico) por debajo de 60 %, amarillo (Bajo) de 60 % a 79 %, verde (Adecuado) desde 80 % y azul (Sobreejecución — justificar) por encima de 100 %: se logró más de lo programado y el reporte debe decir por qué.',
  },
  {
    clave: 'seguimiento',
    termino: 'Seguimiento',
    otrasFormas: ['reporte', 'reportes'],
    definicion:
      'El reporte de cada periodo: cuánto se logró, qué se hizo y qué dificultades hubo, con sus evidencias. Lo envía el responsable, lo revisa planeación (segunda línea) y lo verifica control interno (tercera línea).',
  },
  {
    clave: 'evidencia',
    termino: 'Evidencia',
    otrasFormas: ['evidencias'],
    definicion:
      'El archivo o enlace que prueba lo reportado: listas de asistencia, actas, informes, fotografías. Muchas contienen datos personales (números de cédula, datos de salud) y solo deben verlas quienes las necesitan.',
    fuente: 'Ley 1581 de 2012 (protección de datos personales)',
  },
  {
    clave: 'dependencia',
    termino: 'Dependencia',
    otrasFormas: ['dependencias'],
    definicion:
      'Una oficina o área de la entidad, como Gerencia, Talento Humano o Atención al Usuario, que responde por actividades del plan.',
  },
  {
    clave: 'responsable',
    termino: 'Responsable',
    otrasFormas: ['responsables', 'responsable de actividad'],
    definicion:
      'La persona que responde por una actividad (primera línea): la ejecuta, reporta su avance en cada periodo y adjunta las evidencias.',
  },
  {
    clave: 'responsable-politica',
    termino: 'Responsable de política',
    definicion:
      'La persona o dependencia que la entidad asigna para liderar una política del MIPG en una vigencia: coordina sus actividades y puede reportar el avance de todas ellas.',
  },
  {
    clave: 'lineas-defensa',
    termino: 'Líneas de defensa',
    otrasFormas: ['línea de defensa'],
    definicion:
      'El reparto de papeles del control interno: la línea estratégica (alta dirección y comités) fija políticas y vigila; la primera línea ejecuta; la segunda (planeación, supervisores, calidad, riesgos) monitorea; la tercera (control interno) evalúa de forma independiente.',
    fuente: 'MIPG, dimensión 7 (Control Interno) y MECI',
  },
  {
    clave: 'linea-estrategica',
    termino: 'Línea estratégica',
    definicion:
      'La alta dirección y los comités de la entidad: fijan las políticas, aprueban los planes y vigilan su cumplimiento.',
    fuente: 'MIPG, dimensión 7',
  },
  {
    clave: 'primera-linea',
    termino: 'Primera línea',
    otrasFormas: ['1.ª línea'],
    definicion:
      'Los líderes de proceso y los responsables de las actividades: planean y ejecutan las actividades, reportan su avance y gestionan sus riesgos y controles.',
    fuente: 'MIPG, dimensión 7',
  },
  {
    clave: 'segunda-linea',
    termino: 'Segunda línea',
    otrasFormas: ['2.ª línea'],
    definicion:
      'La oficina de planeación, los supervisores y los coordinadores de riesgos y calidad: consolidan, monitorean y revisan lo que reporta la primera línea.',
    fuente: 'MIPG, dimensión 7',
  },
  {
    clave: 'tercera-linea',
    termino: 'Tercera línea',
    otrasFormas: ['3.ª línea'],
    definicion:
      'La Oficina de Control Interno: evalúa de forma independiente y verifica reportes y evidencias. No aprueba lo que después va a auditar ni revisa sus propios reportes.',
    fuente: 'MIPG, dimensión 7',
  },
  {
    clave: 'control-interno',
    termino: 'Control interno',
    definicion:
      'La séptima dimensión y la política 19 del MIPG: el sistema con que la entidad se asegura de cumplir sus objetivos. La Oficina de Control Interno lo evalúa como tercera línea, con su Plan Anual de Auditoría.',
    fuente: 'Decreto 1499 de 2017; MECI',
  },
  {
    clave: 'verificacion-selectiva',
    termino: 'Verificación selectiva',
    otrasFormas: ['Selección para verificación'],
    definicion:
      'Control interno elige qué reportes verifica: por política, por dependencia, con una muestra aleatoria o actividad por actividad, según su Plan Anual de Auditoría. Un reporte no elegido queda completo cuando planeación lo acepta.',
    fuente: 'MIPG, dimensión 7; Plan Anual de Auditoría',
  },
  {
    clave: 'avance-verificado',
    termino: 'Avance verificado',
    definicion:
      'El porcentaje del periodo que control interno comprueba con las evidencias, de 0 a 100. Se muestra junto al cumplimiento que reportó el responsable y puede ser distinto.',
  },
  {
    clave: 'meci',
    termino: 'MECI',
    otrasFormas: ['Modelo Estándar de Control Interno'],
    definicion:
      'Modelo Estándar de Control Interno, que el MIPG recoge en su dimensión 7. Tiene cinco componentes: ambiente de control, evaluación del riesgo, actividades de control, información y comunicación, y actividades de monitoreo.',
  },
  {
    clave: 'cigd',
    termino: 'CIGD',
    otrasFormas: ['Comité Institucional de Gestión y Desempeño', 'comité'],
    definicion:
      'Comité Institucional de Gestión y Desempeño: aprueba las acciones y estrategias del MIPG, incluidos los planes de acción anuales, y les hace seguimiento al menos cada tres meses; también impulsa el autodiagnóstico.',
    fuente: 'Decreto 1499 de 2017',
  },
  {
    clave: 'cicci',
    termino: 'CICCI',
    otrasFormas: ['Comité Institucional de Coordinación de Control Interno'],
    definicion:
      'Comité Institucional de Coordinación de Control Interno: evalúa el sistema de control interno y aprueba el plan anual de auditoría y la política de administración del riesgo.',
    fuente: 'Decreto 1499 de 2017',
  },
  {
    clave: 'acto-administrativo',
    termino: 'Acto administrativo',
    otrasFormas: ['acto', 'resolución', 'acuerdo'],
    definicion:
      'La decisión escrita, numerada y fechada con que la entidad adopta el plan de acción: una resolución del representante legal o un acuerdo del órgano que lo aprueba (Consejo de Gobierno en alcaldías y gobernaciones, Junta Directiva en las E.S.E.). La plataforma guarda su número, fecha y PDF junto a la versión aprobada.',
    fuente: 'Decreto 612 de 2018; Ley 152 de 1994, art. 41',
  },
  {
    clave: 'cambio-menor',
    termino: 'Cambio menor',
    otrasFormas: ['cambios menores'],
    definicion:
      'Un ajuste a un plan ya aprobado que no toca lo que el órgano decidió: fechas, responsables, dependencia o redacción. Planeación lo aprueba por su cuenta y queda registrado como cambio menor en las versiones del plan.',
  },
  {
    clave: 'cambio-sustancial',
    termino: 'Cambio sustancial',
    otrasFormas: ['cambios sustanciales'],
    definicion:
      'Un cambio a un plan ya aprobado en metas, ponderaciones, tipo de meta, presupuesto o actividades agregadas o quitadas. Vuelve a aprobarlo el órgano de la entidad (el CIGD, el Consejo de Gobierno o la Junta Directiva).',
  },
  {
    clave: 'alta-direccion',
    termino: 'Alta dirección',
    definicion:
      'El gerente o alcalde y su equipo directivo, con el comité: aprueban el plan, miran dónde está la entidad y deciden. Es la línea estratégica.',
  },
  {
    clave: 'autodiagnostico',
    termino: 'Autodiagnóstico',
    otrasFormas: ['autodiagnósticos'],
    definicion:
      'Libros de Excel de Función Pública, uno por política, en que la entidad califica de 0 a 100 sus actividades de gestión. Son voluntarios y no se reportan a nadie; los puntajes bajos se vuelven acciones de mejora del plan de acción.',
  },
  {
    clave: 'furag',
    termino: 'FURAG',
    otrasFormas: ['Formulario Único de Reporte y Avance de Gestión'],
    definicion:
      'Formulario Único de Reporte y Avance de Gestión: el reporte anual en línea con que las entidades informan su gestión de la vigencia anterior. De él salen el IDI y los índices por dimensión, política e índice detallado, de 0 a 100.',
  },
  {
    clave: 'formulario-furag',
    termino: 'Formulario FURAG',
    definicion:
      'El tipo de formulario que responde la entidad: «MIPG» para la rama ejecutiva, o solo la parte de control interno («MECI») para concejos, personerías, contralorías y organismos autónomos. A quien responde el MECI solo le aplica Control Interno: las demás políticas no aparecen en su plan, su tablero ni sus promedios.',
  },
  {
    clave: 'idi',
    termino: 'IDI',
    otrasFormas: ['Índice de Desempeño Institucional'],
    definicion:
      'Índice de Desempeño Institucional: el puntaje de 0 a 100 que resulta del FURAG. La fórmula oficial no es pública; por eso la plataforma muestra los puntajes oficiales y nunca los calcula.',
  },
  {
    clave: 'grupo-par',
    termino: 'Grupo par',
    definicion:
      'El grupo de entidades parecidas (por ejemplo, «ALCALDÍA GRUPO 4») con el que se comparan los resultados del FURAG y dentro del cual se ubica a cada entidad por quintiles.',
  },
  {
    clave: 'pqrsd',
    termino: 'PQRSD',
    definicion:
      'Peticiones, quejas, reclamos, sugerencias y denuncias que la ciudadanía presenta a la entidad. Una meta usual del plan: responder a tiempo al menos el 90 % de ellas.',
  },
  {
    clave: 'nit',
    termino: 'NIT',
    definicion:
      'El número de identificación tributaria de la entidad. Su último dígito, el de verificación, se calcula con la regla de la DIAN (módulo 11); por eso la plataforma avisa si no corresponde.',
  },
  {
    clave: 'divipola',
    termino: 'DIVIPOLA',
    otrasFormas: ['código DIVIPOLA'],
    definicion:
      'El código oficial del departamento y el municipio de la entidad: Putumayo es 86 y Mocoa, 86001.',
  },
  {
    clave: 'pagina-publica',
    termino: 'Página pública',
    definicion:
      'La página de la entidad que cualquier ciudadano puede abrir sin clave: el plan publicado, su avance y sus datos abiertos. Cumple la obligación de publicar planes y seguimientos en el sitio web.',
    fuente: 'Ley 1712 de 2014; Resolución MinTIC 1519 de 2020',
  },
] as const satisfies readonly EntradaGlosario[];

export type ClaveTermino = (typeof GLOSARIO)[number]['clave'];

const POR_CLAVE = new Map<string, EntradaGlosario>(GLOSARIO.map((e) => [e.clave, e]));

export function entradaGlosario(clave: ClaveTermino): EntradaGlosario {
  // The type only admits existing keys; the fallback keeps a stale key from breaking a page.
  return POR_CLAVE.get(clave) ?? { clave, termino: clave, definicion: '' };
}

/** For comparisons and search: lowercase, without accents. */
export const sinTildes = (texto: string) => texto.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The glossary in alphabetical order as a Spanish reader expects it (Í with I, Ñ after N). */
export function glosarioOrdenado(): EntradaGlosario[] {
  return [...GLOSARIO].sort((a, b) => a.termino.localeCompare(b.termino, 'es'));
}
