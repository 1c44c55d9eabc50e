// The changes still possible after publishing: adding or withdrawing an assignee, withdrawing a directive
// and changing a due date. Each writes a history row, with the reason, to every item it touches.
// Withdrawn items keep their rows (withdrawn_at set), so the record stays while the figures leave them out.
import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { addDays } from "~/utils/format";
import { can } from "~/utils/permissions";
import type { AssigneeScope, DistrictRole } from "../../db/schema";
import { inTransaction, lockDirective, reconcileDirective, timestamp, withdrawItems, type Actor, type LockedDirective } from "./publish-items.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const COUNT_ROW = z.object({ n: col.int() });
const ID_ROW = z.object({ id: col.int() });

const { directiveAssignees, directiveAssigneeDivisions, directiveAssigneeDistricts, directives } = schema;

// ---------------------------------------------------------------------------------------------
// Changes after publishing
// ---------------------------------------------------------------------------------------------

export type PublishedChangeResult =
  { ok: true; affected: number } | { ok: false; reason: "not-found" | "not-published" | "directive-withdrawn" | "assignee-withdrawn" | "unchanged" };

export interface ChangeBase {
  meetingId: number;
  directiveId: number;
  reason: string;
  at?: Date;
}

type LiveDirectiveRefusal = { ok: false; reason: "not-found" | "not-published" | "directive-withdrawn" };

/**
 * What every change to a published directive starts with: the permission, one transaction, the
 * directive locked (and not withdrawn), and who acts when.
 */
function changeLiveDirective<R>(
  viewer: Viewer,
  change: ChangeBase,
  tx: DbOrTx | undefined,
  work: (t: DbOrTx, directive: LockedDirective, actor: Actor) => Promise<R>,
): Promise<R | LiveDirectiveRefusal> {
  if (!can(viewer.role, "write:meeting:any")) return Promise.resolve({ ok: false, reason: "not-found" });
  return inTransaction<R | LiveDirectiveRefusal>(tx, async (t) => {
    const directive = await lockDirective(t, change.meetingId, change.directiveId);
    if ("ok" in directive) return directive;
    if (directive.withdrawn) return { ok: false, reason: "directive-withdrawn" };
    return work(t, directive, { id: viewer.id, at: change.at ?? new Date() });
  });
}

/** Withdraw a whole directive: it and all its live items leave the figures; the record stays. */
export async function withdrawDirective(viewer: Viewer, change: ChangeBase, tx?: DbOrTx): Promise<PublishedChangeResult> {
  return changeLiveDirective<PublishedChangeResult>(viewer, change, tx, async (t, directive, actor) => {
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
  return changeLiveDirective<PublishedChangeResult>(viewer, change, tx, async (t, directive, actor) => {
    const newDue = change.dueMode === "DATE" ? change.dueDate : addDays(directive.meetingDate, change.dueInDays);
    if (newDue === directive.dueDate) return { ok: false, reason: "unchanged" };
    const at = timestamp(actor.at);
    await t
      .update(directives)
      .set({ dueDate: newDue, dueInDays: change.dueMode === "DAYS" ? change.dueInDays : null, updatedAt: actor.at })
      .where(eq(directives.id, directive.id));
    // The self-join reads each row as it was before the update (its old due date).
    const [row] = await selectChecked(
      COUNT_ROW,
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
    return { ok: true, affected: row.n };
  });
}

export type NewAssignee =
  | { kind: "district-role"; districtRole: DistrictRole; scope: AssigneeScope; divisionCodes: string[]; districtCodes: string[] }
  | { kind: "department"; departmentCode: string };

/** The form's "who must act" (add an assignee, add a directive), already checked by its schema, as a new assignee line. */
export function newAssigneeFrom(choice: {
  assigneeKind: string;
  scope: string;
  divisions: string[];
  districts: string[];
  departmentCode: string;
}): NewAssignee {
  return choice.assigneeKind === "DEPARTMENT"
    ? { kind: "department", departmentCode: choice.departmentCode }
    : {
        kind: "district-role",
        districtRole: choice.assigneeKind as DistrictRole,
        scope: choice.scope as AssigneeScope,
        divisionCodes: choice.divisions,
        districtCodes: choice.districts,
      };
}

export type AddAssigneeResult =
  { ok: true; created: number; reinstated: number } | { ok: false; reason: "not-found" | "not-published" | "directive-withdrawn" | "unknown-code" };

/** A new assignee line on a published directive; new targets get items, each with a CREATED row. */
export async function addAssignee(viewer: Viewer, change: ChangeBase & { assignee: NewAssignee }, tx?: DbOrTx): Promise<AddAssigneeResult> {
  return changeLiveDirective<AddAssigneeResult>(viewer, change, tx, async (t, directive, actor) => {
    if (!(await insertAssigneeLine(t, directive.id, change.assignee))) return { ok: false, reason: "unknown-code" };
    const result = await reconcileDirective(t, directive.id, actor, change.reason);
    return { ok: true, created: result.created, reinstated: result.reinstated };
  });
}

/**
 * Insert one assignee line (with its divisions or districts) on a directive; false, with nothing
 * written, when a code is unknown. Creating the items is the caller's next step.
 */
export async function insertAssigneeLine(t: DbOrTx, directiveId: number, assignee: NewAssignee): Promise<boolean> {
  if (assignee.kind === "department") {
    const [department] = await t
      .select({ id: schema.departments.id })
      .from(schema.departments)
      .where(eq(schema.departments.code, assignee.departmentCode));
    if (!department) return false;
    await t.insert(directiveAssignees).values({ directiveId, departmentId: department.id });
    return true;
  }
  const [divisionIds, districtIds] = await Promise.all([
    idsFor(t, "divisions", assignee.scope === "DIVISIONS" ? assignee.divisionCodes : []),
    idsFor(t, "districts", assignee.scope === "DISTRICTS" ? assignee.districtCodes : []),
  ]);
  if (divisionIds === null || districtIds === null) return false;
  const [line] = await t
    .insert(directiveAssignees)
    .values({ directiveId, districtRole: assignee.districtRole, scope: assignee.scope })
    .returning({ id: directiveAssignees.id });
  if (divisionIds.length > 0) {
    await t.insert(directiveAssigneeDivisions).values(divisionIds.map((divisionId) => ({ assigneeId: line.id, divisionId })));
  }
  if (districtIds.length > 0) {
    await t.insert(directiveAssigneeDistricts).values(districtIds.map((districtId) => ({ assigneeId: line.id, districtId })));
  }
  return true;
}

/** Ids for master-data codes; null when any code is unknown. */
async function idsFor(tx: DbOrTx, table: "divisions" | "districts", codes: string[]): Promise<number[] | null> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows = await selectChecked(
    ID_ROW,
    sql`SELECT id FROM ${sql.raw(table)} WHERE code IN (${sql.join(
      unique.map((c) => sql`${c}`),
      sql`, `,
    )})`,
    tx,
  );
  return rows.length === unique.length ? rows.map((r) => r.id) : null;
}

/** Withdraw one assignee line; its items go unless another live line still covers them. */
export async function withdrawAssignee(viewer: Viewer, change: ChangeBase & { assigneeId: number }, tx?: DbOrTx): Promise<PublishedChangeResult> {
  return changeLiveDirective<PublishedChangeResult>(viewer, change, tx, async (t, directive, actor) => {
    const [line] = await t
      .update(directiveAssignees)
      .set({ withdrawnAt: actor.at, withdrawnReason: change.reason })
      .where(
        and(eq(directiveAssignees.id, change.assigneeId), eq(directiveAssignees.directiveId, directive.id), isNull(directiveAssignees.withdrawnAt)),
      )
      .returning({ id: directiveAssignees.id });
    if (!line) return { ok: false, reason: "assignee-withdrawn" };
    const result = await reconcileDirective(t, directive.id, actor, change.reason);
    return { ok: true, affected: result.withdrawn };
  });
}
