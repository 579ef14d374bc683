// The data the fuzz runs against: one entity with every kind of record, so that mostly-valid requests reach
// the handlers' deep paths (plans in each state, an approved plan with a report and evidence, indicators…).
// The platform administrator also holds every role in the entity and is the activities' responsible, so the
// per-record checks (who may report) let its requests through.
import type { LightMyRequestResponse } from 'fastify';
import { ROLES } from '../../core/roles.ts';
import { rolUsuario } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../prueba.ts';

export interface Escenario {
  t: AppPrueba;
  adminId: string;
  entidad: string;
  ajena: string;
  /** A user of the entity whose roles and password the fuzz may change. */
  personaId: string;
  /** Sessions the fuzz may spoil: one for changing the password, one for logging out. */
  sesionClave: Sesion;
  sesionDesechable: Sesion;
  correoBloqueable: string;
  dependencia: string;
  dependenciaVictima: string;
  objetivo: string;
  objetivoVictima: string;
  indicador: string;
  /** 2026: approved plan with a report in period 1. 2025: plan in draft. 2024: plan for the approval flow. */
  actividadAprobada: string;
  actividadBorrador: string;
  actividadVictima: string;
  actividadFlujo: string;
  evidencia: string;
  evidenciaVictima: string;
  /** The 2025 plan exported as .xlsx: the base the import fuzz mutates. */
  libroExportado: Buffer;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

function exigir(r: LightMyRequestResponse, estado: number, que: string) {
  if (r.statusCode !== estado) throw new Error(`Preparación del fuzz — ${que}: ${r.statusCode} ${r.body}`);
  return r.statusCode === 204 ? null : r.json();
}

export async function crearEscenario(): Promise<Escenario> {
  const t = await crearAppPrueba();
  const a = t.admin;
  const adminId = exigir(await t.pedir(a, 'GET', '/api/auth/sesion'), 200, 'sesión').usuario.id as string;
  const entidad = await t.crearEntidad('Alcaldía de Fuzzlandia', '846000253-6');
  const ajena = await t.crearEntidad('Entidad ajena', '800197268-4');
  await t.conexion.db
    .insert(rolUsuario)
    .values(ROLES.map((rol) => ({ usuarioId: adminId, entidadId: entidad, rol })));
  const persona = await t.usuarioCon(entidad, ['responsable_actividad']);
  const sesionClave = await t.usuarioCon(entidad, ['consulta']);
  const sesionDesechable = await t.usuarioCon(entidad, ['consulta']);
  const correoBloqueable = 'fuzz.bloqueo@prueba.example';
  await t.usuarioCon(entidad, ['consulta'], correoBloqueable);

  const base = `/api/entidades/${entidad}`;
  const post = async (url: string, cuerpo: unknown, que: string, estado = 201) =>
    exigir(await t.pedir(a, 'POST', `${base}${url}`, cuerpo), estado, que);

  const dependencia = (await post('/dependencias', { nombre: 'Secretaría de Planeación' }, 'dependencia')).id;
  const dependenciaVictima = (await post('/dependencias', { nombre: 'Oficina a borrar' }, 'dependencia 2'))
    .id;
  const objetivo = (await post('/objetivos', { codigo: 'OE-1', nombre: 'Fortalecer la gestión' }, 'objetivo'))
    .id;
  const objetivoVictima = (
    await post('/objetivos', { codigo: 'OE-2', nombre: 'Objetivo a borrar' }, 'objetivo 2')
  ).id;
  for (const v of [2024, 2025, 2026])
    exigir(
      await t.pedir(a, 'PUT', `${base}/vigencias/${v}`, { esquema: 'trimestral', diasHabilesReporte: 10 }),
      200,
      `vigencia ${v}`,
    );
  const indicador = (
    await post(
      '/indicadores',
      {
        vigencia: 2026,
        codigo: 'IND-1',
        nombre: 'Jornadas de integridad realizadas',
        objetivo: 'Medir la apropiación del código de integridad',
        tipo: 'eficacia',
        politica: 'integridad',
        formulaNumerador: 'Número de jornadas realizadas',
        unidad: 'jornadas',
        frecuencia: 'trimestral',
        meta: 4,
        polaridad: 'creciente',
        fuente: 'Informe de talento humano',
      },
      'indicador',
    )
  ).id;

  const actividad = (vigencia: number, codigo: string, ponderacion: number) =>
    post(
      `/planes/${vigencia}/actividades`,
      {
        politica: 'integridad',
        codigo,
        nombre: `Actividad ${codigo} del código de integridad`,
        producto: 'Informe de la jornada',
        metaAnual: 4,
        unidad: 'jornadas',
        metasPeriodo: [1, 1, 1, 1],
        ponderacion,
        dependenciaId: dependencia,
        responsableId: adminId,
        corresponsables: [persona.id],
        fechaInicio: `${vigencia}-02-01`,
        fechaFin: `${vigencia}-11-30`,
        presupuesto: 1_000_000,
      },
      `actividad ${vigencia} ${codigo}`,
    ).then((x) => x.id as string);

  const actividadAprobada = await actividad(2026, 'IN-01', 100);
  await post('/planes/2026/enviar', {}, 'enviar plan 2026', 200);
  await post(
    '/planes/2026/aprobar',
    { fechaSesionComite: '2026-01-30', actaComite: 'Acta 01 de 2026' },
    'aprobar plan 2026',
    200,
  );
  const actividadBorrador = await actividad(2025, 'IN-01', 60);
  const actividadVictima = await actividad(2025, 'IN-02', 40);
  const actividadFlujo = await actividad(2024, 'IN-01', 100);

  const seg = `/seguimientos/${actividadAprobada}/1`;
  exigir(
    await t.pedir(a, 'PUT', `${base}${seg}`, {
      valor: 1,
      descripcion: 'Se realizó la jornada de integridad con 40 servidores.',
    }),
    200,
    'reporte',
  );
  await post(
    `${seg}/enlaces`,
    { nombre: 'Acta publicada', url: 'https://www.example.gov.co/acta.pdf' },
    'enlace',
  );
  // Two different files: the same file sent again is the evidence already attached (200), not a new one.
  const subir = async (nombre: string) =>
    exigir(
      await t.app.inject({
        method: 'POST',
        url: `${base}${seg}/evidencias?nombre=${encodeURIComponent(nombre)}`,
        payload: Buffer.concat([PDF, Buffer.from(`\n% ${nombre}\n`)]),
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': 'application/octet-stream' },
      }),
      201,
      'evidencia',
    ).id as string;
  const evidencia = await subir('acta.pdf');
  const evidenciaVictima = await subir('borrar.pdf');

  const exportado = await t.pedir(a, 'GET', `${base}/plan/2025/export.xlsx`);
  if (exportado.statusCode !== 200) throw new Error(`exportar plan: ${exportado.statusCode}`);

  return {
    t,
    adminId,
    entidad,
    ajena,
    personaId: persona.id,
    sesionClave,
    sesionDesechable,
    correoBloqueable,
    dependencia,
    dependenciaVictima,
    objetivo,
    objetivoVictima,
    indicador,
    actividadAprobada,
    actividadBorrador,
    actividadVictima,
    actividadFlujo,
    evidencia,
    evidenciaVictima,
    libroExportado: exportado.rawPayload,
  };
}
