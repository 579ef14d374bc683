-- The audit log is append-only: the database itself refuses UPDATE and DELETE on it.
CREATE OR REPLACE FUNCTION auditoria_solo_agregar() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'La bitácora de auditoría solo admite agregar registros';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER auditoria_sin_cambios BEFORE UPDATE OR DELETE ON auditoria
  FOR EACH ROW EXECUTE FUNCTION auditoria_solo_agregar();
