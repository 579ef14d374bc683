// Importing people: the template's drop-down of roles, all or nothing with the report, and each new person's
// set-password link by e-mail through the outbox and a real local SMTP server.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escribirZip } from '../../core/zip-prueba.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { procesarLote } from '../correo/correo.service.ts';
import { iniciarSmtpPrueba, type SmtpPrueba } from '../correo/smtp-prueba.ts';
import { hojaHastaLaUltimaFila } from './hoja-prueba.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let smtp: SmtpPrueba;
let t: AppPrueba;
let entidadId: string;
let admin: Sesion;
beforeAll(async () => {
  smtp = await iniciarSmtpPrueba();
  t = await crearAppPrueba({ correo: smtp.config, intervaloCorreoMs: 0 });
  entidadId = await t.crearEntidad('Alcaldía de Sibundoy', '800102891-6');
  admin = await t.usuarioCon(entidadId, ['admin_entidad'], 'admin.sibundoy@prueba.example');
});
afterAll(async () => {
  await t.cerrar();
  await smtp.cerrar();
});

const importar = (contenido: Buffer, tipo: string, sesion: Sesion = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/entidades/${entidadId}/usuarios/importar`,
    headers: { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf, 'content-type': tipo },
    payload: contenido,
  });
const correos = async () =>
  ((await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/usuarios`)).json() as { correo: string }[])
    .map((u) => u.correo)
    .sort();
/** A CSV as Excel saves it on Windows in Colombia: «;» and Windows-1252. */
const csv1252 = (texto: string) =>
  Buffer.from(
    [...texto].map((c) => (c === 'í' ? 0xed : c === 'ó' ? 0xf3 : c === 'ñ' ? 0xf1 : c.charCodeAt(0))),
  );

describe('importar personas', () => {
  it('la plantilla trae la lista desplegable de roles; la llena crea las cuentas y envía el enlace a cada una', async () => {
    const plantilla = await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/usuarios/plantilla.xlsx`);
    expect(plantilla.statusCode).toBe(200);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(plantilla.rawPayload as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Personas')!;
    expect(hoja.getRow(1).values).toEqual([undefined, 'Nombre', 'Correo', 'Roles', 'Cargo']);
    expect(hoja.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    const listas = libro.getWorksheet('Listas válidas')!;
    expect(listas.getColumn(1).values).toContain('Responsable de actividad (1.ª línea)');
    hoja.addRow([
      'Rosa Jacanamejoy',
      'Rosa.J@prueba.example',
      'Responsable de actividad (1.ª línea)',
      'Técnica',
    ]);
    hoja.addRow(['Jaime Chindoy', 'jaime@prueba.example', 'Consulta, planeacion', null]);
    const r = await importar(Buffer.from(await libro.xlsx.writeBuffer()), XLSX);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ importadas: 2, correoEnviado: true, enlaces: [] });
    expect(await correos()).toEqual([
      'admin.sibundoy@prueba.example',
      'jaime@prueba.example',
      'rosa.j@prueba.example',
    ]);
    await procesarLote(t.conexion.db, t.app.correo!, { espera: () => 0 });
    const llegados = smtp.recibidos.filter((m) => m.para.includes('rosa.j@prueba.example'));
    expect(llegados).toHaveLength(1);
    expect(llegados[0]!.texto).toContain('token=');
    const auditoria = JSON.stringify(
      (await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/auditoria`)).json(),
    );
    expect(auditoria).toContain('jaime@prueba.example');
  });

  it('un CSV de Excel (Windows-1252, «;») con un problema no crea a nadie y el informe dice fila, columna y problema', async () => {
    const r = await importar(
      csv1252(
        'Nombre;Correo;Roles;Cargo\r\nMaría Muñoz;maria@prueba.example;Consulta;Auxiliar\r\nOtra María;MARIA@prueba.example;Consulta;\r\nRosa otra vez;rosa.j@prueba.example;Consulta;\r\nLu;luis@prueba.example;Alcalde;\r\n',
      ),
      'text/csv',
    );
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: 'validacion',
      mensaje: 'El archivo tiene 4 problemas: no se importó ninguna persona. Corríjalos y vuelva a cargarlo.',
      problemas: [
        { fila: 3, columna: 'Correo', problema: 'maria@prueba.example está repetido (también en la fila 2)' },
        { fila: 4, columna: 'Correo', problema: expect.stringContaining('ya trabaja en la entidad') },
        { fila: 5, columna: 'Nombre', problema: 'escriba el nombre completo' },
        { fila: 5, columna: 'Roles', problema: expect.stringContaining('«Alcalde» no es un rol') },
      ],
    });
    expect(await correos()).not.toContain('maria@prueba.example');
  });

  it('solo el administrador de la entidad importa personas', async () => {
    const planeacion = await t.usuarioCon(entidadId, ['planeacion']);
    const r = await importar(
      Buffer.from('Nombre;Correo;Roles\nAna Ruiz;ana@prueba.example;Consulta\n'),
      'text/csv',
      planeacion,
    );
    expect(r.statusCode).toBe(403);
    expect(await correos()).not.toContain('ana@prueba.example');
  });
});

describe('archivos de personas demasiado grandes', () => {
  it('los mensajes de 413 hablan de personas, no del plan ni de actividades', async () => {
    // 80 MB of spaces compress to ~80 KB: refused by the zip's directory alone.
    const bomba = escribirZip([
      { nombre: '[Content_Types].xml', contenido: Buffer.from('<Types/>') },
      { nombre: 'xl/worksheets/sheet1.xml', contenido: Buffer.alloc(80 * 1024 * 1024, 32) },
    ]);
    const grande = await importar(bomba, XLSX);
    expect(grande.statusCode).toBe(413);
    expect(grande.json().mensaje).toBe(
      'El contenido del archivo .xlsx ocupa más de 64 MB al descomprimirlo: divida la lista de personas en varios archivos.',
    );
    const filas = await importar(await hojaHastaLaUltimaFila('Personas'), XLSX);
    expect(filas.statusCode).toBe(413);
    expect(filas.json().mensaje).toBe(
      'La hoja «Personas» tiene datos en la fila 1.048.576: se admiten como máximo 20.000 filas de personas (hasta la fila 20.001). Borre las filas sobrantes o divida la lista de personas en varios archivos.',
    );
    const csv = await importar(Buffer.from(`Nombre\n${'x\n'.repeat(20_001)}`), 'text/csv');
    expect(csv.statusCode).toBe(413);
    expect(csv.json().mensaje).toBe(
      'El archivo tiene más de 20.000 filas de personas. Divida la lista de personas en varios archivos.',
    );
  });
});

describe('importar personas sin correo configurado', () => {
  it('devuelve el enlace de cada persona nueva para que el administrador se lo entregue', async () => {
    const sinCorreo = await crearAppPrueba();
    try {
      const entidad = await sinCorreo.crearEntidad('Alcaldía de Colón', '800102891-6');
      const adminSin = await sinCorreo.usuarioCon(entidad, ['admin_entidad']);
      const r = await sinCorreo.app.inject({
        method: 'POST',
        url: `/api/entidades/${entidad}/usuarios/importar`,
        headers: { cookie: adminSin.cookie, 'x-csrf-token': adminSin.csrf, 'content-type': 'text/csv' },
        payload: Buffer.from('Nombre,Correo,Roles\nAna Ruiz,ana.ruiz@prueba.example,Consulta\n'),
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toEqual({
        importadas: 1,
        correoEnviado: false,
        enlaces: [
          {
            nombre: 'Ana Ruiz',
            correo: 'ana.ruiz@prueba.example',
            enlaceClave: expect.stringContaining('token='),
          },
        ],
      });
    } finally {
      await sinCorreo.cerrar();
    }
  });
});
