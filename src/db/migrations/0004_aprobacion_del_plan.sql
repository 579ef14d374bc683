ALTER TABLE "plan_accion" ADD COLUMN "fecha_sesion_comite" date;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "acta_comite" text;--> statement-breakpoint
ALTER TABLE "plan_accion" ADD COLUMN "observaciones" text;