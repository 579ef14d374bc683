ALTER TABLE "actividad" ADD COLUMN "acumulacion" text DEFAULT 'suma' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicador" ADD COLUMN "acumulacion" text DEFAULT 'suma' NOT NULL;--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_acumulacion_check" CHECK ("actividad"."acumulacion" in ('suma', 'ultimo', 'promedio', 'maximo', 'hito'));--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_acumulacion_check" CHECK ("indicador"."acumulacion" in ('suma', 'ultimo', 'promedio', 'maximo', 'hito'));--> statement-breakpoint
-- A MANO: an indicator measured as a percentage is a rate: its periods average, they do not add up.
UPDATE "indicador" SET "acumulacion" = 'promedio' WHERE btrim("unidad") = '%';
