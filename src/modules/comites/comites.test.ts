import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoyEnColombia } from '../../core/calendario.ts';
import { CLAVES_MECI } from '../../core/meci.ts';
import { periodo, planAccion, versionPlan } from '../../db/schema.ts';
import {
  aLaVez,
  type Escenario,
  escenarioConPlan,
  exigirEstado,
  nitNuevo,
  resultado,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { paginasComoImagenes, textoPorPagina } from '../documentos/pdf-prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const hoy = hoyEnColombia();
const PDF_FIRMADO = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

const INTEGRANTES = [
  { cargo: 'Alcalde municipal', titular: 'Ana Pérez', rol: 'presidente', voto: true, desde: '2024-01-01' },
  { cargo: 'Jefe de la Oficina de Planeación', rol: 'secretaria_tecnica', voto: true, desde: '2024-01-01' },
  { cargo: 'Secretario de Hacienda', rol: 'miembro', voto: true, desde: '2024-01-01' },
  { cargo: 'Secretaria de Gobierno', rol: 'miembro', voto: true, desde: '2024-01-01' },
  { cargo: 'Jefe de Control Interno', rol: 'invitado', voto: false, desde: '2024-01-01' },
];

interface ConComite extends Escenario {
  comiteId: string;
  integrantes: { id: string; cargo: string }[];
  url: string;
}

/** An entity with its plan sent for approval and its CIGD registered by planeación. */
async function conCigd(estadoPlan: 'enviado' | 'aprobado' = 'enviado'): Promise<ConComite> {
  const e = await escenarioConPlan(t, { estadoPlan, nit: nitNuevo() });
  const c = await t.exigir(201, e.planeacion, 'POST', `${e.base}/comites`, {
    tipo: 'cigd',
    nombre: 'Comité Institucional de Gestión y Desempeño',
    actoCreacion: 'Decreto 045 de 2018',
    fechaActoCreacion: '2018-03-01',
    integrantes: INTEGRANTES,
  });
  return { ...e, comiteId: c.id, integrantes: c.integrantes, url: `${e.base}/comites/${c.id}` };
}

const convocar = (e: ConComite, s: Sesion = e.planeacion, cuerpo: object = {}) =>
  t.pedir(s, 'POST', `${e.url}/sesiones`, {
    caracter: 'ordinaria',
    fecha: hoy,
    lugar: 'Despacho',
    ...cuerpo,
  });

const subirActa = (s: Sesion, url: string, contenido = PDF_FIRMADO) =>
  t.app.inject({
    method: 'POST',
    url: `${url}/acta-firmada?nombre=${encodeURIComponent('Acta 1 firmada.pdf')}`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/pdf' },
  });

describe('comités por entidad e integrantes por cargo', () => {
  it('planeación registra el CIGD; la lista pública da id, tipo y nombre', async () => {
    const e = await conCigd();
    const lista = await t.exigir(200, e.control, 'GET', `${e.base}/comites`);
    expect(lista).toEqual([
      expect.objectContaining({
        id: e.comiteId,
        tipo: 'cigd',
        nombre: 'Comité Institucional de Gestión y Desempeño',
      }),
    ]);
    const detalle = await t.exigir(200, e.comite, 'GET', e.url);
    expect(detalle.integrantes).toHaveLength(5);
    expect(detalle.puedeGestionar).toBe(false);
    expect(detalle.actoCreacion).toBe('Decreto 045 de 2018');
  });

  it('control interno registra y gestiona el CICCI, no el CIGD; planeación no gestiona el CICCI', async () => {
    const e = await conCigd();
    const cigd = await t.pedir(e.control, 'POST', `${e.base}/comites`, { tipo: 'cigd', nombre: 'Otro CIGD' });
    expect(cigd.statusCode).toBe(403);
    expect(cigd.json().mensaje).toContain('planeación');
    const cicci = await t.exigir(201, e.control, 'POST', `${e.base}/comites`, {
      tipo: 'cicci',
      nombre: 'Comité Institucional de Coordinación de Control Interno',
      integrantes: [{ cargo: 'Gerente', rol: 'presidente', voto: true, desde: '2025-01-01' }],
    });
    const urlCicci = `${e.base}/comites/${cicci.id}`;
    expect(
      (await t.pedir(e.planeacion, 'POST', `${urlCicci}/sesiones`, { caracter: 'ordinaria', fecha: hoy }))
        .statusCode,
    ).toBe(403);
    exigirEstado(
      await t.pedir(e.control, 'POST', `${urlCicci}/sesiones`, { caracter: 'ordinaria', fecha: hoy }),
      201,
      'CICCI',
    );
    expect((await convocar(e, e.control)).statusCode).toBe(403);
    // The audit plan is the CICCI's decision; the plan's approval is not.
    const [s] = await t.exigir(200, e.control, 'GET', `${urlCicci}/sesiones`);
    const auditoria = await t.pedir(e.control, 'POST', `${urlCicci}/sesiones/${s.id}/decisiones`, {
      tipo: 'plan_auditoria_aprobado',
      descripcion: 'Se aprueba el plan anual de auditoría 2026.',
    });
    expect(auditoria.statusCode).toBe(200);
    const plan = await t.pedir(e.control, 'POST', `${urlCicci}/sesiones/${s.id}/decisiones`, {
      tipo: 'plan_aprobado',
      descripcion: 'Aprobar el plan',
      vigencia: 2026,
    });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().campos[0]).toEqual({
      campo: 'tipo',
      mensaje: expect.stringContaining('lo aprueba el'),
    });
  });

  it('consulta solo lee; otra entidad no ve ni cambia nada; un cargo no termina antes de empezar', async () => {
    const e = await conCigd();
    const consulta = await t.usuarioCon(e.entidadId, ['consulta']);
    expect((await t.pedir(consulta, 'GET', `${e.url}/sesiones`)).statusCode).toBe(200);
    expect((await convocar(e, consulta)).statusCode).toBe(403);
    const otra = await conCigd();
    expect((await t.pedir(otra.planeacion, 'GET', `${e.base}/comites`)).statusCode).toBe(403);
    expect((await convocar(e, otra.planeacion)).statusCode).toBe(403);
    // Its own committee's id under another entity's path: not found.
    expect(
      (await t.pedir(otra.planeacion, 'GET', `${otra.base}/comites/${e.comiteId}/sesiones`)).statusCode,
    ).toBe(404);
    const mal = await t.pedir(e.planeacion, 'POST', `${e.url}/integrantes`, {
      cargo: 'Secretario TIC',
      rol: 'miembro',
      voto: true,
      desde: '2026-02-01',
      hasta: '2026-01-01',
    });
    expect(mal.statusCode).toBe(400);
    expect(mal.json().campos[0].campo).toBe('hasta');
  });
});

describe('sesiones: convocatoria, orden del día, asistencia y quórum', () => {
  it('la fecha nunca es futura; el orden del día sale de lo pendiente', async () => {
    const e = await conCigd();
    const manana = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    const futura = await convocar(e, e.planeacion, { fecha: manana });
    expect(futura.statusCode).toBe(400);
    expect(futura.json().campos).toEqual([
      { campo: 'fecha', mensaje: 'la sesión del comité no puede tener fecha futura' },
    ]);
    await t.conexion.db
      .update(periodo)
      .set({ cerrado: true })
      .where(and(eq(periodo.entidadId, e.entidadId), eq(periodo.vigencia, 2026), eq(periodo.numero, 1)));
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    expect(s).toMatchObject({
      numero: 1,
      anio: Number(hoy.slice(0, 4)),
      caracter: 'ordinaria',
      actaFirmada: false,
    });
    expect(s.ordenDelDia).toEqual([
      'Verificación del quórum',
      'Lectura y aprobación del orden del día',
      'Estudio y aprobación del plan de acción 2026',
      expect.stringMatching(/^Seguimiento al plan de acción 2026: /),
      'Proposiciones y varios',
    ]);
    const lista = await t.exigir(200, e.comite, 'GET', `${e.url}/sesiones`);
    expect(lista).toEqual([expect.objectContaining({ id: s.id, fecha: hoy, caracter: 'ordinaria' })]);
    // The next one is acta number 2.
    expect(exigirEstado(await convocar(e), 201, 'segunda').json().numero).toBe(2);
  });

  it('dos sesiones convocadas a la vez quedan con actas 1 y 2', async () => {
    const e = await conCigd();
    const r = await aLaVez(
      () => convocar(e),
      () => convocar(e),
    );
    expect(r.map((x) => x.statusCode)).toEqual([201, 201]);
    expect(r.map((x) => x.json().numero).sort()).toEqual([1, 2]);
  });

  it('un cargo cambia de titular o sale del comité, sin borrarse, y deja de contar para el quórum', async () => {
    const e = await conCigd();
    const hacienda = e.integrantes[2]!.id;
    const ayer = new Date(Date.now() - 48 * 3600 * 1000).toISOString().slice(0, 10);
    const c = await t.exigir(200, e.planeacion, 'PUT', `${e.url}/integrantes/${hacienda}`, {
      titular: 'Pedro Gómez',
      hasta: ayer,
      leido: { titular: null, hasta: null },
    });
    expect(c.integrantes.find((i: { id: string }) => i.id === hacienda)).toMatchObject({
      cargo: 'Secretario de Hacienda',
      titular: 'Pedro Gómez',
      hasta: ayer,
    });
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    expect(s.quorum.conVoto).toBe(3);
    expect(s.integrantes.some((i: { id: string }) => i.id === hacienda)).toBe(false);
    const antes = await t.pedir(e.planeacion, 'PUT', `${e.url}/integrantes/${hacienda}`, {
      hasta: '2023-01-01',
      leido: { titular: 'Pedro Gómez', hasta: ayer },
    });
    expect(antes.statusCode).toBe(400);
    expect(antes.json().campos[0]).toEqual({
      campo: 'hasta',
      mensaje: 'la fecha final no puede ser anterior a la inicial',
    });
    // The change is in the audit log, with what the post had before.
    const admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
    const bitacora = await t.exigir(
      200,
      admin,
      'GET',
      `${e.base}/auditoria?recurso=integrante_comite&accion=editar`,
    );
    expect(JSON.stringify(bitacora)).toContain('Pedro Gómez');
  });

  it('cambiar un cargo: otra entidad y consulta no pueden; dos cambios a la vez, el segundo recibe 409', async () => {
    const e = await conCigd();
    const gobierno = e.integrantes[3]!.id;
    const url = `${e.url}/integrantes/${gobierno}`;
    const cambio = (titular: string) => ({ titular, leido: { titular: null, hasta: null } });
    const consulta = await t.usuarioCon(e.entidadId, ['consulta']);
    expect((await t.pedir(consulta, 'PUT', url, cambio('Luz Díaz'))).statusCode).toBe(403);
    expect((await t.pedir(e.control, 'PUT', url, cambio('Luz Díaz'))).statusCode).toBe(403);
    const otra = await conCigd();
    expect((await t.pedir(otra.planeacion, 'PUT', url, cambio('Luz Díaz'))).statusCode).toBe(403);
    expect(
      (await t.pedir(otra.planeacion, 'PUT', `${otra.url}/integrantes/${gobierno}`, cambio('Luz Díaz')))
        .statusCode,
    ).toBe(404);
    const largo = await t.pedir(e.planeacion, 'PUT', url, cambio('x'.repeat(161)));
    expect(largo.statusCode).toBe(400);
    expect(largo.json().campos[0].campo).toBe('titular');
    const sinLeido = await t.pedir(e.planeacion, 'PUT', url, { titular: 'Luz Díaz' });
    expect(sinLeido.statusCode).toBe(400);
    expect(sinLeido.json().campos[0].campo).toBe('leido');
    const admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
    const { ganadores, perdedores } = resultado(
      await aLaVez(
        () => t.pedir(e.planeacion, 'PUT', url, cambio('Luz Díaz')),
        () => t.pedir(admin, 'PUT', url, cambio('Marta Ruiz')),
      ),
    );
    expect(ganadores).toHaveLength(1);
    expect(perdedores.map((p) => p.statusCode)).toEqual([409]);
    expect(perdedores[0]!.json().mensaje).toContain('Otra persona cambió el cargo «Secretaria de Gobierno»');
    const titular = ganadores[0]!.json().integrantes.find((i: { id: string }) => i.id === gobierno).titular;
    expect(['Luz Díaz', 'Marta Ruiz']).toContain(titular);
    expect((await t.exigir(200, e.comite, 'GET', e.url)).integrantes[3].titular).toBe(titular);
  });

  it('la fecha final de un cargo no queda antes de un acta firmada que lo cuenta', async () => {
    const e = await conCigd();
    const hacienda = e.integrantes[2]!.id;
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    exigirEstado(await subirActa(e.planeacion, `${e.url}/sesiones/${s.id}`), 200, 'acta firmada');
    const r = await t.pedir(e.planeacion, 'PUT', `${e.url}/integrantes/${hacienda}`, {
      hasta: '2025-12-31',
      leido: { titular: null, hasta: null },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0].campo).toBe('hasta');
    expect(r.json().campos[0].mensaje).toContain(`el acta n.º 1 de ${hoy.slice(0, 4)}, ya firmada`);
    // The day of that session or later is fine.
    await t.exigir(200, e.planeacion, 'PUT', `${e.url}/integrantes/${hacienda}`, {
      hasta: hoy,
      leido: { titular: null, hasta: null },
    });
  });

  it('quórum: mayoría de los 4 cargos con voto; el invitado no cuenta', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const [presidente, secretaria, hacienda, , invitado] = e.integrantes.map((i) => i.id);
    const sin = await t.exigir(200, e.planeacion, 'PUT', `${e.url}/sesiones/${s.id}`, {
      asistentes: [presidente, secretaria, invitado],
    });
    expect(sin.quorum).toEqual({ conVoto: 4, presentesConVoto: 2, requeridos: 3, hay: false });
    const con = await t.exigir(200, e.planeacion, 'PUT', `${e.url}/sesiones/${s.id}`, {
      asistentes: [presidente, secretaria, hacienda],
      desarrollo: 'La secretaría técnica presentó el plan de acción.',
    });
    expect(con.quorum.hay).toBe(true);
    expect(con.desarrollo).toBe('La secretaría técnica presentó el plan de acción.');
    const ajeno = await t.pedir(e.planeacion, 'PUT', `${e.url}/sesiones/${s.id}`, {
      asistentes: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(ajeno.statusCode).toBe(400);
    expect(ajeno.json().campos[0].campo).toBe('asistentes');
  });
  it('el seguimiento trimestral va al CIGD: el órgano que aprueba no lo propone si hay CIGD registrado', async () => {
    const e = await conCigd('aprobado');
    await t.conexion.db
      .update(periodo)
      .set({ cerrado: true })
      .where(and(eq(periodo.entidadId, e.entidadId), eq(periodo.vigencia, 2026), eq(periodo.numero, 1)));
    const junta = await t.exigir(201, e.planeacion, 'POST', `${e.base}/comites`, {
      tipo: 'organo_aprobacion',
      nombre: 'Junta Directiva',
      actoCreacion: 'Acuerdo 001 de 1996',
      fechaActoCreacion: '1996-03-15',
      integrantes: INTEGRANTES.slice(0, 3),
    });
    const seguimientos = (orden: string[]) => orden.filter((p) => p.startsWith('Seguimiento al plan'));
    const deLaJunta = await t.exigir(201, e.planeacion, 'POST', `${e.base}/comites/${junta.id}/sesiones`, {
      caracter: 'ordinaria',
      fecha: hoy,
    });
    expect(seguimientos(deLaJunta.ordenDelDia)).toEqual([]);
    const ajena = await t.pedir(e.control, 'POST', `${e.base}/comites/${junta.id}/sesiones`, {
      caracter: 'ordinaria',
      fecha: hoy,
    });
    expect(ajena.statusCode).toBe(403);
    expect(ajena.json().mensaje).toBe(
      'Las sesiones de la Junta Directiva las convoca y registra planeación (su secretaría técnica) o el administrador de la entidad.',
    );
    const delCigd = exigirEstado(await convocar(e), 201, 'cigd').json();
    expect(seguimientos(delCigd.ordenDelDia)).toHaveLength(1);
  });

  it('los informes de control interno entran al orden del día del CIGD hasta que una sesión los trae', async () => {
    const e = await conCigd('aprobado');
    const ptep =
      'Presentación del seguimiento de control interno al Programa de Transparencia y Ética Pública 2026: cuatrimestre 2, corte al 31/08/2026';
    const meci =
      'Presentación de la evaluación independiente del estado del sistema de control interno: primer semestre de 2026';
    const presentaciones = (orden: string[]) => orden.filter((p) => p.startsWith('Presentación'));
    await t.exigir(200, e.control, 'PUT', `${e.base}/informes/ptep/2026/2/conclusiones`, {
      conclusiones:
        'El programa avanzó según lo previsto; la política de conflicto de intereses sigue pendiente.',
    });
    await t.exigir(200, e.control, 'PUT', `${e.base}/informes/evaluacion-independiente/2026/1`, {
      componentes: Object.fromEntries(
        CLAVES_MECI.map((c) => [
          c,
          {
            presente: true,
            funcionando: true,
            nivel: 85,
            fortalezas: 'Sesiona cada trimestre.',
            debilidades: '',
          },
        ]),
      ),
      conclusion: 'El sistema de control interno está presente y funcionando.',
      version: null,
    });
    // In the order of their cut-offs: 30 June before 31 August.
    const primera = exigirEstado(await convocar(e), 201, 'primera').json();
    expect(presentaciones(primera.ordenDelDia)).toEqual([meci, ptep]);
    // Heard: the next session does not bring them back…
    const segunda = exigirEstado(await convocar(e), 201, 'segunda').json();
    expect(presentaciones(segunda.ordenDelDia)).toEqual([]);
    // …until control interno rewrites one of them.
    await t.exigir(200, e.control, 'PUT', `${e.base}/informes/ptep/2026/2/conclusiones`, {
      conclusiones: 'Corregido: la política de conflicto de intereses quedó adoptada el 15 de septiembre.',
    });
    const tercera = exigirEstado(await convocar(e), 201, 'tercera').json();
    expect(presentaciones(tercera.ordenDelDia)).toEqual([ptep]);
    // The approving body does not receive them.
    const junta = await t.exigir(201, e.planeacion, 'POST', `${e.base}/comites`, {
      tipo: 'otro',
      nombre: 'Comité de Conciliación',
      actoCreacion: 'Resolución 10 de 2019',
      fechaActoCreacion: '2019-02-01',
      integrantes: INTEGRANTES.slice(0, 2),
    });
    const otra = await t.exigir(201, e.planeacion, 'POST', `${e.base}/comites/${junta.id}/sesiones`, {
      caracter: 'ordinaria',
      fecha: hoy,
    });
    expect(presentaciones(otra.ordenDelDia)).toEqual([]);
  });
});

describe('decisiones tipadas y la aprobación del plan', () => {
  it('una decisión «plan_aprobado» en la sesión aprueba el plan con la fecha y el acta de la sesión', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const d = await t.exigir(200, e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/decisiones`, {
      tipo: 'plan_aprobado',
      descripcion: 'El comité aprueba por unanimidad el plan de acción 2026.',
      vigencia: 2026,
    });
    expect(d.decisiones).toEqual([
      expect.objectContaining({
        tipo: 'plan_aprobado',
        vigencia: 2026,
        version: 1,
        descripcion: 'El comité aprueba por unanimidad el plan de acción 2026.',
      }),
    ]);
    const plan = (await t.exigir(200, e.comite, 'GET', `${e.base}/planes/2026`)).plan;
    expect(plan).toMatchObject({ estado: 'aprobado', fechaSesionComite: hoy });
    expect(plan.actaComite).toContain(`Acta n.º 1 de ${hoy.slice(0, 4)}`);
    // The same rule of the workflow: an approved plan is not approved twice.
    const otra = await t.pedir(e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/decisiones`, {
      tipo: 'plan_aprobado',
      descripcion: 'Otra vez',
      vigencia: 2026,
    });
    expect(otra.statusCode).toBe(409);
    expect(otra.json().mensaje).toContain('debe estar enviado');
  });

  it('el endpoint de aprobar sigue funcionando y deja la decisión en la sesión del CIGD de esa fecha', async () => {
    const e = await conCigd();
    await t.exigir(200, e.comite, 'POST', `${e.base}/planes/2026/aprobar`, {
      fechaSesionComite: hoy,
      actaComite: 'Acta CIGD 01',
    });
    const [s] = await t.exigir(200, e.comite, 'GET', `${e.url}/sesiones`);
    expect(s).toMatchObject({ fecha: hoy, decisiones: 1 });
    const sesion = await t.exigir(200, e.comite, 'GET', `${e.url}/sesiones/${s.id}`);
    expect(sesion.decisiones[0]).toMatchObject({ tipo: 'plan_aprobado', vigencia: 2026, version: 1 });
    expect(sesion.desarrollo).toContain('Acta CIGD 01');
  });

  it('aprobar con la sesión de un acta ya firmada responde 409 y el plan sigue enviado', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    exigirEstado(await subirActa(e.planeacion, `${e.url}/sesiones/${s.id}`), 200, 'firmar');
    const r = await t.pedir(e.comite, 'POST', `${e.base}/planes/2026/aprobar`, {
      fechaSesionComite: hoy,
      actaComite: 'Acta',
      sesionId: s.id,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('versión firmada');
    expect((await t.exigir(200, e.comite, 'GET', `${e.base}/planes/2026`)).plan.estado).toBe('enviado');
  });

  it('dos decisiones de aprobación a la vez: una aprueba, la otra recibe 409 y no deja decisión', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const aprobar = () =>
      t.pedir(e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/decisiones`, {
        tipo: 'plan_aprobado',
        descripcion: 'Se aprueba el plan',
        vigencia: 2026,
      });
    const { ganadores, perdedores } = resultado(await aLaVez(aprobar, aprobar));
    expect(ganadores).toHaveLength(1);
    expect(perdedores.map((p) => p.statusCode)).toEqual([409]);
    expect((await t.exigir(200, e.comite, 'GET', `${e.url}/sesiones/${s.id}`)).decisiones).toHaveLength(1);
  });

  it('el seguimiento trimestral se hace sobre un periodo cerrado y apaga la alerta de tres meses', async () => {
    const e = await conCigd('aprobado');
    await t.conexion.db
      .update(planAccion)
      .set({ fechaSesionComite: '2025-12-15' })
      .where(eq(planAccion.id, e.planId));
    await t.conexion.db
      .insert(versionPlan)
      .values({ planId: e.planId, version: 1, fechaSesionComite: '2025-12-15', actividades: [] });
    const alerta = async () =>
      (await t.exigir(200, e.planeacion, 'GET', `${e.base}/pendientes?vigencia=2026`)).pendientes.filter(
        (p: { tipo: string }) => p.tipo === 'seguimiento_comite',
      );
    // The dashboard's notice, for everyone in the entity (control interno, a responsible), not only planeación.
    const avisos = async (s: Sesion) =>
      (await t.exigir(200, s, 'GET', `${e.base}/avisos?vigencia=2026`)).avisos;
    if (hoy > '2026-03-15') {
      expect((await alerta())[0]).toMatchObject({ vencido: true, enlace: `/comites/${e.comiteId}` });
      for (const s of [e.control, e.responsable])
        expect((await avisos(s)).filter((a: { tipo: string }) => a.tipo === 'seguimiento_comite')).toEqual([
          expect.objectContaining({
            tipo: 'seguimiento_comite',
            texto: expect.stringContaining('sin seguimiento al plan de acción desde el 15/12/2025'),
          }),
        ]);
    }
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const abierto = await t.pedir(e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/decisiones`, {
      tipo: 'seguimiento_trimestral',
      descripcion: 'Seguimiento del primer trimestre',
      vigencia: 2026,
      periodo: 1,
    });
    expect(abierto.statusCode).toBe(409);
    expect(abierto.json().mensaje).toContain('no está cerrado');
    await t.conexion.db
      .update(periodo)
      .set({ cerrado: true })
      .where(and(eq(periodo.entidadId, e.entidadId), eq(periodo.vigencia, 2026), eq(periodo.numero, 1)));
    await t.exigir(200, e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/decisiones`, {
      tipo: 'seguimiento_trimestral',
      descripcion: 'Seguimiento del primer trimestre',
      vigencia: 2026,
      periodo: 1,
    });
    expect(await alerta()).toEqual([]);
    expect(await avisos(e.control)).not.toContainEqual(
      expect.objectContaining({ tipo: 'seguimiento_comite' }),
    );
    // A later session no longer proposes the period already followed up.
    const otra = exigirEstado(await convocar(e), 201, 'otra').json();
    expect(otra.ordenDelDia.some((p: string) => p.startsWith('Seguimiento al plan'))).toBe(false);
  });
});

describe('compromisos, acta en PDF y bloqueo', () => {
  it('un compromiso aparece en los pendientes de su responsable y vuelve en la sesión siguiente', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const quien = (await t.exigir(200, e.responsable, 'GET', '/api/auth/sesion')).usuario.id;
    const vence = `${Number(hoy.slice(0, 4)) + 1}-01-15`;
    const ajeno = await t.pedir(e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/compromisos`, {
      descripcion: 'Actualizar el mapa de riesgos',
      responsableId: (await conCigd()).planeacion.id,
      fecha: vence,
    });
    expect(ajeno.statusCode).toBe(400);
    const c = await t.exigir(200, e.planeacion, 'POST', `${e.url}/sesiones/${s.id}/compromisos`, {
      descripcion: 'Actualizar el mapa de riesgos',
      responsableId: quien,
      fecha: vence,
    });
    expect(c.compromisos).toEqual([
      expect.objectContaining({
        descripcion: 'Actualizar el mapa de riesgos',
        fecha: vence,
        vencido: false,
        cumplidoEn: null,
      }),
    ]);
    const pend = await t.exigir(200, e.responsable, 'GET', `${e.base}/pendientes?vigencia=2026`);
    expect(pend.pendientes).toContainEqual({
      tipo: 'compromiso_comite',
      texto: `Cumplir el compromiso «Actualizar el mapa de riesgos» (Comité Institucional de Gestión y Desempeño, Acta n.º 1 de ${hoy.slice(0, 4)})`,
      enlace: `/comites/${e.comiteId}/sesiones/${s.id}`,
      vence,
      vencido: false,
    });
    const siguiente = exigirEstado(await convocar(e), 201, 'siguiente').json();
    expect(siguiente.ordenDelDia).toContain(
      'Seguimiento a los compromisos de sesiones anteriores (1 abierto)',
    );
    expect(siguiente.compromisosAnteriores).toEqual([
      expect.objectContaining({ descripcion: 'Actualizar el mapa de riesgos' }),
    ]);
    await t.exigir(200, e.planeacion, 'POST', `${e.url}/compromisos/${c.compromisos[0].id}/cumplido`);
    expect(
      (await t.pedir(e.planeacion, 'POST', `${e.url}/compromisos/${c.compromisos[0].id}/cumplido`))
        .statusCode,
    ).toBe(409);
    const despues = await t.exigir(200, e.responsable, 'GET', `${e.base}/pendientes?vigencia=2026`);
    expect(despues.pendientes.filter((p: { tipo: string }) => p.tipo === 'compromiso_comite')).toEqual([]);
  });

  it('el acta en PDF sigue la GTC 185; con el acta firmada adjunta la sesión no cambia (409)', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const url = `${e.url}/sesiones/${s.id}`;
    const [presidente, secretaria, hacienda] = e.integrantes.map((i) => i.id);
    await t.exigir(200, e.planeacion, 'PUT', url, {
      asistentes: [presidente, secretaria, hacienda],
      desarrollo: 'La secretaría técnica presentó el plan de acción 2026 y sus 12 actividades.',
    });
    await t.exigir(200, e.planeacion, 'POST', `${url}/decisiones`, {
      tipo: 'plan_aprobado',
      descripcion: 'Se aprueba el plan de acción 2026.',
      vigencia: 2026,
    });
    const quien = (await t.exigir(200, e.responsable, 'GET', '/api/auth/sesion')).usuario;
    await t.exigir(200, e.planeacion, 'POST', `${url}/compromisos`, {
      descripcion: 'Publicar el plan en la sede electrónica',
      responsableId: quien.id,
      fecha: `${Number(hoy.slice(0, 4)) + 1}-01-31`,
    });
    const r = await t.pedir(e.comite, 'GET', `${url}/acta.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = Buffer.from(r.rawPayload);
    const texto = textoPorPagina(pdf).join('\n');
    for (const parte of [
      'E.S.E. Hospital de Prueba',
      `Acta n.º 1 de ${hoy.slice(0, 4)}`,
      'Comité Institucional de Gestión y Desempeño',
      'Ordinaria',
      'Asistentes',
      'Ausentes',
      'Secretaria de Gobierno',
      'Hubo quórum para deliberar y decidir: asistieron 3 de los 4',
      'Orden del día',
      'Estudio y aprobación del plan de acción 2026',
      'Desarrollo',
      'sus 12 actividades',
      'Decisiones',
      'Aprobación del plan de acción',
      'Compromisos',
      'Publicar el plan en la sede electrónica',
      quien.nombre.split(' ')[0],
      'Firmas',
      'Ana Pérez',
      'Página 1 de',
    ])
      expect(texto).toContain(parte);
    const imagenes = paginasComoImagenes(pdf);
    expect(imagenes.length).toBeGreaterThanOrEqual(1);
    for (const im of imagenes) expect([im.ancho, im.alto]).toEqual([612, 792]);

    // Attaching the signed scan locks it.
    const noPdf = await subirActa(e.planeacion, url, Buffer.from('<html>acta</html>'));
    expect(noPdf.statusCode).toBe(400);
    const firmada = await subirActa(e.planeacion, url, pdf);
    expect(firmada.statusCode).toBe(200);
    expect(firmada.json().actaFirmada).toBe(true);
    for (const [metodo, ruta, cuerpo] of [
      ['PUT', url, { desarrollo: 'Cambio tardío' }],
      ['POST', `${url}/decisiones`, { tipo: 'otra', descripcion: 'Decisión tardía' }],
      ['POST', `${url}/compromisos`, { descripcion: 'Tarde', responsableId: quien.id, fecha: '2099-01-01' }],
    ] as const) {
      const c = await t.pedir(e.planeacion, metodo, ruta, cuerpo);
      expect(c.statusCode, `${metodo} ${ruta}`).toBe(409);
      expect(c.json().mensaje).toBe(
        `El acta n.º 1 de ${hoy.slice(0, 4)} ya tiene adjunta su versión firmada: la sesión quedó cerrada y no admite cambios.`,
      );
    }
    expect((await subirActa(e.planeacion, url, pdf)).statusCode).toBe(409);
    const descarga = await t.pedir(e.comite, 'GET', `${url}/acta-firmada`);
    expect(descarga.statusCode).toBe(200);
    expect(Buffer.compare(descarga.rawPayload, pdf)).toBe(0);
    expect((await t.exigir(200, e.comite, 'GET', url)).desarrollo).toContain('sus 12 actividades');

    // People change, the closed acta does not: a new mayor takes the post, the signed session still names
    // who sat and signed then; a session convened now names the new holder.
    await t.exigir(200, e.planeacion, 'PUT', `${e.url}/integrantes/${presidente}`, {
      titular: 'Luis Cabrera',
      leido: { titular: 'Ana Pérez', hasta: null },
    });
    const cerrada = await t.exigir(200, e.comite, 'GET', url);
    expect(cerrada.integrantes.find((i: { id: string }) => i.id === presidente).titular).toBe('Ana Pérez');
    const actaCerrada = textoPorPagina(
      Buffer.from((await t.pedir(e.comite, 'GET', `${url}/acta.pdf`)).rawPayload),
    );
    expect(actaCerrada.join('\n')).toContain('Ana Pérez');
    expect(actaCerrada.join('\n')).not.toContain('Luis Cabrera');
    const nueva = exigirEstado(await convocar(e), 201, 'nueva').json();
    const abierta = await t.exigir(200, e.comite, 'GET', `${e.url}/sesiones/${nueva.id}`);
    expect(abierta.integrantes.find((i: { id: string }) => i.id === presidente).titular).toBe('Luis Cabrera');
  });

  it('dos adjuntos del acta firmada a la vez: uno la bloquea, el otro recibe 409', async () => {
    const e = await conCigd();
    const s = exigirEstado(await convocar(e), 201, 'convocar').json();
    const url = `${e.url}/sesiones/${s.id}`;
    const { ganadores, perdedores } = resultado(
      await aLaVez(
        () => subirActa(e.planeacion, url),
        () => subirActa(e.planeacion, url, Buffer.from('%PDF-1.4\n%otra\n%%EOF')),
      ),
    );
    expect(ganadores).toHaveLength(1);
    expect(perdedores.map((p) => p.statusCode)).toEqual([409]);
  });
});
