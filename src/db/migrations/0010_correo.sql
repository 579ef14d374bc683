CREATE TABLE "correo_saliente" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"destinatario" text NOT NULL,
	"asunto" text NOT NULL,
	"texto" text NOT NULL,
	"html" text,
	"estado" text DEFAULT 'pendiente' NOT NULL,
	"intentos" integer DEFAULT 0 NOT NULL,
	"proximo_intento" timestamp with time zone DEFAULT now() NOT NULL,
	"ultimo_error" text,
	"enviado_en" timestamp with time zone,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correo_saliente_estado_ck" CHECK ("correo_saliente"."estado" in ('pendiente', 'enviando', 'enviado', 'fallido'))
);
--> statement-breakpoint
CREATE TABLE "enlace_clave" (
	"id" text PRIMARY KEY NOT NULL,
	"usuario_id" uuid NOT NULL,
	"correo" text NOT NULL,
	"proposito" text NOT NULL,
	"expira_en" timestamp with time zone NOT NULL,
	"usado_en" timestamp with time zone,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enlace_clave_proposito_ck" CHECK ("enlace_clave"."proposito" in ('invitacion', 'restablecer'))
);
--> statement-breakpoint
CREATE TABLE "resumen_diario" (
	"usuario_id" uuid NOT NULL,
	"dia" date NOT NULL,
	"pendientes" integer NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resumen_diario_usuario_id_dia_pk" PRIMARY KEY("usuario_id","dia")
);
--> statement-breakpoint
ALTER TABLE "enlace_clave" ADD CONSTRAINT "enlace_clave_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resumen_diario" ADD CONSTRAINT "resumen_diario_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correo_saliente_cola_idx" ON "correo_saliente" USING btree ("estado","proximo_intento");--> statement-breakpoint
CREATE INDEX "enlace_clave_usuario_idx" ON "enlace_clave" USING btree ("usuario_id","proposito");