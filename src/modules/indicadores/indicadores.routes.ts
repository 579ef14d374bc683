import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cumplimientoIndicador,
  FRECUENCIAS,
  POLARIDADES,
  type Polaridad,
  TIPOS_INDICADOR,
  valorMedicion,
} from '../../core/indicador.ts';
import { finitoONulo, LIMITES } from '../../core/numeros.ts';
import { rolesPermiten } from '../../core/roles.ts';
import { nivelSemaforo } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, indicador, medicion, planAccion } from '../../db/schema.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { ErrorApi, ErrorSchema, invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import { numeroEn } from '../../server/esquemas.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';
import { vigenciaSchema } from '../catalogo/catalogo.routes.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { problemasDeAsignacion } from '../plan/plan.service.ts';
import { exigirAbierto, exigirPeriodoAbierto, periodoDe } from '../seguimiento/seguimiento.service.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';

const tags = ['Indicadores'];
const texto = (min: number, max: number, falta: string) =>
  z.string().trim().min(min, falta).max(max, `no más de ${max} caracteres`);
const opcional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no más de ${max} caracteres`)
    .transform((v) => v || null)
    .nullish();
const lista = <T extends string>(valores: readonly T[], que: string) =>
  z.enum(valores as [T, ...T[]], { error: `elija ${que}: ${valores.join(', ')}` });

const IndicadorEntrada = z.object({
  vigencia: vigenciaSchema,
  codigo: texto(1, 20, 'escriba el código del indicador'),
  nombre: texto(5, 300, 'escriba el nombre del indicador'),
  objetivo: texto(5, 1000, 'escriba qué mide el indicador y para qué'),
  tipo: lista(TIPOS_INDICADOR, 'el tipo'),
  politica: opcional(60),
  formulaNumerador: texto(3, 500, 'describa el numerador de la fórmula'),
  formulaDenominador: opcional(500),
  unidad: texto(1, 60, 'escriba la unidad de medida'),
  frecuencia: lista(FRECUENCIAS, 'la frecuencia'),
  lineaBase: numeroEn('la línea base', LIMITES.medicion).nullish(),
  meta: numeroEn('la meta', LIMITES.cantidad),
  polaridad: lista(POLARIDADES, 'la polaridad'),
  fuente: texto(3, 300, 'escriba la fuente de los datos'),
  dependenciaId: z.uuid('elija una dependencia de la lista').nullish(),
  responsableId: z.uuid('elija una persona de la lista').nullish(),
});
const MedicionSchema = z.object({
  periodo: z.number(),
  numerador: z.number(),
  denominador: z.number().nullable(),
  valor: z.number().nullable(),
  cumplimiento: z.number().nullable(),
  semaforo: z.enum(['rojo', 'amarillo', 'verde', 'azul']).nullable(),
  observacion: z.string().nullable(),
});
const IndicadorSchema = z
  .object({
    id: z.string(),
    vigencia: z.number(),
    codigo: z.string(),
    nombre: z.string(),
    objetivo: z.string(),
    tipo: z.string(),
    politica: z.string().nullable(),
    formulaNumerador: z.string(),
    formulaDenominador: z.string().nullable(),
    unidad: z.string(),
    frecuencia: z.string(),
    lineaBase: z.number().nullable(),
    meta: z.number(),
    polaridad: z.string(),
    fuente: z.string(),
    dependenciaId: z.string().nullable(),
    responsableId: z.string().nullable(),
    mediciones: z.array(MedicionSchema),
  })
  .meta({ id: 'Indicador' });
const ParamsIndicador = EntidadParams.extend({
  indicadorId: z.uuid('el identificador del indicador no es válido'),
});

type Indicador = typeof indicador.$inferSelect;

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
  return {
    ...datos,
    lineaBase: finitoONulo(datos.lineaBase),
    mediciones: mediciones.map((m) => {
      // A value stored before the bounds (Infinity from a tiny denominator) is shown as «–», not a 500.
      const valor = finitoONulo(m.valor);
      const cumplimiento = cumplimientoIndicador(valor, i.meta, i.polaridad as Polaridad);
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

async function validar(db: Db, entidadId: string, e: z.output<typeof IndicadorEntrada>) {
  const errores = await problemasDeAsignacion(db, entidadId, e);
  if (e.politica && !(await politicasDeVigencia(db, e.vigencia)).some((p) => p.clave === e.politica))
    errores.push({ campo: 'politica', mensaje: `no existe en el catálogo MIPG de ${e.vigencia}` });
  if (errores.length)
    throw new ErrorApi(
      400,
      `Revise los datos: ${errores.map((x) => `«${x.campo}»: ${x.mensaje}`).join('; ')}.`,
      errores,
    );
}

const codigoRepetido = (codigo: string) =>
  new ErrorApi(409, `Ya hay un indicador con el código ${codigo} en esta vigencia.`, [
    { campo: 'codigo', mensaje: `el código ${codigo} ya está en uso` },
  ]);

export const indicadoresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/indicadores',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Indicadores de la vigencia con sus mediciones',
        params: EntidadParams,
        querystring: z.object({ vigencia: vigenciaSchema }),
        response: { 200: z.array(IndicadorSchema) },
      },
    },
    async (request) => {
      const filas = await app.db
        .select()
        .from(indicador)
        .where(
          and(
            eq(indicador.entidadId, request.params.entidadId),
            eq(indicador.vigencia, request.query.vigencia),
          ),
        )
        .orderBy(asc(indicador.codigo));
      return Promise.all(filas.map((i) => hojaDeVida(app.db, i)));
    },
  );

  app.get(
    '/api/entidades/:entidadId/indicadores/:indicadorId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Hoja de vida del indicador, sus mediciones y las actividades que lo alimentan',
        params: ParamsIndicador,
        response: {
          200: IndicadorSchema.extend({
            actividades: z.array(z.object({ id: z.string(), codigo: z.string(), nombre: z.string() })),
          }),
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const i = await indicadorDeEntidad(app.db, request.params.entidadId, request.params.indicadorId);
      const actividades = await app.db
        .select({ id: actividad.id, codigo: actividad.codigo, nombre: actividad.nombre })
        .from(actividad)
        .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
        .where(and(eq(actividad.indicadorId, i.id), eq(planAccion.entidadId, i.entidadId)))
        .orderBy(asc(actividad.codigo));
      return { ...(await hojaDeVida(app.db, i)), actividades };
    },
  );

  app.post(
    '/api/entidades/:entidadId/indicadores',
    {
      config: { acceso: { permiso: 'indicador.editar' } },
      schema: {
        tags,
        summary: 'Crear la hoja de vida de un indicador',
        params: EntidadParams,
        body: IndicadorEntrada,
        response: { 201: IndicadorSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      await validar(app.db, entidadId, request.body);
      const creado = await app.db.transaction(async (tx) => {
        const [otro] = await tx
          .select({ id: indicador.id })
          .from(indicador)
          .where(
            and(
              eq(indicador.entidadId, entidadId),
              eq(indicador.vigencia, request.body.vigencia),
              eq(indicador.codigo, request.body.codigo),
            ),
          );
        if (otro) throw codigoRepetido(request.body.codigo);
        const [i] = await tx
          .insert(indicador)
          .values({ ...request.body, entidadId })
          .returning();
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'crear',
          recurso: 'indicador',
          recursoId: i!.id,
          despues: request.body,
        });
        return i!;
      });
      return reply.status(201).send(await hojaDeVida(app.db, creado));
    },
  );

  app.put(
    '/api/entidades/:entidadId/indicadores/:indicadorId',
    {
      config: { acceso: { permiso: 'indicador.editar' } },
      schema: {
        tags,
        summary: 'Cambiar la hoja de vida de un indicador',
        params: ParamsIndicador,
        body: IndicadorEntrada,
        response: { 200: IndicadorSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, indicadorId } = request.params;
      const antes = await indicadorDeEntidad(app.db, entidadId, indicadorId);
      await validar(app.db, entidadId, request.body);
      if (request.body.vigencia !== antes.vigencia)
        throw invalido('vigencia', 'un indicador no cambia de vigencia; cree uno en la nueva');
      const [otro] = await app.db
        .select({ id: indicador.id })
        .from(indicador)
        .where(
          and(
            eq(indicador.entidadId, entidadId),
            eq(indicador.vigencia, antes.vigencia),
            eq(indicador.codigo, request.body.codigo),
          ),
        );
      if (otro && otro.id !== indicadorId) throw codigoRepetido(request.body.codigo);
      const despues = await app.db.transaction(async (tx) => {
        const [i] = await tx
          .update(indicador)
          .set(request.body)
          .where(eq(indicador.id, indicadorId))
          .returning();
        // The unit decides whether a ratio is a percentage: stored values follow the new definition.
        for (const m of await tx.select().from(medicion).where(eq(medicion.indicadorId, indicadorId)))
          await tx
            .update(medicion)
            .set({ valor: valorMedicion(m.numerador, m.denominador, i!.unidad) })
            .where(and(eq(medicion.indicadorId, indicadorId), eq(medicion.periodo, m.periodo)));
        const { creadoEn: _a, ...previo } = antes;
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'actualizar',
          recurso: 'indicador',
          recursoId: indicadorId,
          antes: previo,
          despues: request.body,
        });
        return i!;
      });
      return hojaDeVida(app.db, despues);
    },
  );

  app.put(
    '/api/entidades/:entidadId/indicadores/:indicadorId/mediciones/:periodo',
    {
      config: { acceso: { permiso: 'indicador.medir' } },
      schema: {
        tags,
        summary: 'Registrar la medición de un periodo (numerador y, si la fórmula lo tiene, denominador)',
        params: ParamsIndicador.extend({
          periodo: z.coerce
            .number()
            .int()
            .min(1, 'el periodo va de 1 a 12')
            .max(12, 'el periodo va de 1 a 12'),
        }),
        body: z.object({
          numerador: numeroEn('el numerador', LIMITES.medicion),
          denominador: numeroEn('el denominador', LIMITES.denominador).nullish(),
          observacion: opcional(2000),
        }),
        response: {
          200: IndicadorSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { entidadId, indicadorId, periodo } = request.params;
      const u = usuarioDe(request);
      const i = await indicadorDeEntidad(app.db, entidadId, indicadorId);
      const esPlaneacion =
        u.adminPlataforma || rolesPermiten(u.roles.get(entidadId) ?? [], 'indicador.editar');
      if (!esPlaneacion && i.responsableId !== u.id)
        throw prohibido('Solo planeación o el responsable del indicador registran sus mediciones.');
      exigirAbierto(await periodoDe(app.db, entidadId, i.vigencia, periodo));
      const { numerador, observacion } = request.body;
      const denominador = request.body.denominador ?? null;
      if (i.formulaDenominador && denominador === null)
        throw invalido('denominador', `la fórmula tiene denominador: ${i.formulaDenominador}`);
      if (denominador !== null && denominador <= 0) throw invalido('denominador', 'debe ser mayor que cero');
      const valor = valorMedicion(numerador, denominador, i.unidad);
      const datos = { numerador, denominador, valor, observacion: observacion ?? null, registradoPor: u.id };
      await app.db.transaction(async (tx) => {
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
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: antes ? 'actualizar_medicion' : 'registrar_medicion',
          recurso: 'indicador',
          recursoId: indicadorId,
          antes: antes ? { periodo, numerador: antes.numerador, denominador: antes.denominador } : null,
          despues: { periodo, numerador, denominador, valor },
        });
      });
      return hojaDeVida(app.db, i);
    },
  );
};
