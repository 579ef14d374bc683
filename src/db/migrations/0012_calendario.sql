CREATE TABLE "ajuste_calendario" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid,
	"fecha" date NOT NULL,
	"tipo" text NOT NULL,
	"nombre" text NOT NULL,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ajuste_calendario_fecha_uq" UNIQUE NULLS NOT DISTINCT("entidad_id","fecha"),
	CONSTRAINT "ajuste_calendario_tipo_check" CHECK ("ajuste_calendario"."tipo" in ('festivo', 'habil'))
);
--> statement-breakpoint
ALTER TABLE "ajuste_calendario" ADD CONSTRAINT "ajuste_calendario_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ajuste_calendario" ADD CONSTRAINT "ajuste_calendario_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;