CREATE TABLE "corte_periodo" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"periodo" integer NOT NULL,
	"datos" jsonb NOT NULL,
	"cerrado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corte_periodo_entidad_id_vigencia_periodo_pk" PRIMARY KEY("entidad_id","vigencia","periodo")
);
--> statement-breakpoint
CREATE TABLE "evidencia" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seguimiento_id" uuid NOT NULL,
	"nombre" text NOT NULL,
	"hash" text,
	"tipo" text,
	"bytes" integer,
	"url" text,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notificacion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"usuario_id" uuid NOT NULL,
	"entidad_id" uuid NOT NULL,
	"texto" text NOT NULL,
	"enlace" text,
	"leida" boolean DEFAULT false NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seguimiento" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"actividad_id" uuid NOT NULL,
	"periodo" integer NOT NULL,
	"valor" double precision NOT NULL,
	"numerador" double precision,
	"denominador" double precision,
	"descripcion" text NOT NULL,
	"dificultades" text,
	"estado" text DEFAULT 'borrador' NOT NULL,
	"tardio" boolean DEFAULT false NOT NULL,
	"observaciones_planeacion" text,
	"observaciones_control" text,
	"reportado_por" uuid,
	"enviado_en" timestamp with time zone,
	"revisado_por" uuid,
	"verificado_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "version_plan" (
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"justificacion" text,
	"fecha_sesion_comite" date,
	"acta_comite" text,
	"actividades" jsonb NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "version_plan_plan_id_version_pk" PRIMARY KEY("plan_id","version")
);
--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "justificacion" text;--> statement-breakpoint
ALTER TABLE "corte_periodo" ADD CONSTRAINT "corte_periodo_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corte_periodo" ADD CONSTRAINT "corte_periodo_cerrado_por_usuario_id_fk" FOREIGN KEY ("cerrado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidencia" ADD CONSTRAINT "evidencia_seguimiento_id_seguimiento_id_fk" FOREIGN KEY ("seguimiento_id") REFERENCES "public"."seguimiento"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidencia" ADD CONSTRAINT "evidencia_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notificacion" ADD CONSTRAINT "notificacion_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notificacion" ADD CONSTRAINT "notificacion_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_actividad_id_actividad_id_fk" FOREIGN KEY ("actividad_id") REFERENCES "public"."actividad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_reportado_por_usuario_id_fk" FOREIGN KEY ("reportado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_revisado_por_usuario_id_fk" FOREIGN KEY ("revisado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seguimiento" ADD CONSTRAINT "seguimiento_verificado_por_usuario_id_fk" FOREIGN KEY ("verificado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_plan" ADD CONSTRAINT "version_plan_plan_id_plan_accion_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan_accion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidencia_seguimiento_idx" ON "evidencia" USING btree ("seguimiento_id");--> statement-breakpoint
CREATE INDEX "notificacion_usuario_idx" ON "notificacion" USING btree ("usuario_id","leida");--> statement-breakpoint
CREATE UNIQUE INDEX "seguimiento_actividad_periodo_idx" ON "seguimiento" USING btree ("actividad_id","periodo");--> statement-breakpoint
CREATE INDEX "seguimiento_entidad_idx" ON "seguimiento" USING btree ("entidad_id","estado");