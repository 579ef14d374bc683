CREATE TABLE "mapeo_plan_entidad" (
	"entidad_id" uuid PRIMARY KEY NOT NULL,
	"columnas" jsonb NOT NULL,
	"nombres" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actualizado_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mapeo_plan_entidad" ADD CONSTRAINT "mapeo_plan_entidad_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapeo_plan_entidad" ADD CONSTRAINT "mapeo_plan_entidad_actualizado_por_usuario_id_fk" FOREIGN KEY ("actualizado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;