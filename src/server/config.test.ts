import { describe, expect, it } from 'vitest';
import { leerConfig } from './config.ts';

const SMTP = {
  MIPG_SMTP_URL: 'smtp://usuario:clave@correo.entidad.gov.co:587',
  MIPG_CORREO_REMITENTE: 'mipg@entidad.gov.co',
  MIPG_URL_PUBLICA: 'https://mipg.entidad.gov.co/',
};

describe('configuración del correo', () => {
  it('sin MIPG_SMTP_URL el correo queda desactivado y el resumen a las 7', () => {
    expect(leerConfig({})).toMatchObject({ correo: null, resumenHora: 7 });
  });

  it('con las tres variables queda activo, sin la barra final de la dirección pública', () => {
    expect(leerConfig({ ...SMTP, MIPG_RESUMEN_HORA: '6' })).toMatchObject({
      correo: {
        smtpUrl: SMTP.MIPG_SMTP_URL,
        remitente: 'mipg@entidad.gov.co',
        urlPublica: 'https://mipg.entidad.gov.co',
      },
      resumenHora: 6,
    });
  });

  it.each([
    [
      { ...SMTP, MIPG_SMTP_URL: 'http://correo.entidad.gov.co' },
      'La variable MIPG_SMTP_URL debe ser la dirección',
    ],
    [
      { ...SMTP, MIPG_CORREO_REMITENTE: '' },
      'La variable MIPG_CORREO_REMITENTE (obligatoria con MIPG_SMTP_URL) debe ser el correo',
    ],
    [{ ...SMTP, MIPG_CORREO_REMITENTE: 'a@b.co\r\nBcc: x@y.co' }, 'MIPG_CORREO_REMITENTE'],
    [
      { ...SMTP, MIPG_URL_PUBLICA: 'mipg.entidad.gov.co' },
      'La variable MIPG_URL_PUBLICA (obligatoria con MIPG_SMTP_URL) debe ser la dirección',
    ],
    [{ MIPG_RESUMEN_HORA: '25' }, 'La variable MIPG_RESUMEN_HORA debe ser la hora'],
  ])('un valor inválido se explica en español (%#)', (env, mensaje) => {
    expect(() => leerConfig(env)).toThrow(mensaje);
  });
});
