import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deComite,
  type Integrante,
  ordenDelDia,
  problemaCambioSesion,
  problemaDecision,
  problemaFechaSesionComite,
  problemaVersionDecision,
  problemaVigenciaIntegrante,
  puedeGestionarComite,
  quorum,
  seguimientoVencido,
  sumarMeses,
  TIPOS_COMITE,
  tipoComiteAprobador,
} from './comites.ts';

const cargo = (id: string, voto: boolean, desde = '2025-01-01', hasta: string | null = null): Integrante => ({
  id,
  voto,
  desde,
  hasta,
});

describe('quórum: mayoría de los integrantes con voto vigentes a la fecha de la sesión', () => {
  const cinco = ['a', 'b', 'c', 'd', 'e'].map((id) => cargo(id, true));
  it.each([
    [
      '5 con voto, 3 presentes',
      cinco,
      ['a', 'b', 'c'],
      '2026-03-10',
      { conVoto: 5, presentesConVoto: 3, requeridos: 3, hay: true },
    ],
    [
      '5 con voto, 2 presentes',
      cinco,
      ['a', 'b'],
      '2026-03-10',
      { conVoto: 5, presentesConVoto: 2, requeridos: 3, hay: false },
    ],
    [
      '4 con voto, 2 presentes (la mitad no basta)',
      cinco.slice(0, 4),
      ['a', 'b'],
      '2026-03-10',
      { conVoto: 4, presentesConVoto: 2, requeridos: 3, hay: false },
    ],
    [
      '4 con voto, 3 presentes',
      cinco.slice(0, 4),
      ['a', 'b', 'c'],
      '2026-03-10',
      { conVoto: 4, presentesConVoto: 3, requeridos: 3, hay: true },
    ],
    [
      'los invitados sin voto no cuentan',
      [cargo('a', true), cargo('b', true), cargo('i', false), cargo('j', false)],
      ['a', 'i', 'j'],
      '2026-03-10',
      { conVoto: 2, presentesConVoto: 1, requeridos: 2, hay: false },
    ],
    [
      'un cargo que salió antes de la sesión no cuenta',
      [cargo('a', true), cargo('b', true), cargo('c', true, '2025-01-01', '2026-01-31')],
      ['a', 'b'],
      '2026-03-10',
      { conVoto: 2, presentesConVoto: 2, requeridos: 2, hay: true },
    ],
    [
      'un cargo creado después de la sesión no cuenta',
      [cargo('a', true), cargo('b', true, '2026-06-01')],
      ['a'],
      '2026-03-10',
      { conVoto: 1, presentesConVoto: 1, requeridos: 1, hay: true },
    ],
    [
      'el último día de vigencia del cargo sí cuenta',
      [cargo('a', true, '2025-01-01', '2026-03-10'), cargo('b', true)],
      ['b'],
      '2026-03-10',
      { conVoto: 2, presentesConVoto: 1, requeridos: 2, hay: false },
    ],
    [
      'sin integrantes con voto no hay quórum',
      [cargo('i', false)],
      ['i'],
      '2026-03-10',
      { conVoto: 0, presentesConVoto: 0, requeridos: 1, hay: false },
    ],
  ] as const)('%s', (_caso, integrantes, presentes, fecha, esperado) => {
    expect(quorum(integrantes, presentes, fecha)).toEqual(esperado);
  });

  it('propiedad: hay quórum exactamente cuando los presentes con voto son más de la mitad', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (votos, asisten) => {
          const integrantes = votos.map((v, i) => cargo(`p${i}`, v));
          const presentes = integrantes.filter((_, i) => asisten[i]).map((i) => i.id);
          const q = quorum(integrantes, presentes, '2026-05-05');
          expect(q.hay).toBe(q.conVoto > 0 && q.presentesConVoto * 2 > q.conVoto);
        },
      ),
    );
  });
});

describe('quién convoca, registra y decide', () => {
  it.each([
    [['planeacion'], 'cigd', true],
    [['planeacion'], 'organo_aprobacion', true],
    [['planeacion'], 'cicci', false],
    [['control_interno'], 'cicci', true],
    [['control_interno'], 'cigd', false],
    [['admin_entidad'], 'cicci', true],
    [['admin_entidad'], 'cigd', true],
    [['alta_direccion'], 'cigd', false],
    [['consulta'], 'cigd', false],
    [['consulta'], 'cicci', false],
  ] as const)('%j en %s → %s', (roles, tipo, puede) => {
    expect(puedeGestionarComite(roles, tipo)).toBe(puede);
  });

  it('el comité que aprueba el plan es el CIGD o el órgano propio de la entidad', () => {
    expect(tipoComiteAprobador('cigd')).toBe('cigd');
    expect(tipoComiteAprobador('junta_directiva')).toBe('organo_aprobacion');
    expect(tipoComiteAprobador('consejo_gobierno')).toBe('organo_aprobacion');
  });
});

describe('decisiones tipadas: qué comité decide qué y con qué datos', () => {
  it.each([
    [{ tipo: 'plan_aprobado', vigencia: 2026 }, 'cigd', 'cigd', null],
    [{ tipo: 'plan_aprobado', vigencia: 2026 }, 'cicci', 'cigd', 'tipo'],
    [{ tipo: 'plan_aprobado', vigencia: 2026 }, 'cigd', 'organo_aprobacion', 'tipo'],
    [{ tipo: 'plan_aprobado', vigencia: 2026 }, 'organo_aprobacion', 'organo_aprobacion', null],
    [{ tipo: 'plan_aprobado' }, 'cigd', 'cigd', 'vigencia'],
    [{ tipo: 'modificacion_aprobada', vigencia: 2026 }, 'cigd', 'cigd', null],
    [{ tipo: 'seguimiento_trimestral', vigencia: 2026, periodo: 1 }, 'cigd', 'organo_aprobacion', null],
    [{ tipo: 'seguimiento_trimestral', vigencia: 2026 }, 'cigd', 'cigd', 'periodo'],
    [{ tipo: 'seguimiento_trimestral', vigencia: 2026, periodo: 1 }, 'cicci', 'cigd', 'tipo'],
    [{ tipo: 'plan_auditoria_aprobado' }, 'cicci', 'cigd', null],
    [{ tipo: 'plan_auditoria_aprobado' }, 'cigd', 'cigd', 'tipo'],
    [{ tipo: 'politica_adoptada' }, 'cicci', 'cigd', null],
    [{ tipo: 'otra' }, 'otro', 'cigd', null],
  ] as const)('%j en %s (aprueba %s) → %s', (d, comite, aprobador, campo) => {
    expect(problemaDecision(d, { tipo: comite }, aprobador)?.campo ?? null).toBe(campo);
  });

  it('la aprobación del plan o de una modificación según la versión del plan', () => {
    expect(problemaVersionDecision('plan_aprobado', 1)).toBeNull();
    expect(problemaVersionDecision('plan_aprobado', 2)).toContain('modificación');
    expect(problemaVersionDecision('modificacion_aprobada', 2)).toBeNull();
    expect(problemaVersionDecision('modificacion_aprobada', 1)).toContain('primera versión');
    expect(problemaVersionDecision('seguimiento_trimestral', 1)).toBeNull();
  });
});

describe('fechas, vigencia de los cargos y bloqueo del acta', () => {
  it.each([
    ['2026-03-10', '2026-03-10', null],
    ['2026-03-09', '2026-03-10', null],
    ['2026-03-11', '2026-03-10', 'la sesión del comité no puede tener fecha futura'],
  ])('sesión del %s con hoy %s', (fecha, hoy, problema) => {
    expect(problemaFechaSesionComite(fecha, hoy)).toBe(problema);
  });

  it('un cargo no termina antes de empezar', () => {
    expect(problemaVigenciaIntegrante('2026-01-01', null)).toBeNull();
    expect(problemaVigenciaIntegrante('2026-01-01', '2026-01-01')).toBeNull();
    expect(problemaVigenciaIntegrante('2026-01-02', '2026-01-01')).toContain('anterior');
  });

  it('con el acta firmada adjunta la sesión no cambia, y el mensaje dice cuál', () => {
    expect(problemaCambioSesion({ actaFirmada: false, numero: 3, fecha: '2026-04-20' })).toBeNull();
    expect(problemaCambioSesion({ actaFirmada: true, numero: 3, fecha: '2026-04-20' })).toBe(
      'El acta n.º 3 de 2026 ya tiene adjunta su versión firmada: la sesión quedó cerrada y no admite cambios.',
    );
  });
});

describe('orden del día construido de lo pendiente', () => {
  it('el CIGD: compromisos, plan por aprobar, modificación y seguimiento de periodos cerrados', () => {
    expect(
      ordenDelDia('cigd', {
        planesPorAprobar: [
          { vigencia: 2026, version: 1 },
          { vigencia: 2025, version: 3 },
        ],
        periodosSinSeguimiento: [{ vigencia: 2026, periodo: 1, nombre: 'Primer trimestre' }],
        compromisosAbiertos: 2,
        informesControlInterno: [
          { informe: 'meci', vigencia: 2025, numero: 2 },
          { informe: 'ptep', vigencia: 2026, numero: 1 },
        ],
      }),
    ).toEqual([
      'Verificación del quórum',
      'Lectura y aprobación del orden del día',
      'Seguimiento a los compromisos de sesiones anteriores (2 abiertos)',
      'Estudio y aprobación del plan de acción 2026',
      'Estudio y aprobación de la modificación del plan de acción 2025 (versión 3)',
      'Seguimiento al plan de acción 2026: Primer trimestre',
      'Presentación de la evaluación independiente del estado del sistema de control interno: segundo semestre de 2025',
      'Presentación del seguimiento de control interno al Programa de Transparencia y Ética Pública 2026: cuatrimestre 1, corte al 30/04/2026',
      'Proposiciones y varios',
    ]);
  });

  it('el CICCI no recibe el seguimiento al plan; sin pendientes queda el orden mínimo', () => {
    const p = {
      planesPorAprobar: [],
      periodosSinSeguimiento: [{ vigencia: 2026, periodo: 1, nombre: 'Primer trimestre' }],
      compromisosAbiertos: 0,
      informesControlInterno: [],
    };
    expect(ordenDelDia('cicci', p)).toEqual([
      'Verificación del quórum',
      'Lectura y aprobación del orden del día',
      'Proposiciones y varios',
    ]);
  });

  it.each([
    ['cigd', true],
    ['cicci', true],
    ['organo_aprobacion', false],
    ['comite_territorial', false],
    ['otro', false],
  ] as const)('los informes de control interno van al orden del día de %s: %s', (tipo, van) => {
    const orden = ordenDelDia(tipo, {
      planesPorAprobar: [],
      periodosSinSeguimiento: [],
      compromisosAbiertos: 0,
      informesControlInterno: [
        { informe: 'ptep', vigencia: 2026, numero: 2 },
        { informe: 'ptep', vigencia: 2026, numero: 3 },
        { informe: 'meci', vigencia: 2026, numero: 1 },
      ],
    });
    expect(orden.filter((x) => x.startsWith('Presentación'))).toEqual(
      van
        ? [
            'Presentación del seguimiento de control interno al Programa de Transparencia y Ética Pública 2026: cuatrimestre 2, corte al 31/08/2026',
            'Presentación del seguimiento de control interno al Programa de Transparencia y Ética Pública 2026: cuatrimestre 3, corte al 31/12/2026',
            'Presentación de la evaluación independiente del estado del sistema de control interno: primer semestre de 2026',
          ]
        : [],
    );
  });
});

describe('alerta: el CIGD lleva más de tres meses sin seguimiento al plan', () => {
  it.each([
    [null, null, '2026-09-01', null],
    [null, '2026-01-28', '2026-04-28', null],
    [null, '2026-01-28', '2026-04-29', { desde: '2026-01-28', vence: '2026-04-28' }],
    ['2026-04-20', '2026-01-28', '2026-07-20', null],
    ['2026-04-20', '2026-01-28', '2026-07-21', { desde: '2026-04-20', vence: '2026-07-20' }],
    ['2025-11-30', null, '2026-03-01', { desde: '2025-11-30', vence: '2026-02-28' }],
  ] as const)('último seguimiento %s, aprobación %s, hoy %s', (ultimo, aprobacion, hoy, esperado) => {
    expect(seguimientoVencido(ultimo, aprobacion, hoy)).toEqual(esperado);
  });

  it('sumar meses respeta el fin de mes y el cambio de año', () => {
    expect(sumarMeses('2026-01-31', 1)).toBe('2026-02-28');
    expect(sumarMeses('2026-11-15', 3)).toBe('2027-02-15');
    expect(sumarMeses('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('todo tipo de comité tiene nombre', () => {
    expect(TIPOS_COMITE).toContain('organo_aprobacion');
  });
});

describe('el artículo de cada comité', () => {
  it.each([
    ['CIGD', 'del CIGD'],
    ['CICCI', 'del CICCI'],
    ['Comité Institucional de Gestión y Desempeño', 'del Comité Institucional de Gestión y Desempeño'],
    ['Consejo de Gobierno', 'del Consejo de Gobierno'],
    ['Consejo Directivo', 'del Consejo Directivo'],
    ['Junta Directiva', 'de la Junta Directiva'],
    ['junta directiva', 'de la junta directiva'],
    ['Mesa Técnica de Gestión', 'de la Mesa Técnica de Gestión'],
    ['Comisión de Personal', 'de la Comisión de Personal'],
    ['El Comité de Conciliación', 'del Comité de Conciliación'],
    ['La Junta Directiva', 'de la Junta Directiva'],
    ['  Junta Directiva ', 'de la Junta Directiva'],
  ])('%s → «%s»', (nombre, esperado) => {
    expect(deComite(nombre)).toBe(esperado);
  });
});
