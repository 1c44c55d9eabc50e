// One action item: the item with its history and evidence, and one update (its state, what
// changed since a version, a status change with its evidence). The viewer's scope is part of
// every query (actionItemScopeSql), so a row outside it is never read. The list is
// action-item-list.server.ts, several items at once action-item-bulk.server.ts.
import { sql } from "drizzle-orm";
import { db } from "~/db.server";
import type { ChangeSummary } from "~/schemas/action-update";
import type { Viewer } from "~/utils/auth.server";
import type { ActionItemHistory, ActionStatus } from "../../db/schema";
import { changeActionItemStatus, type ChangeResult, type StatusChange } from "./action-item-change.server";
import { LIST_ROW, overdueSql, toListRow } from "./action-item-list.server";
import { storeEvidence, type EvidenceFileInput } from "./evidence.server";
import { ITEM_CONTEXT_JOINS } from "./joins.server";
import { actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { ACTION_STATUSES, EVIDENCE_KINDS, HISTORY_KINDS } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";
import type { EvidenceSummary, TimelineEntry } from "~/domain/action-views";

export type { EvidenceSummary, TimelineEntry } from "~/domain/action-views";

// The detail type is browser-safe, beside the list row (decision 020).
import type { ActionItemDetail } from "~/domain/action-views";
export type { ActionItemDetail };

const DETAIL_ROW = LIST_ROW.extend({
  chair_en: col.text(),
  chair_hi: col.text(),
  latest_remark: col.text().nullable(),
  updated_at: col.timestamp(),
  updated_by_name: col.text().nullable(),
  updated_by_name_hi: col.text().nullable(),
  withdrawn_at: col.timestamp().nullable(),
  withdrawn_reason: col.text().nullable(),
  return_reason: col.text().nullable(),
  returned_by_name: col.text().nullable(),
  returned_by_name_hi: col.text().nullable(),
  escalated_at: col.timestamp().nullable(),
  ext_id: col.int().nullable(),
  ext_date: col.date().nullable(),
  ext_at: col.timestamp().nullable(),
  ext_reason: col.text().nullable(),
});
/** A history row as the conflict message shows it (changesSince). */
const CHANGE_ROW = z.object({
  at: col.timestamp(),
  kind: col.oneOf(HISTORY_KINDS),
  from_status: col.oneOf(ACTION_STATUSES).nullable(),
  to_status: col.oneOf(ACTION_STATUSES),
  from_due_date: col.date().nullable(),
  to_due_date: col.date().nullable(),
  remark: col.text().nullable(),
  actor_name: col.text().nullable(),
  actor_name_hi: col.text().nullable(),
});
const HISTORY_ROW = CHANGE_ROW.extend({ id: col.int(), version: col.int(), actor_role: col.text().nullable() });
const EVIDENCE_ROW = z.object({
  id: col.int(),
  history_id: col.int().nullable(),
  kind: col.oneOf(EVIDENCE_KINDS),
  file_name: col.text().nullable(),
  content_type: col.text().nullable(),
  size_bytes: col.int().nullable(),
  url: col.text().nullable(),
});
const NAME_ROW = z.object({ id: col.int(), display_name: col.text(), display_name_hi: col.text().nullable() });
const STATE_ROW = z.object({ status: col.oneOf(ACTION_STATUSES), version: col.int(), withdrawn: col.bool() });

/** The item, if the viewer may see it; null otherwise (the caller answers 404). */
export async function getActionItem(viewer: Viewer, id: number, today: string): Promise<ActionItemDetail | null> {
  const [r] = await selectChecked(
    DETAIL_ROW,
    sql`
    SELECT a.id, a.status, a.version, a.latest_remark, a.updated_at, a.withdrawn_at, a.withdrawn_reason, a.returned_at, a.escalated_at,
      rt.remark AS return_reason, rt.display_name AS returned_by_name, rt.display_name_hi AS returned_by_name_hi,
      to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
      to_char(a.original_due_date, 'YYYY-MM-DD') AS original_due_date,
      CASE WHEN ${overdueSql(today)} THEN (${today}::date - a.due_date) ELSE 0 END AS days_overdue,
      d.number AS directive_number, d.text_en, d.text_hi, d.priority,
      m.id AS meeting_id, m.title_en AS meeting_title_en, m.title_hi AS meeting_title_hi,
      m.chair_en, m.chair_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date,
      c.name_en AS category_en, c.name_hi AS category_hi,
      di.name_en AS district_en, di.name_hi AS district_hi, a.district_role,
      dp.name_en AS department_en, dp.name_hi AS department_hi,
      u.display_name AS updated_by_name, u.display_name_hi AS updated_by_name_hi,
      e.id AS ext_id, to_char(e.requested_due_date, 'YYYY-MM-DD') AS ext_date, e.requested_at AS ext_at, e.reason AS ext_reason
    FROM action_items a ${ITEM_CONTEXT_JOINS}
    LEFT JOIN categories c ON c.id = d.category_id
    LEFT JOIN users u ON u.id = a.updated_by_id
    LEFT JOIN LATERAL (
      SELECT * FROM extension_requests x WHERE x.action_item_id = a.id AND x.status = 'PENDING'
      ORDER BY x.requested_at DESC LIMIT 1
    ) e ON true
    LEFT JOIN LATERAL (
      SELECT h.remark, ru.display_name, ru.display_name_hi FROM action_item_history h LEFT JOIN users ru ON ru.id = h.actor_id
      WHERE a.returned_at IS NOT NULL AND h.action_item_id = a.id AND h.kind = 'RETURNED'
      ORDER BY h.version DESC, h.id DESC LIMIT 1
    ) rt ON true
    WHERE a.id = ${id} AND ${actionItemScopeSql(viewer, "a")}
  `,
  );
  if (!r) return null;
  return {
    ...toListRow(r, r.ext_id !== null),
    meetingChairEn: r.chair_en,
    meetingChairHi: r.chair_hi,
    latestRemark: r.latest_remark,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
    updatedByNameHi: r.updated_by_name_hi,
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
    returnReason: r.return_reason,
    returnedByName: r.returned_by_name,
    returnedByNameHi: r.returned_by_name_hi,
    escalatedAt: r.escalated_at,
    pendingExtension:
      r.ext_id !== null && r.ext_date !== null && r.ext_at !== null
        ? { id: r.ext_id, requestedDueDate: r.ext_date, requestedAt: r.ext_at, reason: r.ext_reason ?? "" }
        : null,
  };
}

/** The item's history, newest first, each row with its evidence (never the file bytes). */
export async function getActionItemTimeline(viewer: Viewer, actionItemId: number): Promise<TimelineEntry[]> {
  const scope = actionItemScopeSql(viewer, "a");
  const [history, evidence] = await Promise.all([
    selectChecked(
      HISTORY_ROW,
      sql`
      SELECT h.id, h.at, h.kind, h.from_status, h.to_status, h.remark, h.version,
        to_char(h.from_due_date, 'YYYY-MM-DD') AS from_due_date, to_char(h.to_due_date, 'YYYY-MM-DD') AS to_due_date,
        u.display_name AS actor_name, u.display_name_hi AS actor_name_hi, u.role AS actor_role
      FROM action_item_history h
      JOIN action_items a ON a.id = h.action_item_id
      LEFT JOIN users u ON u.id = h.actor_id
      WHERE h.action_item_id = ${actionItemId} AND ${scope}
      ORDER BY h.at DESC, h.id DESC
    `,
    ),
    selectChecked(
      EVIDENCE_ROW,
      sql`
      SELECT e.id, e.history_id, e.kind, e.file_name, e.content_type, e.size_bytes, e.url
      FROM evidence e
      JOIN action_items a ON a.id = e.action_item_id
      WHERE e.action_item_id = ${actionItemId} AND ${scope}
      ORDER BY e.id
    `,
    ),
  ]);
  const byHistory = new Map<number, EvidenceSummary[]>();
  for (const e of evidence) {
    const key = e.history_id ?? 0;
    const list = byHistory.get(key) ?? [];
    list.push({ id: e.id, kind: e.kind, fileName: e.file_name, contentType: e.content_type, sizeBytes: e.size_bytes, url: e.url });
    byHistory.set(key, list);
  }
  return history.map((h) => ({
    id: h.id,
    at: h.at,
    kind: h.kind,
    actorName: h.actor_name,
    actorNameHi: h.actor_name_hi,
    actorRole: h.actor_role,
    fromStatus: h.from_status,
    toStatus: h.to_status,
    fromDueDate: h.from_due_date,
    toDueDate: h.to_due_date,
    remark: h.remark,
    version: h.version,
    evidence: byHistory.get(h.id) ?? [],
  }));
}

/** History rows as the user reads them: with the actor's name instead of an id. */
export async function summariseChanges(changes: ActionItemHistory[]): Promise<ChangeSummary[]> {
  const ids = [...new Set(changes.map((c) => c.actorId).filter((id): id is number => id != null))];
  const names = new Map<number, { en: string; hi: string | null }>();
  if (ids.length > 0) {
    const rows = await selectChecked(
      NAME_ROW,
      sql`SELECT id, display_name, display_name_hi FROM users WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const r of rows) names.set(r.id, { en: r.display_name, hi: r.display_name_hi });
  }
  return changes.map((c) => ({
    at: new Date(c.at).toISOString(),
    actorName: c.actorId != null ? (names.get(c.actorId)?.en ?? null) : null,
    actorNameHi: c.actorId != null ? (names.get(c.actorId)?.hi ?? null) : null,
    kind: c.kind,
    fromStatus: c.fromStatus,
    toStatus: c.toStatus,
    fromDueDate: c.fromDueDate,
    toDueDate: c.toDueDate,
    remark: c.remark,
  }));
}

/** Status and version of an item the viewer may see, or null. */
export async function getActionItemState(viewer: Viewer, id: number): Promise<{ status: ActionStatus; version: number; withdrawn: boolean } | null> {
  const [row] = await selectChecked(
    STATE_ROW,
    sql`
    SELECT a.status, a.version, a.withdrawn_at IS NOT NULL AS withdrawn
    FROM action_items a WHERE a.id = ${id} AND ${actionItemScopeSql(viewer, "a")}
  `,
  );
  return row ? { status: row.status, version: row.version, withdrawn: row.withdrawn } : null;
}

/** What happened to an item after `sinceVersion`, as the conflict message shows it. */
export async function changesSince(
  viewer: Viewer,
  id: number,
  sinceVersion: number,
): Promise<{ current: { status: ActionStatus; version: number }; changes: ChangeSummary[] } | null> {
  const state = await getActionItemState(viewer, id);
  if (!state) return null;
  const rows = await selectChecked(
    CHANGE_ROW,
    sql`
    SELECT h.at, h.kind, h.from_status, h.to_status, h.remark, u.display_name AS actor_name, u.display_name_hi AS actor_name_hi,
      to_char(h.from_due_date, 'YYYY-MM-DD') AS from_due_date, to_char(h.to_due_date, 'YYYY-MM-DD') AS to_due_date
    FROM action_item_history h
    JOIN action_items a ON a.id = h.action_item_id
    LEFT JOIN users u ON u.id = h.actor_id
    WHERE h.action_item_id = ${id} AND h.version > ${sinceVersion} AND ${actionItemScopeSql(viewer, "a")}
    ORDER BY h.version, h.id
  `,
  );
  return {
    current: { status: state.status, version: state.version },
    changes: rows.map((r) => ({
      at: r.at,
      actorName: r.actor_name,
      actorNameHi: r.actor_name_hi,
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      fromDueDate: r.from_due_date,
      toDueDate: r.to_due_date,
      remark: r.remark,
    })),
  };
}

/**
 * Change the status (changeActionItemStatus) and attach the evidence to the history row it
 * wrote, in one transaction: either all of it is saved or none.
 */
export async function updateActionItem(
  viewer: Viewer,
  change: StatusChange,
  evidence: { files: EvidenceFileInput[]; links: string[] },
): Promise<ChangeResult> {
  return db().transaction(async (tx) => {
    const result = await changeActionItemStatus(viewer, change, tx);
    if (!result.ok) return result;
    await storeEvidence(tx, viewer, {
      actionItemId: change.actionItemId,
      historyId: result.history.id,
      files: evidence.files,
      links: evidence.links,
      at: result.history.at,
    });
    return result;
  });
}
