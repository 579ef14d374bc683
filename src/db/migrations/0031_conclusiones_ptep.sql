CREATE TABLE "conclusion_ptep" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"cuatrimestre" integer NOT NULL,
	"conclusiones" text NOT NULL,
	"escrito_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conclusion_ptep_entidad_id_vigencia_cuatrimestre_pk" PRIMARY KEY("entidad_id","vigencia","cuatrimestre"),
	CONSTRAINT "conclusion_ptep_cuatrimestre_check" CHECK ("conclusion_ptep"."cuatrimestre" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "conclusion_ptep" ADD CONSTRAINT "conclusion_ptep_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conclusion_ptep" ADD CONSTRAINT "conclusion_ptep_escrito_por_usuario_id_fk" FOREIGN KEY ("escrito_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;