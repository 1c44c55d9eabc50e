-- History and the audit log are evidence: rows are appended, never changed or removed.
CREATE OR REPLACE FUNCTION anupalan_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER action_item_history_append_only
  BEFORE UPDATE OR DELETE ON action_item_history
  FOR EACH ROW EXECUTE FUNCTION anupalan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION anupalan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER action_item_history_no_truncate
  BEFORE TRUNCATE ON action_item_history
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_refuse_change();
