// The citizens' page through the real app: every state of an entity, draft data kept out, escaping in the
// three formats, readable addresses with their redirects and collisions, and bounded query parameters.
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatosAbiertosSchema } from '../../contrato/publico.ts';
import { digitoVerificacion } from '../../core/nit.ts';
import { actividad, planAccion, seguimiento, versionPlan } from '../../db/schema.ts';
import { escenarioConPlan, exigirEstado, nuevaActividad } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

let nits = 900100000;
const nitNuevo = () => {
  const base = String(nits++);
  return `${base}-${digitoVerificacion(base)}`;
};
const XSS = '<script>alert("x")</script>';
const VIGENCIA = 2026;

async function entidad(datos: Record<string, unknown>) {
  const r = exigirEstado(
    await t.pedir(t.admin, 'POST', '/api/entidades', { nit: nitNuevo(), ...datos }),
    201,
    'crear entidad',
  );
  return r.json().id as string;
}
const ver = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('página pública de una entidad', () => {
  it('sin plan publicado responde 200 y lo dice, con el nombre, el NIT y el contacto; sin logo no pide imagen', async () => {
    const id = await entidad({
      nombre: 'Alcaldía de Villagarzón',
      telefono: '(608) 428 0000',
      correo: 'contacto@villagarzon.example',
      direccion: 'Calle 2 # 3-45',
      horarioAtencion: 'Lunes a viernes de 8:00 a. m. a 12:00 m.',
      sitioWeb: 'https://www.villagarzon.example',
    });
    const [plan] = await t.conexion.db
      .insert(planAccion)
      .values({ entidadId: id, vigencia: VIGENCIA, estado: 'aprobado' })
      .returning();
    await t.conexion.db.insert(actividad).values({
      planId: plan!.id,
      politica: 'integridad',
      codigo: 'BOR-1',
      nombre: 'Actividad aún no publicada',
      producto: 'x',
      metaAnual: 1,
      unidad: 'informe',
      metasPeriodo: [1, 0, 0, 0],
      ponderacion: 100,
      fechaInicio: `${VIGENCIA}-01-01`,
      fechaFin: `${VIGENCIA}-12-31`,
    });
    const r = await ver(`/publico/alcaldia-de-villagarzon?vigencia=${VIGENCIA}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    const h = r.body;
    expect(h).toContain('<html lang="es-CO">');
    expect(h).toContain(`todavía no ha publicado su plan de acción de ${VIGENCIA}`);
    expect(h).toContain('Alcaldía de Villagarzón');
    expect(h).toMatch(/NIT 9001\d{5}-\d/);
    for (const dato of [
      '(608) 428 0000',
      'mailto:contacto@villagarzon.example',
      'Calle 2 # 3-45',
      'Lunes a viernes',
    ])
      expect(h).toContain(dato);
    expect(h).toContain('href="https://www.villagarzon.example"');
    expect(h).not.toContain('Actividad aún no publicada');
    expect(h).not.toContain('/logo');
    expect(h).not.toContain('<script');
    expect(h.match(/<h1[ >]/g)).toHaveLength(1);
    // The data files of an unpublished year are not there.
    const csv = await ver(`/publico/alcaldia-de-villagarzon/actividades.csv?vigencia=${VIGENCIA}`);
    expect(csv.statusCode).toBe(404);
    expect(csv.json().mensaje).toMatch(/aún no ha publicado/);
  });

  it('una dirección desconocida da 404 en una página en español', async () => {
    for (const url of ['/publico/no-existe-esta-entidad', '/publico/con%20espacio', '/publico/a/b/c']) {
      const r = await ver(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('<html lang="es-CO">');
      expect(r.body).toContain('Página no encontrada');
    }
  });

  it('publicado: cifras, semáforo con palabra, actividades y enlaces de datos; lo escrito por personas va escapado en HTML, CSV y JSON', async () => {
    const e = await escenarioConPlan(t, { vigencia: VIGENCIA, estadoPlan: 'publicado' });
    exigirEstado(
      await t.pedir(t.admin, 'PUT', e.base, {
        nombre: `Hospital ${XSS}`,
        nit: nitNuevo(), // frees the scenario's NIT for the next one
        sigla: 'HXSS',
        telefono: '320 000 0000',
      }),
      200,
      'editar la entidad',
    );
    const a = await nuevaActividad(t, e, { nombre: `Jornada ${XSS}`, ponderacion: 50 });
    const f = await nuevaActividad(t, e, {
      nombre: '=HYPERLINK("http://malo.example","clic")',
      producto: '+cmd|calc',
      ponderacion: 50,
    });
    await t.conexion.db.insert(seguimiento).values({
      entidadId: e.entidadId,
      actividadId: a.id,
      periodo: 1,
      valor: 2,
      descripcion: 'Dos jornadas',
      estado: 'verificado',
    });
    expect(f.id).toBeTruthy();

    const r = await ver(`/publico/hxss?vigencia=${VIGENCIA}`);
    expect(r.statusCode).toBe(200);
    const h = r.body;
    expect(h).not.toContain(XSS);
    expect(h).toContain('Hospital &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(h).toContain('Jornada &lt;script&gt;');
    expect(h).not.toMatch(/<script/i);
    expect(h).not.toMatch(/\sstyle=/); // the CSP would not need 'unsafe-inline' for this page
    expect(h).toContain('Avance general');
    expect(h).toContain('Cómo leer estas cifras');
    expect(h).toMatch(/Semáforo: (Crítico|Bajo|Adecuado|Sobreejecución — justificar|Sin dato)/);
    expect(h).toContain('50 %'); // 2 of 4 jornadas
    expect(h).toContain(`/publico/hxss/actividades.csv?vigencia=${VIGENCIA}`);
    expect(h).toContain('/publico/diccionario');
    expect(h).toMatch(/<header>\s*<div class="govco">/);
    expect(h).toContain('<main id="contenido"');
    expect(h).toContain('href="#contenido"');
    expect(h.match(/<footer/g)).toHaveLength(1);
    expect(h.match(/320 000 0000/g)).toHaveLength(1); // the contact once
    // Headings never skip a level.
    const niveles = [...h.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    const saltos = niveles.filter((n, i) => i > 0 && n - niveles[i - 1]! > 1);
    expect(saltos).toEqual([]);

    const csv = await ver(`/publico/hxss/actividades.csv?vigencia=${VIGENCIA}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="actividades-plan-de-accion-${VIGENCIA}-hxss.csv"`,
    );
    const bytes = csv.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const texto = bytes.subarray(3).toString('utf8');
    expect(texto.split('\r\n')[0]).toBe(
      'vigencia;fecha_corte;periodo_corte;dimension;politica;codigo_actividad;actividad;producto;dependencia;meta_anual;unidad;tipo_meta;fecha_inicio;fecha_fin;avance_pct;cumplimiento_pct;semaforo;estado',
    );
    expect(texto).toContain(`"'=HYPERLINK(""http://malo.example"",""clic"")"`);
    expect(texto).toContain("'+cmd|calc");
    expect(texto).toContain(';Talento Humano;Integridad;');
    expect(texto).toContain(';50;66,7;'); // decimal comma, numbers never quoted
    expect(texto).toMatch(/;50;/); // decimal comma, no thousands separator
    const pol = await ver(`/publico/hxss/politicas.csv?vigencia=${VIGENCIA}`);
    expect(pol.statusCode).toBe(200);
    expect(pol.rawPayload.subarray(3).toString('utf8')).toContain('Integridad');

    const json = await ver(`/publico/hxss/datos.json?vigencia=${VIGENCIA}`);
    expect(json.statusCode).toBe(200);
    expect(json.body).not.toContain('<script');
    expect(json.body).toContain('\\u003cscript\\u003e');
    const datos = DatosAbiertosSchema.parse(json.json());
    expect(datos.entidad.nombre).toBe(`Hospital ${XSS}`);
    expect(datos.actividades.map((x) => x.nombre)).toContain(`Jornada ${XSS}`);
    expect(datos.actividades.find((x) => x.nombre.startsWith('Jornada'))!.avance).toBe(50);

    // The metadata to register the dataset in the national open data portal: every file, absolute addresses.
    const meta = await ver(`/publico/hxss/metadatos.json?vigencia=${VIGENCIA}`);
    expect(meta.statusCode).toBe(200);
    expect(meta.body).not.toContain('<script');
    const m = meta.json();
    expect(m).toMatchObject({
      titulo: `Plan de acción ${VIGENCIA} y su avance — Hospital ${XSS}`,
      idioma: 'es',
      licencia: expect.stringContaining('CC BY-SA 4.0'),
      diccionario: 'http://localhost:80/publico/diccionario',
    });
    expect(m.recursos.map((r: { formato: string; url: string }) => [r.formato, r.url])).toEqual([
      ['CSV', `http://localhost:80/publico/hxss/actividades.csv?vigencia=${VIGENCIA}`],
      ['CSV', `http://localhost:80/publico/hxss/politicas.csv?vigencia=${VIGENCIA}`],
      ['JSON', `http://localhost:80/publico/hxss/datos.json?vigencia=${VIGENCIA}`],
    ]);
    for (const r of m.recursos)
      expect((await ver(new URL(r.url).pathname + new URL(r.url).search)).statusCode).toBe(200);
  });

  it('un plan con una versión nueva en curso muestra la versión aprobada, nunca el borrador', async () => {
    const e = await escenarioConPlan(t, { vigencia: VIGENCIA, estadoPlan: 'publicado' });
    exigirEstado(
      await t.pedir(t.admin, 'PUT', e.base, {
        nombre: 'Hospital Versiones',
        nit: '846000253-6',
        sigla: 'HV',
      }),
      200,
      'editar',
    );
    const a = await nuevaActividad(t, e, { nombre: 'Actividad aprobada por el comité', ponderacion: 100 });
    const aprobada = (await t.conexion.db.select().from(actividad).where(eq(actividad.id, a.id))).map(
      ({ creadoEn: _c, planId: _p, ...x }) => x,
    );
    await t.conexion.db.insert(versionPlan).values({ planId: e.planId, version: 1, actividades: aprobada });
    await t.conexion.db
      .update(planAccion)
      .set({ version: 2, estado: 'borrador' })
      .where(eq(planAccion.id, e.planId));
    // The draft of version 2: a renamed activity and a new one.
    await t.conexion.db
      .update(actividad)
      .set({ nombre: 'Nombre cambiado en borrador' })
      .where(eq(actividad.id, a.id));
    await nuevaActividad(t, e, { nombre: 'Actividad nueva del borrador' });

    const h = (await ver(`/publico/hv?vigencia=${VIGENCIA}`)).body;
    expect(h).toContain('Actividad aprobada por el comité');
    expect(h).toContain('Versión 1 del plan');
    expect(h).not.toContain('borrador');
    const datos = (await ver(`/publico/hv/datos.json?vigencia=${VIGENCIA}`)).json();
    expect(datos.actividades.map((x: { nombre: string }) => x.nombre)).toEqual([
      'Actividad aprobada por el comité',
    ]);
    expect(datos.versionPlan).toBe(1);
  });
  it('un plan aprobado y reabierto sin haberse publicado nunca no llega a la ciudadanía', async () => {
    const nit = nitNuevo();
    const e = await escenarioConPlan(t, { vigencia: VIGENCIA, estadoPlan: 'borrador', nit });
    exigirEstado(
      await t.pedir(t.admin, 'PUT', e.base, { nombre: 'Alcaldía Sin Publicar', nit, sigla: 'ASP' }),
      200,
      'editar',
    );
    await nuevaActividad(t, e, { nombre: 'Actividad que nadie publicó', ponderacion: 100 });
    const plan = `${e.base}/planes/${VIGENCIA}`;
    // The plan page gives planeación the readable address to copy into the sede electrónica.
    const resumen = exigirEstado(await t.pedir(e.planeacion, 'GET', plan), 200, 'plan').json();
    expect(resumen.publicacion.direccion).toBe('/publico/asp');
    exigirEstado(await t.pedir(e.planeacion, 'POST', `${plan}/enviar`, {}), 200, 'enviar');
    exigirEstado(
      await t.pedir(e.comite, 'POST', `${plan}/aprobar`, {
        fechaSesionComite: `${VIGENCIA}-01-27`,
        actaComite: 'Acta 1',
      }),
      200,
      'aprobar',
    );
    exigirEstado(
      await t.pedir(e.planeacion, 'POST', `${plan}/nueva-version`, {
        justificacion: 'Cambio de responsables por rotación',
      }),
      200,
      'nueva versión',
    );

    const h = (await ver(`/publico/asp?vigencia=${VIGENCIA}`)).body;
    expect(h).toContain(`todavía no ha publicado su plan de acción de ${VIGENCIA}`);
    expect(h).not.toContain('Actividad que nadie publicó');
    for (const archivo of ['actividades.csv', 'datos.json'])
      expect((await ver(`/publico/asp/${archivo}?vigencia=${VIGENCIA}`)).statusCode, archivo).toBe(404);
    expect((await ver(`/api/entidades/${e.entidadId}/tablero?vigencia=${VIGENCIA}`)).statusCode).toBe(404);
  });

  it('las actividades van de 50 en 50 con enlaces entre páginas', async () => {
    const id = await entidad({ nombre: 'Gobernación de Prueba', sigla: 'GP' });
    const [plan] = await t.conexion.db
      .insert(planAccion)
      .values({
        entidadId: id,
        vigencia: VIGENCIA,
        estado: 'publicado',
        fechaPublicacion: `${VIGENCIA}-01-30`,
      })
      .returning();
    await t.conexion.db.insert(actividad).values(
      Array.from({ length: 51 }, (_, i) => ({
        planId: plan!.id,
        politica: 'integridad',
        codigo: `GP-${String(i + 1).padStart(2, '0')}`,
        nombre: `Actividad número ${i + 1}`,
        producto: 'Informe',
        metaAnual: 1,
        unidad: 'informe',
        metasPeriodo: [0, 0, 0, 1],
        ponderacion: 1,
        fechaInicio: `${VIGENCIA}-01-01`,
        fechaFin: `${VIGENCIA}-12-31`,
      })),
    );
    const uno = (await ver(`/publico/gp?vigencia=${VIGENCIA}`)).body;
    expect(uno).toContain('Actividad número 50<');
    expect(uno).not.toContain('Actividad número 51<');
    expect(uno).toContain('Página 1 de 2');
    expect(uno).toContain(`href="/publico/gp?vigencia=${VIGENCIA}&amp;pagina=2#actividades"`);
    const dos = await ver(`/publico/gp?vigencia=${VIGENCIA}&pagina=2`);
    expect(dos.statusCode).toBe(200);
    expect(dos.body).toContain('Actividad número 51<');
    expect(dos.body).toContain('rel="prev"');
    expect((await ver(`/publico/gp?vigencia=${VIGENCIA}&pagina=3`)).statusCode).toBe(404);
    // The CSV holds them all.
    const csv = (await ver(`/publico/gp/actividades.csv?vigencia=${VIGENCIA}`)).body;
    expect(csv.trim().split('\r\n')).toHaveLength(52);
  });
});

describe('direcciones', () => {
  it('la dirección antigua con el uuid responde 301 a la legible y conserva la vigencia', async () => {
    const id = await entidad({ nombre: 'E.S.E. Hospital José María Hernández' });
    const r = await ver(`/publico/${id}?vigencia=2025`);
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe('/publico/ese-hospital-jose-maria-hernandez?vigencia=2025');
    const csv = await ver(`/publico/${id}/actividades.csv`);
    expect(csv.statusCode).toBe(301);
    expect(csv.headers.location).toBe('/publico/ese-hospital-jose-maria-hernandez/actividades.csv');
    expect((await ver('/publico/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const mayusculas = await ver('/publico/ESE-Hospital-Jose-Maria-Hernandez');
    expect(mayusculas.statusCode).toBe(301);
    expect(mayusculas.headers.location).toBe('/publico/ese-hospital-jose-maria-hernandez');
  });

  it('dos entidades con el mismo nombre: la segunda lleva los dígitos de su NIT', async () => {
    await entidad({ nombre: 'Empresa de Servicios Públicos de Mocoa' });
    const nit = nitNuevo();
    await entidad({ nombre: 'Empresa de Servicios Publicos de Mocoa', nit });
    const base = nit.split('-')[0];
    const una = await ver('/publico/empresa-de-servicios-publicos-de-mocoa');
    const otra = await ver(`/publico/empresa-de-servicios-publicos-de-mocoa-${base}`);
    expect(una.statusCode).toBe(200);
    expect(otra.statusCode).toBe(200);
    expect(otra.body).toContain(`NIT ${nit}`);
    expect(una.body).not.toContain(`NIT ${nit}`);
  });

  it('cambiar la sigla cambia la dirección en la siguiente lectura', async () => {
    const nit = nitNuevo();
    const id = await entidad({ nombre: 'Instituto de Cultura del Putumayo', nit });
    expect((await ver('/publico/instituto-de-cultura-del-putumayo')).statusCode).toBe(200);
    exigirEstado(
      await t.pedir(t.admin, 'PUT', `/api/entidades/${id}`, {
        nombre: 'Instituto de Cultura del Putumayo',
        nit,
        sigla: 'ICP',
      }),
      200,
      'editar',
    );
    expect((await ver('/publico/icp')).statusCode).toBe(200);
    expect((await ver('/publico/instituto-de-cultura-del-putumayo')).statusCode).toBe(404);
  });
});

describe('parámetros, caché y recursos', () => {
  it('una vigencia o página fuera de rango da 400 en español (HTML en la página, JSON en los datos)', async () => {
    await entidad({ nombre: 'Personería de Sibundoy' });
    for (const q of [
      'vigencia=1900',
      'vigencia=3000',
      'vigencia=abc',
      'vigencia=2026.5',
      'pagina=0',
      'pagina=99999',
    ]) {
      const r = await ver(`/publico/personeria-de-sibundoy?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('Dirección no válida');
    }
    const csv = await ver('/publico/personeria-de-sibundoy/actividades.csv?vigencia=1900');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().mensaje).toMatch(/vigencia/);
    expect((await ver('/publico/personeria-de-sibundoy?pagina=2')).statusCode).toBe(404);
  });

  it('una entrada hostil nunca da 500', async () => {
    await entidad({ nombre: 'Contraloría de Prueba', sigla: 'CDP' });
    const urls = [
      '/publico/%00',
      '/publico/cdp?vigencia=%00',
      '/publico/cdp?vigencia=1e308',
      '/publico/cdp?vigencia[]=2026',
      '/publico/cdp?vigencia=2026&vigencia=2025',
      '/publico/cdp?pagina=-1',
      '/publico/cdp?pagina=%F0%9F%98%80',
      `/publico/${'a'.repeat(101)}`,
      '/publico/cdp/actividades.csv?vigencia=%ED%A0%80',
      '/publico/cdp/datos.json?vigencia=-2026',
      '/publico/estilos/publico.%2e%2e%2f%2e%2e.css',
      '/publico/estilos/../../package.json',
      '/publico/%E0%A4%A',
    ];
    for (const url of urls) {
      const r = await ver(url);
      expect(r.statusCode, url).toBeLessThan(500); // «vigencia[]» is another parameter, ignored: 200
      expect(r.body, url).not.toMatch(/"name":"package|Internal Server Error/);
    }
  });

  it('ETag y caché corta; 304 si no cambió; gzip si el navegador lo acepta', async () => {
    await entidad({ nombre: 'Concejo de Orito' });
    const r = await ver('/publico/concejo-de-orito');
    expect(r.headers['cache-control']).toBe('public, max-age=60');
    const etag = r.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect((await ver('/publico/concejo-de-orito', { 'if-none-match': etag })).statusCode).toBe(304);
    const z = await ver('/publico/concejo-de-orito', { 'accept-encoding': 'gzip' });
    expect(z.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(z.rawPayload).toString('utf8')).toBe(r.body);
    // The stylesheet the page names is cached for a year.
    const hoja = /href="(\/publico\/estilos\/[^"]+\.css)"/.exec(r.body)![1]!;
    const css = await ver(hoja);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toContain('immutable');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('el diccionario de datos describe cada columna, en HTML y en JSON', async () => {
    const h = await ver('/publico/diccionario');
    expect(h.statusCode).toBe(200);
    expect(h.body).toContain('avance_pct');
    const j = await ver('/publico/diccionario.json');
    expect(j.statusCode).toBe(200);
    const d = j.json();
    expect(d.archivos[0].columnas[0]).toEqual({
      nombre: 'vigencia',
      tipo: 'entero',
      descripcion: 'Año del plan de acción.',
      unidad: 'año',
    });
  });
});
