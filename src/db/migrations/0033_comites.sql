CREATE TABLE "comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"tipo" text NOT NULL,
	"nombre" text NOT NULL,
	"acto_creacion" text,
	"fecha_acto_creacion" date,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comite_tipo_check" CHECK ("comite"."tipo" in ('cigd', 'cicci', 'comite_territorial', 'organo_aprobacion', 'otro'))
);
--> statement-breakpoint
CREATE TABLE "compromiso_comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sesion_id" uuid NOT NULL,
	"descripcion" text NOT NULL,
	"responsable_id" uuid NOT NULL,
	"fecha" date NOT NULL,
	"cumplido_en" date,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sesion_id" uuid NOT NULL,
	"tipo" text NOT NULL,
	"descripcion" text NOT NULL,
	"vigencia" integer,
	"periodo" integer,
	"version" integer,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_comite_tipo_check" CHECK ("decision_comite"."tipo" in ('plan_aprobado', 'modificacion_aprobada', 'seguimiento_trimestral', 'politica_adoptada', 'plan_auditoria_aprobado', 'otra'))
);
--> statement-breakpoint
CREATE TABLE "integrante_comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comite_id" uuid NOT NULL,
	"cargo" text NOT NULL,
	"titular" text,
	"rol" text NOT NULL,
	"voto" boolean NOT NULL,
	"desde" date NOT NULL,
	"hasta" date,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrante_comite_rol_check" CHECK ("integrante_comite"."rol" in ('presidente', 'secretaria_tecnica', 'miembro', 'invitado'))
);
--> statement-breakpoint
CREATE TABLE "sesion_comite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comite_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"anio" integer NOT NULL,
	"caracter" text NOT NULL,
	"fecha" date NOT NULL,
	"lugar" text,
	"orden_del_dia" jsonb NOT NULL,
	"desarrollo" text DEFAULT '' NOT NULL,
	"asistentes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"acta_hash" text,
	"acta_nombre" text,
	"acta_bytes" integer,
	"acta_adjuntada_en" timestamp with time zone,
	"convocada_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sesion_comite_caracter_check" CHECK ("sesion_comite"."caracter" in ('ordinaria', 'extraordinaria'))
);
--> statement-breakpoint
ALTER TABLE "comite" ADD CONSTRAINT "comite_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compromiso_comite" ADD CONSTRAINT "compromiso_comite_sesion_id_sesion_comite_id_fk" FOREIGN KEY ("sesion_id") REFERENCES "public"."sesion_comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compromiso_comite" ADD CONSTRAINT "compromiso_comite_responsable_id_usuario_id_fk" FOREIGN KEY ("responsable_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comite" ADD CONSTRAINT "decision_comite_sesion_id_sesion_comite_id_fk" FOREIGN KEY ("sesion_id") REFERENCES "public"."sesion_comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrante_comite" ADD CONSTRAINT "integrante_comite_comite_id_comite_id_fk" FOREIGN KEY ("comite_id") REFERENCES "public"."comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sesion_comite" ADD CONSTRAINT "sesion_comite_comite_id_comite_id_fk" FOREIGN KEY ("comite_id") REFERENCES "public"."comite"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sesion_comite" ADD CONSTRAINT "sesion_comite_convocada_por_usuario_id_fk" FOREIGN KEY ("convocada_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comite_entidad_idx" ON "comite" USING btree ("entidad_id");--> statement-breakpoint
CREATE INDEX "compromiso_comite_sesion_idx" ON "compromiso_comite" USING btree ("sesion_id");--> statement-breakpoint
CREATE INDEX "compromiso_comite_responsable_idx" ON "compromiso_comite" USING btree ("responsable_id");--> statement-breakpoint
CREATE INDEX "decision_comite_sesion_idx" ON "decision_comite" USING btree ("sesion_id");--> statement-breakpoint
CREATE INDEX "integrante_comite_idx" ON "integrante_comite" USING btree ("comite_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sesion_comite_numero_idx" ON "sesion_comite" USING btree ("comite_id","anio","numero");