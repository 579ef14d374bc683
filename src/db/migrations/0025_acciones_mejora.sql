ALTER TABLE "actividad" ADD COLUMN "autodiagnostico_id" uuid;--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "autodiagnostico_item" text;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD COLUMN "autodiagnostico_id" uuid;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD COLUMN "autodiagnostico_item" text;--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_autodiagnostico_id_autodiagnostico_id_fk" FOREIGN KEY ("autodiagnostico_id") REFERENCES "public"."autodiagnostico"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propuesta_actividad" ADD CONSTRAINT "propuesta_actividad_autodiagnostico_id_autodiagnostico_id_fk" FOREIGN KEY ("autodiagnostico_id") REFERENCES "public"."autodiagnostico"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actividad_autodiagnostico_idx" ON "actividad" USING btree ("autodiagnostico_id");--> statement-breakpoint
CREATE INDEX "propuesta_actividad_autodiagnostico_idx" ON "propuesta_actividad" USING btree ("autodiagnostico_id");