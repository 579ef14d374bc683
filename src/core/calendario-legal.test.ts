// The legal calendar of 2026 against its holidays (Ley 2578 de 2026's 13 July included), the entity's edits
// and when a reminder is due.
import { describe, expect, it } from 'vitest';
import {
  aplicarEdiciones,
  calendarioLegal,
  eventosVigentes,
  lunesDe,
  recordatorioDebido,
} from './calendario-legal.ts';
import { CALENDARIO_NACIONAL, crearCalendario } from './dias-habiles.ts';
import { periodosDeVigencia } from './periodos.ts';

const de2026 = (
  calendario = CALENDARIO_NACIONAL,
  furag: { desde: string | null; hasta: string | null } | null = null,
) =>
  calendarioLegal({
    vigencia: 2026,
    periodos: periodosDeVigencia(2026, 'trimestral', 10, calendario),
    calendario,
    furag,
  });
const fechaDe = (clave: string, eventos = de2026()) => eventos.find((e) => e.clave === clave)?.fecha;

describe('calendario legal de 2026 (trimestral, 10 días hábiles para reportar)', () => {
  it.each([
    ['publicar-plan-accion', '2026-01-31'],
    ['publicar-planes-612', '2026-01-31'],
    ['publicar-informe-gestion', '2026-01-31'],
    ['corte-periodo-1', '2026-03-31'],
    // Jueves y Viernes Santo (2 y 3 de abril) no cuentan.
    ['cierre-reporte-1', '2026-04-16'],
    ['corte-periodo-2', '2026-06-30'],
    // 13 de julio, festivo de la Ley 2578 de 2026.
    ['cierre-reporte-2', '2026-07-15'],
    // 12 de octubre.
    ['cierre-reporte-3', '2026-10-15'],
    // 1 de enero y Reyes (lunes 11 de enero de 2027).
    ['cierre-reporte-4', '2027-01-18'],
    // 1 de mayo (viernes).
    ['seguimiento-ptep-1', '2026-05-15'],
    ['seguimiento-ptep-2', '2026-09-14'],
    ['seguimiento-ptep-3', '2027-01-18'],
    ['evaluacion-independiente-1', '2026-06-30'],
    ['evaluacion-independiente-2', '2026-12-31'],
    ['sesion-cigd-1', '2026-03-31'],
    ['sesion-cigd-2', '2026-06-30'],
    ['sesion-cigd-3', '2026-09-30'],
    ['sesion-cigd-4', '2026-12-31'],
    ['ventana-furag', null],
    ['rendicion-cuentas', null],
  ])('%s → %s', (clave, fecha) => {
    expect(fechaDe(clave)).toBe(fecha);
  });

  it('sin el festivo del 13 de julio el reporte del segundo trimestre cerraría un día antes', () => {
    const sinLey2578 = crearCalendario([
      { fecha: '2026-07-13', tipo: 'habil', nombre: 'Prueba sin la ley', origen: 'plataforma' },
    ]);
    expect(fechaDe('cierre-reporte-2', de2026(sinLey2578))).toBe('2026-07-14');
  });

  it('la ventana de reporte y el plazo del PTEP llevan su inicio; lo por confirmar queda al final', () => {
    const eventos = de2026();
    expect(eventos.find((e) => e.clave === 'cierre-reporte-2')).toMatchObject({ desde: '2026-06-30' });
    expect(eventos.find((e) => e.clave === 'seguimiento-ptep-1')).toMatchObject({
      desde: '2026-05-01',
      responsables: ['control_interno'],
    });
    expect(eventos.slice(-2).map((e) => e.fecha)).toEqual([null, null]);
    const fechas = eventos.filter((e) => e.fecha).map((e) => e.fecha!);
    expect(fechas).toEqual([...fechas].sort());
    // Keys are unique and usable in a URL and a UID.
    expect(new Set(eventos.map((e) => e.clave)).size).toBe(eventos.length);
    for (const e of eventos) expect(e.clave).toMatch(/^[a-z0-9-]+$/);
  });

  it('la ventana FURAG sale con las fechas que registró la plataforma, nunca inventadas', () => {
    const furag = de2026(CALENDARIO_NACIONAL, { desde: '2026-03-03', hasta: '2026-04-17' }).find(
      (e) => e.clave === 'ventana-furag',
    );
    expect(furag).toMatchObject({ fecha: '2026-04-17', desde: '2026-03-03' });
    expect(furag?.titulo).toContain('vigencia 2025');
    expect(de2026().find((e) => e.clave === 'ventana-furag')?.descripcion).toMatch(/por confirmar/i);
  });

  it('un esquema cuatrimestral da tres cortes y tres ventanas', () => {
    const eventos = calendarioLegal({
      vigencia: 2026,
      periodos: periodosDeVigencia(2026, 'cuatrimestral', 10, CALENDARIO_NACIONAL),
      calendario: CALENDARIO_NACIONAL,
      furag: null,
    });
    expect(eventos.filter((e) => e.tipo === 'corte').map((e) => e.fecha)).toEqual([
      '2026-04-30',
      '2026-08-31',
      '2026-12-31',
    ]);
  });
});

describe('ediciones de la entidad', () => {
  it('mover, quitar y agregar, con su justificación; lo quitado no cuenta', () => {
    const eventos = aplicarEdiciones(de2026(), [
      {
        clave: 'sesion-cigd-1',
        cambio: 'movido',
        fecha: '2026-03-20',
        desde: null,
        justificacion: 'Convocada',
      },
      {
        clave: 'evaluacion-independiente-1',
        cambio: 'quitado',
        fecha: null,
        desde: null,
        justificacion: 'No aplica',
      },
      {
        clave: 'propio-feria',
        cambio: 'agregado',
        fecha: '2026-08-14',
        desde: null,
        justificacion: 'Compromiso del plan',
        titulo: 'Feria de servicio al ciudadano',
        tipo: 'otro',
        responsables: ['planeacion'],
      },
      // An edit of a key no rule makes any more is ignored.
      { clave: 'regla-vieja', cambio: 'movido', fecha: '2026-05-05', desde: null, justificacion: 'x' },
    ]);
    expect(eventos.find((e) => e.clave === 'sesion-cigd-1')).toMatchObject({
      fecha: '2026-03-20',
      fechaRegla: '2026-03-31',
      edicion: 'movido',
      justificacion: 'Convocada',
    });
    expect(eventos.find((e) => e.clave === 'propio-feria')).toMatchObject({ origen: 'entidad' });
    expect(eventos.some((e) => e.clave === 'regla-vieja')).toBe(false);
    const vigentes = eventosVigentes(eventos).map((e) => e.clave);
    expect(vigentes).not.toContain('evaluacion-independiente-1');
    expect(vigentes).not.toContain('rendicion-cuentas');
    expect(vigentes).toContain('propio-feria');
  });
});

describe('recordatorios', () => {
  it.each([
    // Five business days before 15/07/2026: 8, 9, 10, 14 and 15 July (13 July is a holiday).
    ['2026-07-06', null],
    ['2026-07-07', { tipo: 'previo', diasHabiles: 5 }],
    ['2026-07-13', { tipo: 'previo', diasHabiles: 2 }],
    ['2026-07-15', { tipo: 'previo', diasHabiles: 0 }],
    ['2026-07-16', { tipo: 'vencido', diasHabiles: 0 }],
    ['2026-07-22', { tipo: 'vencido', diasHabiles: 0 }],
    ['2026-07-23', null],
  ])('plazo 15/07/2026, aviso 5 días hábiles antes; hoy %s → %o', (hoy, esperado) => {
    expect(recordatorioDebido('2026-07-15', hoy, 5, CALENDARIO_NACIONAL)).toEqual(esperado);
  });

  it('un corte de periodo se anuncia antes pero no «vence»', () => {
    expect(recordatorioDebido('2026-06-30', '2026-06-29', 5, CALENDARIO_NACIONAL, 'corte')).toMatchObject({
      tipo: 'previo',
    });
    expect(recordatorioDebido('2026-06-30', '2026-07-01', 5, CALENDARIO_NACIONAL, 'corte')).toBeNull();
  });

  it.each([
    ['2026-07-13', '2026-07-13'],
    ['2026-07-19', '2026-07-13'],
    ['2026-01-01', '2025-12-29'],
  ])('la semana de %s empieza el lunes %s', (f, lunes) => {
    expect(lunesDe(f)).toBe(lunes);
  });
});
