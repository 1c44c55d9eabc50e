ALTER TABLE "users" ADD COLUMN "display_name_hi" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
-- action_items.returned_at: when the secretariat returned the item, while it stays returned. The latest
-- row of an item that changes its status decides: RETURNED sets it, any other change of status clears it
-- (a remark on a returned item keeps it). History is append-only (0001), so a trigger on INSERT keeps it
-- exact, as 0005 does for last_reported_at; it changes neither version nor updated_at.
CREATE OR REPLACE FUNCTION anupalan_returned_history_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_items a SET returned_at = CASE WHEN n.kind = 'RETURNED' THEN n.at END
  FROM (
    SELECT DISTINCT ON (r.action_item_id) r.action_item_id, r.kind, r.at
    FROM returned_new_rows r
    WHERE r.from_status IS DISTINCT FROM r.to_status
    ORDER BY r.action_item_id, r.version DESC, r.id DESC
  ) n
  WHERE a.id = n.action_item_id
    AND a.returned_at IS DISTINCT FROM (CASE WHEN n.kind = 'RETURNED' THEN n.at END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_item_history_returned
  AFTER INSERT ON action_item_history
  REFERENCING NEW TABLE AS returned_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_returned_history_inserted();
--> statement-breakpoint
-- Set the column from history as it stands: the backfill, and a step of db/seed-scale.ts.
CREATE OR REPLACE FUNCTION anupalan_returned_rebuild() RETURNS void
LANGUAGE sql AS $$
  UPDATE action_items a SET returned_at = m.at
  FROM (
    SELECT i.id, CASE WHEN h.kind = 'RETURNED' THEN h.at END AS at
    FROM action_items i
    LEFT JOIN LATERAL (
      SELECT x.kind, x.at FROM action_item_history x
      WHERE x.action_item_id = i.id AND x.from_status IS DISTINCT FROM x.to_status
      ORDER BY x.version DESC, x.id DESC LIMIT 1
    ) h ON true
  ) m
  WHERE a.id = m.id AND a.returned_at IS DISTINCT FROM m.at;
$$;
--> statement-breakpoint
SELECT anupalan_returned_rebuild();
