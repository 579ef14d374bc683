CREATE TABLE "intento_acceso" (
	"clave" text PRIMARY KEY NOT NULL,
	"correo" text NOT NULL,
	"fallidos" integer NOT NULL,
	"ventana_desde" timestamp with time zone NOT NULL,
	"bloqueado_hasta" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "invitacion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"usuario_id" uuid NOT NULL,
	"correo" text NOT NULL,
	"roles" jsonb NOT NULL,
	"invitado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitacion" ADD CONSTRAINT "invitacion_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitacion" ADD CONSTRAINT "invitacion_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitacion" ADD CONSTRAINT "invitacion_invitado_por_usuario_id_fk" FOREIGN KEY ("invitado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intento_acceso_correo_idx" ON "intento_acceso" USING btree ("correo");--> statement-breakpoint
CREATE UNIQUE INDEX "invitacion_entidad_usuario_idx" ON "invitacion" USING btree ("entidad_id","usuario_id");--> statement-breakpoint
ALTER TABLE "usuario" DROP COLUMN "intentos_fallidos";--> statement-breakpoint
ALTER TABLE "usuario" DROP COLUMN "bloqueado_hasta";