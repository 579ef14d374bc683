CREATE TABLE "comentario_consulta" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulta_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"nombre" text,
	"correo" text,
	"texto" text NOT NULL,
	"respuesta" text,
	"respondido_por" uuid,
	"respondido_en" timestamp with time zone,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consulta_ciudadana" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"objeto" text NOT NULL,
	"titulo" text NOT NULL,
	"descripcion" text,
	"abre" date NOT NULL,
	"cierra" date NOT NULL,
	"creada_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consulta_ciudadana_objeto_check" CHECK ("consulta_ciudadana"."objeto" in ('plan_accion', 'ptep')),
	CONSTRAINT "consulta_ciudadana_fechas_check" CHECK ("consulta_ciudadana"."cierra" >= "consulta_ciudadana"."abre")
);
--> statement-breakpoint
ALTER TABLE "comentario_consulta" ADD CONSTRAINT "comentario_consulta_consulta_id_consulta_ciudadana_id_fk" FOREIGN KEY ("consulta_id") REFERENCES "public"."consulta_ciudadana"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comentario_consulta" ADD CONSTRAINT "comentario_consulta_respondido_por_usuario_id_fk" FOREIGN KEY ("respondido_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulta_ciudadana" ADD CONSTRAINT "consulta_ciudadana_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulta_ciudadana" ADD CONSTRAINT "consulta_ciudadana_creada_por_usuario_id_fk" FOREIGN KEY ("creada_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comentario_consulta_numero_idx" ON "comentario_consulta" USING btree ("consulta_id","numero");