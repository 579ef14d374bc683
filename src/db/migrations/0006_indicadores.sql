CREATE TABLE "indicador" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"codigo" text NOT NULL,
	"nombre" text NOT NULL,
	"objetivo" text NOT NULL,
	"tipo" text NOT NULL,
	"politica" text,
	"formula_numerador" text NOT NULL,
	"formula_denominador" text,
	"unidad" text NOT NULL,
	"frecuencia" text NOT NULL,
	"linea_base" double precision,
	"meta" double precision NOT NULL,
	"polaridad" text NOT NULL,
	"fuente" text NOT NULL,
	"dependencia_id" uuid,
	"responsable_id" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "medicion" (
	"indicador_id" uuid NOT NULL,
	"periodo" integer NOT NULL,
	"numerador" double precision NOT NULL,
	"denominador" double precision,
	"valor" double precision,
	"observacion" text,
	"registrado_por" uuid,
	"actualizado_en" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "medicion_indicador_id_periodo_pk" PRIMARY KEY("indicador_id","periodo")
);
--> statement-breakpoint
ALTER TABLE "actividad" ADD COLUMN "indicador_id" uuid;--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_dependencia_id_dependencia_id_fk" FOREIGN KEY ("dependencia_id") REFERENCES "public"."dependencia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicador" ADD CONSTRAINT "indicador_responsable_id_usuario_id_fk" FOREIGN KEY ("responsable_id") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicion" ADD CONSTRAINT "medicion_indicador_id_indicador_id_fk" FOREIGN KEY ("indicador_id") REFERENCES "public"."indicador"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medicion" ADD CONSTRAINT "medicion_registrado_por_usuario_id_fk" FOREIGN KEY ("registrado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicador_codigo_idx" ON "indicador" USING btree ("entidad_id","vigencia","codigo");--> statement-breakpoint
ALTER TABLE "actividad" ADD CONSTRAINT "actividad_indicador_id_indicador_id_fk" FOREIGN KEY ("indicador_id") REFERENCES "public"."indicador"("id") ON DELETE no action ON UPDATE no action;