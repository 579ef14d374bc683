-- Estados y listas cerradas como CHECK: la base rechaza un valor que el código no conoce (las mismas listas de src/core).
ALTER TABLE "entidad" ADD CONSTRAINT "entidad_orden_check" CHECK ("entidad"."orden" in ('nacional', 'departamental', 'distrital', 'municipal'));--> statement-breakpoint
ALTER TABLE "entidad" ADD CONSTRAINT "entidad_tipo_formulario_check" CHECK ("entidad"."tipo_formulario" in ('MIPG', 'MECI'));--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_tipo_check" CHECK ("indicador"."tipo" in ('eficacia', 'eficiencia', 'efectividad'));--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_frecuencia_check" CHECK ("indicador"."frecuencia" in ('mensual', 'trimestral', 'cuatrimestral', 'semestral', 'anual'));--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_polaridad_check" CHECK ("indicador"."polaridad" in ('creciente', 'decreciente'));--> statement-breakpoint
ALTER TABLE "plan_accion" ADD CONSTRAINT "plan_accion_estado_check" CHECK ("plan_accion"."estado" in ('borrador', 'enviado', 'aprobado', 'publicado'));--> statement-breakpoint
ALTER TABLE "rol_usuario" ADD CONSTRAINT "rol_usuario_rol_check" CHECK ("rol_usuario"."rol" in ('admin_entidad', 'planeacion', 'responsable_politica', 'responsable_actividad', 'control_interno', 'alta_direccion', 'consulta'));--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_estado_check" CHECK ("seguimiento"."estado" in ('borrador', 'enviado', 'devuelto', 'aceptado', 'verificado', 'con_observaciones'));--> statement-breakpoint
ALTER TABLE "vigencia_entidad" ADD CONSTRAINT "vigencia_entidad_esquema_check" CHECK ("vigencia_entidad"."esquema" in ('trimestral', 'cuatrimestral', 'semestral', 'mensual'));
