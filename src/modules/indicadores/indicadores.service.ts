import { and, asc, eq } from 'drizzle-orm';
import type { IndicadorEntrada, MedicionEntrada } from '../../contrato/indicadores.ts';
import { type Acumulacion, logradoAcumulado } from '../../core/acumulacion.ts';
import { cumplimientoIndicador, valorMedicion } from '../../core/indicador.ts';
import { finitoONulo } from '../../core/numeros.ts';
import { rolesPermiten } from '../../core/roles.ts';
import { nivelSemaforo } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, indicador, medicion, planAccion } from '../../db/schema.ts';
import { ErrorApi, invalido, invalidos, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { problemaPoliticaDeEntidad } from '../catalogo/catalogo.repository.ts';
import { problemasDeAsignacion } from '../plan/plan.service.ts';
import { exigirAbierto, exigirPeriodoAbierto, periodoDe } from '../seguimiento/seguimiento.service.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';

type Indicador = typeof indicador.$inferSelect;

/** The goal type chosen, or the one the unit suggests: a percentage is a rate, which averages. */
const acumulacionDe = (e: IndicadorEntrada): Acumulacion =>
  e.acumulacion ?? (e.unidad.trim() === '%' ? 'promedio' : 'suma');

async function indicadorDeEntidad(db: Db, entidadId: string, indicadorId: string) {
  const [i] = await db
    .select()
    .from(indicador)
    .where(and(eq(indicador.id, indicadorId), eq(indicador.entidadId, entidadId)));
  if (!i) throw noEncontrado('el indicador en esta entidad');
  return i;
}

/** The hoja de vida with every measurement's value, cumplimiento and semáforo (entity's ranges). */
async function hojaDeVida(db: Db, i: Indicador) {
  const [mediciones, v] = await Promise.all([
    db.select().from(medicion).where(eq(medicion.indicadorId, i.id)).orderBy(asc(medicion.periodo)),
    leerVigencia(db, i.entidadId, i.vigencia),
  ]);
  const { creadoEn: _c, entidadId: _e, ...datos } = i;
  const valorAnio = finitoONulo(
    logradoAcumulado(
      i.acumulacion,
      mediciones.map((m) => finitoONulo(m.valor)),
      i.meta,
    ),
  );
  const cumplimientoAnio = cumplimientoIndicador(valorAnio, i.meta, i.polaridad);
  return {
    ...datos,
    lineaBase: finitoONulo(datos.lineaBase),
    acumulado: {
      valor: valorAnio,
      cumplimiento: cumplimientoAnio,
      semaforo: nivelSemaforo(cumplimientoAnio, v.semaforo),
    },
    mediciones: mediciones.map((m) => {
      // A value stored before the bounds (Infinity from a tiny denominator) is shown as «–», not a 500.
      const valor = finitoONulo(m.valor);
      const cumplimiento = cumplimientoIndicador(valor, i.meta, i.polaridad);
      return {
        periodo: m.periodo,
        numerador: m.numerador,
        denominador: finitoONulo(m.denominador),
        valor,
        cumplimiento,
        semaforo: nivelSemaforo(cumplimiento, v.semaforo),
        observacion: m.observacion,
      };
    }),
  };
}

async function validar(db: Db, entidadId: string, e: IndicadorEntrada) {
  const errores = await problemasDeAsignacion(db, entidadId, e);
  // The same rule as the plan's activities: in the catalog, and included in the entity's FURAG form.
  const problema = e.politica && (await problemaPoliticaDeEntidad(db, entidadId, e.vigencia, e.politica));
  if (problema) errores.push({ campo: 'politica', mensaje: problema });
  if (errores.length) throw invalidos(errores);
}

const codigoRepetido = (codigo: string) =>
  new ErrorApi(409, `Ya hay un indicador con el código ${codigo} en esta vigencia.`, [
    { campo: 'codigo', mensaje: `el código ${codigo} ya está en uso` },
  ]);

/** The entity's indicators of a vigencia, each with its measurements. */
export async function listarIndicadores(db: Db, entidadId: string, vigencia: number) {
  const filas = await db
    .select()
    .from(indicador)
    .where(and(eq(indicador.entidadId, entidadId), eq(indicador.vigencia, vigencia)))
    .orderBy(asc(indicador.codigo));
  return Promise.all(filas.map((i) => hojaDeVida(db, i)));
}

/** One indicator's hoja de vida and the activities that feed it. */
export async function leerIndicador(db: Db, entidadId: string, indicadorId: string) {
  const i = await indicadorDeEntidad(db, entidadId, indicadorId);
  const actividades = await db
    .select({ id: actividad.id, codigo: actividad.codigo, nombre: actividad.nombre })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(actividad.indicadorId, i.id), eq(planAccion.entidadId, i.entidadId)))
    .orderBy(asc(actividad.codigo));
  return { ...(await hojaDeVida(db, i)), actividades };
}

export async function crearIndicador(db: Db, actor: Actor, entidadId: string, entrada: IndicadorEntrada) {
  await validar(db, entidadId, entrada);
  const creado = await db.transaction(async (tx) => {
    const [otro] = await tx
      .select({ id: indicador.id })
      .from(indicador)
      .where(
        and(
          eq(indicador.entidadId, entidadId),
          eq(indicador.vigencia, entrada.vigencia),
          eq(indicador.codigo, entrada.codigo),
        ),
      );
    if (otro) throw codigoRepetido(entrada.codigo);
    const [i] = await tx
      .insert(indicador)
      .values({ ...entrada, acumulacion: acumulacionDe(entrada), entidadId })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'indicador',
      recursoId: i!.id,
      despues: entrada,
    });
    return i!;
  });
  return hojaDeVida(db, creado);
}

export async function actualizarIndicador(
  db: Db,
  actor: Actor,
  entidadId: string,
  indicadorId: string,
  entrada: IndicadorEntrada,
) {
  const antes = await indicadorDeEntidad(db, entidadId, indicadorId);
  await validar(db, entidadId, entrada);
  if (entrada.vigencia !== antes.vigencia)
    throw invalido('vigencia', 'un indicador no cambia de vigencia; cree uno en la nueva');
  const [otro] = await db
    .select({ id: indicador.id })
    .from(indicador)
    .where(
      and(
        eq(indicador.entidadId, entidadId),
        eq(indicador.vigencia, antes.vigencia),
        eq(indicador.codigo, entrada.codigo),
      ),
    );
  if (otro && otro.id !== indicadorId) throw codigoRepetido(entrada.codigo);
  const despues = await db.transaction(async (tx) => {
    const [i] = await tx
      .update(indicador)
      // A client that does not send the goal type keeps the one chosen before.
      .set({ ...entrada, acumulacion: entrada.acumulacion ?? antes.acumulacion })
      .where(eq(indicador.id, indicadorId))
      .returning();
    // The unit decides whether a ratio is a percentage: stored values follow the new definition.
    for (const m of await tx.select().from(medicion).where(eq(medicion.indicadorId, indicadorId)))
      await tx
        .update(medicion)
        .set({ valor: valorMedicion(m.numerador, m.denominador, i!.unidad) })
        .where(and(eq(medicion.indicadorId, indicadorId), eq(medicion.periodo, m.periodo)));
    const { creadoEn: _a, ...previo } = antes;
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'actualizar',
      recurso: 'indicador',
      recursoId: indicadorId,
      antes: previo,
      despues: entrada,
    });
    return i!;
  });
  return hojaDeVida(db, despues);
}

/** Planeación or the indicator's own responsible registers (or replaces) a period's measurement. */
export async function registrarMedicion(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  entidadId: string,
  indicadorId: string,
  periodo: number,
  entrada: MedicionEntrada,
) {
  const i = await indicadorDeEntidad(db, entidadId, indicadorId);
  const esPlaneacion = u.adminPlataforma || rolesPermiten(u.roles.get(entidadId) ?? [], 'indicador.editar');
  if (!esPlaneacion && i.responsableId !== u.id)
    throw prohibido('Solo planeación o el responsable del indicador registran sus mediciones.');
  exigirAbierto(await periodoDe(db, entidadId, i.vigencia, periodo));
  const { numerador, observacion } = entrada;
  const denominador = entrada.denominador ?? null;
  if (i.formulaDenominador && denominador === null)
    throw invalido('denominador', `la fórmula tiene denominador: ${i.formulaDenominador}`);
  if (denominador !== null && denominador <= 0) throw invalido('denominador', 'debe ser mayor que cero');
  const valor = valorMedicion(numerador, denominador, i.unidad);
  const datos = { numerador, denominador, valor, observacion: observacion ?? null, registradoPor: u.id };
  await db.transaction(async (tx) => {
    await exigirPeriodoAbierto(tx, entidadId, i.vigencia, periodo);
    // Insert first: of two first measurements at once, one registers and the other updates it.
    const [registrada] = await tx
      .insert(medicion)
      .values({ indicadorId, periodo, ...datos })
      .onConflictDoNothing({ target: [medicion.indicadorId, medicion.periodo] })
      .returning();
    const delPeriodo = and(eq(medicion.indicadorId, indicadorId), eq(medicion.periodo, periodo));
    // Locked until commit: «antes» is exactly what this measurement replaces.
    const [antes] = registrada ? [] : await tx.select().from(medicion).where(delPeriodo).for('update');
    if (antes)
      await tx
        .update(medicion)
        .set({ ...datos, actualizadoEn: new Date() })
        .where(delPeriodo);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: antes ? 'actualizar_medicion' : 'registrar_medicion',
      recurso: 'indicador',
      recursoId: indicadorId,
      antes: antes ? { periodo, numerador: antes.numerador, denominador: antes.denominador } : null,
      despues: { periodo, numerador, denominador, valor },
    });
  });
  return hojaDeVida(db, i);
}
