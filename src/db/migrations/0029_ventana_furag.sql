CREATE TABLE "ventana_furag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid,
	"vigencia" integer NOT NULL,
	"inicio" date NOT NULL,
	"fin" date NOT NULL,
	"fuente" text NOT NULL,
	"actualizado_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ventana_furag_vigencia_uq" UNIQUE NULLS NOT DISTINCT("entidad_id","vigencia"),
	CONSTRAINT "ventana_furag_fechas_ck" CHECK ("ventana_furag"."fin" >= "ventana_furag"."inicio")
);
--> statement-breakpoint
ALTER TABLE "ventana_furag" ADD CONSTRAINT "ventana_furag_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ventana_furag" ADD CONSTRAINT "ventana_furag_actualizado_por_usuario_id_fk" FOREIGN KEY ("actualizado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;