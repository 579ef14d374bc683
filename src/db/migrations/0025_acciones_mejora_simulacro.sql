CREATE TABLE "asignacion_simulacro" (
	"simulacro_id" uuid NOT NULL,
	"seccion" text NOT NULL,
	"usuario_id" uuid NOT NULL,
	"asignado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asignacion_simulacro_simulacro_id_seccion_pk" PRIMARY KEY("simulacro_id","seccion")
);
--> statement-breakpoint
CREATE TABLE "respuesta_simulacro" (
	"simulacro_id" uuid NOT NULL,
	"item" text NOT NULL,
	"respuesta" jsonb,
	"observacion" text,
	"evidencias" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actualizado_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "respuesta_simulacro_simulacro_id_item_pk" PRIMARY KEY("simulacro_id","item")
);
--> statement-breakpoint
CREATE TABLE "simulacro_furag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"cuestionario_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"seccion_control_interno" text,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulacro_furag_cuestionario_uq" UNIQUE("entidad_id","cuestionario_id")
);
--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "autodiagnostico_id" uuid;--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "autodiagnostico_item" text;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD COLUMN "autodiagnostico_id" uuid;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD COLUMN "autodiagnostico_item" text;--> statement-breakpoint
ALTER TABLE "asignacion_simulacro" ADD CONSTRAINT "asignacion_simulacro_simulacro_id_simulacro_furag_id_fk" FOREIGN KEY ("simulacro_id") REFERENCES "public"."simulacro_furag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asignacion_simulacro" ADD CONSTRAINT "asignacion_simulacro_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asignacion_simulacro" ADD CONSTRAINT "asignacion_simulacro_asignado_por_usuario_id_fk" FOREIGN KEY ("asignado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respuesta_simulacro" ADD CONSTRAINT "respuesta_simulacro_simulacro_id_simulacro_furag_id_fk" FOREIGN KEY ("simulacro_id") REFERENCES "public"."simulacro_furag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respuesta_simulacro" ADD CONSTRAINT "respuesta_simulacro_actualizado_por_usuario_id_fk" FOREIGN KEY ("actualizado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulacro_furag" ADD CONSTRAINT "simulacro_furag_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulacro_furag" ADD CONSTRAINT "simulacro_furag_cuestionario_id_cuestionario_id_fk" FOREIGN KEY ("cuestionario_id") REFERENCES "public"."cuestionario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulacro_furag" ADD CONSTRAINT "simulacro_furag_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_autodiagnostico_id_autodiagnostico_id_fk" FOREIGN KEY ("autodiagnostico_id") REFERENCES "public"."autodiagnostico"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_autodiagnostico_id_autodiagnostico_id_fk" FOREIGN KEY ("autodiagnostico_id") REFERENCES "public"."autodiagnostico"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actividad_autodiagnostico_idx" ON "actividad" USING btree ("autodiagnostico_id");--> statement-breakpoint
CREATE INDEX "propuesta_actividad_autodiagnostico_idx" ON "propuesta_actividad" USING btree ("autodiagnostico_id");