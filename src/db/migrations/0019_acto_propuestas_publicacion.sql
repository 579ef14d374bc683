CREATE TABLE "propuesta_actividad" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"politica" text NOT NULL,
	"autor_id" uuid NOT NULL,
	"datos" jsonb NOT NULL,
	"estado" text DEFAULT 'pendiente' NOT NULL,
	"motivo" text,
	"actividad_id" uuid,
	"resuelta_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "propuesta_actividad_estado_check" CHECK ("propuesta_actividad"."estado" in ('pendiente', 'incorporada', 'descartada'))
);
--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "propuesta_por" uuid;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "tipo_acto" text;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "numero_acto" text;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "fecha_acto" date;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "acto_hash" text;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "acto_nombre" text;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "acto_bytes" integer;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "fecha_publicacion" date;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "url_publicacion" text;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "tipo_cambio" text DEFAULT 'sustancial' NOT NULL;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "aprobado_por" uuid;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "tipo_acto" text;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "numero_acto" text;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "fecha_acto" date;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "acto_hash" text;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "acto_nombre" text;--> statement-breakpoint
ALTER TABLE "version_plan" ADD COLUMN "acto_bytes" integer;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_autor_id_usuario_id_fk" FOREIGN KEY ("autor_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_actividad_id_actividad_id_fk" FOREIGN KEY ("actividad_id") REFERENCES "public"."actividad"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_resuelta_por_usuario_id_fk" FOREIGN KEY ("resuelta_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "propuesta_actividad_idx" ON "propuesta_actividad" USING btree ("entidad_id","vigencia");--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_propuesta_por_usuario_id_fk" FOREIGN KEY ("propuesta_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_plan" ADD CONSTRAINT "version_plan_aprobado_por_usuario_id_fk" FOREIGN KEY ("aprobado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD CONSTRAINT "plan_accion_tipo_acto_check" CHECK ("plan_accion"."tipo_acto" in ('resolucion', 'acuerdo'));--> statement-breakpoint
ALTER TABLE "version_plan" ADD CONSTRAINT "version_plan_tipo_cambio_check" CHECK ("version_plan"."tipo_cambio" in ('ninguno', 'menor', 'sustancial'));--> statement-breakpoint
ALTER TABLE "version_plan" ADD CONSTRAINT "version_plan_tipo_acto_check" CHECK ("version_plan"."tipo_acto" in ('resolucion', 'acuerdo'));