CREATE TABLE "furag_digitado" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"grupo_par" text,
	"puntajes" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"digitado_por" uuid,
	"digitado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "furag_digitado_entidad_id_vigencia_pk" PRIMARY KEY("entidad_id","vigencia")
);
--> statement-breakpoint
ALTER TABLE "catalogo_vigencia" ADD COLUMN "equivalencias" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "furag_digitado" ADD CONSTRAINT "furag_digitado_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "furag_digitado" ADD CONSTRAINT "furag_digitado_digitado_por_usuario_id_fk" FOREIGN KEY ("digitado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;