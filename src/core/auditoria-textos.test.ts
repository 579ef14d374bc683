import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cambiosLegibles,
  describirAccion,
  NOMBRE_ACCION,
  NOMBRE_RECURSO,
  nombrarObjeto,
} from './auditoria-textos.ts';
import { TRANSICIONES } from './flujo-plan.ts';
import { numeroEsCo } from './numeros.ts';
import { TRANSICIONES_SEGUIMIENTO } from './seguimiento.ts';

/** Every `accion: '…'` and `recurso: '…'` literal written by the modules. */
function literalesDelCodigo(campo: 'accion' | 'recurso'): Set<string> {
  const raiz = join(import.meta.dirname, '..', 'modules');
  const claves = new Set<string>();
  for (const archivo of readdirSync(raiz, { recursive: true, encoding: 'utf8' })) {
    if (!archivo.endsWith('.ts') || archivo.endsWith('.test.ts')) continue;
    const codigo = readFileSync(join(raiz, archivo), 'utf8');
    for (const m of codigo.matchAll(
      new RegExp(`${campo}: (?:[a-z]+ \\? )?'([a-z0-9_-]+)'(?: : '([a-z0-9_-]+)')?`, 'g'),
    ))
      for (const c of [m[1], m[2]]) if (c) claves.add(c);
  }
  return claves;
}

describe('la bitácora en palabras', () => {
  it('toda acción y todo recurso que registra el código tiene nombre en español', () => {
    const acciones = [
      ...literalesDelCodigo('accion'),
      ...Object.keys(TRANSICIONES),
      ...Object.keys(TRANSICIONES_SEGUIMIENTO),
    ];
    expect(acciones.length).toBeGreaterThan(20);
    expect(acciones.filter((a) => !(a in NOMBRE_ACCION))).toEqual([]);
    const recursos = [...literalesDelCodigo('recurso')];
    expect(recursos.filter((r) => !(r in NOMBRE_RECURSO))).toEqual([]);
  });

  it.each([
    ['aprobar', 'plan', 'Aprobó el plan de acción'],
    ['iniciar_sesion', 'nada', 'Inició sesión'],
    ['agregar_evidencia', 'seguimiento', 'Agregó una evidencia al reporte de seguimiento'],
    ['asignar_responsable', 'politica', 'Asignó el responsable de la política'],
    ['cambiar_logo', 'entidad', 'Cambió el logo de la entidad'],
    ['actualizar_medicion', 'indicador', 'Corrigió la medición del indicador'],
    ['accion_futura', 'recurso_nuevo', 'accion futura recurso nuevo'],
    ['invitar', 'invitacion', 'Invitó a una persona'],
  ])('%s %s → «%s»', (accion, recurso, texto) => {
    expect(describirAccion(accion, recurso)).toBe(texto);
  });

  it.each([
    [null, { codigo: 'GD-01', nombre: 'Actualizar el PINAR' }, 'GD-01 — Actualizar el PINAR'],
    [{ correo: 'ana@mocoa.gov.co' }, null, 'ana@mocoa.gov.co'],
    [{ nombre: 'Antes' }, { nombre: 'Después' }, 'Después'],
    [null, { vigencia: 2026, esquema: 'trimestral' }, 'Vigencia 2026'],
    [null, { nombre: 'x'.repeat(300) }, `${'x'.repeat(119)}…`],
    [null, ['no', 'es', 'objeto'], null],
    [null, null, null],
  ])('objeto de %j → %j', (antes, despues, esperado) => {
    expect(nombrarObjeto(antes, despues)).toBe(esperado);
  });

  // What control interno read before: «cc4eb510-42c4-…», «2026:3».
  it.each([
    [
      { estado: 'enviado' },
      { actividad: 'TH-02', periodo: 3, estado: 'aceptado' },
      'cc4eb510-42c4-40a1-bbd9-563937aa9ffd',
      'Actividad TH-02, periodo 3',
    ],
    [null, { actividad: 'GD-01' }, 'cc4eb510-42c4-40a1-bbd9-563937aa9ffd', 'Actividad GD-01'],
    [{ cerrado: false }, { cerrado: true }, '2026:3', 'Periodo 3 de 2026'],
    [{ estado: 'aprobado' }, { estado: 'borrador' }, '2026:v2', 'Plan de acción 2026, versión 2'],
    [null, { esquema: 'trimestral' }, '2026', 'Vigencia 2026'],
    [{ estado: 'enviado' }, { estado: 'aceptado' }, 'cc4eb510-42c4-40a1-bbd9-563937aa9ffd', null],
  ])('objeto de %j → %j con la clave %s', (antes, despues, clave, esperado) => {
    expect(nombrarObjeto(antes, despues, clave)).toBe(esperado);
  });

  it('el cambio se lee dato por dato en palabras, sin las claves internas ni lo que no cambió', () => {
    expect(
      cambiosLegibles(
        { estado: 'enviado', observaciones: null, valor: 1234.5, actividad: 'TH-02' },
        {
          estado: 'aceptado',
          observaciones: 'Soporte completo',
          valor: 1234.5,
          actividad: 'TH-02',
          fechaSesionComite: '2026-01-27',
          publicado: true,
        },
        numeroEsCo,
      ),
    ).toEqual([
      { dato: 'Estado', antes: 'enviado', despues: 'aceptado' },
      { dato: 'Observaciones', antes: '—', despues: 'Soporte completo' },
      { dato: 'Fecha sesion comite', antes: '—', despues: '27/01/2026' },
      { dato: 'Publicado', antes: '—', despues: 'Sí' },
    ]);
    expect(
      cambiosLegibles(null, { roles: ['planeacion', 'control_interno'], metaAnual: 1500 }, numeroEsCo),
    ).toEqual([
      {
        dato: 'Roles',
        antes: null,
        despues: 'Planeación / líder MIPG (2.ª línea), Control interno (3.ª línea)',
      },
      { dato: 'Meta anual', antes: null, despues: '1.500' },
    ]);
  });
});
