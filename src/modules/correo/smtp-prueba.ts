// A real SMTP server on a random local port for tests: what nodemailer sends arrives here, decoded.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { ConfigCorreo } from '../../server/config.ts';

export interface Recibido {
  para: string[];
  asunto: string;
  texto: string;
  /** The first link of the platform in the text, as a path (`/definir-clave?token=…`). */
  enlace: string | null;
  crudo: string;
}

export const URL_PUBLICA_PRUEBA = 'https://mipg.prueba.example';

export interface SmtpPrueba {
  recibidos: Recibido[];
  config: ConfigCorreo;
  /** While true the server refuses every message (a 451 at the end of DATA). */
  fallar: boolean;
  /** Waits until `n` messages have arrived (or fails after 5 s). */
  esperar(n: number): Promise<Recibido[]>;
  cerrar(): Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) → text. */
function decodificarPalabras(valor: string): string {
  return valor
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_t, tipo: string, datos: string) =>
      tipo.toLowerCase() === 'b'
        ? Buffer.from(datos, 'base64').toString('utf8')
        : Buffer.from(
            datos
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function decodificar(crudo: string) {
  const [cabeceras = '', ...resto] = crudo.split(/\r?\n\r?\n/);
  const cuerpo = resto.join('\n\n');
  const plegadas = cabeceras.replace(/\r?\n[ \t]+/g, ' ');
  const cabecera = (n: string) => new RegExp(`^${n}:\\s*(.*)$`, 'im').exec(plegadas)?.[1] ?? '';
  const cte = cabecera('content-transfer-encoding').toLowerCase();
  const texto =
    cte === 'base64'
      ? Buffer.from(cuerpo.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(
            cuerpo
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : cuerpo;
  return { asunto: decodificarPalabras(cabecera('subject')), texto: texto.replace(/\r\n/g, '\n') };
}

export async function iniciarSmtpPrueba(): Promise<SmtpPrueba> {
  const recibidos: Recibido[] = [];
  const estado = { fallar: false };
  const servidor = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'prueba' }),
    onData(stream, session, cb) {
      const partes: Buffer[] = [];
      stream.on('data', (d: Buffer) => partes.push(d));
      stream.on('end', () => {
        if (estado.fallar) {
          const e = new Error('Buzón no disponible, intente más tarde') as Error & { responseCode: number };
          e.responseCode = 451;
          return cb(e);
        }
        const crudo = Buffer.concat(partes).toString('latin1');
        const { asunto, texto } = decodificar(crudo);
        const enlace =
          new RegExp(`${URL_PUBLICA_PRUEBA.replaceAll('.', '\\.')}(/\\S*)`).exec(texto)?.[1] ?? null;
        recibidos.push({
          para: session.envelope.rcptTo.map((r) => r.address),
          asunto,
          texto,
          enlace,
          crudo,
        });
        cb();
      });
    },
  });
  await new Promise<void>((ok) => servidor.listen(0, '127.0.0.1', () => ok()));
  const puerto = (servidor.server.address() as AddressInfo).port;
  return {
    recibidos,
    config: {
      smtpUrl: `smtp://usuario:clave@127.0.0.1:${puerto}`,
      remitente: 'mipg@prueba.example',
      urlPublica: URL_PUBLICA_PRUEBA,
    },
    get fallar() {
      return estado.fallar;
    },
    set fallar(v: boolean) {
      estado.fallar = v;
    },
    async esperar(n) {
      const hasta = Date.now() + 5000;
      while (recibidos.length < n) {
        if (Date.now() > hasta) throw new Error(`llegaron ${recibidos.length} correos de ${n}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return recibidos;
    },
    cerrar: () => new Promise<void>((ok) => servidor.close(() => ok())),
  };
}
