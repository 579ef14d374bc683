CREATE TABLE "config_calendario" (
	"entidad_id" uuid PRIMARY KEY NOT NULL,
	"dias_aviso" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evento_calendario" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"clave" text NOT NULL,
	"cambio" text NOT NULL,
	"fecha" date,
	"desde" date,
	"titulo" text,
	"descripcion" text,
	"tipo" text,
	"responsables" jsonb,
	"justificacion" text NOT NULL,
	"editado_por" uuid,
	"editado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evento_calendario_entidad_id_vigencia_clave_pk" PRIMARY KEY("entidad_id","vigencia","clave"),
	CONSTRAINT "evento_calendario_cambio_check" CHECK ("evento_calendario"."cambio" in ('agregado', 'movido', 'quitado'))
);
--> statement-breakpoint
CREATE TABLE "recordatorio_enviado" (
	"clave" text NOT NULL,
	"usuario_id" uuid NOT NULL,
	"entidad_id" uuid NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recordatorio_enviado_clave_usuario_id_pk" PRIMARY KEY("clave","usuario_id")
);
--> statement-breakpoint
CREATE TABLE "suscripcion_calendario" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"usuario_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	"revocado_en" timestamp with time zone,
	CONSTRAINT "suscripcion_calendario_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "config_calendario" ADD CONSTRAINT "config_calendario_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evento_calendario" ADD CONSTRAINT "evento_calendario_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evento_calendario" ADD CONSTRAINT "evento_calendario_editado_por_usuario_id_fk" FOREIGN KEY ("editado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordatorio_enviado" ADD CONSTRAINT "recordatorio_enviado_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordatorio_enviado" ADD CONSTRAINT "recordatorio_enviado_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suscripcion_calendario" ADD CONSTRAINT "suscripcion_calendario_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suscripcion_calendario" ADD CONSTRAINT "suscripcion_calendario_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "suscripcion_calendario_viva_idx" ON "suscripcion_calendario" USING btree ("entidad_id","usuario_id") WHERE "suscripcion_calendario"."revocado_en" is null;