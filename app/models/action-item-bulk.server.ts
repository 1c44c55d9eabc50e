// Several action items at once: moved to IN_PROGRESS with one remark (each in its own
// transaction), and named for a message.
import { and, eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { ChangeSummary } from "~/schemas/action-update";
import type { Viewer } from "~/utils/auth.server";
import type { ActionStatus } from "../../db/schema";
import { changeActionItemStatus, type ChangeRefusal } from "./action-item-change.server";
import { summariseChanges } from "./action-item.server";
import { actionItemScope, actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const LABEL_ROW = z.object({ id: col.int(), number: col.int(), title_en: col.text(), title_hi: col.text() });

export type BulkRefusalReason = ChangeRefusal["reason"] | "not-pending";

export interface BulkStartResult {
  updated: number[];
  refused: { id: number; reason: BulkRefusalReason; status?: ActionStatus; change?: ChangeSummary }[];
}

/**
 * Move each PENDING item to IN_PROGRESS with the same remark. Each item is its own transaction
 * with its own history row, so a stale or forbidden item does not hold back the others.
 */
export async function startActionItems(
  viewer: Viewer,
  entries: { id: number; version: number }[],
  remark: string,
  at: Date = new Date(),
): Promise<BulkStartResult> {
  const result: BulkStartResult = { updated: [], refused: [] };
  for (const entry of entries) {
    const outcome = await db().transaction(async (tx) => {
      const [item] = await tx
        .select({ status: schema.actionItems.status, version: schema.actionItems.version })
        .from(schema.actionItems)
        .where(and(eq(schema.actionItems.id, entry.id), actionItemScope(viewer)));
      // Moving an item that is already under way would only add a note; say so instead.
      if (item && item.version === entry.version && item.status !== "PENDING") {
        return { ok: false as const, reason: "not-pending" as const, status: item.status };
      }
      return changeActionItemStatus(viewer, { actionItemId: entry.id, expectedVersion: entry.version, toStatus: "IN_PROGRESS", remark, at }, tx);
    });
    if (outcome.ok) {
      result.updated.push(entry.id);
    } else if (outcome.reason === "conflict") {
      const [last] = await summariseChanges(outcome.changes.slice(-1));
      result.refused.push({ id: entry.id, reason: "conflict", status: outcome.current.status, change: last });
    } else if (outcome.reason === "not-pending") {
      result.refused.push({ id: entry.id, reason: "not-pending", status: outcome.status });
    } else if (outcome.reason === "not-allowed") {
      result.refused.push({ id: entry.id, reason: "not-allowed", status: outcome.from });
    } else {
      result.refused.push({ id: entry.id, reason: outcome.reason });
    }
  }
  return result;
}

/** How to name items in a message: their directive number and meeting, for those the viewer may see. */
export async function labelActionItems(
  viewer: Viewer,
  ids: number[],
): Promise<Map<number, { directiveNumber: number; meetingTitleEn: string; meetingTitleHi: string }>> {
  const labels = new Map<number, { directiveNumber: number; meetingTitleEn: string; meetingTitleHi: string }>();
  if (ids.length === 0) return labels;
  const rows = await selectChecked(
    LABEL_ROW,
    sql`
    SELECT a.id, d.number, m.title_en, m.title_hi
    FROM action_items a JOIN directives d ON d.id = a.directive_id JOIN meetings m ON m.id = a.meeting_id
    WHERE a.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) AND ${actionItemScopeSql(viewer, "a")}
  `,
  );
  for (const r of rows) {
    labels.set(r.id, { directiveNumber: r.number, meetingTitleEn: r.title_en, meetingTitleHi: r.title_hi });
  }
  return labels;
}
