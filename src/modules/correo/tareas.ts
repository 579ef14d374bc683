// The server process's e-mail worker: every few seconds it sends due outbox rows and, after the digest hour,
// the day's digests. One timer at a time (the next is set when a round ends), stopped by app.close().
import type { FastifyInstance } from 'fastify';
import { hoyEnColombia } from '../../core/calendario.ts';
import { horaEnColombia } from '../../core/correo.ts';
import { tareaPeriodica } from '../../server/tarea-periodica.ts';
import { type Correo, type OpcionesEnvio, procesarLote } from './correo.service.ts';
import { enviarResumenes } from './resumen.service.ts';

export interface OpcionesTareas extends OpcionesEnvio {
  intervaloMs: number;
  resumenHora: number;
}

export function iniciarTareasCorreo(app: FastifyInstance, correo: Correo, opciones: OpcionesTareas) {
  let diaHecho = '';
  tareaPeriodica(
    app,
    opciones.intervaloMs,
    async (detenido) => {
      try {
        // A full batch may mean more are waiting: go on without waiting for the next tick.
        while (!detenido()) {
          const r = await procesarLote(app.db, correo, opciones);
          if (r.fallidos) app.log.warn({ fallidos: r.fallidos }, 'correos no enviados; se reintentarán');
          if (r.tomados < (opciones.max ?? 20)) break;
        }
        const dia = hoyEnColombia();
        if (!detenido() && diaHecho !== dia && horaEnColombia() >= opciones.resumenHora) {
          // Nobody left today (here or in another server): no more asking until tomorrow.
          if ((await enviarResumenes(app.db, correo, opciones.resumenHora)) === 0) diaHecho = dia;
        }
      } catch (e) {
        if (!detenido()) app.log.error({ err: e }, 'falla del envío de correos');
      }
    },
    () => correo.transporte.close?.(),
  );
}
