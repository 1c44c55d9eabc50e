// One action item: the item with its history and evidence, and one update (its state, what
// changed since a version, a status change with its evidence). The viewer's scope is part of
// every query (actionItemScopeSql), so a row outside it is never read. The list is
// action-item-list.server.ts, several items at once action-item-bulk.server.ts.
import { sql } from "drizzle-orm";
import { db } from "~/db.server";
import type { ChangeSummary } from "~/schemas/action-update";
import type { Viewer } from "~/utils/auth.server";
import type { ActionItemHistory, ActionStatus, HistoryKind } from "../../db/schema";
import { changeActionItemStatus, type ChangeResult, type StatusChange } from "./action-item-change.server";
import { overdueSql, toListRow } from "./action-item-list.server";
import { storeEvidence, type EvidenceFileInput } from "./evidence.server";
import { ITEM_CONTEXT_JOINS } from "./joins.server";
import { actionItemScopeSql } from "./scope.server";
import { selectRows } from "./sql.server";
import type { EvidenceSummary, TimelineEntry } from "~/domain/action-views";

export type { EvidenceSummary, TimelineEntry } from "~/domain/action-views";

// The detail type is browser-safe, beside the list row (decision 020).
import type { ActionItemDetail } from "~/domain/action-views";
export type { ActionItemDetail };

function iso(value: unknown): string {
  return new Date(value as string | Date).toISOString();
}

/** The item, if the viewer may see it; null otherwise (the caller answers 404). */
export async function getActionItem(viewer: Viewer, id: number, today: string): Promise<ActionItemDetail | null> {
  const [r] = await selectRows<Record<string, unknown>>(sql`
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
  `);
  if (!r) return null;
  return {
    ...toListRow(r),
    meetingChairEn: String(r.chair_en ?? ""),
    meetingChairHi: String(r.chair_hi ?? ""),
    extensionPending: r.ext_id != null,
    latestRemark: (r.latest_remark as string | null) ?? null,
    updatedAt: iso(r.updated_at),
    updatedByName: (r.updated_by_name as string | null) ?? null,
    updatedByNameHi: (r.updated_by_name_hi as string | null) ?? null,
    withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
    withdrawnReason: (r.withdrawn_reason as string | null) ?? null,
    returnReason: (r.return_reason as string | null) ?? null,
    returnedByName: (r.returned_by_name as string | null) ?? null,
    returnedByNameHi: (r.returned_by_name_hi as string | null) ?? null,
    escalatedAt: r.escalated_at ? iso(r.escalated_at) : null,
    pendingExtension:
      r.ext_id != null
        ? {
            id: Number(r.ext_id),
            requestedDueDate: String(r.ext_date),
            requestedAt: iso(r.ext_at),
            reason: String(r.ext_reason ?? ""),
          }
        : null,
  };
}

/** The item's history, newest first, each row with its evidence (never the file bytes). */
export async function getActionItemTimeline(viewer: Viewer, actionItemId: number): Promise<TimelineEntry[]> {
  const scope = actionItemScopeSql(viewer, "a");
  const [history, evidence] = await Promise.all([
    selectRows<Record<string, unknown>>(sql`
      SELECT h.id, h.at, h.kind, h.from_status, h.to_status, h.remark, h.version,
        to_char(h.from_due_date, 'YYYY-MM-DD') AS from_due_date, to_char(h.to_due_date, 'YYYY-MM-DD') AS to_due_date,
        u.display_name AS actor_name, u.display_name_hi AS actor_name_hi, u.role AS actor_role
      FROM action_item_history h
      JOIN action_items a ON a.id = h.action_item_id
      LEFT JOIN users u ON u.id = h.actor_id
      WHERE h.action_item_id = ${actionItemId} AND ${scope}
      ORDER BY h.at DESC, h.id DESC
    `),
    selectRows<Record<string, unknown>>(sql`
      SELECT e.id, e.history_id, e.kind, e.file_name, e.content_type, e.size_bytes, e.url
      FROM evidence e
      JOIN action_items a ON a.id = e.action_item_id
      WHERE e.action_item_id = ${actionItemId} AND ${scope}
      ORDER BY e.id
    `),
  ]);
  const byHistory = new Map<number, EvidenceSummary[]>();
  for (const e of evidence) {
    const key = Number(e.history_id);
    const list = byHistory.get(key) ?? [];
    list.push({
      id: Number(e.id),
      kind: e.kind as "FILE" | "LINK",
      fileName: (e.file_name as string | null) ?? null,
      contentType: (e.content_type as string | null) ?? null,
      sizeBytes: e.size_bytes == null ? null : Number(e.size_bytes),
      url: (e.url as string | null) ?? null,
    });
    byHistory.set(key, list);
  }
  return history.map((h) => ({
    id: Number(h.id),
    at: iso(h.at),
    kind: h.kind as HistoryKind,
    actorName: (h.actor_name as string | null) ?? null,
    actorNameHi: (h.actor_name_hi as string | null) ?? null,
    actorRole: (h.actor_role as string | null) ?? null,
    fromStatus: (h.from_status as ActionStatus | null) ?? null,
    toStatus: h.to_status as ActionStatus,
    fromDueDate: (h.from_due_date as string | null) ?? null,
    toDueDate: (h.to_due_date as string | null) ?? null,
    remark: (h.remark as string | null) ?? null,
    version: Number(h.version),
    evidence: byHistory.get(Number(h.id)) ?? [],
  }));
}

/** History rows as the user reads them: with the actor's name instead of an id. */
export async function summariseChanges(changes: ActionItemHistory[]): Promise<ChangeSummary[]> {
  const ids = [...new Set(changes.map((c) => c.actorId).filter((id): id is number => id != null))];
  const names = new Map<number, { en: string; hi: string | null }>();
  if (ids.length > 0) {
    const rows = await selectRows<{ id: number; display_name: string; display_name_hi: string | null }>(
      sql`SELECT id, display_name, display_name_hi FROM users WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
    );
    for (const r of rows) names.set(Number(r.id), { en: r.display_name, hi: r.display_name_hi ?? null });
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
export async function getActionItemState(
  viewer: Viewer,
  id: number,
): Promise<{ status: ActionStatus; version: number; withdrawn: boolean } | null> {
  const [row] = await selectRows<{ status: ActionStatus; version: number; withdrawn: boolean }>(sql`
    SELECT a.status, a.version, a.withdrawn_at IS NOT NULL AS withdrawn
    FROM action_items a WHERE a.id = ${id} AND ${actionItemScopeSql(viewer, "a")}
  `);
  return row ? { status: row.status, version: Number(row.version), withdrawn: Boolean(row.withdrawn) } : null;
}

/** What happened to an item after `sinceVersion`, as the conflict message shows it. */
export async function changesSince(
  viewer: Viewer,
  id: number,
  sinceVersion: number,
): Promise<{ current: { status: ActionStatus; version: number }; changes: ChangeSummary[] } | null> {
  const state = await getActionItemState(viewer, id);
  if (!state) return null;
  const rows = await selectRows<Record<string, unknown>>(sql`
    SELECT h.at, h.kind, h.from_status, h.to_status, h.remark, u.display_name AS actor_name, u.display_name_hi AS actor_name_hi,
      to_char(h.from_due_date, 'YYYY-MM-DD') AS from_due_date, to_char(h.to_due_date, 'YYYY-MM-DD') AS to_due_date
    FROM action_item_history h
    JOIN action_items a ON a.id = h.action_item_id
    LEFT JOIN users u ON u.id = h.actor_id
    WHERE h.action_item_id = ${id} AND h.version > ${sinceVersion} AND ${actionItemScopeSql(viewer, "a")}
    ORDER BY h.version, h.id
  `);
  return {
    current: { status: state.status, version: state.version },
    changes: rows.map((r) => ({
      at: iso(r.at),
      actorName: (r.actor_name as string | null) ?? null,
      actorNameHi: (r.actor_name_hi as string | null) ?? null,
      kind: String(r.kind),
      fromStatus: (r.from_status as ActionStatus | null) ?? null,
      toStatus: r.to_status as ActionStatus,
      fromDueDate: (r.from_due_date as string | null) ?? null,
      toDueDate: (r.to_due_date as string | null) ?? null,
      remark: (r.remark as string | null) ?? null,
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
