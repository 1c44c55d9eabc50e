// The secretariat's verification queue: items reported COMPLETED, oldest report first, with the
// district's remark and evidence; accept (→ VERIFIED) or return (→ IN_PROGRESS with a remark).
// Every decision goes through changeActionItemStatus, so the lifecycle, the version check and
// the one history row per change hold here as everywhere.
import { sql } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { DistrictRole } from "../../db/schema";
import { changeActionItemStatus, type ChangeRefusal } from "./action-item-change.server";
import { actionItemScopeSql } from "./scope.server";
import { selectRows } from "./sql.server";
import type { QueueEvidence, QueueItem } from "~/domain/views";

export type { QueueEvidence, QueueItem } from "~/domain/views";

export const VERIFY_PAGE_SIZE = 50;

export interface VerificationQueue {
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
}

function isoOf(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export async function listVerificationQueue(viewer: Viewer, options: { page?: number } = {}): Promise<VerificationQueue> {
  if (!can(viewer.role, "verify:action-item:any")) return { items: [], total: 0, page: 1, pages: 1 };
  const scope = actionItemScopeSql(viewer, "a");
  const [{ total }] = await selectRows<{ total: number }>(sql`
    SELECT count(*)::int AS total FROM action_items a
    WHERE a.status = 'COMPLETED' AND a.withdrawn_at IS NULL AND ${scope}
  `);
  const pages = Math.max(1, Math.ceil(Number(total) / VERIFY_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows = await selectRows<{
    id: number;
    version: number;
    meeting_id: number;
    meeting_title_en: string;
    meeting_title_hi: string;
    meeting_date: string;
    directive_id: number;
    directive_number: number;
    text_en: string;
    text_hi: string;
    district_en: string | null;
    district_hi: string | null;
    district_role: DistrictRole | null;
    department_en: string | null;
    department_hi: string | null;
    latest_remark: string | null;
    completed_at: string | Date;
    due_date: string | null;
    late: boolean;
    reported_by_name: string | null;
  }>(sql`
    SELECT a.id, a.version, m.id AS meeting_id, m.title_en AS meeting_title_en, m.title_hi AS meeting_title_hi,
      to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, d.id AS directive_id, d.number AS directive_number,
      d.text_en, d.text_hi, t.name_en AS district_en, t.name_hi AS district_hi, a.district_role,
      p.name_en AS department_en, p.name_hi AS department_hi, a.latest_remark,
      coalesce(a.completed_at, a.updated_at) AS completed_at, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
      coalesce(a.first_completed_on > a.due_date, false) AS late,
      u.display_name AS reported_by_name
    FROM action_items a
    JOIN directives d ON d.id = a.directive_id
    JOIN meetings m ON m.id = a.meeting_id
    LEFT JOIN districts t ON t.id = a.district_id
    LEFT JOIN departments p ON p.id = a.department_id
    LEFT JOIN users u ON u.id = a.updated_by_id
    WHERE a.status = 'COMPLETED' AND a.withdrawn_at IS NULL AND ${scope}
    ORDER BY coalesce(a.completed_at, a.updated_at), a.id
    LIMIT ${VERIFY_PAGE_SIZE} OFFSET ${(page - 1) * VERIFY_PAGE_SIZE}
  `);
  const evidence = rows.length
    ? await selectRows<{
        id: number;
        action_item_id: number;
        kind: "FILE" | "LINK";
        file_name: string | null;
        url: string | null;
        size_bytes: number | null;
      }>(sql`
        SELECT id, action_item_id, kind, file_name, url, size_bytes FROM evidence
        WHERE action_item_id IN (${sql.join(
          rows.map((r) => sql`${r.id}`),
          sql`, `,
        )})
        ORDER BY uploaded_at, id
      `)
    : [];
  const evidenceBy = new Map<number, QueueEvidence[]>();
  for (const e of evidence) {
    const list = evidenceBy.get(e.action_item_id) ?? [];
    list.push({ id: e.id, kind: e.kind, fileName: e.file_name, url: e.url, sizeBytes: e.size_bytes });
    evidenceBy.set(e.action_item_id, list);
  }
  return {
    total: Number(total),
    page,
    pages,
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      meetingId: r.meeting_id,
      meetingTitleEn: r.meeting_title_en,
      meetingTitleHi: r.meeting_title_hi,
      meetingDate: r.meeting_date,
      directiveId: r.directive_id,
      directiveNumber: r.directive_number,
      textEn: r.text_en,
      textHi: r.text_hi,
      districtEn: r.district_en,
      districtHi: r.district_hi,
      districtRole: r.district_role,
      departmentEn: r.department_en,
      departmentHi: r.department_hi,
      remark: r.latest_remark,
      completedAt: isoOf(r.completed_at),
      dueDate: r.due_date,
      late: r.late,
      reportedByName: r.reported_by_name,
      evidence: evidenceBy.get(r.id) ?? [],
    })),
  };
}

export type VerifyRefusal = ChangeRefusal["reason"];

export interface BulkAcceptResult {
  accepted: number[];
  refused: { itemId: number; reason: VerifyRefusal }[];
}

/** Accept one completion: COMPLETED → VERIFIED. */
export async function acceptCompletion(viewer: Viewer, input: { itemId: number; version: number; at?: Date }) {
  return changeActionItemStatus(viewer, { actionItemId: input.itemId, expectedVersion: input.version, toStatus: "VERIFIED", at: input.at });
}

/** Return a completion to the district: COMPLETED → IN_PROGRESS, with the secretariat's remark. */
export async function returnCompletion(viewer: Viewer, input: { itemId: number; version: number; remark: string; at?: Date }) {
  return changeActionItemStatus(viewer, {
    actionItemId: input.itemId,
    expectedVersion: input.version,
    toStatus: "IN_PROGRESS",
    remark: input.remark,
    at: input.at,
  });
}

/**
 * Accept several completions, each in its own transaction: one that someone changed meanwhile
 * (or that is no longer COMPLETED) is refused and reported, and does not hold back the others.
 */
export async function acceptCompletions(viewer: Viewer, items: { itemId: number; version: number }[], at?: Date): Promise<BulkAcceptResult> {
  const result: BulkAcceptResult = { accepted: [], refused: [] };
  const seen = new Set<number>();
  for (const item of items) {
    if (seen.has(item.itemId)) continue;
    seen.add(item.itemId);
    const change = await acceptCompletion(viewer, { ...item, at });
    if (change.ok) result.accepted.push(item.itemId);
    else result.refused.push({ itemId: item.itemId, reason: change.reason });
  }
  return result;
}
