// What the server checks on a report, checked in the browser first with the same rules and the same Spanish
// messages: the contract's schema, core's value rule and, when sending, the over-execution rule.
import { SeguimientoEntradaSchema } from '@contrato/seguimiento.ts';
import { valorReportado } from '@core/seguimiento.ts';
import { problemaSobreejecucion, type RangosSemaforo } from '@core/semaforo.ts';
import { type CampoInvalido, ErrorApi } from '../../api.ts';
import type { DatosReporte } from './api.ts';
import '../../zod-es.ts';

export interface ContextoReporte {
  /** The activity's accumulation (suma, porcentaje, hito…), its unit and the period's target. */
  tipo: string;
  unidad: string;
  metaPeriodo: number;
  rangos: RangosSemaforo;
}

/**
 * Every problem of the report on the screen at once, as the API's 400 would list them (an ErrorApi with its
 * fields), or null when it can go. Saving a draft does not ask for the over-execution's justification;
 * sending does.
 */
export function problemasReporte(
  datos: DatosReporte,
  accion: 'guardar' | 'enviar',
  c: ContextoReporte,
): ErrorApi | null {
  const r = SeguimientoEntradaSchema.safeParse(datos);
  const campos: CampoInvalido[] = r.success
    ? []
    : r.error.issues.map((i) => ({ campo: i.path.join('.'), mensaje: i.message }));
  const numerosBien = !campos.some((x) => ['valor', 'numerador', 'denominador'].includes(x.campo));
  if (numerosBien) {
    const v = valorReportado(datos);
    if (!v.ok) campos.push({ campo: v.campo, mensaje: v.mensaje });
    else if (accion === 'enviar') {
      const problema = problemaSobreejecucion(
        { ...c, valor: v.valor, justificacion: datos.justificacionSobreejecucion },
        c.rangos,
      );
      if (problema) campos.push({ campo: 'justificacionSobreejecucion', mensaje: problema });
    }
  }
  // Worded as the server's 400 (its keys quoted), so the screen shows it the same way: by the fields' labels.
  const mensaje = `Revise los datos: ${campos.map((x) => `«${x.campo}»: ${x.mensaje}`).join('; ')}.`;
  return campos.length ? new ErrorApi(400, mensaje, campos) : null;
}
