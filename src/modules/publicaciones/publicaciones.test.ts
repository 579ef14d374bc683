// The 31 January pack (issue 11 §3): what the entity must publish, each version, the permanent public address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nitNuevo,
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
// A vigencia of the catalog whose 31 January has passed: unpublished documents are overdue, late ones say so.
const VIGENCIA = 2026;
const paquete = (e: Escenario, vigencia: number) => `${e.base}/publicaciones/${vigencia}`;

const publicar = (
  s: Sesion,
  e: Escenario,
  clave: string,
  contenido: Buffer,
  nombre = 'Plan de acción.pdf',
  vigencia = VIGENCIA,
  tipo = 'application/pdf',
) =>
  t.app.inject({
    method: 'POST',
    url: `${paquete(e, vigencia)}/${clave}?nombre=${encodeURIComponent(nombre)}&nota=${encodeURIComponent('Primera publicación')}`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': tipo },
  });

const seguir = async (url: string) => {
  let r = await t.pedir(null, 'GET', url);
  for (let i = 0; i < 3 && r.statusCode === 301; i++)
    r = await t.pedir(null, 'GET', String(r.headers.location));
  return r;
};

describe('paquete del 31 de enero', () => {
  it('lista el plan de acción, los planes del Decreto 612 de la vigencia y el informe de gestión del año anterior', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    const p = await t.exigir(200, e.control, 'GET', paquete(e, VIGENCIA));
    expect(p.limite).toBe(`${VIGENCIA}-01-31`);
    const claves = p.documentos.map((d: { clave: string }) => d.clave);
    expect(claves[0]).toBe('plan-accion');
    expect(claves.at(-1)).toBe('informe-gestion');
    // The catalog's 12 plans of Decreto 612, the PTEP among them.
    expect(claves.filter((c: string) => c.startsWith('plan-612-'))).toHaveLength(12);
    expect(p.documentos.at(-1)).toMatchObject({ titulo: 'Informe de gestión 2025', numeral: '4.7.1' });
    expect(p.documentos.every((d: { estado: string }) => d.estado === 'vencido')).toBe(true);
    expect([p.pendientes, p.vencidos]).toEqual([14, 14]);
    // From 1 February, in planeación's «mis pendientes», with the way to the page.
    const { pendientes } = await t.exigir(
      200,
      e.planeacion,
      'GET',
      `${e.base}/pendientes?vigencia=${VIGENCIA}`,
    );
    expect(pendientes).toContainEqual({
      tipo: 'publicar_paquete',
      texto: `Publicar 14 documentos del paquete del 31 de enero de ${VIGENCIA} (Decreto 612 de 2018)`,
      enlace: `/publicaciones?vigencia=${VIGENCIA}`,
      vence: `${VIGENCIA}-01-31`,
      vencido: true,
    });
    // A vigencia without a catalog has no pack.
    expect((await t.pedir(e.planeacion, 'GET', paquete(e, 2031))).statusCode).toBe(404);
  });

  it('planeación publica versiones; la dirección permanente sirve la última y cada versión la suya, sin sesión', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    const desde = await ultimaAuditoria(t);
    const r1 = await publicar(e.planeacion, e, 'plan-accion', PDF);
    expect(r1.statusCode, r1.body).toBe(201);
    const doc = r1.json().documentos[0];
    expect(doc).toMatchObject({
      estado: 'publicado',
      aTiempo: false,
      urlPublica: `/publico/${e.entidadId}/documentos/${VIGENCIA}/plan-accion`,
    });
    expect(doc.versiones).toEqual([
      expect.objectContaining({
        version: 1,
        fechaPublicacion: hoyEnColombia(),
        nota: 'Primera publicación',
        archivo: { nombre: 'Plan de acción.pdf', tipo: 'application/pdf', bytes: PDF.length },
      }),
    ]);
    const [a] = await auditoriaDesde(t, desde, 'documento_publicado');
    expect(a).toMatchObject({
      accion: 'publicar_documento',
      usuarioId: e.planeacion.id,
      recursoId: `${VIGENCIA}:plan-accion:v1`,
    });

    const segunda = Buffer.concat([PDF, Buffer.from('\n% versión 2')]);
    expect(
      (await publicar(e.planeacion, e, 'plan-accion', segunda, 'Plan de acción v2.pdf')).statusCode,
    ).toBe(201);
    const ultima = await seguir(doc.urlPublica);
    expect(ultima.statusCode).toBe(200);
    expect(ultima.rawPayload.equals(segunda)).toBe(true);
    expect(ultima.headers['content-disposition']).toContain('attachment');
    const v1 = await seguir(`${doc.urlPublica}/v/1`);
    expect(v1.rawPayload.equals(PDF)).toBe(true);
    expect(v1.headers['cache-control']).toContain('immutable');
    expect((await seguir(`${doc.urlPublica}/v/3`)).statusCode).toBe(404);

    // The public page lists it, with its numeral and date.
    const pagina = await seguir(`/publico/${e.entidadId}`);
    expect(pagina.body).toContain('Documentos publicados');
    expect(pagina.body).toContain(`Plan de acción ${VIGENCIA}`);
    expect(pagina.body).toContain('numeral 4.3');
    expect(pagina.body).toContain('versión 2');
  });

  it('acepta Excel; rechaza lo vacío, lo que no es documento y un nombre sin extensión, nombrando el campo', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    const vacio = await publicar(e.planeacion, e, 'plan-accion', Buffer.alloc(0));
    expect(vacio.statusCode).toBe(400);
    const html = await publicar(
      e.planeacion,
      e,
      'plan-accion',
      Buffer.from('<html><script>x</script></html>'),
      'plan.pdf',
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().campos).toEqual([expect.objectContaining({ campo: 'archivo' })]);
    const invisible = await publicar(e.planeacion, e, 'plan-accion', PDF, '\u200b\u200b');
    expect(invisible.json().campos).toEqual([expect.objectContaining({ campo: 'nombre' })]);
    // A PDF named «.xlsx» keeps the person's name with the extension of what it is.
    const r = await publicar(e.planeacion, e, 'plan-accion', PDF, 'Plan 2026.xlsx');
    expect(r.json().documentos[0].versiones[0].archivo).toMatchObject({
      nombre: 'Plan 2026.pdf',
      tipo: 'application/pdf',
    });
    const otro = await publicar(e.planeacion, e, 'plan-612-no-existe', PDF);
    expect(otro.statusCode).toBe(404);
    const raro = await publicar(e.planeacion, e, '..%2Fplan', PDF);
    expect(raro.statusCode).toBe(400);
    // Nothing of the failed attempts was published.
    const p = await t.exigir(200, e.planeacion, 'GET', paquete(e, VIGENCIA));
    expect(p.pendientes).toBe(13);
  });

  it('control interno, consulta y otra entidad no publican; dos publicaciones a la vez quedan como versiones 1 y 2', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    expect((await publicar(e.control, e, 'informe-gestion', PDF)).statusCode).toBe(403);
    const otra = await escenarioConPlan(t, { nit: nitNuevo() });
    expect((await publicar(otra.planeacion, e, 'informe-gestion', PDF)).statusCode).toBe(403);
    const r = resultado(
      await aLaVez(
        () => publicar(e.planeacion, e, 'informe-gestion', PDF),
        () => publicar(e.planeacion, e, 'informe-gestion', PDF),
      ),
    );
    expect(r.estados).toEqual([201, 201]);
    const p = await t.exigir(200, e.planeacion, 'GET', paquete(e, VIGENCIA));
    const informe = p.documentos.find((d: { clave: string }) => d.clave === 'informe-gestion');
    expect(informe.versiones.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('un documento admite hasta 50 versiones: la 51.ª se rechaza con 409 y no queda guardada', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    for (let i = 0; i < 50; i++)
      expect((await publicar(e.planeacion, e, 'informe-gestion', PDF)).statusCode).toBe(201);
    const otra = await publicar(e.planeacion, e, 'informe-gestion', PDF);
    expect(otra.statusCode).toBe(409);
    expect(otra.json().mensaje).toContain('ya tiene 50 versiones');
    const p = await t.exigir(200, e.planeacion, 'GET', paquete(e, VIGENCIA));
    expect(p.documentos.at(-1).versiones).toHaveLength(50);
  });
});
