CREATE TABLE "periodo" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"numero" integer NOT NULL,
	"nombre" text NOT NULL,
	"inicio" date NOT NULL,
	"corte" date NOT NULL,
	"abre" date NOT NULL,
	"cierra" date NOT NULL,
	"cerrado" boolean DEFAULT false NOT NULL,
	CONSTRAINT "periodo_entidad_id_vigencia_numero_pk" PRIMARY KEY("entidad_id","vigencia","numero")
);
--> statement-breakpoint
CREATE TABLE "vigencia_entidad" (
	"entidad_id" uuid NOT NULL,
	"vigencia" integer NOT NULL,
	"esquema" text NOT NULL,
	"dias_habiles_reporte" integer NOT NULL,
	"semaforo" jsonb NOT NULL,
	CONSTRAINT "vigencia_entidad_entidad_id_vigencia_pk" PRIMARY KEY("entidad_id","vigencia")
);
--> statement-breakpoint
ALTER TABLE "vigencia_entidad" ADD CONSTRAINT "vigencia_entidad_entidad_id_entidad_id_fk" FOREIGN KEY ("entidad_id") REFERENCES "public"."entidad"("id") ON DELETE no action ON UPDATE no action;