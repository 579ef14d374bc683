// Who proposes and who approves (issue 9 §3): the act that adopts the plan, minor changes approved by
// planeación, the 1.ª línea's proposals and the plan published by 31 January.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entidad, propuestaActividad } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  exigirEstado,
  nitNuevo,
  nuevaActividad,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const plan = (e: Escenario) => `${e.base}/planes/${e.vigencia}`;
const APROBACION = { fechaSesionComite: '2026-01-28', actaComite: 'Acta 01 de 2026' };
const ACTO = { tipoActo: 'resolucion', numeroActo: '045', fechaActo: '2026-01-29' };

const subirActo = (s: Sesion, e: Escenario, contenido: Buffer, consulta = '') =>
  t.app.inject({
    method: 'POST',
    url: `${plan(e)}/acto?nombre=${encodeURIComponent('Resolución 045.pdf')}${consulta}`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/pdf' },
  });

/** A plan of two activities of one policy (50 + 50), sent; approved with `aprobacion` when given. */
async function planEnviado(organo: 'cigd' | 'junta_directiva' = 'cigd') {
  const e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  await t.conexion.db.update(entidad).set({ organoAprobacion: organo }).where(eq(entidad.id, e.entidadId));
  await nuevaActividad(t, e, { codigo: 'IN-01', ponderacion: 50 });
  await nuevaActividad(t, e, { codigo: 'IN-02', ponderacion: 50 });
  await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/enviar`, {});
  return e;
}
async function planAprobado(organo: 'cigd' | 'junta_directiva' = 'cigd') {
  const e = await planEnviado(organo);
  await t.exigir(200, e.comite, 'POST', `${plan(e)}/aprobar`, { ...APROBACION, ...ACTO });
  return e;
}

describe('el acto administrativo que adopta el plan', () => {
  it('el órgano aprueba con la resolución: tipo, número y fecha quedan en el plan y en la versión', async () => {
    const e = await planEnviado('junta_directiva');
    const antes = await t.exigir(200, e.comite, 'GET', plan(e));
    expect(antes.organo).toMatchObject({ clave: 'junta_directiva', nombre: 'Junta Directiva' });
    const r = await t.exigir(200, e.comite, 'POST', `${plan(e)}/aprobar`, { ...APROBACION, ...ACTO });
    expect(r.plan.acto).toEqual({ tipo: 'resolucion', numero: '045', fecha: '2026-01-29', archivo: null });
    const [v] = await t.exigir(200, e.planeacion, 'GET', `${plan(e)}/versiones`);
    expect(v).toMatchObject({ version: 1, tipoCambio: 'sustancial', acto: { numero: '045' } });
    expect(v.aprobadoPor).toMatch(/^Persona /);
    // Planeación hears it from the body by its name.
    const avisos = await t.exigir(200, e.planeacion, 'GET', '/api/notificaciones');
    expect(avisos.notificaciones[0].texto).toBe('La Junta Directiva aprobó el plan de acción 2026.');
  });

  it('un acto a medias o con fecha futura se rechaza nombrando el campo', async () => {
    const e = await planEnviado();
    const aMedias = await t.pedir(e.comite, 'POST', `${plan(e)}/aprobar`, {
      ...APROBACION,
      numeroActo: '12',
    });
    expect(aMedias.statusCode).toBe(400);
    expect(
      aMedias
        .json()
        .campos.map((c: { campo: string }) => c.campo)
        .sort(),
    ).toEqual(['fechaActo', 'tipoActo']);
    const futura = await t.pedir(e.comite, 'POST', `${plan(e)}/aprobar`, {
      ...APROBACION,
      ...ACTO,
      fechaActo: '2099-01-01',
    });
    expect(futura.statusCode).toBe(400);
    expect(futura.json().campos[0].campo).toBe('fechaActo');
    const tipo = await t.pedir(e.comite, 'POST', `${plan(e)}/aprobar`, {
      ...APROBACION,
      ...ACTO,
      tipoActo: 'decreto',
    });
    expect(tipo.json().campos[0]).toEqual({
      campo: 'tipoActo',
      mensaje: expect.stringContaining('resolución o acuerdo'),
    });
  });

  it('planeación adjunta el PDF del acto; se descarga íntegro, queda auditado y solo se acepta PDF', async () => {
    const e = await planAprobado();
    const consulta = await t.usuarioCon(e.entidadId, ['consulta']);
    expect((await subirActo(consulta, e, PDF)).statusCode).toBe(403);
    const noPdf = await subirActo(e.planeacion, e, Buffer.from('<html>acto</html>'));
    expect(noPdf.statusCode).toBe(400);
    expect(noPdf.json().campos[0]).toEqual({ campo: 'archivo', mensaje: expect.stringContaining('PDF') });
    const desde = await ultimaAuditoria(t);
    const r = await subirActo(e.planeacion, e, PDF);
    expect(r.statusCode).toBe(200);
    expect(r.json().plan.acto).toMatchObject({
      numero: '045',
      archivo: { nombre: 'Resolución 045.pdf', bytes: PDF.length },
    });
    const [a] = await auditoriaDesde(t, desde, 'plan');
    expect(a).toMatchObject({ accion: 'adjuntar_acto', usuarioId: e.planeacion.id });
    const d = await t.pedir(consulta, 'GET', `${plan(e)}/versiones/1/acto`);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.rawPayload.equals(PDF)).toBe(true);
    // Another entity's people never read it.
    const otra = await t.crearEntidad('Alcaldía de Prueba', '800197268-4');
    const ajeno = await t.usuarioCon(otra, ['planeacion']);
    expect((await t.pedir(ajeno, 'GET', `${plan(e)}/versiones/1/acto`)).statusCode).toBe(403);
  });

  it('si la aprobación no trajo el acto, el PDF lo exige y lo registra; un plan sin aprobar no lo recibe', async () => {
    const e = await planEnviado();
    expect((await subirActo(e.planeacion, e, PDF)).statusCode).toBe(409);
    await t.exigir(200, e.comite, 'POST', `${plan(e)}/aprobar`, APROBACION);
    const sinDatos = await subirActo(e.planeacion, e, PDF);
    expect(sinDatos.statusCode).toBe(400);
    expect(sinDatos.json().campos.map((c: { campo: string }) => c.campo)).toEqual([
      'tipo',
      'numero',
      'fecha',
    ]);
    const r = await subirActo(e.comite, e, PDF, '&tipo=acuerdo&numero=003&fecha=2026-01-30');
    expect(r.statusCode).toBe(200);
    expect(r.json().plan.acto).toMatchObject({ tipo: 'acuerdo', numero: '003', fecha: '2026-01-30' });
  });
});

describe('la ciudadanía ve quién aprobó y el acto que adopta el plan', () => {
  const seguir = async (url: string) => {
    let r = await t.pedir(null, 'GET', url);
    for (let i = 0; i < 3 && r.statusCode === 301; i++)
      r = await t.pedir(null, 'GET', String(r.headers.location));
    return r;
  };
  it('la página pública nombra el órgano, el acto con su PDF y la publicación; datos.json también', async () => {
    const e = await planAprobado('junta_directiva');
    expect((await seguir(`/publico/${e.entidadId}/acto.pdf?vigencia=2026`)).statusCode).toBe(404);
    exigirEstado(await subirActo(e.planeacion, e, PDF), 200, 'adjuntar el acto');
    await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/publicar`, {
      fechaPublicacion: '2026-01-30',
      urlPublicacion: 'https://hospital.example/transparencia',
    });
    const pagina = await seguir(`/publico/${e.entidadId}?vigencia=2026`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain(
      'Aprobado por la Junta Directiva y adoptado mediante Resolución 045 del 29/01/2026',
    );
    expect(pagina.body).toContain('Publicado el 30/01/2026');
    const pdf = await seguir(`/publico/${e.entidadId}/acto.pdf?vigencia=2026`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
    const datos = (await seguir(`/publico/${e.entidadId}/datos.json?vigencia=2026`)).json();
    expect(datos.aprobacion).toEqual({
      organo: 'Junta Directiva',
      acto: { tipo: 'resolucion', numero: '045', fecha: '2026-01-29', pdf: true },
      fechaPublicacion: '2026-01-30',
      urlPublicacion: 'https://hospital.example/transparencia',
    });
  });
});

describe('cambio menor y cambio sustancial', () => {
  async function nuevaVersion(e: Escenario) {
    await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/nueva-version`, {
      justificacion: 'Cambio de responsable por traslado del funcionario',
    });
    return (await t.exigir(200, e.planeacion, 'GET', plan(e))).actividades as {
      id: string;
      codigo: string;
      [k: string]: unknown;
    }[];
  }
  const editar = (e: Escenario, a: Record<string, unknown>, cambio: Record<string, unknown>) => {
    const { id, propuestaPor: _p, ...resto } = a;
    return t.exigir(200, e.planeacion, 'PUT', `${plan(e)}/actividades/${id}`, { ...resto, ...cambio });
  };

  it('planeación aprueba sola un cambio de fechas y responsable, y queda registrado como menor', async () => {
    const e = await planAprobado('junta_directiva');
    const [a] = await nuevaVersion(e);
    await editar(e, a!, { fechaFin: '2026-11-30', responsableId: e.planeacion.id });
    const vista = await t.exigir(200, e.planeacion, 'GET', plan(e));
    expect(vista.cambio).toMatchObject({ tipo: 'menor', razones: [] });
    expect(vista.cambio.menores[0]).toContain('fecha de fin');
    // The committee is not the one to approve a minor change here, nor is control interno.
    expect((await t.pedir(e.comite, 'POST', `${plan(e)}/aprobar-cambio-menor`)).statusCode).toBe(403);
    const desde = await ultimaAuditoria(t);
    const r = await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/aprobar-cambio-menor`);
    expect(r.plan).toMatchObject({ estado: 'aprobado', version: 2, acto: { numero: '045' } });
    const versiones = await t.exigir(200, e.planeacion, 'GET', `${plan(e)}/versiones`);
    expect(versiones.map((v: { tipoCambio: string }) => v.tipoCambio)).toEqual(['sustancial', 'menor']);
    const [audit] = await auditoriaDesde(t, desde, 'plan');
    expect(audit).toMatchObject({ accion: 'aprobar_cambio_menor', usuarioId: e.planeacion.id });
    const avisos = await t.exigir(200, e.comite, 'GET', '/api/notificaciones');
    expect(avisos.notificaciones[0].texto).toContain('cambio menor');
  });

  it('un cambio de meta, ponderación o una actividad nueva va al órgano: 409 que lo nombra', async () => {
    const e = await planAprobado('junta_directiva');
    const [a, b] = await nuevaVersion(e);
    await editar(e, a!, { metaAnual: 8, metasPeriodo: [2, 2, 2, 2], ponderacion: 60 });
    await editar(e, b!, { ponderacion: 40 });
    const r = await t.pedir(e.planeacion, 'POST', `${plan(e)}/aprobar-cambio-menor`);
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('lo debe aprobar la Junta Directiva');
    expect(r.json().mensaje).toContain('IN-01');
    expect(r.json().mensaje).toContain('meta anual');
    expect((await t.exigir(200, e.planeacion, 'GET', plan(e))).plan.estado).toBe('borrador');
    // The usual path still works: send to the body.
    await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/enviar`, {});
  });

  it('solo una nueva versión se aprueba como cambio menor; de dos clics a la vez, uno gana', async () => {
    const e = await planAprobado();
    expect((await t.pedir(e.planeacion, 'POST', `${plan(e)}/aprobar-cambio-menor`)).statusCode).toBe(409);
    const [a] = await nuevaVersion(e);
    await editar(e, a!, { nombre: 'Socializar el código de integridad con todos los servidores' });
    const otro = await t.usuarioCon(e.entidadId, ['planeacion']);
    const { ganadores, perdedores } = resultado(
      await aLaVez(
        () => t.pedir(e.planeacion, 'POST', `${plan(e)}/aprobar-cambio-menor`),
        () => t.pedir(otro, 'POST', `${plan(e)}/aprobar-cambio-menor`),
      ),
    );
    expect(ganadores).toHaveLength(1);
    expect(perdedores.map((p) => p.statusCode)).toEqual([409]);
    const versiones = await t.exigir(200, e.planeacion, 'GET', `${plan(e)}/versiones`);
    expect(versiones).toHaveLength(2);
  });
});

describe('la primera línea propone', () => {
  async function conResponsable() {
    const e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
    const lider = await t.usuarioCon(e.entidadId, ['responsable_politica']);
    await t.exigir(200, e.planeacion, 'PUT', `${e.base}/responsables/${e.vigencia}/integridad`, {
      usuarioId: lider.id,
      dependenciaId: null,
    });
    return { e, lider };
  }
  const propuesta = (codigo: string, politica = 'integridad') => ({
    politica,
    codigo,
    nombre: 'Realizar dos jornadas de socialización del código de integridad',
    producto: 'Listas de asistencia',
    metaAnual: 2,
    unidad: 'jornada',
    metasPeriodo: [0, 1, 0, 1],
    ponderacion: 100,
    fechaInicio: '2026-03-01',
    fechaFin: '2026-12-15',
  });

  it('el responsable propone de su política; planeación la incorpora editada y la actividad conserva su autor', async () => {
    const { e, lider } = await conResponsable();
    const ajena = await t.pedir(lider, 'POST', `${plan(e)}/propuestas`, propuesta('TR-01', 'transparencia'));
    expect(ajena.statusCode).toBe(403);
    expect(ajena.json().campos[0].campo).toBe('politica');
    expect(
      (await t.pedir(e.planeacion, 'POST', `${plan(e)}/propuestas`, propuesta('IN-09'))).statusCode,
    ).toBe(403);
    const mala = await t.pedir(lider, 'POST', `${plan(e)}/propuestas`, { ...propuesta('IN-09'), nombre: '' });
    expect(mala.statusCode).toBe(400);
    expect(mala.json().campos[0].campo).toBe('nombre');

    const p = await t.exigir(201, lider, 'POST', `${plan(e)}/propuestas`, propuesta('IN-09'));
    expect(p).toMatchObject({ estado: 'pendiente', autor: { id: lider.id } });
    const pend = await t.exigir(200, e.planeacion, 'GET', `${e.base}/pendientes?vigencia=2026`);
    expect(pend.pendientes).toContainEqual(expect.objectContaining({ tipo: 'consolidar_propuestas' }));

    const incorporada = await t.exigir(
      200,
      e.planeacion,
      'POST',
      `${plan(e)}/propuestas/${p.id}/incorporar`,
      {
        ...propuesta('IN-09'),
        nombre: 'Realizar dos jornadas de socialización del código de integridad y conflicto de intereses',
      },
    );
    expect(incorporada).toMatchObject({ estado: 'incorporada', actividadId: expect.any(String) });
    const { actividades } = await t.exigir(200, e.planeacion, 'GET', plan(e));
    expect(actividades).toEqual([
      expect.objectContaining({
        codigo: 'IN-09',
        propuestaPor: lider.id,
        nombre: expect.stringContaining('conflicto'),
      }),
    ]);
    // Decided: neither the author nor planeación changes it again.
    expect(
      (await t.pedir(lider, 'PUT', `${plan(e)}/propuestas/${p.id}`, propuesta('IN-09'))).statusCode,
    ).toBe(409);
    expect(
      (
        await t.pedir(e.planeacion, 'POST', `${plan(e)}/propuestas/${p.id}/descartar`, {
          motivo: 'Ya está en el plan',
        })
      ).statusCode,
    ).toBe(409);
    const avisos = await t.exigir(200, lider, 'GET', '/api/notificaciones');
    expect(avisos.notificaciones[0].texto).toContain('incorporó');
    // Planeación may still remove it from the borrador; the proposal stays, without its activity.
    await t.exigir(204, e.planeacion, 'DELETE', `${plan(e)}/actividades/${incorporada.actividadId}`);
    const [despues] = await t.exigir(200, lider, 'GET', `${plan(e)}/propuestas`);
    expect(despues).toMatchObject({ estado: 'incorporada', actividadId: null, autor: { id: lider.id } });
  });

  it('una propuesta con índice FURAG, objetivo y riesgo se guarda y se responde (antes daba 500 al responder)', async () => {
    const { e, lider } = await conResponsable();
    const p = await t.exigir(201, lider, 'POST', `${plan(e)}/propuestas`, {
      ...propuesta('IN-10'),
      indiceFurag: 'I05',
      objetivo: 'Fortalecer la integridad',
      riesgo: '',
    });
    expect(p.datos).toMatchObject({ indiceFurag: 'I05', objetivo: 'Fortalecer la integridad', riesgo: null });
    const [lista] = await t.exigir(200, e.planeacion, 'GET', `${plan(e)}/propuestas`);
    expect(lista.datos.indiceFurag).toBe('I05');
  });

  it('planeación descarta con motivo; incorporar y descartar a la vez: uno gana y el otro recibe 409', async () => {
    const { e, lider } = await conResponsable();
    const p1 = await t.exigir(201, lider, 'POST', `${plan(e)}/propuestas`, propuesta('IN-10'));
    const sinMotivo = await t.pedir(e.planeacion, 'POST', `${plan(e)}/propuestas/${p1.id}/descartar`, {
      motivo: '',
    });
    expect(sinMotivo.statusCode).toBe(400);
    expect(sinMotivo.json().campos[0].campo).toBe('motivo');
    const p2 = await t.exigir(201, lider, 'POST', `${plan(e)}/propuestas`, propuesta('IN-11'));
    const { ganadores, perdedores } = resultado(
      await aLaVez(
        () => t.pedir(e.planeacion, 'POST', `${plan(e)}/propuestas/${p2.id}/incorporar`),
        () =>
          t.pedir(e.planeacion, 'POST', `${plan(e)}/propuestas/${p2.id}/descartar`, {
            motivo: 'Se repite con IN-10',
          }),
      ),
    );
    expect(ganadores).toHaveLength(1);
    expect(perdedores.map((r) => [r.statusCode, r.json().mensaje])).toEqual([[409, expect.any(String)]]);
    const [fila] = await t.conexion.db
      .select()
      .from(propuestaActividad)
      .where(eq(propuestaActividad.id, p2.id));
    const { actividades } = await t.exigir(200, e.planeacion, 'GET', plan(e));
    // All or nothing: incorporated with its activity, or set aside without one.
    expect(actividades.length).toBe(fila!.estado === 'incorporada' ? 1 : 0);
    // Whichever won, the plan sent below holds one activity of the policy, so its weights add up to 100 %
    // (with both, «Integridad» summed 200 % and sending failed whenever incorporating won the race).
    if (fila!.estado === 'incorporada')
      await t.exigir(204, e.planeacion, 'DELETE', `${plan(e)}/actividades/${fila!.actividadId}`);
    // A plan already sent takes no more proposals.
    await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/propuestas/${p1.id}/incorporar`);
    exigirEstado(await t.pedir(e.planeacion, 'POST', `${plan(e)}/enviar`, {}), 200, 'enviar');
    expect((await t.pedir(lider, 'POST', `${plan(e)}/propuestas`, propuesta('IN-12'))).statusCode).toBe(409);
  });
});

describe('publicación a más tardar el 31 de enero', () => {
  it('desde el 1 de febrero el plan sin publicar está vencido en el plan y en los pendientes de planeación', async () => {
    // Today (2026-11 in the test clock or later) is past 31 January 2026.
    const e = await planAprobado();
    const vista = await t.exigir(200, e.planeacion, 'GET', plan(e));
    expect(vista.publicacion).toMatchObject({ limite: '2026-01-31', vencida: true });
    const pend = await t.exigir(200, e.planeacion, 'GET', `${e.base}/pendientes?vigencia=2026`);
    expect(pend.pendientes[0]).toMatchObject({ tipo: 'publicar_plan', vence: '2026-01-31', vencido: true });
    // Only planeación is asked to publish; everyone in the entity sees it overdue on the dashboard.
    const delComite = await t.exigir(200, e.comite, 'GET', `${e.base}/pendientes?vigencia=2026`);
    expect(delComite.pendientes).not.toContainEqual(expect.objectContaining({ tipo: 'publicar_plan' }));
    const avisoDelTablero = async () =>
      (await t.exigir(200, e.comite, 'GET', `${e.base}/avisos?vigencia=2026`)).avisos.filter(
        (a: { tipo: string }) => a.tipo === 'publicar_plan',
      );
    expect(await avisoDelTablero()).toEqual([
      {
        tipo: 'publicar_plan',
        texto:
          'El plan de acción 2026 no está publicado en la sede electrónica, como pide el Decreto 612 de 2018',
        enlace: '/plan?vigencia=2026',
        vence: '2026-01-31',
        vencido: true,
      },
    ]);

    const malUrl = await t.pedir(e.planeacion, 'POST', `${plan(e)}/publicar`, {
      urlPublicacion: 'sede.gov.co',
    });
    expect(malUrl.statusCode).toBe(400);
    expect(malUrl.json().campos[0].campo).toBe('urlPublicacion');
    const futura = await t.pedir(e.planeacion, 'POST', `${plan(e)}/publicar`, {
      fechaPublicacion: '2099-01-01',
    });
    expect(futura.json().campos[0].campo).toBe('fechaPublicacion');
    const r = await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/publicar`, {
      fechaPublicacion: '2026-01-30',
      urlPublicacion: 'https://hospital.example/transparencia/plan-accion-2026',
    });
    expect(r.plan).toMatchObject({
      estado: 'publicado',
      fechaPublicacion: '2026-01-30',
      urlPublicacion: 'https://hospital.example/transparencia/plan-accion-2026',
    });
    expect(r.publicacion.vencida).toBe(false);
    const despues = await t.exigir(200, e.planeacion, 'GET', `${e.base}/pendientes?vigencia=2026`);
    expect(despues.pendientes).not.toContainEqual(expect.objectContaining({ tipo: 'publicar_plan' }));
    expect(await avisoDelTablero()).toEqual([]);
    // Before the deadline nobody is warned, even without a plan.
    const futuro = await t.exigir(200, e.comite, 'GET', `${e.base}/avisos?vigencia=2099`);
    expect(futuro.avisos).toEqual([]);
  });

  it('publicar sin fecha toma la de hoy; una vigencia sin plan después del 31 de enero también está vencida', async () => {
    const e = await planAprobado();
    const r = await t.exigir(200, e.planeacion, 'POST', `${plan(e)}/publicar`, {});
    expect(r.plan.fechaPublicacion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sinPlan = await t.exigir(200, e.planeacion, 'GET', `${e.base}/pendientes?vigencia=2025`);
    expect(sinPlan.pendientes).toEqual([
      expect.objectContaining({ tipo: 'publicar_plan', vence: '2025-01-31', vencido: true }),
      // The rest of the 31 January pack, overdue too (publicaciones.test.ts).
      expect.objectContaining({ tipo: 'publicar_paquete', vence: '2025-01-31', vencido: true }),
    ]);
    const proxima = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes/2099`);
    expect(proxima.publicacion).toMatchObject({ limite: '2099-01-31', vencida: false });
  });
});
