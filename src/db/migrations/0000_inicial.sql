CREATE TABLE "ajuste_sistema" (
	"clave" text PRIMARY KEY NOT NULL,
	"valor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auditoria" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "auditoria_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entidad_id" uuid,
	"usuario_id" uuid,
	"usuario_correo" text,
	"accion" text NOT NULL,
	"recurso" text NOT NULL,
	"recurso_id" text,
	"antes" jsonb,
	"despues" jsonb,
	"ip" text,
	"creado_en" text NOT NULL,
	"hash_anterior" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogo_vigencia" (
	"vigencia" integer PRIMARY KEY NOT NULL,
	"fuente" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "componente" (
	"codigo" text PRIMARY KEY NOT NULL,
	"nombre" text NOT NULL,
	"descripcion" text NOT NULL,
	"orden" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dependencia" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"padre_id" uuid,
	"codigo" text,
	"nombre" text NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dimension" (
	"vigencia" integer NOT NULL,
	"codigo" text NOT NULL,
	"nombre" text NOT NULL,
	"color" text NOT NULL,
	"orden" integer NOT NULL,
	CONSTRAINT "dimension_vigencia_codigo_pk" PRIMARY KEY("vigencia","codigo")
);
--> statement-breakpoint
CREATE TABLE "entidad" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nombre" text NOT NULL,
	"sigla" text,
	"nit" text NOT NULL,
	"dv" integer NOT NULL,
	"divipola" text,
	"departamento" text,
	"municipio" text,
	"naturaleza_juridica" text,
	"orden" text,
	"categoria" text,
	"tipo_formulario" text DEFAULT 'MIPG' NOT NULL,
	"grupo_par" text,
	"direccion" text,
	"telefono" text,
	"correo" text,
	"sitio_web" text,
	"horario_atencion" text,
	"logo" text,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entidad_nit_unique" UNIQUE("nit")
);
--> statement-breakpoint
CREATE TABLE "indice_furag" (
	"vigencia" integer NOT NULL,
	"codigo" text NOT NULL,
	"nombre" text NOT NULL,
	"politica" text NOT NULL,
	"orden" integer NOT NULL,
	CONSTRAINT "indice_furag_vigencia_codigo_pk" PRIMARY KEY("vigencia","codigo")
);
--> statement-breakpoint
CREATE TABLE "plan_decreto612" (
	"vigencia" integer NOT NULL,
	"clave" text NOT NULL,
	"nombre" text NOT NULL,
	"politica" text NOT NULL,
	"orden" integer NOT NULL,
	CONSTRAINT "plan_decreto612_vigencia_clave_pk" PRIMARY KEY("vigencia","clave")
);
--> statement-breakpoint
CREATE TABLE "politica" (
	"vigencia" integer NOT NULL,
	"clave" text NOT NULL,
	"nombre" text NOT NULL,
	"dimension" text NOT NULL,
	"codigo_furag" text,
	"lider" text NOT NULL,
	"orden" integer NOT NULL,
	CONSTRAINT "politica_vigencia_clave_pk" PRIMARY KEY("vigencia","clave")
);
--> statement-breakpoint
CREATE TABLE "responsable_politica" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"politica" text NOT NULL,
	"usuario_id" uuid,
	"dependencia_id" uuid,
	CONSTRAINT "responsable_politica_entidad_id_vigencia_politica_pk" PRIMARY KEY("entidad_id","vigencia","politica")
);
--> statement-breakpoint
CREATE TABLE "rol_usuario" (
	"usuario_id" uuid NOT NULL,
	"entidad_id" uuid NOT NULL,
	"rol" text NOT NULL,
	CONSTRAINT "rol_usuario_usuario_id_entidad_id_rol_pk" PRIMARY KEY("usuario_id","entidad_id","rol")
);
--> statement-breakpoint
CREATE TABLE "sesion" (
	"id" text PRIMARY KEY NOT NULL,
	"usuario_id" uuid NOT NULL,
	"csrf" text NOT NULL,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	"expira_en" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usuario" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"correo" text NOT NULL,
	"nombre" text NOT NULL,
	"cargo" text,
	"clave_hash" text NOT NULL,
	"admin_plataforma" boolean DEFAULT false NOT NULL,
	"activo" boolean DEFAULT true NOT NULL,
	"debe_cambiar_clave" boolean DEFAULT false NOT NULL,
	"intentos_fallidos" integer DEFAULT 0 NOT NULL,
	"bloqueado_hasta" timestamp with time zone,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usuario_correo_unique" UNIQUE("correo")
);
--> statement-breakpoint
ALTER TABLE "dependencia" ADD CONSTRAINT "dependencia_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dimension" ADD CONSTRAINT "dimension_vigencia_catalogo_vigencia_vigencia_fk" FOREIGN KEY ("vigencia") REFERENCES "public"."catalogo_vigencia"("vigencia") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "politica" ADD CONSTRAINT "politica_vigencia_catalogo_vigencia_vigencia_fk" FOREIGN KEY ("vigencia") REFERENCES "public"."catalogo_vigencia"("vigencia") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsable_politica" ADD CONSTRAINT "responsable_politica_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsable_politica" ADD CONSTRAINT "responsable_politica_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsable_politica" ADD CONSTRAINT "responsable_politica_dependencia_id_dependencia_id_fk" FOREIGN KEY ("dependencia_id") REFERENCES "public"."dependencia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_usuario" ADD CONSTRAINT "rol_usuario_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_usuario" ADD CONSTRAINT "rol_usuario_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sesion" ADD CONSTRAINT "sesion_usuario_id_usuario_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auditoria_entidad_idx" ON "auditoria" USING btree ("entidad_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "auditoria_hash_idx" ON "auditoria" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "auditoria_recurso_idx" ON "auditoria" USING btree ("recurso","recurso_id");--> statement-breakpoint
CREATE INDEX "dependencia_entidad_idx" ON "dependencia" USING btree ("entidad_id");