ALTER TABLE "entidad" ADD COLUMN "codigo_sigep" text;--> statement-breakpoint
ALTER TABLE "entidad" ADD COLUMN "organo_aprobacion" text DEFAULT 'cigd' NOT NULL;--> statement-breakpoint
ALTER TABLE "entidad" ADD CONSTRAINT "entidad_codigo_sigep_unique" UNIQUE("codigo_sigep");--> statement-breakpoint
ALTER TABLE "entidad" ADD CONSTRAINT "entidad_organo_aprobacion_check" CHECK ("entidad"."organo_aprobacion" in ('cigd', 'consejo_gobierno', 'junta_directiva', 'consejo_directivo'));