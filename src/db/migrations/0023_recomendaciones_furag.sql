CREATE TABLE "furag_recomendacion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"indice" text,
	"politica" text NOT NULL,
	"texto" text NOT NULL,
	"fila" integer NOT NULL,
	"cargado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "recomendacion_id" uuid;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD COLUMN "recomendacion_id" uuid;--> statement-breakpoint
ALTER TABLE "furag_recomendacion" ADD CONSTRAINT "furag_recomendacion_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "furag_recomendacion" ADD CONSTRAINT "furag_recomendacion_cargado_por_usuario_id_fk" FOREIGN KEY ("cargado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "furag_recomendacion_entidad_idx" ON "furag_recomendacion" USING btree ("entidad_id","vigencia");--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_recomendacion_id_furag_recomendacion_id_fk" FOREIGN KEY ("recomendacion_id") REFERENCES "public"."furag_recomendacion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_recomendacion_id_furag_recomendacion_id_fk" FOREIGN KEY ("recomendacion_id") REFERENCES "public"."furag_recomendacion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actividad_recomendacion_idx" ON "actividad" USING btree ("recomendacion_id");--> statement-breakpoint
CREATE INDEX "propuesta_actividad_recomendacion_idx" ON "propuesta_actividad" USING btree ("recomendacion_id");