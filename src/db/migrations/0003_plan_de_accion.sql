CREATE TABLE "actividad" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"politica" text NOT NULL,
	"codigo" text NOT NULL,
	"indice_furag" text,
	"plan612" text,
	"objetivo" text,
	"nombre" text NOT NULL,
	"producto" text NOT NULL,
	"meta_anual" double precision NOT NULL,
	"unidad" text NOT NULL,
	"metas_periodo" jsonb NOT NULL,
	"ponderacion" double precision NOT NULL,
	"dependencia_id" uuid,
	"responsable_id" uuid,
	"fecha_inicio" date NOT NULL,
	"fecha_fin" date NOT NULL,
	"presupuesto" bigint,
	"rubro" text,
	"bpin" text,
	"riesgo" text,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_accion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"estado" text DEFAULT 'borrador' NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_plan_id_plan_accion_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_accion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_dependencia_id_dependencia_id_fk" FOREIGN KEY ("dependencia_id") REFERENCES "public"."dependencia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_responsable_id_usuario_id_fk" FOREIGN KEY ("responsable_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD CONSTRAINT "plan_accion_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actividad_codigo_idx" ON "actividad" USING btree ("plan_id","codigo");--> statement-breakpoint
CREATE INDEX "actividad_plan_idx" ON "actividad" USING btree ("plan_id","politica");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_accion_version_idx" ON "plan_accion" USING btree ("entidad_id","vigencia","version");