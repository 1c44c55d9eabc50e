// Publishing a meeting, and the changes still possible after it. Publishing turns every live
// assignee line into action items — (directive × district × role) and (directive × department) —
// each with its CREATED history row, in set-based SQL inside the caller's transaction.
// After publishing, adding or withdrawing an assignee, withdrawing a directive and changing a
// due date each write a history row, with the reason, to every item they touch. Withdrawn items
// keep their rows (withdrawn_at set), so the record stays while the figures leave them out.
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { addDays } from "~/utils/format";
import { can } from "~/utils/permissions";
import type { AssigneeScope, DistrictRole, MeetingStatus } from "../../db/schema";
import { selectRows } from "./sql.server";

const { directiveAssignees, directiveAssigneeDivisions, directiveAssigneeDistricts, directives, meetings } = schema;

function timestamp(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

/**
 * Every (district × role) and department that the live assignee lines of live directives
 * (those matching `directiveCondition` on directives `d`) cover, one row per target, with the
 * oldest line that covers it. A district covered by two lines ("all SPs" and "SPs of Ajmer
 * division") is one target, so it gets one item.
 */
function targetsSql(directiveCondition: SQL): SQL {
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
const SAME_TARGET = sql`t.directive_id = a.directive_id
  AND t.district_id IS NOT DISTINCT FROM a.district_id
  AND t.district_role IS NOT DISTINCT FROM a.district_role
  AND t.department_id IS NOT DISTINCT FROM a.department_id`;

interface Actor {
  id: number;
  at: Date;
}

/** Insert an item for every target of the matching directives that has none yet, each with its CREATED row. */
async function createMissingItems(tx: DbOrTx, directiveCondition: SQL, actor: Actor, remark: string | null): Promise<number> {
  const at = timestamp(actor.at);
  const [row] = await selectRows<{ n: number }>(
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
  return Number(row.n);
}

/** Withdraw the live items matching `itemCondition` (on action_items `a`), each with a WITHDRAWN row. */
async function withdrawItems(tx: DbOrTx, itemCondition: SQL, actor: Actor, reason: string): Promise<number> {
  const at = timestamp(actor.at);
  const [row] = await selectRows<{ n: number }>(
    sql`
      WITH withdrawn AS (
        UPDATE action_items a
        SET withdrawn_at = ${at}, withdrawn_reason = ${reason}, version = a.version + 1,
          updated_at = ${at}, updated_by_id = ${actor.id}
        WHERE a.withdrawn_at IS NULL AND ${itemCondition}
        RETURNING a.id, a.status, a.version
      ),
      history AS (
        INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, remark, version)
        SELECT id, ${at}, ${actor.id}, 'WITHDRAWN', status, status, ${reason}, version FROM withdrawn
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM history
    `,
    tx,
  );
  return Number(row.n);
}

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

export type PublishResult =
  | { ok: true; items: number }
  | { ok: false; reason: "not-found" | "already-published" }
  /** Directive numbers without a due date or without anyone to act: the form should have caught them. */
  | { ok: false; reason: "incomplete"; directives: number[] };

/**
 * DRAFT → PUBLISHED: create every action item of the meeting and stamp the publication.
 * Runs in the caller's transaction, so a refusal or an error leaves nothing behind.
 */
export async function publishMeeting(viewer: Viewer, input: { meetingId: number; at?: Date }, tx: DbOrTx): Promise<PublishResult> {
  if (!can(viewer.role, "publish:meeting:any")) return { ok: false, reason: "not-found" };
  const actor = { id: viewer.id, at: input.at ?? new Date() };
  const [meeting] = await selectRows<{ id: number; status: MeetingStatus }>(
    sql`SELECT id, status FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`,
    tx,
  );
  if (!meeting) return { ok: false, reason: "not-found" };
  if (meeting.status !== "DRAFT") return { ok: false, reason: "already-published" };

  // "N days from the meeting" is counted from the meeting date as it stands now.
  await tx.execute(sql`
    UPDATE directives d SET due_date = m.meeting_date + d.due_in_days
    FROM meetings m WHERE m.id = d.meeting_id AND d.meeting_id = ${meeting.id} AND d.due_in_days IS NOT NULL
  `);
  const incomplete = await selectRows<{ number: number }>(
    sql`
      WITH targets AS (${targetsSql(sql`d.meeting_id = ${meeting.id}`)})
      SELECT d.number FROM directives d
      WHERE d.meeting_id = ${meeting.id} AND d.withdrawn_at IS NULL
        AND (d.due_date IS NULL OR NOT EXISTS (SELECT 1 FROM targets t WHERE t.directive_id = d.id))
      ORDER BY d.number
    `,
    tx,
  );
  const [{ n: directiveCount }] = await selectRows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM directives WHERE meeting_id = ${meeting.id}`,
    tx,
  );
  if (incomplete.length > 0 || Number(directiveCount) === 0) {
    return { ok: false, reason: "incomplete", directives: incomplete.map((d) => d.number) };
  }

  const items = await createMissingItems(tx, sql`d.meeting_id = ${meeting.id}`, actor, null);
  await tx
    .update(meetings)
    .set({ status: "PUBLISHED", publishedAt: actor.at, publishedById: viewer.id, updatedAt: actor.at })
    .where(eq(meetings.id, meeting.id));
  return { ok: true, items };
}

// ---------------------------------------------------------------------------------------------
// Changes after publishing
// ---------------------------------------------------------------------------------------------

export type PublishedChangeResult =
  | { ok: true; affected: number }
  | { ok: false; reason: "not-found" | "not-published" | "directive-withdrawn" | "assignee-withdrawn" | "unchanged" };

interface LockedDirective {
  id: number;
  meetingId: number;
  meetingDate: string;
  dueDate: string | null;
  withdrawn: boolean;
}

/** The directive of a published meeting, locked for the change; or why there is none to change. */
async function lockDirective(
  tx: DbOrTx,
  meetingId: number,
  directiveId: number,
): Promise<LockedDirective | { ok: false; reason: "not-found" | "not-published" }> {
  const [row] = await selectRows<{
    id: number;
    meeting_id: number;
    meeting_date: string;
    due_date: string | null;
    withdrawn: boolean;
    status: MeetingStatus;
  }>(
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

function inTransaction<T>(tx: DbOrTx | undefined, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return tx ? work(tx) : db().transaction((t) => work(t));
}

export interface ChangeBase {
  meetingId: number;
  directiveId: number;
  reason: string;
  at?: Date;
}

/** Withdraw a whole directive: it and all its live items leave the figures; the record stays. */
export async function withdrawDirective(viewer: Viewer, change: ChangeBase, tx?: DbOrTx): Promise<PublishedChangeResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return inTransaction(tx, async (t) => {
    const directive = await lockDirective(t, change.meetingId, change.directiveId);
    if ("ok" in directive) return directive;
    if (directive.withdrawn) return { ok: false, reason: "directive-withdrawn" };
    const actor = { id: viewer.id, at: change.at ?? new Date() };
    await t
      .update(directives)
      .set({ withdrawnAt: actor.at, withdrawnReason: change.reason, updatedAt: actor.at })
      .where(eq(directives.id, directive.id));
    const affected = await withdrawItems(t, sql`a.directive_id = ${directive.id}`, actor, change.reason);
    return { ok: true, affected };
  });
}

export type DueDateChange = ChangeBase & ({ dueMode: "DATE"; dueDate: string } | { dueMode: "DAYS"; dueInDays: number });

/**
 * A new due date for a directive and its live items. An item whose own extension runs later
 * than the new date keeps it; every item whose due date moves gets a DUE_DATE_CHANGED row.
 */
export async function changeDirectiveDueDate(viewer: Viewer, change: DueDateChange, tx?: DbOrTx): Promise<PublishedChangeResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return inTransaction(tx, async (t) => {
    const directive = await lockDirective(t, change.meetingId, change.directiveId);
    if ("ok" in directive) return directive;
    if (directive.withdrawn) return { ok: false, reason: "directive-withdrawn" };
    const newDue = change.dueMode === "DATE" ? change.dueDate : addDays(directive.meetingDate, change.dueInDays);
    if (newDue === directive.dueDate) return { ok: false, reason: "unchanged" };
    const actor = { id: viewer.id, at: change.at ?? new Date() };
    const at = timestamp(actor.at);
    await t
      .update(directives)
      .set({ dueDate: newDue, dueInDays: change.dueMode === "DAYS" ? change.dueInDays : null, updatedAt: actor.at })
      .where(eq(directives.id, directive.id));
    // The self-join reads each row as it was before the update (its old due date).
    const [row] = await selectRows<{ n: number }>(
      sql`
        WITH changed AS (
          UPDATE action_items a
          SET due_date = ${newDue}::date, original_due_date = ${newDue}::date, version = a.version + 1,
            updated_at = ${at}, updated_by_id = ${actor.id}
          FROM action_items o
          WHERE o.id = a.id AND a.directive_id = ${directive.id} AND a.withdrawn_at IS NULL
            AND a.due_date IS DISTINCT FROM ${newDue}::date
            AND NOT (a.due_date IS DISTINCT FROM a.original_due_date AND a.due_date > ${newDue}::date)
          RETURNING a.id, a.status, a.version, o.due_date AS from_due
        ),
        history AS (
          INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status,
            from_due_date, to_due_date, remark, version)
          SELECT id, ${at}, ${actor.id}, 'DUE_DATE_CHANGED', status, status, from_due, ${newDue}::date, ${change.reason}, version
          FROM changed
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM history
      `,
      t,
    );
    // Items keeping a later extension still record the directive's new date as their original one.
    await t.execute(sql`
      UPDATE action_items SET original_due_date = ${newDue}::date
      WHERE directive_id = ${directive.id} AND withdrawn_at IS NULL AND original_due_date IS DISTINCT FROM ${newDue}::date
    `);
    return { ok: true, affected: Number(row.n) };
  });
}

/**
 * Bring a published directive's items in line with its live assignee lines: items no line
 * covers any more are withdrawn, withdrawn items a line covers again are reinstated (a CREATED
 * row with the reason), and targets without an item get one.
 */
async function reconcileDirective(tx: DbOrTx, directiveId: number, actor: Actor, reason: string) {
  const at = timestamp(actor.at);
  const targets = targetsSql(sql`d.id = ${directiveId}`);
  const withdrawn = await withdrawItems(
    tx,
    sql`a.directive_id = ${directiveId} AND NOT EXISTS (SELECT 1 FROM (${targets}) t WHERE ${SAME_TARGET})`,
    actor,
    reason,
  );
  const [reinstated] = await selectRows<{ n: number }>(
    sql`
      WITH targets AS (${targets}),
      reinstated AS (
        UPDATE action_items a
        SET withdrawn_at = NULL, withdrawn_reason = NULL, assignee_id = t.assignee_id, version = a.version + 1,
          due_date = CASE WHEN a.due_date IS DISTINCT FROM a.original_due_date AND a.due_date > d.due_date
                          THEN a.due_date ELSE d.due_date END,
          original_due_date = d.due_date, updated_at = ${at}, updated_by_id = ${actor.id}
        FROM targets t, directives d
        WHERE ${SAME_TARGET} AND d.id = a.directive_id AND a.directive_id = ${directiveId} AND a.withdrawn_at IS NOT NULL
        RETURNING a.id, a.status, a.version
      ),
      history AS (
        INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, remark, version)
        SELECT id, ${at}, ${actor.id}, 'CREATED', status, status, ${reason}, version FROM reinstated
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM history
    `,
    tx,
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
  return { withdrawn, reinstated: Number(reinstated.n), created };
}

export type NewAssignee =
  | { kind: "district-role"; districtRole: DistrictRole; scope: AssigneeScope; divisionCodes: string[]; districtCodes: string[] }
  | { kind: "department"; departmentCode: string };

export type AddAssigneeResult =
  | { ok: true; created: number; reinstated: number }
  | { ok: false; reason: "not-found" | "not-published" | "directive-withdrawn" | "unknown-code" };

/** A new assignee line on a published directive; new targets get items, each with a CREATED row. */
export async function addAssignee(
  viewer: Viewer,
  change: ChangeBase & { assignee: NewAssignee },
  tx?: DbOrTx,
): Promise<AddAssigneeResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return inTransaction(tx, async (t) => {
    const directive = await lockDirective(t, change.meetingId, change.directiveId);
    if ("ok" in directive) return directive;
    if (directive.withdrawn) return { ok: false, reason: "directive-withdrawn" };
    const actor = { id: viewer.id, at: change.at ?? new Date() };
    const { assignee } = change;
    if (assignee.kind === "department") {
      const [department] = await t
        .select({ id: schema.departments.id })
        .from(schema.departments)
        .where(eq(schema.departments.code, assignee.departmentCode));
      if (!department) return { ok: false, reason: "unknown-code" };
      await t.insert(directiveAssignees).values({ directiveId: directive.id, departmentId: department.id });
    } else {
      const [divisionIds, districtIds] = await Promise.all([
        idsFor(t, "divisions", assignee.scope === "DIVISIONS" ? assignee.divisionCodes : []),
        idsFor(t, "districts", assignee.scope === "DISTRICTS" ? assignee.districtCodes : []),
      ]);
      if (divisionIds === null || districtIds === null) return { ok: false, reason: "unknown-code" };
      const [line] = await t
        .insert(directiveAssignees)
        .values({ directiveId: directive.id, districtRole: assignee.districtRole, scope: assignee.scope })
        .returning({ id: directiveAssignees.id });
      if (divisionIds.length > 0) {
        await t.insert(directiveAssigneeDivisions).values(divisionIds.map((divisionId) => ({ assigneeId: line.id, divisionId })));
      }
      if (districtIds.length > 0) {
        await t.insert(directiveAssigneeDistricts).values(districtIds.map((districtId) => ({ assigneeId: line.id, districtId })));
      }
    }
    const result = await reconcileDirective(t, directive.id, actor, change.reason);
    return { ok: true, created: result.created, reinstated: result.reinstated };
  });
}

/** Ids for master-data codes; null when any code is unknown. */
async function idsFor(tx: DbOrTx, table: "divisions" | "districts", codes: string[]): Promise<number[] | null> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows = await selectRows<{ id: number }>(
    sql`SELECT id FROM ${sql.raw(table)} WHERE code IN (${sql.join(
      unique.map((c) => sql`${c}`),
      sql`, `,
    )})`,
    tx,
  );
  return rows.length === unique.length ? rows.map((r) => r.id) : null;
}

/** Withdraw one assignee line; its items go unless another live line still covers them. */
export async function withdrawAssignee(
  viewer: Viewer,
  change: ChangeBase & { assigneeId: number },
  tx?: DbOrTx,
): Promise<PublishedChangeResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return inTransaction(tx, async (t) => {
    const directive = await lockDirective(t, change.meetingId, change.directiveId);
    if ("ok" in directive) return directive;
    if (directive.withdrawn) return { ok: false, reason: "directive-withdrawn" };
    const actor = { id: viewer.id, at: change.at ?? new Date() };
    const [line] = await t
      .update(directiveAssignees)
      .set({ withdrawnAt: actor.at, withdrawnReason: change.reason })
      .where(
        and(
          eq(directiveAssignees.id, change.assigneeId),
          eq(directiveAssignees.directiveId, directive.id),
          isNull(directiveAssignees.withdrawnAt),
        ),
      )
      .returning({ id: directiveAssignees.id });
    if (!line) return { ok: false, reason: "assignee-withdrawn" };
    const result = await reconcileDirective(t, directive.id, actor, change.reason);
    return { ok: true, affected: result.withdrawn };
  });
}
