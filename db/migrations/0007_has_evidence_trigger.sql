-- action_items.has_evidence says whether any evidence row points at the item: the district ranking's
-- "completions with evidence" reads it instead of a DISTINCT over evidence (docs/decisions/007-dashboard-at-scale.md).
-- The app only ever inserts evidence, but nothing in the schema forbids removing a row or moving it to
-- another item, so deletes and updates are followed too. The writers lock and update the item before they
-- attach its evidence, so the update below takes no lock they do not hold already; it changes neither
-- version nor updated_at, and the trend trigger on action_items (0003) finds no change of withdrawn_at or
-- division_id and does nothing. Only items whose flag is wrong are written.
CREATE OR REPLACE FUNCTION anupalan_has_evidence_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_items a SET has_evidence = true
  WHERE a.id IN (SELECT n.action_item_id FROM has_evidence_new_rows n) AND NOT a.has_evidence;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anupalan_has_evidence_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_items a SET has_evidence = false
  WHERE a.id IN (SELECT o.action_item_id FROM has_evidence_old_rows o) AND a.has_evidence
    AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.action_item_id = a.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anupalan_has_evidence_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_items a SET has_evidence = EXISTS (SELECT 1 FROM evidence e WHERE e.action_item_id = a.id)
  WHERE a.id IN (
    SELECT n.action_item_id FROM has_evidence_new_rows n
    UNION SELECT o.action_item_id FROM has_evidence_old_rows o
  ) AND a.has_evidence IS DISTINCT FROM EXISTS (SELECT 1 FROM evidence e WHERE e.action_item_id = a.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_has_evidence_inserted
  AFTER INSERT ON evidence
  REFERENCING NEW TABLE AS has_evidence_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_has_evidence_inserted();
--> statement-breakpoint
CREATE TRIGGER evidence_has_evidence_deleted
  AFTER DELETE ON evidence
  REFERENCING OLD TABLE AS has_evidence_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_has_evidence_deleted();
--> statement-breakpoint
CREATE TRIGGER evidence_has_evidence_updated
  AFTER UPDATE ON evidence
  REFERENCING OLD TABLE AS has_evidence_old_rows NEW TABLE AS has_evidence_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_has_evidence_updated();
--> statement-breakpoint
-- Set the flag from evidence as it stands: the backfill of an existing deployment, and a step of
-- db/seed-scale.ts (which skips triggers for speed). Rewrites only the items whose value differs.
CREATE OR REPLACE FUNCTION anupalan_has_evidence_rebuild() RETURNS void
LANGUAGE sql AS $$
  UPDATE action_items a SET has_evidence = (ev.action_item_id IS NOT NULL)
  FROM action_items i
  LEFT JOIN (SELECT DISTINCT action_item_id FROM evidence) ev ON ev.action_item_id = i.id
  WHERE a.id = i.id AND a.has_evidence IS DISTINCT FROM (ev.action_item_id IS NOT NULL);
$$;
--> statement-breakpoint
SELECT anupalan_has_evidence_rebuild();
