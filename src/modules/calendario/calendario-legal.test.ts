// The entity's legal calendar through the API: the rules of 2026 on its periods and holidays, edits with a
// reason and their audit, the FURAG window from the platform, the .ics and the revocable subscription link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLaVez, auditoriaDesde, resultado, ultimaAuditoria } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let otraId: string;
let admin: Sesion;
let planeacion: Sesion;
let consulta: Sesion;
let adminOtra: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital del Calendario', '846000253-6');
  otraId = await t.crearEntidad('Alcaldía del Calendario', '800197268-4');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  consulta = await t.usuarioCon(entidadId, ['consulta']);
  adminOtra = await t.usuarioCon(otraId, ['admin_entidad']);
});
afterAll(() => t.cerrar());

interface Evento {
  clave: string;
  titulo: string;
  fecha: string | null;
  edicion: string | null;
  fechaRegla: string | null;
  justificacion: string | null;
  origen: string;
}
const url = (id = entidadId, vigencia = 2026) => `/api/entidades/${id}/calendario-legal/${vigencia}`;
const leer = async (sesion: Sesion = planeacion, id = entidadId) =>
  (await t.exigir(200, sesion, 'GET', url(id))) as { eventos: Evento[]; diasAviso: number; furag: unknown };
const evento = async (clave: string, sesion: Sesion = planeacion) =>
  (await leer(sesion)).eventos.find((e) => e.clave === clave);

describe('calendario legal de 2026', () => {
  it('trae las publicaciones del 31 de enero, las ventanas con el 13 de julio y lo por confirmar', async () => {
    const c = await leer(consulta);
    const fecha = (clave: string) => c.eventos.find((e) => e.clave === clave)?.fecha;
    expect(fecha('publicar-plan-accion')).toBe('2026-01-31');
    expect(fecha('publicar-planes-612')).toBe('2026-01-31');
    expect(fecha('cierre-reporte-2')).toBe('2026-07-15');
    expect(fecha('seguimiento-ptep-1')).toBe('2026-05-15');
    expect(fecha('ventana-furag')).toBeNull();
    expect(c.diasAviso).toBe(5);
  });

  it('un día de cierre de la entidad corre sus plazos', async () => {
    const a = await t.exigir(201, admin, 'POST', `/api/entidades/${entidadId}/calendario/ajustes`, {
      fecha: '2026-07-02',
      tipo: 'festivo',
      nombre: 'Cierre por inventario anual',
    });
    expect((await evento('cierre-reporte-2'))?.fecha).toBe('2026-07-16');
    await t.exigir(204, admin, 'DELETE', `/api/entidades/${entidadId}/calendario/ajustes/${a.id}`);
  });

  it('la ventana FURAG que registra la plataforma (de la vigencia anterior) va al calendario de todas las entidades', async () => {
    // Without dates the calendar does not invent them: the event says «por confirmar».
    expect((await evento('ventana-furag'))?.fecha).toBeNull();
    const cuerpo = {
      inicio: '2026-03-03',
      fin: '2026-04-17',
      fuente: 'Circular 100-011-2025 de Función Pública',
    };
    expect((await t.pedir(admin, 'PUT', '/api/calendario/furag/2025', cuerpo)).statusCode).toBe(403);
    await t.exigir(200, t.admin, 'PUT', '/api/calendario/furag/2025', cuerpo);
    expect(await evento('ventana-furag')).toMatchObject({ fecha: '2026-04-17', desde: '2026-03-03' });
    const otra = await leer(adminOtra, otraId);
    expect(otra.eventos.find((e) => e.clave === 'ventana-furag')?.fecha).toBe('2026-04-17');
    await t.exigir(200, t.admin, 'DELETE', '/api/calendario/furag/2025');
  });
});

describe('la entidad edita su calendario', () => {
  it('mueve una sesión del CIGD con justificación, queda en la auditoría y se puede deshacer', async () => {
    const desde = await ultimaAuditoria(t);
    const movido = await t.exigir(200, planeacion, 'PUT', `${url()}/eventos/sesion-cigd-1`, {
      fecha: '2026-03-20',
      justificacion: 'Convocada por la gerencia',
    });
    expect(movido).toMatchObject({ fecha: '2026-03-20', fechaRegla: '2026-03-31', edicion: 'movido' });
    const [registro] = await auditoriaDesde(t, desde, 'evento_calendario', '2026/sesion-cigd-1');
    expect(registro).toMatchObject({ accion: 'mover', entidadId });
    expect(registro!.despues).toMatchObject({
      justificacion: 'Convocada por la gerencia',
      fecha: '2026-03-20',
    });
    await t.exigir(204, planeacion, 'DELETE', `${url()}/eventos/sesion-cigd-1`);
    expect(await evento('sesion-cigd-1')).toMatchObject({ fecha: '2026-03-31', edicion: null });
    expect((await t.pedir(planeacion, 'DELETE', `${url()}/eventos/sesion-cigd-1`)).statusCode).toBe(404);
  });

  it('quitar pide justificación; dos a la vez: uno quita y el otro recibe 409', async () => {
    const sinMotivo = await t.pedir(admin, 'POST', `${url()}/eventos/evaluacion-independiente-1/quitar`, {
      justificacion: ' ',
    });
    expect(sinMotivo.statusCode).toBe(400);
    expect(sinMotivo.json().campos[0]).toMatchObject({ campo: 'justificacion' });
    const cuerpo = { justificacion: 'La entidad no tiene oficina de control interno propia' };
    const r = resultado(
      await aLaVez(
        () => t.pedir(admin, 'POST', `${url()}/eventos/evaluacion-independiente-1/quitar`, cuerpo),
        () => t.pedir(planeacion, 'POST', `${url()}/eventos/evaluacion-independiente-1/quitar`, cuerpo),
      ),
    );
    expect(r.estados.sort()).toEqual([204, 409]);
    expect(r.perdedores[0]!.json().mensaje).toMatch(/ya fue quitado/);
    expect(await evento('evaluacion-independiente-1')).toMatchObject({
      edicion: 'quitado',
      justificacion: cuerpo.justificacion,
    });
    // Removed events leave the .ics.
    const ics = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/calendario.ics?anio=2026`))
      .body;
    expect(ics).not.toContain('UID:evaluacion-independiente-1.2026');
    expect(ics).toContain('UID:evaluacion-independiente-2.2026');
  });

  it('agrega un evento propio y lo quita; un evento que no existe es 404', async () => {
    const nuevo = await t.exigir(201, admin, 'POST', `${url()}/eventos`, {
      titulo: 'Feria de servicio al ciudadano',
      tipo: 'otro',
      fecha: '2026-08-14',
      responsables: ['planeacion'],
      justificacion: 'Compromiso del plan de participación',
    });
    expect(nuevo).toMatchObject({ origen: 'entidad', fecha: '2026-08-14' });
    expect((await evento(nuevo.clave))?.titulo).toBe('Feria de servicio al ciudadano');
    await t.exigir(200, admin, 'PUT', `${url()}/eventos/${nuevo.clave}`, {
      fecha: '2026-08-21',
      justificacion: 'Se cruzaba con el festival',
    });
    expect((await evento(nuevo.clave))?.fecha).toBe('2026-08-21');
    await t.exigir(204, admin, 'POST', `${url()}/eventos/${nuevo.clave}/quitar`, {
      justificacion: 'Se canceló',
    });
    expect(await evento(nuevo.clave)).toBeUndefined();
    expect(
      (
        await t.pedir(admin, 'PUT', `${url()}/eventos/no-existe`, {
          fecha: '2026-05-05',
          justificacion: 'Prueba de 404',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('un dato inválido nombra el campo y no escribe nada', async () => {
    const antes = await leer();
    const r = await t.pedir(admin, 'POST', `${url()}/eventos`, {
      titulo: 'x',
      tipo: 'fiesta',
      fecha: '2026-02-30',
      responsables: [],
      justificacion: '',
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .campos.map((c: { campo: string }) => c.campo)
        .sort(),
    ).toEqual(['fecha', 'justificacion', 'responsables', 'tipo', 'titulo']);
    expect(await leer()).toEqual(antes);
  });

  it('consulta lee pero no edita; otra entidad no ve ni edita', async () => {
    const cuerpo = { fecha: '2026-03-20', justificacion: 'Intento sin permiso' };
    expect((await t.pedir(consulta, 'PUT', `${url()}/eventos/sesion-cigd-1`, cuerpo)).statusCode).toBe(403);
    expect((await t.pedir(adminOtra, 'PUT', `${url()}/eventos/sesion-cigd-1`, cuerpo)).statusCode).toBe(403);
    expect((await t.pedir(adminOtra, 'GET', url())).statusCode).toBe(403);
    expect((await t.pedir(adminOtra, 'GET', `/api/entidades/${entidadId}/calendario.ics`)).statusCode).toBe(
      403,
    );
  });

  it('los días de aviso se configuran entre 1 y 30', async () => {
    const aviso = `/api/entidades/${entidadId}/calendario-legal/aviso`;
    expect((await t.pedir(admin, 'PUT', aviso, { diasAviso: 0 })).statusCode).toBe(400);
    expect((await t.pedir(admin, 'PUT', aviso, { diasAviso: 1e9 })).json().campos[0].campo).toBe('diasAviso');
    await t.exigir(200, admin, 'PUT', aviso, { diasAviso: 8 });
    expect((await leer()).diasAviso).toBe(8);
    await t.exigir(200, admin, 'PUT', aviso, { diasAviso: 5 });
  });
});

describe('iCalendar y suscripción', () => {
  it('el .ics es un VCALENDAR válido: un VEVENT por plazo con fecha, UID estables, líneas plegadas', async () => {
    const r = await t.pedir(consulta, 'GET', `/api/entidades/${entidadId}/calendario.ics?anio=2026`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = r.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const linea of ics.split('\r\n')) expect(Buffer.byteLength(linea)).toBeLessThanOrEqual(75);
    const desplegado = ics.replace(/\r\n /g, '');
    const { eventos } = await leer();
    const conFecha = eventos.filter((e) => e.fecha && e.edicion !== 'quitado');
    expect(desplegado.match(/BEGIN:VEVENT/g)).toHaveLength(conFecha.length);
    expect(desplegado).toContain(`UID:cierre-reporte-2.2026.${entidadId}@mipg-abierto`);
    expect(desplegado).toMatch(
      /DTSTART;VALUE=DATE:20260630\r\nDTEND;VALUE=DATE:20260716\r\nSUMMARY:Cierra el reporte del trimestre 2 2026/,
    );
    // Commas and semicolons of the texts are escaped.
    expect(desplegado).toContain('PINAR\\, PAA');
    // The same export twice keeps its UIDs.
    const otra = (await t.pedir(consulta, 'GET', `/api/entidades/${entidadId}/calendario.ics?anio=2026`))
      .body;
    const uids = (s: string) => s.replace(/\r\n /g, '').match(/^UID:.*$/gm);
    expect(uids(otra)).toEqual(uids(ics));
  });

  it('el enlace de suscripción sirve sin sesión hasta que se revoca o se crea otro', async () => {
    const s = await t.exigir(201, consulta, 'POST', `/api/entidades/${entidadId}/calendario/suscripcion`);
    const camino = new URL(s.url).pathname;
    expect(camino).toMatch(/^\/api\/calendario\/suscripciones\/[\w-]{40,}\/calendario\.ics$/);
    const r = await t.pedir(null, 'GET', camino);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('BEGIN:VEVENT');
    expect((await leer(consulta)).eventos.length).toBeGreaterThan(0);
    expect(
      ((await t.exigir(200, consulta, 'GET', url())) as { suscripcion: unknown }).suscripcion,
    ).not.toBeNull();
    // A new link retires the old one.
    const s2 = await t.exigir(201, consulta, 'POST', `/api/entidades/${entidadId}/calendario/suscripcion`);
    expect((await t.pedir(null, 'GET', camino)).statusCode).toBe(404);
    const camino2 = new URL(s2.url).pathname;
    expect((await t.pedir(null, 'GET', camino2)).statusCode).toBe(200);
    await t.exigir(204, consulta, 'DELETE', `/api/entidades/${entidadId}/calendario/suscripcion`);
    expect((await t.pedir(null, 'GET', camino2)).statusCode).toBe(404);
    expect(
      (await t.pedir(consulta, 'DELETE', `/api/entidades/${entidadId}/calendario/suscripcion`)).statusCode,
    ).toBe(404);
    const [registro] = await auditoriaDesde(t, 0, 'suscripcion_calendario');
    expect(registro).toMatchObject({ accion: 'crear', entidadId });
  });

  it('un enlace inventado o mal formado no revela nada', async () => {
    expect(
      (await t.pedir(null, 'GET', `/api/calendario/suscripciones/${'a'.repeat(43)}/calendario.ics`))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.pedir(null, 'GET', '/api/calendario/suscripciones/%3Cx%3E/calendario.ics')).statusCode,
    ).toBe(400);
  });
});
