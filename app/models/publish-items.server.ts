// How publishing and the changes after it reach the action items: the targets the live assignee lines
// cover, creating the missing items (each with its CREATED row), withdrawing and reinstating items, and
// locking a published directive for a change. Set-based SQL inside the caller's transaction; shared by
// publish.server.ts, published-changes.server.ts and published-corrections.server.ts.
import { sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "~/db.server";
import { z } from "zod";
import { MEETING_STATUSES, type HistoryKind } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";

const COUNT_ROW = z.object({ n: col.int() });
const LOCKED_ROW = z.object({
  id: col.int(),
  meeting_id: col.int(),
  meeting_date: col.date(),
  due_date: col.date().nullable(),
  withdrawn: col.bool(),
  status: col.oneOf(MEETING_STATUSES),
});

export function timestamp(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

/**
 * Every (district × role) and department that the live assignee lines of live directives
 * (those matching `directiveCondition` on directives `d`) cover, one row per target, with the
 * oldest line that covers it. A district covered by two lines ("all SPs" and "SPs of Ajmer
 * division") is one target, so it gets one item.
 */
export function targetsSql(directiveCondition: SQL): SQL {
  return sql`
    SELECT DISTINCT ON (x.directive_id, x.district_id, x.district_role, x.department_id)
      x.directive_id, x.assignee_id, x.district_id, x.division_id, x.district_role, x.department_id
    FROM (
      SELECT da.directive_id, da.id AS assignee_id, t.id AS district_id, t.division_id, da.district_role,
        NULL::int AS department_id
      FROM directive_assignees da
      JOIN directives d ON d.id = da.directive_id
      JOIN districts t ON (
        da.scope = 'ALL'
        OR (da.scope = 'DIVISIONS' AND EXISTS (
          SELECT 1 FROM directive_assignee_divisions dv WHERE dv.assignee_id = da.id AND dv.division_id = t.division_id))
        OR (da.scope = 'DISTRICTS' AND EXISTS (
          SELECT 1 FROM directive_assignee_districts dt WHERE dt.assignee_id = da.id AND dt.district_id = t.id))
      )
      WHERE da.district_role IS NOT NULL AND da.withdrawn_at IS NULL AND d.withdrawn_at IS NULL AND ${directiveCondition}
      UNION ALL
      SELECT da.directive_id, da.id, NULL::int, NULL::int, NULL::district_role, da.department_id
      FROM directive_assignees da
      JOIN directives d ON d.id = da.directive_id
      WHERE da.department_id IS NOT NULL AND da.withdrawn_at IS NULL AND d.withdrawn_at IS NULL AND ${directiveCondition}
    ) x
    ORDER BY x.directive_id, x.district_id, x.district_role, x.department_id, x.assignee_id
  `;
}

/** The item `a` and the target `t` are the same (directive, district, role) or (directive, department). */
export const SAME_TARGET = sql`t.directive_id = a.directive_id
  AND t.district_id IS NOT DISTINCT FROM a.district_id
  AND t.district_role IS NOT DISTINCT FROM a.district_role
  AND t.department_id IS NOT DISTINCT FROM a.department_id`;

export interface Actor {
  id: number;
  at: Date;
}

/** Insert an item for every target of the matching directives that has none yet, each with its CREATED row. */
export async function createMissingItems(tx: DbOrTx, directiveCondition: SQL, actor: Actor, remark: string | null): Promise<number> {
  const at = timestamp(actor.at);
  const [row] = await selectChecked(
    COUNT_ROW,
    sql`
      WITH targets AS (${targetsSql(directiveCondition)}),
      inserted AS (
        INSERT INTO action_items (directive_id, meeting_id, assignee_id, district_id, division_id, district_role,
          department_id, status, due_date, original_due_date, version, created_at, updated_at, updated_by_id)
        SELECT t.directive_id, d.meeting_id, t.assignee_id, t.district_id, t.division_id, t.district_role,
          t.department_id, 'PENDING', d.due_date, d.due_date, 1, ${at}, ${at}, ${actor.id}
        FROM targets t
        JOIN directives d ON d.id = t.directive_id
        WHERE NOT EXISTS (SELECT 1 FROM action_items a WHERE ${SAME_TARGET})
        RETURNING id
      ),
      history AS (
        INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, remark, version)
        SELECT id, ${at}, ${actor.id}, 'CREATED', NULL, 'PENDING', ${remark}, 1 FROM inserted
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM history
    `,
    tx,
  );
  return row.n;
}

/**
 * Run `update` (an UPDATE of action_items `a`, without its RETURNING clause) and give every item it
 * changes a history row of `kind`, status unchanged, with the remark; the number of items changed.
 */
async function updateItemsWithHistory(tx: DbOrTx, update: SQL, kind: HistoryKind, actor: Actor, remark: string): Promise<number> {
  const at = timestamp(actor.at);
  const [row] = await selectChecked(
    COUNT_ROW,
    sql`
      WITH changed AS (${update} RETURNING a.id, a.status, a.version),
      history AS (
        INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, remark, version)
        SELECT id, ${at}, ${actor.id}, ${kind}::history_kind, status, status, ${remark}, version FROM changed
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM history
    `,
    tx,
  );
  return row.n;
}

/** Withdraw the live items matching `itemCondition` (on action_items `a`), each with a WITHDRAWN row. */
export async function withdrawItems(tx: DbOrTx, itemCondition: SQL, actor: Actor, reason: string): Promise<number> {
  const at = timestamp(actor.at);
  return updateItemsWithHistory(
    tx,
    sql`
      UPDATE action_items a
      SET withdrawn_at = ${at}, withdrawn_reason = ${reason}, version = a.version + 1,
        updated_at = ${at}, updated_by_id = ${actor.id}
      WHERE a.withdrawn_at IS NULL AND ${itemCondition}
    `,
    "WITHDRAWN",
    actor,
    reason,
  );
}

export interface LockedDirective {
  id: number;
  meetingId: number;
  meetingDate: string;
  dueDate: string | null;
  withdrawn: boolean;
}

/** The directive of a published meeting, locked for the change; or why there is none to change. */
export async function lockDirective(
  tx: DbOrTx,
  meetingId: number,
  directiveId: number,
): Promise<LockedDirective | { ok: false; reason: "not-found" | "not-published" }> {
  const [row] = await selectChecked(
    LOCKED_ROW,
    sql`
      SELECT d.id, d.meeting_id, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date,
        to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.withdrawn_at IS NOT NULL AS withdrawn, m.status
      FROM directives d JOIN meetings m ON m.id = d.meeting_id
      WHERE d.id = ${directiveId} AND d.meeting_id = ${meetingId}
      FOR UPDATE OF d
    `,
    tx,
  );
  if (!row) return { ok: false, reason: "not-found" };
  if (row.status !== "PUBLISHED") return { ok: false, reason: "not-published" };
  return { id: row.id, meetingId: row.meeting_id, meetingDate: row.meeting_date, dueDate: row.due_date, withdrawn: row.withdrawn };
}

export function inTransaction<T>(tx: DbOrTx | undefined, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db().transaction((t) => work(t));
}

/**
 * Bring a published directive's items in line with its live assignee lines: items no line
 * covers any more are withdrawn, withdrawn items a line covers again are reinstated (a CREATED
 * row with the reason), and targets without an item get one.
 */
export async function reconcileDirective(tx: DbOrTx, directiveId: number, actor: Actor, reason: string) {
  const at = timestamp(actor.at);
  const targets = targetsSql(sql`d.id = ${directiveId}`);
  const withdrawn = await withdrawItems(
    tx,
    sql`a.directive_id = ${directiveId} AND NOT EXISTS (SELECT 1 FROM (${targets}) t WHERE ${SAME_TARGET})`,
    actor,
    reason,
  );
  const reinstated = await updateItemsWithHistory(
    tx,
    sql`
      UPDATE action_items a
      SET withdrawn_at = NULL, withdrawn_reason = NULL, assignee_id = t.assignee_id, version = a.version + 1,
        due_date = CASE WHEN a.due_date IS DISTINCT FROM a.original_due_date AND a.due_date > d.due_date
                        THEN a.due_date ELSE d.due_date END,
        original_due_date = d.due_date, updated_at = ${at}, updated_by_id = ${actor.id}
      FROM (${targets}) t, directives d
      WHERE ${SAME_TARGET} AND d.id = a.directive_id AND a.directive_id = ${directiveId} AND a.withdrawn_at IS NOT NULL
    `,
    "CREATED",
    actor,
    reason,
  );
  // Items whose line was withdrawn but that another line still covers now belong to that line.
  await tx.execute(sql`
    WITH targets AS (${targets})
    UPDATE action_items a SET assignee_id = t.assignee_id
    FROM targets t
    WHERE ${SAME_TARGET} AND a.directive_id = ${directiveId} AND a.withdrawn_at IS NULL
      AND EXISTS (SELECT 1 FROM directive_assignees da WHERE da.id = a.assignee_id AND da.withdrawn_at IS NOT NULL)
  `);
  const created = await createMissingItems(tx, sql`d.id = ${directiveId}`, actor, reason);
  return { withdrawn, reinstated, created };
}
