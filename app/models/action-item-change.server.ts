// The one way an action item's status or remark changes: checked against the lifecycle and the
// viewer's scope, guarded by the version the change was based on, and written together with
// its history in one transaction: one row per step (two when an officer reports "Completed"
// straight from "Pending", decision 012).
import { and, eq, gt, sql } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { actorFor, findTransition } from "~/utils/lifecycle";
import type { ActionStatus, ActionItem, ActionItemHistory } from "../../db/schema";
import { actionItemScope } from "./scope.server";

const { actionItems, actionItemHistory } = schema;

export interface StatusChange {
  actionItemId: number;
  /** The version the user saw when they filled in the form. */
  expectedVersion: number;
  toStatus: ActionStatus;
  remark?: string | null;
  /** When the change happened; defaults to now (seeds and tests pass their own). */
  at?: Date;
}

export type ChangeRefusal =
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "withdrawn" }
  | { ok: false; reason: "not-allowed"; from: ActionStatus; to: ActionStatus }
  | { ok: false; reason: "remark-required" }
  /** Someone changed the item since expectedVersion: here is what it is now and what happened. */
  | { ok: false; reason: "conflict"; current: ActionItem; changes: ActionItemHistory[] };

export type ChangeResult = { ok: true; item: ActionItem; history: ActionItemHistory } | ChangeRefusal;

/** Run inside the caller's transaction (tx) or a new one. */
export async function changeActionItemStatus(
  viewer: Viewer,
  change: StatusChange,
  tx?: DbOrTx,
): Promise<ChangeResult> {
  if (!tx) return db().transaction((t) => changeActionItemStatus(viewer, change, t));
  const actor = actorFor(viewer.role);
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, change.actionItemId), actionItemScope(viewer)));
  if (!item || !actor) return { ok: false, reason: "not-found" };
  if (item.withdrawnAt) return { ok: false, reason: "withdrawn" };
  if (item.version !== change.expectedVersion) return conflict(tx, item, change.expectedVersion);

  const transition = findTransition(item.status, change.toStatus, actor);
  if (!transition) return { ok: false, reason: "not-allowed", from: item.status, to: change.toStatus };
  const remark = change.remark?.trim() || null;
  if (transition.remarkRequired && !remark) return { ok: false, reason: "remark-required" };

  const at = change.at ?? new Date();
  const steps = transition.via ? 2 : 1;
  const [updated] = await tx
    .update(actionItems)
    .set({
      status: change.toStatus,
      version: sql`${actionItems.version} + ${steps}`,
      latestRemark: remark ?? item.latestRemark,
      updatedAt: at,
      updatedById: viewer.id,
      ...(change.toStatus === "COMPLETED"
        ? { completedAt: at, firstCompletedAt: sql`coalesce(${actionItems.firstCompletedAt}, ${at.toISOString()}::timestamptz)` }
        : {}),
      ...(change.toStatus === "VERIFIED" ? { verifiedAt: at } : {}),
    })
    .where(and(eq(actionItems.id, item.id), eq(actionItems.version, change.expectedVersion)))
    .returning();
  // Another change landed between our read and our write: the version moved on.
  if (!updated) {
    const [current] = await tx.select().from(actionItems).where(eq(actionItems.id, item.id));
    return conflict(tx, current, change.expectedVersion);
  }
  const row = { actionItemId: item.id, at, actorId: viewer.id, kind: transition.kind };
  if (transition.via) {
    // The step the officer skipped in the form, so the history reads as the lifecycle does.
    await tx.insert(actionItemHistory).values({ ...row, fromStatus: item.status, toStatus: transition.via, remark: null, version: updated.version - 1 });
  }
  const [history] = await tx
    .insert(actionItemHistory)
    .values({ ...row, fromStatus: transition.via ?? item.status, toStatus: change.toStatus, remark, version: updated.version })
    .returning();
  return { ok: true, item: updated, history };
}

async function conflict(tx: DbOrTx, current: ActionItem, sinceVersion: number): Promise<ChangeRefusal> {
  const changes = await tx
    .select()
    .from(actionItemHistory)
    .where(and(eq(actionItemHistory.actionItemId, current.id), gt(actionItemHistory.version, sinceVersion)))
    .orderBy(actionItemHistory.version);
  return { ok: false, reason: "conflict", current, changes };
}
