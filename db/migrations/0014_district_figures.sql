CREATE TABLE "district_figures" (
	"district_id" integer,
	"division_id" integer,
	"items" integer DEFAULT 0 NOT NULL,
	"not_applicable" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"due_passed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"graded" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"in_progress" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"with_evidence" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "district_figures_group_key" UNIQUE NULLS NOT DISTINCT("district_id","division_id")
);
--> statement-breakpoint
CREATE TABLE "district_figures_day" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"as_of" date NOT NULL
);
--> statement-breakpoint
-- The unfiltered dashboard's counts per group of live items, kept by statement triggers on action_items
-- (decision 028). The counts are exactly getComplianceSets' (app/models/compliance.server.ts: countColumns
-- and mixCondition) for the day in district_figures_day; tests/integration/district-figures.test.ts holds
-- the two to the same figures. They are written once, in the statement below, which adds the rows of
-- `source` (sign +1 for rows that arrive, -1 for rows that leave) to their groups: a trigger passes the
-- rows it saw, the rebuild every item.
CREATE OR REPLACE FUNCTION anupalan_figures_upsert_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO district_figures AS f (district_id, division_id, items, not_applicable, done, verified, overdue,
      due_passed, on_time, graded, pending, in_progress, completed, with_evidence, last_at)
    SELECT d.district_id, d.division_id, d.items, d.not_applicable, d.done, d.verified, d.overdue,
      d.due_passed, d.on_time, d.graded, d.pending, d.in_progress, d.completed, d.with_evidence, d.last_at
    FROM (
      SELECT r.district_id, r.division_id,
        sum(r.sign)::int AS items,
        coalesce(sum(r.sign) FILTER (WHERE r.status = 'NOT_APPLICABLE'), 0)::int AS not_applicable,
        coalesce(sum(r.sign) FILTER (WHERE r.status IN ('COMPLETED', 'VERIFIED')), 0)::int AS done,
        coalesce(sum(r.sign) FILTER (WHERE r.status = 'VERIFIED'), 0)::int AS verified,
        coalesce(sum(r.sign) FILTER (WHERE r.status IN ('PENDING', 'IN_PROGRESS') AND r.due_date < $1), 0)::int AS overdue,
        coalesce(sum(r.sign) FILTER (WHERE r.status <> 'NOT_APPLICABLE' AND r.due_date < $1), 0)::int AS due_passed,
        coalesce(sum(r.sign) FILTER (
          WHERE r.status <> 'NOT_APPLICABLE' AND r.due_date < $1 AND r.first_completed_on <= r.due_date), 0)::int AS on_time,
        coalesce(sum(r.sign) FILTER (
          WHERE r.status IN ('COMPLETED', 'VERIFIED') OR (r.status IN ('PENDING', 'IN_PROGRESS') AND r.due_date < $1)), 0)::int AS graded,
        coalesce(sum(r.sign) FILTER (WHERE r.status = 'PENDING' AND (r.due_date IS NULL OR r.due_date >= $1)), 0)::int AS pending,
        coalesce(sum(r.sign) FILTER (WHERE r.status = 'IN_PROGRESS' AND (r.due_date IS NULL OR r.due_date >= $1)), 0)::int AS in_progress,
        coalesce(sum(r.sign) FILTER (WHERE r.status = 'COMPLETED'), 0)::int AS completed,
        coalesce(sum(r.sign) FILTER (WHERE r.status IN ('COMPLETED', 'VERIFIED') AND r.has_evidence), 0)::int AS with_evidence,
        max(r.last_reported_at) FILTER (WHERE r.sign > 0) AS last_at,
        max(r.last_reported_at) FILTER (WHERE r.sign < 0) AS last_at_before
      FROM (%s) r
      WHERE r.withdrawn_at IS NULL
      GROUP BY r.district_id, r.division_id
    ) d
    -- Changes that cancel out (a remark, a later due date still in the future) write nothing.
    WHERE d.items <> 0 OR d.not_applicable <> 0 OR d.done <> 0 OR d.verified <> 0 OR d.overdue <> 0
      OR d.due_passed <> 0 OR d.on_time <> 0 OR d.graded <> 0 OR d.pending <> 0 OR d.in_progress <> 0
      OR d.completed <> 0 OR d.with_evidence <> 0 OR d.last_at IS DISTINCT FROM d.last_at_before
    ORDER BY d.district_id NULLS FIRST, d.division_id NULLS FIRST
    ON CONFLICT (district_id, division_id) DO UPDATE SET
      items = f.items + excluded.items,
      not_applicable = f.not_applicable + excluded.not_applicable,
      done = f.done + excluded.done,
      verified = f.verified + excluded.verified,
      overdue = f.overdue + excluded.overdue,
      due_passed = f.due_passed + excluded.due_passed,
      on_time = f.on_time + excluded.on_time,
      graded = f.graded + excluded.graded,
      pending = f.pending + excluded.pending,
      in_progress = f.in_progress + excluded.in_progress,
      completed = f.completed + excluded.completed,
      with_evidence = f.with_evidence + excluded.with_evidence,
      last_at = greatest(f.last_at, excluded.last_at)
  $q$, source)
$$;
--> statement-breakpoint
-- A group's latest report can only be recomputed, not subtracted: for the groups a live item with a
-- report left (withdrawn, deleted, moved, its report time lowered), read it again from their items.
-- The upsert above has locked those rows, so this later statement sees every committed write to them.
CREATE OR REPLACE FUNCTION anupalan_figures_recount_last_sql(left_rows text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    UPDATE district_figures f SET last_at = (
      SELECT max(a.last_reported_at) FROM action_items a
      WHERE a.withdrawn_at IS NULL AND a.division_id IS NOT DISTINCT FROM f.division_id
        AND (a.district_id = f.district_id OR (f.district_id IS NULL AND a.district_id IS NULL)))
    WHERE EXISTS (
      SELECT 1 FROM (%s) l
      WHERE l.district_id IS NOT DISTINCT FROM f.district_id AND l.division_id IS NOT DISTINCT FROM f.division_id)
  $q$, left_rows)
$$;
--> statement-breakpoint
-- Writers hold this lock shared until they commit; the rebuild holds it alone, so it never counts from a
-- snapshot that misses a writer's change that will then be added on top of it.
CREATE OR REPLACE FUNCTION anupalan_figures_lock(exclusive boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF exclusive THEN
    PERFORM pg_advisory_xact_lock(hashtext('anupalan_district_figures'));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtext('anupalan_district_figures'));
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anupalan_figures_items_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  day date;
BEGIN
  PERFORM anupalan_figures_lock(false);
  SELECT as_of INTO day FROM district_figures_day;
  IF day IS NOT NULL THEN
    EXECUTE anupalan_figures_upsert_sql('SELECT n.*, 1 AS sign FROM figures_new n') USING day;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only rows whose counted columns changed take part: most updates (a remark, a version, a reminder mark)
-- move no figure and write nothing here.
CREATE OR REPLACE FUNCTION anupalan_figures_items_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  day date;
  moved constant text := '(n.district_id, n.division_id, n.status, n.due_date, n.first_completed_on, n.has_evidence,
      n.withdrawn_at, n.last_reported_at) IS DISTINCT FROM (o.district_id, o.division_id, o.status, o.due_date,
      o.first_completed_on, o.has_evidence, o.withdrawn_at, o.last_reported_at)';
BEGIN
  PERFORM anupalan_figures_lock(false);
  SELECT as_of INTO day FROM district_figures_day;
  IF day IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE anupalan_figures_upsert_sql(
    'SELECT n.*, 1 AS sign FROM figures_new n JOIN figures_old o ON o.id = n.id WHERE ' || moved ||
    ' UNION ALL SELECT o.*, -1 AS sign FROM figures_new n JOIN figures_old o ON o.id = n.id WHERE ' || moved) USING day;
  EXECUTE anupalan_figures_recount_last_sql(
    'SELECT o.district_id, o.division_id FROM figures_old o JOIN figures_new n ON n.id = o.id
     WHERE o.withdrawn_at IS NULL AND o.last_reported_at IS NOT NULL
       AND (n.withdrawn_at IS NOT NULL OR n.district_id IS DISTINCT FROM o.district_id
         OR n.division_id IS DISTINCT FROM o.division_id OR n.last_reported_at IS NULL
         OR n.last_reported_at < o.last_reported_at)');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anupalan_figures_items_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  day date;
BEGIN
  PERFORM anupalan_figures_lock(false);
  SELECT as_of INTO day FROM district_figures_day;
  IF day IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE anupalan_figures_upsert_sql('SELECT o.*, -1 AS sign FROM figures_old o') USING day;
  EXECUTE anupalan_figures_recount_last_sql(
    'SELECT o.district_id, o.division_id FROM figures_old o WHERE o.withdrawn_at IS NULL AND o.last_reported_at IS NOT NULL');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE fires no row changes: forget the counts; the next reader rebuilds them.
CREATE OR REPLACE FUNCTION anupalan_figures_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM anupalan_figures_lock(true);
  DELETE FROM district_figures_day;
  DELETE FROM district_figures;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_items_figures_insert
  AFTER INSERT ON action_items
  REFERENCING NEW TABLE AS figures_new
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_figures_items_inserted();
--> statement-breakpoint
CREATE TRIGGER action_items_figures_update
  AFTER UPDATE ON action_items
  REFERENCING OLD TABLE AS figures_old NEW TABLE AS figures_new
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_figures_items_updated();
--> statement-breakpoint
CREATE TRIGGER action_items_figures_delete
  AFTER DELETE ON action_items
  REFERENCING OLD TABLE AS figures_old
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_figures_items_deleted();
--> statement-breakpoint
CREATE TRIGGER action_items_figures_truncate
  AFTER TRUNCATE ON action_items
  FOR EACH STATEMENT EXECUTE FUNCTION anupalan_figures_forget();
--> statement-breakpoint
-- The counts for `day` from every item, unless they are already for that day. The first reader of a new
-- IST day calls it (app/models/district-figures.server.ts); it waits for writers in flight and they for it.
CREATE OR REPLACE FUNCTION anupalan_figures_rebuild(day date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM anupalan_figures_lock(true);
  IF EXISTS (SELECT 1 FROM district_figures_day WHERE as_of = day) THEN
    RETURN;
  END IF;
  DELETE FROM district_figures;
  EXECUTE anupalan_figures_upsert_sql('SELECT a.*, 1 AS sign FROM action_items a') USING day;
  INSERT INTO district_figures_day (singleton, as_of) VALUES (true, day)
  ON CONFLICT (singleton) DO UPDATE SET as_of = excluded.as_of;
END;
$$;
