ALTER TABLE "seguimiento" ADD COLUMN "justificacion_sobreejecucion" text;--> statement-breakpoint
-- A MANO: the default name of the blue band changed; an entity that kept the default gets the new one.
UPDATE "vigencia_entidad" SET "semaforo" = jsonb_set("semaforo", '{etiquetas,azul}', '"Sobreejecución — justificar"') WHERE "semaforo" #>> '{etiquetas,azul}' = 'Sobresaliente';
