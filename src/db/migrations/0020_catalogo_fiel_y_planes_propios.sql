CREATE TABLE "plan_propio" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"codigo" text NOT NULL,
	"nombre" text NOT NULL,
	"politicas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "plan_propio" text;--> statement-breakpoint
ALTER TABLE "indice_furag" ADD COLUMN "descripcion" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_decreto612" ADD COLUMN "politicas" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_decreto612" ADD COLUMN "sigla" text;--> statement-breakpoint
ALTER TABLE "politica" ADD COLUMN "formularios" jsonb DEFAULT '["MIPG"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_propio" ADD CONSTRAINT "plan_propio_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_propio_codigo_idx" ON "plan_propio" USING btree ("entidad_id","codigo");--> statement-breakpoint
ALTER TABLE "plan_decreto612" DROP COLUMN "politica";
-- Las tablas del catálogo (politica.formularios, indice_furag.descripcion, plan_decreto612.politicas y .sigla)
-- las reescribe sincronizarCatalogo al arrancar, porque mipg.json cambió de huella.
