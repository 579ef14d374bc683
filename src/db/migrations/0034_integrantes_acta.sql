ALTER TABLE "sesion_comite" ADD COLUMN "integrantes_acta" jsonb;--> statement-breakpoint
-- Actas already closed keep the posts as they are today: the best record there is of who sat then.
UPDATE "sesion_comite" s SET "integrantes_acta" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', i."id", 'cargo', i."cargo", 'titular', i."titular", 'rol', i."rol", 'voto', i."voto", 'desde', i."desde", 'hasta', i."hasta") ORDER BY i."creado_en", i."id"), '[]'::jsonb)
  FROM "integrante_comite" i WHERE i."comite_id" = s."comite_id"
) WHERE s."acta_hash" IS NOT NULL;
