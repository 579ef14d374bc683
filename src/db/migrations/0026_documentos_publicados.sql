CREATE TABLE "documento_publicado" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"clave" text NOT NULL,
	"version" integer NOT NULL,
	"titulo" text NOT NULL,
	"numeral" text NOT NULL,
	"archivo_hash" text NOT NULL,
	"archivo_nombre" text NOT NULL,
	"archivo_tipo" text NOT NULL,
	"archivo_bytes" integer NOT NULL,
	"fecha_publicacion" date NOT NULL,
	"nota" text,
	"publicado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documento_publicado_version_check" CHECK ("documento_publicado"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "documento_publicado" ADD CONSTRAINT "documento_publicado_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documento_publicado" ADD CONSTRAINT "documento_publicado_publicado_por_usuario_id_fk" FOREIGN KEY ("publicado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documento_publicado_version_idx" ON "documento_publicado" USING btree ("entidad_id","vigencia","clave","version");