// The words of each e-mail, in one place: plain text, Spanish, the link on a line of its own.
import { VIGENCIA_ENLACE_MS } from '../../core/correo.ts';
import { type Correo, enlaceAbsoluto, type Mensaje } from './correo.service.ts';

const horas = (ms: number) => Math.round(ms / 3_600_000);

export function mensajeBienvenida(
  correo: Correo,
  d: { destinatario: string; nombre: string; entidad: string; camino: string },
): Mensaje {
  return {
    destinatario: d.destinatario,
    asunto: `Active su cuenta en MIPG Abierto — ${d.entidad}`,
    texto: `Hola, ${d.nombre}.\n\n${d.entidad} le dio acceso a MIPG Abierto, la plataforma con la que la entidad planea y hace seguimiento al Modelo Integrado de Planeación y Gestión.\n\nPara entrar, defina su contraseña en este enlace (sirve una sola vez y vence en ${horas(VIGENCIA_ENLACE_MS.invitacion)} horas):\n\n${enlaceAbsoluto(correo, d.camino)}\n\nSu usuario es este correo: ${d.destinatario}`,
  };
}

export function mensajeRestablecer(
  correo: Correo,
  d: { destinatario: string; nombre: string; camino: string; vigenciaMs: number; porAdministrador: boolean },
): Mensaje {
  return {
    destinatario: d.destinatario,
    asunto: 'Restablezca su contraseña de MIPG Abierto',
    texto: `Hola, ${d.nombre}.\n\n${
      d.porAdministrador
        ? 'El administrador de su entidad restableció su contraseña: la anterior ya no sirve y sus sesiones abiertas se cerraron.'
        : 'Alguien (ojalá usted) pidió restablecer la contraseña de esta cuenta. Si no fue usted, ignore este mensaje: su contraseña sigue igual.'
    }\n\nDefina una nueva en este enlace (sirve una sola vez y vence en ${horas(d.vigenciaMs)} ${
      horas(d.vigenciaMs) === 1 ? 'hora' : 'horas'
    }):\n\n${enlaceAbsoluto(correo, d.camino)}`,
  };
}
