// «Crear acción de mejora»: a gap of an autodiagnóstico (an answered item scoring under the threshold) becomes an
// activity of the plan in borrador (planeación) or a proposal (the policy's responsible, or planeación), tagged
// with the autodiagnóstico's policy and linked both ways: the activity or proposal keeps its autodiagnóstico and
// item; the autodiagnóstico's detail lists, per gap, what came out of it. The conversion and the links are
// Función Pública's recommendations' too (modules/plan/origenes.service.ts).
import { eq } from 'drizzle-orm';
import type { ActividadEntrada } from '../../contrato/plan.ts';
import { problemasAccionMejora } from '../../core/autodiagnostico.ts';
import { brechas, type ContextoEntidad, type Cuestionario, recorrer } from '../../core/cuestionario.ts';
import type { Db } from '../../db/client.ts';
import { autodiagnostico } from '../../db/schema.ts';
import { conflicto, invalido, invalidos, noEncontrado } from '../../server/errores.ts';
import type { Actor } from '../auditoria/auditoria.repository.ts';
import { actividadDeOrigen } from '../plan/origenes.service.ts';
import { proponerActividad } from '../plan/propuestas.service.ts';
import { cargar, contextoDe, respuestasDe, soloRespuestas } from './autodiagnosticos.service.ts';
import { estructuraDe } from './cuestionarios.service.ts';

type Cargado = Awaited<ReturnType<typeof cargar>>;

/** The item's gap now, or null when it is not one (blank, «no aplica», hidden or at or above the threshold). */
async function brechaActual(db: Db, f: Cargado, entidadCtx: ContextoEntidad, item: string, umbral: number) {
  const respuestas = soloRespuestas((await respuestasDe(db, [f.a.id])).get(f.a.id)!);
  return (
    brechas(estructuraDe(f.c) as Cuestionario, respuestas, umbral, entidadCtx).find((b) => b.item === item) ??
    null
  );
}

/** The autodiagnóstico, its item and gap, checked before any write: 404 / 400 in Spanish. */
async function exigirBrecha(
  db: Db,
  entidadId: string,
  autodiagnosticoId: string,
  item: string,
  umbral: number,
  vigenciaPlan: number,
  entrada: ActividadEntrada,
) {
  const [f, entidadCtx] = await Promise.all([
    cargar(db, entidadId, autodiagnosticoId),
    contextoDe(db, entidadId),
  ]);
  if (!recorrer(estructuraDe(f.c) as Cuestionario).some((x) => x.item.codigo === item))
    throw noEncontrado(`el ítem «${item}» en el cuestionario`);
  const problemas = problemasAccionMejora(f.a, vigenciaPlan, entrada.politica);
  if (problemas.length) throw invalidos(problemas);
  const b = await brechaActual(db, f, entidadCtx, item, umbral);
  if (!b)
    throw invalido(
      'item',
      `el ítem «${item}» no es una brecha: solo un ítem respondido con puntaje menor que ${umbral} se convierte en acción de mejora`,
    );
  return { f, entidadCtx, brecha: b };
}

/**
 * Inside the conversion's transaction, first: holds the autodiagnóstico (for share) until commit, so an answer
 * cannot change meanwhile (saving one updates that row); if it already changed and the item is no longer a
 * gap, 409.
 */
const sostenerBrecha =
  (f: Cargado, entidadCtx: ContextoEntidad, item: string, umbral: number) => async (tx: Db) => {
    await tx
      .select({ id: autodiagnostico.id })
      .from(autodiagnostico)
      .where(eq(autodiagnostico.id, f.a.id))
      .for('share');
    if (!(await brechaActual(tx, f, entidadCtx, item, umbral)))
      throw conflicto(
        `La respuesta del ítem «${item}» cambió y ya no es una brecha. Recargue el autodiagnóstico.`,
      );
  };

/** Planeación puts the gap straight into the plan in borrador, as a linked activity. */
export async function brechaEnActividad(
  db: Db,
  actor: Actor,
  entidadId: string,
  autodiagnosticoId: string,
  item: string,
  umbral: number,
  vigencia: number,
  entrada: ActividadEntrada,
) {
  const { f, entidadCtx, brecha } = await exigirBrecha(
    db,
    entidadId,
    autodiagnosticoId,
    item,
    umbral,
    vigencia,
    entrada,
  );
  return actividadDeOrigen(db, actor, entidadId, vigencia, entrada, {
    brecha: { autodiagnosticoId, item },
    sostener: sostenerBrecha(f, entidadCtx, item, umbral),
    auditoria: {
      accion: 'convertir_brecha',
      recurso: 'autodiagnostico',
      recursoId: `${autodiagnosticoId}:${item}`,
      despues: { item, puntaje: brecha.puntaje },
    },
  });
}

/**
 * A proposal that answers the gap: the policy's responsible (of the plan's vigencia), or planeación, under the
 * proposals' rules (plan in borrador, pending cap, planeación notified).
 */
export async function brechaEnPropuesta(
  db: Db,
  actor: Actor & { usuarioId: string },
  esPlaneacion: boolean,
  entidadId: string,
  autodiagnosticoId: string,
  item: string,
  umbral: number,
  vigencia: number,
  entrada: ActividadEntrada,
) {
  const { f, entidadCtx } = await exigirBrecha(
    db,
    entidadId,
    autodiagnosticoId,
    item,
    umbral,
    vigencia,
    entrada,
  );
  return proponerActividad(db, actor, entidadId, vigencia, entrada, {
    brecha: { autodiagnosticoId, item },
    deCualquierPolitica: esPlaneacion,
    sostener: sostenerBrecha(f, entidadCtx, item, umbral),
  });
}
