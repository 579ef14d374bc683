CREATE TABLE "criterio_verificacion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"tipo" text NOT NULL,
	"clave" text NOT NULL,
	"politica" text,
	"dependencia_id" uuid,
	"actividad_id" uuid,
	"porcentaje" integer,
	"semilla" text,
	"motivo" text,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criterio_verificacion_tipo_check" CHECK ("criterio_verificacion"."tipo" in ('todas', 'politica', 'dependencia', 'muestra', 'actividad')),
	CONSTRAINT "criterio_verificacion_porcentaje_check" CHECK ("criterio_verificacion"."porcentaje" is null or ("criterio_verificacion"."porcentaje" >= 1 and "criterio_verificacion"."porcentaje" <= 100))
);
--> statement-breakpoint
ALTER TABLE "seguimiento" DROP CONSTRAINT "seguimiento_estado_check";--> statement-breakpoint
ALTER TABLE "seguimiento" ADD COLUMN "avance_verificado" double precision;--> statement-breakpoint
ALTER TABLE "seguimiento" ADD COLUMN "respuesta_control" text;--> statement-breakpoint
ALTER TABLE "criterio_verificacion" ADD CONSTRAINT "criterio_verificacion_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterio_verificacion" ADD CONSTRAINT "criterio_verificacion_dependencia_id_dependencia_id_fk" FOREIGN KEY ("dependencia_id") REFERENCES "public"."dependencia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterio_verificacion" ADD CONSTRAINT "criterio_verificacion_actividad_id_actividad_id_fk" FOREIGN KEY ("actividad_id") REFERENCES "public"."actividad"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterio_verificacion" ADD CONSTRAINT "criterio_verificacion_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "criterio_verificacion_clave_idx" ON "criterio_verificacion" USING btree ("entidad_id","vigencia","clave");--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_avance_verificado_check" CHECK ("seguimiento"."avance_verificado" is null or ("seguimiento"."avance_verificado" >= 0 and "seguimiento"."avance_verificado" <= 100));--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_estado_check" CHECK ("seguimiento"."estado" in ('borrador', 'enviado', 'devuelto', 'aceptado', 'verificado', 'con_observaciones', 'respondido'));