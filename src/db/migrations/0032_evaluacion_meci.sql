CREATE TABLE "evaluacion_meci" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"semestre" integer NOT NULL,
	"componentes" jsonb NOT NULL,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"escrito_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluacion_meci_entidad_id_vigencia_semestre_pk" PRIMARY KEY("entidad_id","vigencia","semestre"),
	CONSTRAINT "evaluacion_meci_semestre_check" CHECK ("evaluacion_meci"."semestre" in (1, 2))
);
--> statement-breakpoint
ALTER TABLE "evaluacion_meci" ADD CONSTRAINT "evaluacion_meci_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluacion_meci" ADD CONSTRAINT "evaluacion_meci_escrito_por_usuario_id_fk" FOREIGN KEY ("escrito_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;