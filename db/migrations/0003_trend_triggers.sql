-- The weekly trend summary (trend_weekly, with each item's share in trend_item_weeks) is kept by
-- statement-level triggers in the same transaction as every write: any write path, on both engines.
-- An item's share is computed exactly as getWeeklyTrend's replay counts it (app/models/compliance.server.ts):
-- each history row moves the item from from_status to to_status at `at` (NOT_APPLICABLE and NULL count
-- in no denominator; COMPLETED and VERIFIED are done); rows at or after withdrawn_at leave, and the
-- withdrawal removes the status the item had just before it; weeks are Monday to Sunday in IST.
CREATE OR REPLACE FUNCTION anupalan_trend_of_items(ids integer[])
RETURNS TABLE (action_item_id integer, week_start date, division_id integer, d_applicable integer, d_done integer, changes integer)
LANGUAGE sql STABLE AS $$
  SELECT i.id, date_trunc('week', c.at AT TIME ZONE 'Asia/Kolkata')::date, i.division_id,
    sum(c.d_applicable)::int, sum(c.d_done)::int, count(*)::int
  FROM action_items i
  CROSS JOIN LATERAL (
    SELECT h.at,
      (CASE WHEN h.to_status IS NOT NULL AND h.to_status <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END)
        - (CASE WHEN h.from_status IS NOT NULL AND h.from_status <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS d_applicable,
      (CASE WHEN h.to_status IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END)
        - (CASE WHEN h.from_status IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END) AS d_done
    FROM action_item_history h
    WHERE h.action_item_id = i.id AND (i.withdrawn_at IS NULL OR h.at < i.withdrawn_at)
    UNION ALL
    SELECT i.withdrawn_at,
      -(CASE WHEN last.to_status IS NOT NULL AND last.to_status <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END),
      -(CASE WHEN last.to_status IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END)
    FROM (
      SELECT h.to_status FROM action_item_history h
      WHERE h.action_item_id = i.id AND h.at < i.withdrawn_at ORDER BY h.at DESC, h.id DESC LIMIT 1
    ) last
    WHERE i.withdrawn_at IS NOT NULL
  ) c
  WHERE i.id = ANY(ids)
  GROUP BY i.id, 2
$$;
--> statement-breakpoint
-- Replace the share of these items in the summary with their share as the data now stands. Idempotent,
-- so it does not matter which trigger of a statement (item update or history insert) runs first.
-- Rows are upserted in (week, division) order, so concurrent writers take their locks in one order.
CREATE OR REPLACE FUNCTION anupalan_trend_refresh(ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO trend_weekly AS t (week_start, division_id, d_applicable, d_done, changes)
  SELECT d.week_start, d.division_id, sum(d.d_applicable), sum(d.d_done), sum(d.changes)
  FROM (
    SELECT f.week_start, f.division_id, f.d_applicable, f.d_done, f.changes FROM anupalan_trend_of_items(ids) f
    UNION ALL
    SELECT w.week_start, w.division_id, -w.d_applicable, -w.d_done, -w.changes
    FROM trend_item_weeks w WHERE w.action_item_id = ANY(ids)
  ) d
  GROUP BY d.week_start, d.division_id
  HAVING sum(d.d_applicable) <> 0 OR sum(d.d_done) <> 0 OR sum(d.changes) <> 0
  ORDER BY d.week_start, d.division_id
  ON CONFLICT (week_start, division_id) DO UPDATE SET
    d_applicable = t.d_applicable + excluded.d_applicable,
    d_done = t.d_done + excluded.d_done,
    changes = t.changes + excluded.changes;
  DELETE FROM trend_item_weeks WHERE action_item_id = ANY(ids);
  INSERT INTO trend_item_weeks SELECT * FROM anupalan_trend_of_items(ids);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anupalan_trend_history_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM anupalan_trend_refresh(ARRAY(SELECT DISTINCT n.action_item_id FROM trend_new_rows n));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anupalan_trend_items_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM anupalan_trend_refresh(ARRAY(
    SELECT n.id FROM trend_new_items n JOIN trend_old_items o ON o.id = n.id
    WHERE n.withdrawn_at IS DISTINCT FROM o.withdrawn_at OR n.division_id IS DISTINCT FROM o.division_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_item_history_trend
  AFTER INSERT ON action_item_history
  REFERENCING NEW TABLE AS trend_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_trend_history_inserted();
--> statement-breakpoint
CREATE TRIGGER action_items_trend
  AFTER UPDATE ON action_items
  REFERENCING OLD TABLE AS trend_old_items NEW TABLE AS trend_new_items
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_trend_items_updated();
--> statement-breakpoint
-- Fill both tables from the data as it stands: the backfill of an existing deployment, and the last
-- step of db/seed-scale.ts (which skips triggers for speed). The same counting as above, in one pass.
CREATE OR REPLACE FUNCTION anupalan_trend_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE trend_item_weeks, trend_weekly;
  INSERT INTO trend_item_weeks (action_item_id, week_start, division_id, d_applicable, d_done, changes)
  SELECT c.item_id, date_trunc('week', c.at AT TIME ZONE 'Asia/Kolkata')::date, c.division_id,
    sum(c.d_applicable), sum(c.d_done), count(*)
  FROM (
    SELECT i.id AS item_id, i.division_id, h.at,
      (CASE WHEN h.to_status IS NOT NULL AND h.to_status <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END)
        - (CASE WHEN h.from_status IS NOT NULL AND h.from_status <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS d_applicable,
      (CASE WHEN h.to_status IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END)
        - (CASE WHEN h.from_status IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END) AS d_done
    FROM action_item_history h JOIN action_items i ON i.id = h.action_item_id
    WHERE i.withdrawn_at IS NULL OR h.at < i.withdrawn_at
    UNION ALL
    SELECT i.id, i.division_id, i.withdrawn_at,
      -(CASE WHEN last.to_status IS NOT NULL AND last.to_status <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END),
      -(CASE WHEN last.to_status IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END)
    FROM action_items i CROSS JOIN LATERAL (
      SELECT h.to_status FROM action_item_history h
      WHERE h.action_item_id = i.id AND h.at < i.withdrawn_at ORDER BY h.at DESC, h.id DESC LIMIT 1
    ) last
    WHERE i.withdrawn_at IS NOT NULL
  ) c
  GROUP BY c.item_id, c.division_id, 2;
  INSERT INTO trend_weekly (week_start, division_id, d_applicable, d_done, changes)
  SELECT week_start, division_id, sum(d_applicable), sum(d_done), sum(changes)
  FROM trend_item_weeks GROUP BY week_start, division_id;
END;
$$;
--> statement-breakpoint
SELECT anupalan_trend_rebuild();
