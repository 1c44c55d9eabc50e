// Extensions of an item's due date: the officer asks (with a reason), the secretariat grants or
// refuses. Each step is one transaction that locks the item, bumps its version and appends one
// history row, so an officer's open form learns of it like of any other change.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ACTION_STATUSES, DISTRICT_ROLES } from "~/domain/vocabulary";
import { db, schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { OPEN_STATUSES } from "~/utils/lifecycle";
import { can } from "~/utils/permissions";
import type { ActionItem, ActionItemHistory, ExtensionRequest } from "../../db/schema";
import { conflictSince, writeActionItemChange } from "./action-item-change.server";
import { actionItemScope, actionItemScopeSql } from "./scope.server";
import { ITEM_CONTEXT_JOINS } from "./joins.server";
import { col, selectChecked } from "./rows.server";
import type { PendingExtensionRequest, ExtensionDecision } from "~/domain/views";

export type { PendingExtensionRequest, ExtensionDecision, ExtensionDecisionFormResult } from "~/domain/views";

const { actionItems, extensionRequests } = schema;

export type ExtensionRequestRefusal =
  | { ok: false; reason: "forbidden" | "not-found" | "withdrawn" | "closed" | "already-pending" | "past" }
  | { ok: false; reason: "not-later"; currentDueDate: string }
  | { ok: false; reason: "conflict"; current: ActionItem; changes: ActionItemHistory[] };

export type ExtensionRequestResult = { ok: true; request: ExtensionRequest; item: ActionItem; history: ActionItemHistory } | ExtensionRequestRefusal;

export async function requestExtension(
  viewer: Viewer,
  input: { actionItemId: number; expectedVersion: number; requestedDueDate: string; reason: string; today: string; at?: Date },
  tx?: DbOrTx,
): Promise<ExtensionRequestResult> {
  if (!tx) return db().transaction((t) => requestExtension(viewer, input, t));
  if (!can(viewer.role, "request:extension:own")) return { ok: false, reason: "forbidden" };
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, input.actionItemId), actionItemScope(viewer)))
    .for("update");
  if (!item) return { ok: false, reason: "not-found" };
  if (item.withdrawnAt) return { ok: false, reason: "withdrawn" };
  if (item.version !== input.expectedVersion) return conflictSince(tx, item, input.expectedVersion);
  if (!OPEN_STATUSES.includes(item.status)) return { ok: false, reason: "closed" };
  if (item.dueDate && input.requestedDueDate <= item.dueDate) {
    return { ok: false, reason: "not-later", currentDueDate: item.dueDate };
  }
  if (input.requestedDueDate < input.today) return { ok: false, reason: "past" };
  const [pending] = await tx
    .select({ id: extensionRequests.id })
    .from(extensionRequests)
    .where(and(eq(extensionRequests.actionItemId, item.id), eq(extensionRequests.status, "PENDING")));
  if (pending) return { ok: false, reason: "already-pending" };

  const at = input.at ?? new Date();
  const reason = input.reason.trim();
  const [request] = await tx
    .insert(extensionRequests)
    .values({
      actionItemId: item.id,
      requestedById: viewer.id,
      requestedAt: at,
      currentDueDate: item.dueDate,
      requestedDueDate: input.requestedDueDate,
      reason,
    })
    .returning();
  const written = await writeActionItemChange(tx, viewer, {
    item,
    at,
    history: { kind: "EXTENSION_REQUESTED", fromDueDate: item.dueDate, toDueDate: input.requestedDueDate, remark: reason },
  });
  return { ok: true, request, ...locked(written) };
}

/** Both writes here hold the item's row lock (FOR UPDATE), so no other change can slip in between. */
function locked<T>(written: T | null): T {
  if (!written) throw new Error("An action item changed while locked");
  return written;
}

export type DecideResult =
  | { ok: true; request: ExtensionRequest; item: ActionItem; history: ActionItemHistory }
  | { ok: false; reason: "forbidden" | "not-found" | "already-decided" | "remark-required" | "withdrawn" };

/** Grant: the item's due date becomes the requested one (the original stays). Refuse: nothing moves but the history. */
export async function decideExtension(
  viewer: Viewer,
  input: { requestId: number; decision: ExtensionDecision; remark?: string | null; at?: Date },
  tx?: DbOrTx,
): Promise<DecideResult> {
  if (!tx) return db().transaction((t) => decideExtension(viewer, input, t));
  if (!can(viewer.role, "decide:extension:any")) return { ok: false, reason: "forbidden" };
  const remark = input.remark?.trim() || null;
  if (input.decision === "REFUSE" && !remark) return { ok: false, reason: "remark-required" };
  const [request] = await tx.select().from(extensionRequests).where(eq(extensionRequests.id, input.requestId)).for("update");
  if (!request) return { ok: false, reason: "not-found" };
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, request.actionItemId), actionItemScope(viewer)))
    .for("update");
  if (!item) return { ok: false, reason: "not-found" };
  if (request.status !== "PENDING") return { ok: false, reason: "already-decided" };
  if (item.withdrawnAt) return { ok: false, reason: "withdrawn" };

  const at = input.at ?? new Date();
  const granted = input.decision === "GRANT";
  const [decided] = await tx
    .update(extensionRequests)
    .set({ status: granted ? "GRANTED" : "REFUSED", decidedById: viewer.id, decidedAt: at, decisionRemark: remark })
    .where(and(eq(extensionRequests.id, request.id), eq(extensionRequests.status, "PENDING")))
    .returning();
  if (!decided) return { ok: false, reason: "already-decided" };
  const written = await writeActionItemChange(tx, viewer, {
    item,
    at,
    set: granted ? { dueDate: request.requestedDueDate } : {},
    history: {
      kind: granted ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED",
      fromDueDate: item.dueDate,
      toDueDate: granted ? request.requestedDueDate : item.dueDate,
      remark,
    },
  });
  return { ok: true, request: decided, ...locked(written) };
}

const PendingRow = z.object({
  id: col.int(),
  action_item_id: col.int(),
  reason: col.text(),
  requested_at: col.timestamp(),
  current_due_date: col.date().nullable(),
  original_due_date: col.date().nullable(),
  requested_due_date: col.date(),
  status: col.oneOf(ACTION_STATUSES),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  directive_number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  meeting_title_en: col.text(),
  meeting_title_hi: col.text(),
  district_en: col.text().nullable(),
  district_hi: col.text().nullable(),
  department_en: col.text().nullable(),
  department_hi: col.text().nullable(),
  requested_by_name: col.text(),
  requested_by_name_hi: col.text().nullable(),
});

/** The secretariat's queue of undecided requests, oldest first. Empty for anyone who cannot decide. */
export async function listPendingExtensionRequests(viewer: Viewer): Promise<PendingExtensionRequest[]> {
  if (!can(viewer.role, "decide:extension:any")) return [];
  const rows = await selectChecked(
    PendingRow,
    sql`
    SELECT x.id, x.action_item_id, x.reason, x.requested_at,
      to_char(a.due_date, 'YYYY-MM-DD') AS current_due_date,
      to_char(a.original_due_date, 'YYYY-MM-DD') AS original_due_date,
      to_char(x.requested_due_date, 'YYYY-MM-DD') AS requested_due_date,
      a.status, a.district_role,
      d.number AS directive_number, d.text_en, d.text_hi,
      m.title_en AS meeting_title_en, m.title_hi AS meeting_title_hi,
      di.name_en AS district_en, di.name_hi AS district_hi,
      dp.name_en AS department_en, dp.name_hi AS department_hi,
      u.display_name AS requested_by_name, u.display_name_hi AS requested_by_name_hi
    FROM extension_requests x
    JOIN action_items a ON a.id = x.action_item_id ${ITEM_CONTEXT_JOINS}
    JOIN users u ON u.id = x.requested_by_id
    WHERE x.status = 'PENDING' AND a.withdrawn_at IS NULL AND ${actionItemScopeSql(viewer, "a")}
    ORDER BY x.requested_at, x.id
  `,
  );
  return rows.map((r) => ({
    id: r.id,
    actionItemId: r.action_item_id,
    directiveNumber: r.directive_number,
    textEn: r.text_en,
    textHi: r.text_hi,
    meetingTitleEn: r.meeting_title_en,
    meetingTitleHi: r.meeting_title_hi,
    districtEn: r.district_en,
    districtHi: r.district_hi,
    districtRole: r.district_role,
    departmentEn: r.department_en,
    departmentHi: r.department_hi,
    status: r.status,
    currentDueDate: r.current_due_date,
    originalDueDate: r.original_due_date,
    requestedDueDate: r.requested_due_date,
    reason: r.reason,
    requestedByName: r.requested_by_name,
    requestedByNameHi: r.requested_by_name_hi,
    requestedAt: r.requested_at,
  }));
}
