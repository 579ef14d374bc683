CREATE TABLE "autodiagnostico" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"cuestionario_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"politica" text NOT NULL,
	"estado" text DEFAULT 'borrador' NOT NULL,
	"observaciones" text,
	"enviado_en" timestamp with time zone,
	"revisado_por" uuid,
	"revisado_en" timestamp with time zone,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "autodiagnostico_cuestionario_uq" UNIQUE("entidad_id","cuestionario_id"),
	CONSTRAINT "autodiagnostico_estado_check" CHECK ("autodiagnostico"."estado" in ('borrador', 'enviado', 'devuelto', 'revisado'))
);
--> statement-breakpoint
CREATE TABLE "cuestionario" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid,
	"codigo" text NOT NULL,
	"nombre" text NOT NULL,
	"vigencia" integer NOT NULL,
	"instrumento" text NOT NULL,
	"politica" text,
	"descripcion" text,
	"fuente" text,
	"niveles" jsonb,
	"estructura" jsonb NOT NULL,
	"items" integer NOT NULL,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cuestionario_codigo_uq" UNIQUE NULLS NOT DISTINCT("entidad_id","codigo","vigencia"),
	CONSTRAINT "cuestionario_instrumento_check" CHECK ("cuestionario"."instrumento" in ('autodiagnostico', 'furag', 'otro'))
);
--> statement-breakpoint
CREATE TABLE "cuestionario_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cuestionario_id" uuid NOT NULL,
	"seccion_id" uuid NOT NULL,
	"codigo" text NOT NULL,
	"tipo" text NOT NULL,
	"texto" text NOT NULL,
	"no_aplica" boolean NOT NULL,
	"evidencia" boolean NOT NULL,
	"definicion" jsonb NOT NULL,
	"orden" integer NOT NULL,
	CONSTRAINT "cuestionario_item_codigo_uq" UNIQUE("cuestionario_id","codigo"),
	CONSTRAINT "cuestionario_item_tipo_check" CHECK ("cuestionario_item"."tipo" in ('seleccion_unica', 'seleccion_multiple', 'seleccion_multiple_numero', 'numero', 'texto', 'matriz', 'puntaje'))
);
--> statement-breakpoint
CREATE TABLE "cuestionario_seccion" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cuestionario_id" uuid NOT NULL,
	"padre_id" uuid,
	"codigo" text NOT NULL,
	"nombre" text NOT NULL,
	"descripcion" text,
	"nivel" integer NOT NULL,
	"orden" integer NOT NULL,
	CONSTRAINT "cuestionario_seccion_codigo_uq" UNIQUE("cuestionario_id","codigo")
);
--> statement-breakpoint
CREATE TABLE "evidencia_autodiagnostico" (
	"autodiagnostico_id" uuid NOT NULL,
	"item" text NOT NULL,
	"evidencia_id" uuid NOT NULL,
	"creado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidencia_autodiagnostico_autodiagnostico_id_item_evidencia_id_pk" PRIMARY KEY("autodiagnostico_id","item","evidencia_id")
);
--> statement-breakpoint
CREATE TABLE "respuesta_autodiagnostico" (
	"autodiagnostico_id" uuid NOT NULL,
	"item" text NOT NULL,
	"respuesta" jsonb,
	"observacion" text,
	"actualizado_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "respuesta_autodiagnostico_autodiagnostico_id_item_pk" PRIMARY KEY("autodiagnostico_id","item")
);
--> statement-breakpoint
ALTER TABLE "autodiagnostico" ADD CONSTRAINT "autodiagnostico_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autodiagnostico" ADD CONSTRAINT "autodiagnostico_cuestionario_id_cuestionario_id_fk" FOREIGN KEY ("cuestionario_id") REFERENCES "public"."cuestionario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autodiagnostico" ADD CONSTRAINT "autodiagnostico_revisado_por_usuario_id_fk" FOREIGN KEY ("revisado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autodiagnostico" ADD CONSTRAINT "autodiagnostico_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuestionario" ADD CONSTRAINT "cuestionario_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuestionario" ADD CONSTRAINT "cuestionario_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuestionario_item" ADD CONSTRAINT "cuestionario_item_cuestionario_id_cuestionario_id_fk" FOREIGN KEY ("cuestionario_id") REFERENCES "public"."cuestionario"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuestionario_item" ADD CONSTRAINT "cuestionario_item_seccion_id_cuestionario_seccion_id_fk" FOREIGN KEY ("seccion_id") REFERENCES "public"."cuestionario_seccion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cuestionario_seccion" ADD CONSTRAINT "cuestionario_seccion_cuestionario_id_cuestionario_id_fk" FOREIGN KEY ("cuestionario_id") REFERENCES "public"."cuestionario"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidencia_autodiagnostico" ADD CONSTRAINT "evidencia_autodiagnostico_autodiagnostico_id_autodiagnostico_id_fk" FOREIGN KEY ("autodiagnostico_id") REFERENCES "public"."autodiagnostico"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidencia_autodiagnostico" ADD CONSTRAINT "evidencia_autodiagnostico_evidencia_id_evidencia_id_fk" FOREIGN KEY ("evidencia_id") REFERENCES "public"."evidencia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidencia_autodiagnostico" ADD CONSTRAINT "evidencia_autodiagnostico_creado_por_usuario_id_fk" FOREIGN KEY ("creado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respuesta_autodiagnostico" ADD CONSTRAINT "respuesta_autodiagnostico_autodiagnostico_id_autodiagnostico_id_fk" FOREIGN KEY ("autodiagnostico_id") REFERENCES "public"."autodiagnostico"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respuesta_autodiagnostico" ADD CONSTRAINT "respuesta_autodiagnostico_actualizado_por_usuario_id_fk" FOREIGN KEY ("actualizado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cuestionario_item_seccion_idx" ON "cuestionario_item" USING btree ("seccion_id");