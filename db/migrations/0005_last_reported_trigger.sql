-- action_items.last_reported_at is the latest history row of the reporting kinds (STATUS_CHANGED, REMARK,
-- EXTENSION_REQUESTED), whoever wrote it: the district ranking's "days since update" reads it instead of
-- scanning history (docs/decisions/007-dashboard-at-scale.md). History is append-only (0001), so a trigger
-- on INSERT keeps it exact. The writers lock and update the item before they append its history row, so
-- this update takes no lock they do not hold already; it changes neither version nor updated_at, and the
-- trend trigger on action_items (0003) finds no change of withdrawn_at or division_id and does nothing.
CREATE OR REPLACE FUNCTION anupalan_last_reported_history_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM last_reported_new_rows n WHERE n.kind IN ('STATUS_CHANGED', 'REMARK', 'EXTENSION_REQUESTED')) THEN
    RETURN NULL;
  END IF;
  UPDATE action_items a SET last_reported_at = n.at
  FROM (
    SELECT r.action_item_id, max(r.at) AS at FROM last_reported_new_rows r
    WHERE r.kind IN ('STATUS_CHANGED', 'REMARK', 'EXTENSION_REQUESTED')
    GROUP BY r.action_item_id
  ) n
  WHERE a.id = n.action_item_id AND (a.last_reported_at IS NULL OR a.last_reported_at < n.at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_item_history_last_reported
  AFTER INSERT ON action_item_history
  REFERENCING NEW TABLE AS last_reported_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_last_reported_history_inserted();
--> statement-breakpoint
-- Set the column from history as it stands: the backfill of an existing deployment, and a step of
-- db/seed-scale.ts (which skips triggers for speed). Rewrites only the items whose value differs.
CREATE OR REPLACE FUNCTION anupalan_last_reported_rebuild() RETURNS void
LANGUAGE sql AS $$
  UPDATE action_items a SET last_reported_at = m.at
  FROM (
    SELECT i.id, max(h.at) AS at
    FROM action_items i
    LEFT JOIN action_item_history h
      ON h.action_item_id = i.id AND h.kind IN ('STATUS_CHANGED', 'REMARK', 'EXTENSION_REQUESTED')
    GROUP BY i.id
  ) m
  WHERE a.id = m.id AND a.last_reported_at IS DISTINCT FROM m.at;
$$;
--> statement-breakpoint
SELECT anupalan_last_reported_rebuild();
