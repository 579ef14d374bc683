import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { LOGO_LADO_MAXIMO, LOGO_MAXIMO } from './logo.service.ts';

// Smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let t: AppPrueba;
let entidadId: string;
let admin: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
});
afterAll(() => t.cerrar());

const subir = (cuerpo: Buffer, tipo: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/entidades/${entidadId}/logo`,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': tipo },
    payload: cuerpo,
  });

describe('logo de la entidad', () => {
  it('se carga, se sirve al público con su tipo y el cambio queda auditado', async () => {
    expect((await t.pedir(null, 'GET', `/api/entidades/${entidadId}/logo`)).statusCode).toBe(404);
    expect((await subir(PNG, 'image/png')).statusCode).toBe(204);
    const r = await t.pedir(null, 'GET', `/api/entidades/${entidadId}/logo`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.rawPayload.equals(PNG)).toBe(true);
    expect((await t.pedir(admin, 'GET', `/api/entidades/${entidadId}`)).json().tieneLogo).toBe(true);
    const audit = (
      await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/auditoria?accion=cambiar_logo`)
    ).json();
    expect(audit.total).toBe(1);
  });

  it('un archivo que dice ser imagen pero no lo es se rechaza en español, nombrando el campo', async () => {
    const r = await subir(Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0].campo).toBe('logo');
  });

  it('otro tipo de contenido da 415 y una imagen muy grande 413, ambos en español', async () => {
    const pdf = await subir(Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().mensaje).toContain('application/pdf');
    const grande = await subir(Buffer.concat([PNG, Buffer.alloc(LOGO_MAXIMO)]), 'image/png');
    expect(grande.statusCode).toBe(413);
    expect(grande.json().mensaje).toContain('tamaño máximo');
  });

  it('una imagen que declara más de 4096 × 4096 píxeles (bomba de descompresión) se rechaza nombrando el campo', async () => {
    const bomba = Buffer.from(PNG);
    bomba.writeUInt32BE(100_000, 16); // IHDR width
    bomba.writeUInt32BE(100_000, 20); // IHDR height
    const r = await subir(bomba, 'image/png');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: 'validacion',
      mensaje: 'Revise el campo «logo»: la imagen mide 100000 × 100000 píxeles; el máximo es 4096 × 4096',
      campos: [
        { campo: 'logo', mensaje: 'la imagen mide 100000 × 100000 píxeles; el máximo es 4096 × 4096' },
      ],
    });
    const justa = Buffer.from(PNG);
    justa.writeUInt32BE(LOGO_LADO_MAXIMO, 16);
    expect((await subir(justa, 'image/png')).statusCode).toBe(204);
  });
});
