// Citizen consultation of a draft (issue 11 §3): the entity opens it, citizens comment on the public page
// without a session, the entity answers each comment once, and the report is a PDF published at the close.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoyEnColombia } from '../../core/calendario.ts';
import { consultaCiudadana } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nitNuevo,
  nuevaActividad,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';
import { textoPorPagina } from '../documentos/pdf-prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const hoy = hoyEnColombia();
const enDias = (n: number) =>
  new Date(Date.parse(`${hoy}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function conConsulta() {
  const e = await escenarioConPlan(t, { nit: nitNuevo() });
  await nuevaActividad(t, e, { codigo: 'TR-01', nombre: 'Publicar el directorio de contratistas' });
  const c = await t.exigir(201, e.planeacion, 'POST', `${e.base}/consultas`, {
    vigencia: e.vigencia,
    objeto: 'plan_accion',
    titulo: 'Proyecto de plan de acción',
    descripcion: 'Opine antes de que el comité lo apruebe.',
    abre: hoy,
    cierra: enDias(10),
  });
  return { e, c };
}

const formulario = (url: string, campos: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(campos).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    // Each citizen from an address of their own: the form allows 10 posts per address every 10 minutes.
    remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
const seguir = async (url: string) => {
  let r = await t.pedir(null, 'GET', url);
  for (let i = 0; i < 3 && (r.statusCode === 301 || r.statusCode === 303); i++)
    r = await t.pedir(null, 'GET', String(r.headers.location));
  return r;
};

describe('consulta ciudadana de un proyecto de plan', () => {
  it('planeación la abre con fechas válidas; las malas se rechazan nombrando el campo', async () => {
    const e: Escenario = await escenarioConPlan(t, { nit: nitNuevo() });
    const base = { vigencia: e.vigencia, objeto: 'plan_accion', titulo: 'Proyecto' };
    const alReves = await t.pedir(e.planeacion, 'POST', `${e.base}/consultas`, {
      ...base,
      abre: enDias(5),
      cierra: enDias(2),
    });
    expect(alReves.statusCode).toBe(400);
    expect(alReves.json().campos).toEqual([
      { campo: 'cierra', mensaje: 'la fecha de cierre no puede ser anterior a la de apertura' },
    ]);
    const larga = await t.pedir(e.planeacion, 'POST', `${e.base}/consultas`, {
      ...base,
      abre: hoy,
      cierra: enDias(120),
    });
    expect(larga.json().campos[0]).toMatchObject({ campo: 'cierra' });
    const sinPlan = await t.pedir(e.planeacion, 'POST', `${e.base}/consultas`, {
      ...base,
      vigencia: 2025,
      abre: hoy,
      cierra: enDias(3),
    });
    expect(sinPlan.json().campos[0]).toMatchObject({ campo: 'vigencia' });
    expect(
      (await t.pedir(e.control, 'POST', `${e.base}/consultas`, { ...base, abre: hoy, cierra: enDias(3) }))
        .statusCode,
    ).toBe(403);
    expect(await t.exigir(200, e.control, 'GET', `${e.base}/consultas`)).toEqual([]);
  });

  it('la ciudadanía comenta sin sesión; la página muestra el proyecto y el comentario sin el nombre', async () => {
    const { e, c } = await conConsulta();
    expect(c).toMatchObject({ estado: 'abierta', comentarios: 0 });
    const pagina = await seguir(c.urlPublica);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Publicar el directorio de contratistas');
    expect(pagina.body).toContain('Ley 1581 de 2012');
    const desde = await ultimaAuditoria(t);
    const enviado = await formulario((await t.pedir(null, 'GET', c.urlPublica)).headers.location as string, {
      texto: 'Incluyan la publicación de los contratos en formato abierto.',
      nombre: 'María Jamioy',
      correo: 'maria@correo.example',
      acepto: 'si',
    });
    expect(enviado.statusCode).toBe(303);
    expect(enviado.headers.location).toMatch(/\?enviado=1#comentar$/);
    const despues = await seguir(String(enviado.headers.location));
    expect(despues.body).toContain('quedó registrado con el número 1');
    expect(despues.body).toContain('Incluyan la publicación de los contratos');
    expect(despues.body).not.toContain('María Jamioy');
    expect(despues.body).not.toContain('maria@correo.example');
    // The audit trail records the comment, never its author.
    const [a] = await auditoriaDesde(t, desde, 'consulta_ciudadana');
    expect(a).toMatchObject({ accion: 'comentar_consulta', usuarioId: null });
    expect(JSON.stringify(a)).not.toContain('Jamioy');
    // The entity reads who wrote (to answer), and consulta does not.
    const detalle = await t.exigir(200, e.planeacion, 'GET', `${e.base}/consultas/${c.id}`);
    expect(detalle.lista[0]).toMatchObject({
      numero: 1,
      nombre: 'María Jamioy',
      correo: 'maria@correo.example',
    });
    expect((await t.pedir(e.control, 'GET', `${e.base}/consultas/${c.id}`)).statusCode).toBe(403);
  });

  it('un formulario incompleto vuelve con cada problema junto a su campo y lo escrito; nada se guarda', async () => {
    const { e, c } = await conConsulta();
    const url = (await t.pedir(null, 'GET', c.urlPublica)).headers.location as string;
    const r = await formulario(url, { texto: 'Mi comentario', correo: 'no-es-correo' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('id="error-correo"');
    expect(r.body).toContain('escriba un correo válido o déjelo vacío');
    expect(r.body).toContain('marque que leyó el aviso de datos personales');
    expect(r.body).toContain('>Mi comentario</textarea>');
    // A robot filling the hidden field gets the same «thanks» and leaves nothing.
    const robot = await formulario(url, { texto: 'Compre ya', acepto: 'si', sitio: 'http://spam.example' });
    expect(robot.statusCode).toBe(303);
    const d = await t.exigir(200, e.planeacion, 'GET', `${e.base}/consultas/${c.id}`);
    expect(d.comentarios).toBe(0);
    // Markup in a comment is text on the page.
    await formulario(url, { texto: '<script>alert(1)</script> revisen', acepto: 'si' });
    const pagina = await seguir(url);
    expect(pagina.body).not.toContain('<script>alert(1)');
    expect(pagina.body).toContain('&lt;script&gt;');
  });

  it('la entidad responde cada comentario una vez; la respuesta se publica y el informe sale al cierre', async () => {
    const { e, c } = await conConsulta();
    const url = (await t.pedir(null, 'GET', c.urlPublica)).headers.location as string;
    await formulario(url, { texto: 'Agreguen metas por dependencia.', acepto: 'si' });
    const [com] = (await t.exigir(200, e.planeacion, 'GET', `${e.base}/consultas/${c.id}`)).lista;
    const ruta = `${e.base}/consultas/${c.id}/comentarios/${com.id}/respuesta`;
    const r = resultado(
      await aLaVez(
        () => t.pedir(e.planeacion, 'POST', ruta, { respuesta: 'Se incluyeron en la versión 2.' }),
        () => t.pedir(e.planeacion, 'POST', ruta, { respuesta: 'Otra respuesta.' }),
      ),
    );
    expect(r.estados.sort()).toEqual([200, 409]);
    expect((await seguir(url)).body).toMatch(
      /Respuesta de la entidad:<\/strong> (Se incluyeron en la versión 2\.|Otra respuesta\.)/,
    );
    // Before the close the report is not public; at the close it is, with the comment and its answer.
    expect((await t.pedir(null, 'GET', `${url}/informe.pdf`)).statusCode).toBe(409);
    await t.conexion.db
      .update(consultaCiudadana)
      .set({ abre: enDias(-20), cierra: enDias(-1) })
      .where(eq(consultaCiudadana.id, c.id));
    const cerrado = await formulario(url, { texto: 'Tarde', acepto: 'si' });
    expect(cerrado.statusCode).toBe(409);
    expect(cerrado.body).toContain('ya no recibe comentarios');
    const pdf = await t.pedir(null, 'GET', `${url}/informe.pdf`);
    expect(pdf.statusCode).toBe(200);
    const texto = textoPorPagina(pdf.rawPayload).join('\n');
    expect(texto).toContain('Se recibieron 1 comentarios; la entidad respondió 1');
    expect(texto).toContain('Agreguen metas por dependencia.');
    // Another entity's people cannot answer.
    const otra = await escenarioConPlan(t, { nit: nitNuevo() });
    expect((await t.pedir(otra.planeacion, 'POST', ruta, { respuesta: 'x x x' })).statusCode).toBe(403);
  });

  it('una consulta o un comentario que no existen son 404; solo un identificador mal formado es 400', async () => {
    const { e, c } = await conConsulta();
    // Not an RFC 4122 uuid (variant 1), but of the database's shape: looked up like any other.
    const ajeno = '11111111-1111-1111-1111-111111111111';
    for (const ruta of [
      `${e.base}/consultas/${ajeno}`,
      `${e.base}/consultas/5f0c3a9e-1b2d-4c3e-8f4a-0123456789ab`,
      `${e.base}/consultas/${ajeno}/informe.pdf`,
    ]) {
      const r = await t.pedir(e.planeacion, 'GET', ruta);
      expect(r.statusCode, ruta).toBe(404);
      expect(r.json()).toEqual({ error: 'no_encontrado', mensaje: 'No se encontró la consulta.' });
    }
    const comentario = await t.pedir(
      e.planeacion,
      'POST',
      `${e.base}/consultas/${c.id}/comentarios/${ajeno}/respuesta`,
      { respuesta: 'Gracias.' },
    );
    expect(comentario.statusCode).toBe(404);
    expect(comentario.json().error).toBe('no_encontrado');
    const malo = await t.pedir(e.planeacion, 'GET', `${e.base}/consultas/no-es-un-identificador`);
    expect(malo.statusCode).toBe(400);
    expect(malo.json().campos).toEqual([
      { campo: 'ruta consultaId', mensaje: 'el identificador de la consulta no es válido' },
    ]);
  });

  it('entradas hostiles al formulario público: nunca un 500, nada guardado', async () => {
    const { e, c } = await conConsulta();
    const url = (await t.pedir(null, 'GET', c.urlPublica)).headers.location as string;
    const casos = [
      { payload: `texto=${'x'.repeat(20_000)}&acepto=si`, tipo: 'application/x-www-form-urlencoded' },
      { payload: `texto=${'x'.repeat(2001)}&acepto=si`, tipo: 'application/x-www-form-urlencoded' },
      { payload: '__proto__[a]=1&constructor=2&acepto=si', tipo: 'application/x-www-form-urlencoded' },
      { payload: '%ZZ%&&&==', tipo: 'application/x-www-form-urlencoded' },
      { payload: JSON.stringify({ texto: ['a', 'b'], acepto: true }), tipo: 'application/json' },
      {
        payload: `texto=\u0000hola&acepto=si&nombre=${'ñ'.repeat(500)}`,
        tipo: 'application/x-www-form-urlencoded',
      },
      { payload: 'texto=hola', tipo: 'text/plain' },
    ];
    for (const caso of casos) {
      const r = await t.app.inject({
        method: 'POST',
        url,
        payload: caso.payload,
        headers: { 'content-type': caso.tipo },
      });
      expect(r.statusCode, caso.payload.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, caso.payload.slice(0, 40)).toBeLessThan(500);
    }
    // Ten posts from one address in ten minutes, then a polite refusal in a page (not a 500, not a lost form).
    const post = () =>
      t.app.inject({
        method: 'POST',
        url,
        payload: 'texto=hola&acepto=si',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: '10.9.9.9',
      });
    let limitado = await post();
    for (let i = 0; i < 11 && limitado.statusCode !== 429; i++) limitado = await post();
    expect(limitado.statusCode).toBe(429);
    expect(limitado.body).toContain('Demasiadas solicitudes');
    const otra = await formulario(url.replace(c.id, '00000000-0000-4000-8000-000000000000'), {
      texto: 'hola',
      acepto: 'si',
    });
    expect(otra.statusCode).toBe(404);
    // Only the well-formed posts before the limit were saved.
    const d = await t.exigir(200, e.planeacion, 'GET', `${e.base}/consultas/${c.id}`);
    expect(d.lista.every((x: { texto: string }) => x.texto === 'hola')).toBe(true);
  });
});
