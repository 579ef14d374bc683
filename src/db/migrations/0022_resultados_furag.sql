CREATE TABLE "furag_carga" (
	"vigencia" integer PRIMARY KEY NOT NULL,
	"columnas" jsonb NOT NULL,
	"ignoradas" jsonb NOT NULL,
	"entidades" integer NOT NULL,
	"cargado_por" uuid,
	"creado_en" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "furag_resultado" (
	"vigencia" integer NOT NULL,
	"fila" integer NOT NULL,
	"codigo_sigep" text,
	"entidad" text NOT NULL,
	"departamento" text,
	"municipio" text,
	"tipo_formulario" text,
	"naturaleza_juridica" text,
	"grupo_par" text,
	"puntajes" jsonb NOT NULL,
	CONSTRAINT "furag_resultado_vigencia_fila_pk" PRIMARY KEY("vigencia","fila")
);
--> statement-breakpoint
ALTER TABLE "furag_carga" ADD CONSTRAINT "furag_carga_cargado_por_usuario_id_fk" FOREIGN KEY ("cargado_por") REFERENCES "public"."usuario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "furag_resultado" ADD CONSTRAINT "furag_resultado_vigencia_furag_carga_vigencia_fk" FOREIGN KEY ("vigencia") REFERENCES "public"."furag_carga"("vigencia") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "furag_resultado_sigep_idx" ON "furag_resultado" USING btree ("vigencia","codigo_sigep");--> statement-breakpoint
CREATE INDEX "furag_resultado_grupo_idx" ON "furag_resultado" USING btree ("vigencia","grupo_par");