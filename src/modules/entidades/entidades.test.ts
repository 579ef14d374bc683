import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const contarEntidades = async () => (await t.pedir(t.admin, 'GET', '/api/entidades')).json().length as number;

describe('registro de entidades', () => {
  it('crea una entidad con NIT válido y lo presenta con su dígito', async () => {
    const r = await t.pedir(t.admin, 'POST', '/api/entidades', {
      nombre: 'E.S.E. Hospital de Prueba',
      nit: '846.000.253-6',
      divipola: '86001',
      orden: 'municipal',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      nombre: 'E.S.E. Hospital de Prueba',
      nit: '846000253-6',
      divipola: '86001',
    });
  });

  it.each([
    ['846000253-5', 'debe ser 6, no 5'],
    ['846000253', 'dígito de verificación'],
    ['ABC', 'dígito de verificación'],
  ])('rechaza el NIT %s en español, nombrando el campo, sin escribir nada', async (nit, fragmento) => {
    const antes = await contarEntidades();
    const r = await t.pedir(t.admin, 'POST', '/api/entidades', { nombre: 'Alcaldía de Prueba', nit });
    expect(r.statusCode).toBe(400);
    const cuerpo = r.json();
    expect(cuerpo.campos).toEqual([expect.objectContaining({ campo: 'nit' })]);
    expect(cuerpo.campos[0].mensaje).toContain(fragmento);
    expect(cuerpo.mensaje).toContain('«nit»');
    expect(await contarEntidades()).toBe(antes);
  });

  it('un NIT repetido da 409 en español', async () => {
    const r = await t.pedir(t.admin, 'POST', '/api/entidades', { nombre: 'Otra', nit: '846000253-6' });
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('Ya existe una entidad registrada con el NIT 846000253');
  });

  it('el administrador de la entidad edita su perfil y el cambio queda auditado con antes y después', async () => {
    const id = await t.crearEntidad('Alcaldía de Mocoa', '800091594-4');
    const admin = await t.usuarioCon(id, ['admin_entidad']);
    const r = await t.pedir(admin, 'PUT', `/api/entidades/${id}`, {
      nombre: 'Alcaldía Municipal de Mocoa',
      nit: '800091594-4',
      correo: 'contacto@mocoa.example',
      sitioWeb: 'https://mocoa.example',
      tipoFormulario: 'MIPG',
    });
    expect(r.statusCode).toBe(200);
    const audit = (await t.pedir(admin, 'GET', `/api/entidades/${id}/auditoria?recurso=entidad`)).json();
    const cambio = audit.registros.find((x: { accion: string }) => x.accion === 'actualizar');
    expect(cambio.antes.nombre).toBe('Alcaldía de Mocoa');
    expect(cambio.despues.nombre).toBe('Alcaldía Municipal de Mocoa');
    expect(cambio.usuarioCorreo).toMatch(/@prueba\.example$/);
  });

  it('código SIGEP y órgano que aprueba: por omisión el CIGD; un formulario que no los envía no los borra', async () => {
    const id = await t.crearEntidad('E.S.E. Hospital de Sibundoy', '800099223-3');
    expect(await t.exigir(200, t.admin, 'GET', `/api/entidades/${id}`)).toMatchObject({
      codigoSigep: null,
      organoAprobacion: 'cigd',
    });
    const base = { nombre: 'E.S.E. Hospital de Sibundoy', nit: '800099223-3' };
    await t.exigir(200, t.admin, 'PUT', `/api/entidades/${id}`, {
      ...base,
      codigoSigep: '4321',
      organoAprobacion: 'junta_directiva',
    });
    await t.exigir(200, t.admin, 'PUT', `/api/entidades/${id}`, { ...base, telefono: '608 4200000' });
    expect(await t.exigir(200, t.admin, 'GET', `/api/entidades/${id}`)).toMatchObject({
      codigoSigep: '4321',
      organoAprobacion: 'junta_directiva',
    });
    const otra = await t.crearEntidad('Alcaldía de Sibundoy', '800102891-6');
    const repetido = await t.pedir(t.admin, 'PUT', `/api/entidades/${otra}`, {
      nombre: 'Alcaldía de Sibundoy',
      nit: '800102891-6',
      codigoSigep: '4321',
    });
    expect(repetido.statusCode).toBe(409);
    expect(repetido.json().campos[0]).toEqual({
      campo: 'codigoSigep',
      mensaje: 'ya está registrado para otra entidad',
    });
    const malos = await t.pedir(t.admin, 'PUT', `/api/entidades/${otra}`, {
      nombre: 'Alcaldía de Sibundoy',
      nit: '800102891-6',
      codigoSigep: 'SIGEP-12',
      organoAprobacion: 'asamblea',
    });
    expect(malos.statusCode).toBe(400);
    expect(
      malos
        .json()
        .campos.map((c: { campo: string }) => c.campo)
        .sort(),
    ).toEqual(['codigoSigep', 'organoAprobacion']);
  });

  it('campos de contacto mal escritos se explican por campo', async () => {
    const id = await t.crearEntidad('Gobernación de Prueba', '899999001-7');
    const r = await t.pedir(t.admin, 'PUT', `/api/entidades/${id}`, {
      nombre: 'Gobernación de Prueba',
      nit: '899999001-7',
      correo: 'no-es-correo',
      divipola: '861',
    });
    expect(r.statusCode).toBe(400);
    const campos = r
      .json()
      .campos.map((c: { campo: string }) => c.campo)
      .sort();
    expect(campos).toEqual(['correo', 'divipola']);
  });
});
