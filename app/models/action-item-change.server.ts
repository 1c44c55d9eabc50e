// The one way an action item's status or remark changes: checked against the lifecycle and the
// viewer's scope, guarded by the version the change was based on, and written together with its
// history in one transaction: one row per step of the lifecycle (two when an officer reports
// "Completed" straight from "Pending", decision 012).
import { and, eq, gt, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { db, schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { actorFor, findTransition } from "~/utils/lifecycle";
import type { ActionStatus, ActionItem, ActionItemHistory, NewActionItemHistory } from "../../db/schema";
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
export async function changeActionItemStatus(viewer: Viewer, change: StatusChange, tx?: DbOrTx): Promise<ChangeResult> {
  if (!tx) return db().transaction((t) => changeActionItemStatus(viewer, change, t));
  const actor = actorFor(viewer.role);
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, change.actionItemId), actionItemScope(viewer)));
  if (!item || !actor) return { ok: false, reason: "not-found" };
  if (item.withdrawnAt) return { ok: false, reason: "withdrawn" };
  if (item.version !== change.expectedVersion) return conflictSince(tx, item, change.expectedVersion);

  const transition = findTransition(item.status, change.toStatus, actor);
  if (!transition) return { ok: false, reason: "not-allowed", from: item.status, to: change.toStatus };
  const remark = change.remark?.trim() || null;
  if (transition.remarkRequired && !remark) return { ok: false, reason: "remark-required" };

  const at = change.at ?? new Date();
  const written = await writeActionItemChange(tx, viewer, {
    item,
    expectedVersion: change.expectedVersion,
    at,
    set: {
      status: change.toStatus,
      latestRemark: remark ?? item.latestRemark,
      ...(change.toStatus === "COMPLETED"
        ? { completedAt: at, firstCompletedAt: sql`coalesce(${actionItems.firstCompletedAt}, ${at.toISOString()}::timestamptz)` }
        : {}),
      ...(change.toStatus === "VERIFIED" ? { verifiedAt: at } : {}),
    },
    history: { kind: transition.kind, toStatus: change.toStatus, remark, via: transition.via },
  });
  // Another change landed between our read and our write: the version moved on.
  if (!written) {
    const [current] = await tx.select().from(actionItems).where(eq(actionItems.id, item.id));
    return conflictSince(tx, current, change.expectedVersion);
  }
  return { ok: true, ...written };
}

/** One versioned change to an item, as writeActionItemChange takes it. */
export interface ActionItemWrite {
  /** The item as read in this transaction (its status is the history row's "from"). */
  item: ActionItem;
  /** Write only while the item is still at this version; otherwise nothing is written (null). */
  expectedVersion?: number;
  at: Date;
  /** Columns that change besides version, updatedAt and updatedById. */
  set?: PgUpdateSetSource<typeof actionItems>;
  /** The one history row; toStatus defaults to the item's status (a change that keeps it). */
  history: Pick<NewActionItemHistory, "kind" | "remark" | "fromDueDate" | "toDueDate"> & {
    toStatus?: ActionStatus;
    /**
     * A status the change passes through (lifecycle.ts `via`): a row from the item's status to it,
     * without a remark, comes first, so the history reads step by step; the version goes up by two.
     */
    via?: ActionStatus;
  };
}

/**
 * The one way any change to an action item is written: the row's version goes up by one (so every
 * open form learns of it), and exactly one history row records it with that version. Run inside
 * the caller's transaction. Null when expectedVersion was given and the item has moved on.
 */
export async function writeActionItemChange(
  tx: DbOrTx,
  viewer: Pick<Viewer, "id">,
  write: ActionItemWrite,
): Promise<{ item: ActionItem; history: ActionItemHistory } | null> {
  const { item, at } = write;
  const via = write.history.via;
  const [updated] = await tx
    .update(actionItems)
    .set({ ...write.set, version: sql`${actionItems.version} + ${via ? 2 : 1}`, updatedAt: at, updatedById: viewer.id })
    .where(
      write.expectedVersion === undefined
        ? eq(actionItems.id, item.id)
        : and(eq(actionItems.id, item.id), eq(actionItems.version, write.expectedVersion)),
    )
    .returning();
  if (!updated) return null;
  if (via) {
    await tx.insert(actionItemHistory).values({
      actionItemId: item.id,
      at,
      actorId: viewer.id,
      kind: write.history.kind,
      fromStatus: item.status,
      toStatus: via,
      remark: null,
      version: updated.version - 1,
    });
  }
  const [history] = await tx
    .insert(actionItemHistory)
    .values({
      actionItemId: item.id,
      at,
      actorId: viewer.id,
      kind: write.history.kind,
      fromStatus: via ?? item.status,
      toStatus: write.history.toStatus ?? item.status,
      fromDueDate: write.history.fromDueDate,
      toDueDate: write.history.toDueDate,
      remark: write.history.remark ?? null,
      version: updated.version,
    })
    .returning();
  return { item: updated, history };
}

export type ConflictRefusal = Extract<ChangeRefusal, { reason: "conflict" }>;

/** The refusal for a form based on an old version: the item as it is now and the history since. */
export async function conflictSince(tx: DbOrTx, current: ActionItem, sinceVersion: number): Promise<ConflictRefusal> {
  const changes = await tx
    .select()
    .from(actionItemHistory)
    .where(and(eq(actionItemHistory.actionItemId, current.id), gt(actionItemHistory.version, sinceVersion)))
    .orderBy(actionItemHistory.version);
  return { ok: false, reason: "conflict", current, changes };
}
