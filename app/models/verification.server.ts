// The secretariat's verification queue: items reported COMPLETED, newest report first (or oldest;
// filters in verify-filters.server.ts), with the
// district's remark and evidence; accept (→ VERIFIED) or return (→ IN_PROGRESS with a remark).
// Every decision goes through changeActionItemStatus, so the lifecycle, the version check and
// the one history row per change hold here as everywhere.
import { sql } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { z } from "zod";
import { DISTRICT_ROLES, EVIDENCE_KINDS } from "~/domain/vocabulary";
import { changeActionItemStatus, type ChangeRefusal } from "./action-item-change.server";
import type { VerifyFilters } from "~/schemas/verify-filters";
import { ITEM_CONTEXT_JOINS } from "./joins.server";
import { col, selectChecked } from "./rows.server";
import { verifyQueueWhere } from "./verify-filters.server";
import type { QueueEvidence, QueueItem } from "~/domain/views";

export type { QueueEvidence, QueueItem } from "~/domain/views";

export const VERIFY_PAGE_SIZE = 50;

export interface VerificationQueue {
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
}

const CountRow = z.object({ total: col.int() });
const QueueRow = z.object({
  id: col.int(),
  version: col.int(),
  meeting_id: col.int(),
  meeting_title_en: col.text(),
  meeting_title_hi: col.text(),
  meeting_date: col.date(),
  directive_id: col.int(),
  directive_number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  district_en: col.text().nullable(),
  district_hi: col.text().nullable(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  department_en: col.text().nullable(),
  department_hi: col.text().nullable(),
  latest_remark: col.text().nullable(),
  completed_at: col.timestamp(),
  due_date: col.date().nullable(),
  late: col.bool(),
  reported_by_name: col.text().nullable(),
  reported_by_name_hi: col.text().nullable(),
});
const EvidenceRow = z.object({
  id: col.int(),
  action_item_id: col.int(),
  kind: col.oneOf(EVIDENCE_KINDS),
  file_name: col.text().nullable(),
  url: col.text().nullable(),
  size_bytes: col.int().nullable(),
});

export async function listVerificationQueue(viewer: Viewer, options: { page?: number; filters?: VerifyFilters } = {}): Promise<VerificationQueue> {
  if (!can(viewer.role, "verify:action-item:any")) return { items: [], total: 0, page: 1, pages: 1 };
  const filters = options.filters ?? { sort: "oldest" };
  const where = verifyQueueWhere(viewer, filters);
  const [{ total }] = await selectChecked(
    CountRow,
    sql`
    SELECT count(*)::int AS total FROM action_items a
    WHERE ${where}
  `,
  );
  const pages = Math.max(1, Math.ceil(Number(total) / VERIFY_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows = await selectChecked(
    QueueRow,
    sql`
    SELECT a.id, a.version, m.id AS meeting_id, m.title_en AS meeting_title_en, m.title_hi AS meeting_title_hi,
      to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, d.id AS directive_id, d.number AS directive_number,
      d.text_en, d.text_hi, di.name_en AS district_en, di.name_hi AS district_hi, a.district_role,
      dp.name_en AS department_en, dp.name_hi AS department_hi, a.latest_remark,
      coalesce(a.completed_at, a.updated_at) AS completed_at, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
      coalesce(a.first_completed_on > a.due_date, false) AS late,
      u.display_name AS reported_by_name, u.display_name_hi AS reported_by_name_hi
    FROM action_items a ${ITEM_CONTEXT_JOINS}
    LEFT JOIN users u ON u.id = a.updated_by_id
    WHERE ${where}
    ORDER BY ${filters.sort === "newest" ? sql`coalesce(a.completed_at, a.updated_at) DESC, a.id DESC` : sql`coalesce(a.completed_at, a.updated_at), a.id`}
    LIMIT ${VERIFY_PAGE_SIZE} OFFSET ${(page - 1) * VERIFY_PAGE_SIZE}
  `,
  );
  const evidence = rows.length
    ? await selectChecked(
        EvidenceRow,
        sql`
        SELECT id, action_item_id, kind, file_name, url, size_bytes FROM evidence
        WHERE action_item_id IN (${sql.join(
          rows.map((r) => sql`${r.id}`),
          sql`, `,
        )})
        ORDER BY uploaded_at, id
      `,
      )
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
      completedAt: r.completed_at,
      dueDate: r.due_date,
      late: r.late,
      reportedByName: r.reported_by_name,
      reportedByNameHi: r.reported_by_name_hi,
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
