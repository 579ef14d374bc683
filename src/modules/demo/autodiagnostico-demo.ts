// The demo's example autodiagnóstico of talento humano: this year's, half answered, and last year's, answered
// and reviewed, so the results page compares this year's with an earlier vigencia (bars, radar and table). The
// questionnaire is the same example, «ejemplo, no oficial», loaded for each vigencia as an entity would load each
// year's instrument.
import { eq } from 'drizzle-orm';
import type { Respuesta } from '../../core/cuestionario.ts';
import type { Db } from '../../db/client.ts';
import { autodiagnostico } from '../../db/schema.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { asignarAutodiagnostico, sembrarRespuestas } from '../cuestionarios/autodiagnosticos.service.ts';
import { EJEMPLO_CUESTIONARIO } from '../cuestionarios/cuestionario-xlsx.ts';
import { guardarCuestionario, leerFormato } from '../cuestionarios/cuestionarios.service.ts';

/** This year's, half answered by its responsible: the score shows beside a completeness well under 100 %. */
export const RESPUESTAS_DEMO: Record<string, { respuesta: Respuesta; observacion?: string }> = {
  'EJ-01': {
    respuesta: { puntaje: 70 },
    observacion: 'La caracterización de la planta se actualizó en marzo.',
  },
  'EJ-03': { respuesta: { opcion: 'en_proceso' }, observacion: 'El plan está en revisión del comité.' },
  'EJ-04': { respuesta: { opciones: ['pic', 'sst'] } },
  'EJ-06': { respuesta: { numero: 14.5 } },
  'EJ-08': { respuesta: { texto: 'La disponibilidad de los servidores del servicio de urgencias.' } },
  'EJ-09': { respuesta: { puntaje: 55 }, observacion: 'Faltan las evaluaciones de dos servicios.' },
};

// Last year's, lower: the plan estratégico did not exist yet and the planta was barely characterised.
const RESPUESTAS_ANTERIORES: Record<string, { respuesta: Respuesta; observacion?: string }> = {
  'EJ-01': { respuesta: { puntaje: 40 }, observacion: 'La caracterización tenía datos de hace tres años.' },
  'EJ-02': { respuesta: { puntaje: 30 } },
  'EJ-03': { respuesta: { opcion: 'no' }, observacion: 'El plan se formula el año siguiente.' },
  'EJ-06': { respuesta: { numero: 8 } },
  'EJ-09': { respuesta: { puntaje: 35 } },
};

/**
 * The example questionnaire («ejemplo, no oficial») loaded as the entity's own for `vigencia`, assigned as its
 * autodiagnóstico of talento humano and answered by the policy's responsible.
 */
export async function sembrarAutodiagnosticoEjemplo(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  responsable: string,
  respuestas = RESPUESTAS_DEMO,
) {
  const ejemplo = leerFormato({ ...EJEMPLO_CUESTIONARIO, vigencia });
  if (!ejemplo.ok) throw new Error(`el cuestionario de ejemplo no es válido: ${ejemplo.mensaje}`);
  const cuestionarioId = await guardarCuestionario(db, actor, entidadId, ejemplo.cuestionario);
  const auto = await asignarAutodiagnostico(db, actor, entidadId, cuestionarioId);
  await sembrarRespuestas(db, { ...actor, usuarioId: responsable }, entidadId, auto.id, respuestas);
  return auto.id;
}

/** Last year's, answered, sent by its responsible and reviewed by planeación that year. */
export async function sembrarAutodiagnosticoAnterior(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  personas: { responsable: string; planeacion: string },
) {
  const id = await sembrarAutodiagnosticoEjemplo(
    db,
    actor,
    entidadId,
    vigencia,
    personas.responsable,
    RESPUESTAS_ANTERIORES,
  );
  await db.transaction(async (tx) => {
    await tx
      .update(autodiagnostico)
      .set({
        estado: 'revisado',
        enviadoEn: new Date(`${vigencia}-11-14T15:00:00Z`),
        revisadoPor: personas.planeacion,
        revisadoEn: new Date(`${vigencia}-11-28T15:00:00Z`),
      })
      .where(eq(autodiagnostico.id, id));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'revisar',
      recurso: 'autodiagnostico',
      recursoId: id,
      antes: { estado: 'borrador' },
      despues: { estado: 'revisado' },
    });
  });
}
