// "My actions": the list with its counts and filter options. The viewer's scope is part of every
// query (actionItemScopeSql), so a row outside it is never read.
import { sql, type SQL } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { filterCondition, type ComplianceFilters } from "./compliance-filters.server";
import type { MixKey } from "~/domain/compliance-types";
import { MIX_COUNT_COLUMNS, mixColumns, mixCondition } from "./compliance.server";
import { ITEM_CONTEXT_JOINS } from "./joins.server";
import { actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { ACTION_STATUSES, DISTRICT_ROLES, PRIORITIES } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";
import type { ActionListRow } from "~/domain/action-views";

export type { ActionListRow } from "~/domain/action-views";

export const PAGE_SIZE = 50;

/** The columns the list and the item page share (toListRow). */
export const LIST_ROW = z.object({
  id: col.int(),
  status: col.oneOf(ACTION_STATUSES),
  version: col.int(),
  due_date: col.date().nullable(),
  original_due_date: col.date().nullable(),
  days_overdue: col.int(),
  directive_number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  priority: col.oneOf(PRIORITIES),
  meeting_id: col.int(),
  meeting_title_en: col.text(),
  meeting_title_hi: col.text(),
  meeting_date: col.date(),
  category_en: col.text().nullable(),
  category_hi: col.text().nullable(),
  district_en: col.text().nullable(),
  district_hi: col.text().nullable(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  department_en: col.text().nullable(),
  department_hi: col.text().nullable(),
  returned_at: col.timestamp().nullable(),
});
const PAGE_ROW = LIST_ROW.extend({ extension_pending: col.bool(), total: col.int() });
const COUNT_ROW = z.object({ n: col.int() });
const MIX_ROW = z.object({ all_items: col.int(), ...MIX_COUNT_COLUMNS });
const MEETING_OPTION_ROW = z.object({ id: col.int(), title_en: col.text(), title_hi: col.text(), meeting_date: col.date() });
const CATEGORY_OPTION_ROW = z.object({ id: col.int(), code: col.text(), name_en: col.text(), name_hi: col.text() });

/**
 * The list's status filter is one part of the dashboard's status mix: OVERDUE is split out of
 * PENDING and IN_PROGRESS, so a segment of the chart and the list it links to hold the same items.
 */
export type StatusFilter = MixKey;

/** The dashboard's filters (compliance-filters.server.ts) plus the status and the page. */
export interface ActionListFilters extends ComplianceFilters {
  status?: StatusFilter;
  page?: number;
}

export const overdueSql = (today: string) => mixCondition("OVERDUE", today);

/**
 * The WHERE clause every list query shares: scope, live items, and the filters, built by the same
 * function as every compliance figure (filterCondition), so the counts agree with the dashboard's.
 */
function listWhere(viewer: Viewer, filters: ActionListFilters, today: string, withStatus: boolean): SQL {
  const parts: SQL[] = [sql`a.withdrawn_at IS NULL`, actionItemScopeSql(viewer, "a"), filterCondition(filters, viewer)];
  if (withStatus && filters.status) parts.push(mixCondition(filters.status, today));
  return sql.join(parts, sql` AND `);
}

/**
 * One page of the viewer's items. Returned and overdue items first (returned ones at the very top,
 * then the longest overdue), then the other open items, then those reported completed, then the
 * closed ones; each group by due date.
 */
export async function listActionItems(viewer: Viewer, filters: ActionListFilters, today: string): Promise<{ rows: ActionListRow[]; total: number }> {
  const page = Math.max(1, filters.page ?? 1);
  const where = listWhere(viewer, filters, today, true);
  const rows = await selectChecked(
    PAGE_ROW,
    sql`
    SELECT a.id, a.status, a.version,
      to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
      to_char(a.original_due_date, 'YYYY-MM-DD') AS original_due_date,
      CASE WHEN ${overdueSql(today)} THEN (${today}::date - a.due_date) ELSE 0 END AS days_overdue,
      d.number AS directive_number, d.text_en, d.text_hi, d.priority,
      m.id AS meeting_id, m.title_en AS meeting_title_en, m.title_hi AS meeting_title_hi,
      to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date,
      c.name_en AS category_en, c.name_hi AS category_hi,
      di.name_en AS district_en, di.name_hi AS district_hi, a.district_role,
      dp.name_en AS department_en, dp.name_hi AS department_hi,
      EXISTS (SELECT 1 FROM extension_requests e WHERE e.action_item_id = a.id AND e.status = 'PENDING') AS extension_pending,
      a.returned_at,
      count(*) OVER () AS total
    FROM action_items a ${ITEM_CONTEXT_JOINS}
    LEFT JOIN categories c ON c.id = d.category_id
    WHERE ${where}
    ORDER BY
      CASE WHEN a.returned_at IS NOT NULL OR ${overdueSql(today)} THEN 0
           WHEN a.status IN ('PENDING', 'IN_PROGRESS') THEN 1
           WHEN a.status = 'COMPLETED' THEN 2
           ELSE 3 END,
      a.returned_at IS NULL, a.due_date ASC NULLS LAST, m.meeting_date DESC, d.number, a.id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}
  `,
  );
  const total = rows.length > 0 ? rows[0].total : await countMatching(viewer, filters, today);
  return {
    total,
    rows: rows.map((r) => toListRow(r, r.extension_pending)),
  };
}

/** The columns the list and the item page share, from a row of either query. */
export function toListRow(r: z.output<typeof LIST_ROW>, extensionPending: boolean): ActionListRow {
  return {
    id: r.id,
    status: r.status,
    version: r.version,
    dueDate: r.due_date,
    originalDueDate: r.original_due_date,
    daysOverdue: r.days_overdue,
    directiveNumber: r.directive_number,
    textEn: r.text_en,
    textHi: r.text_hi,
    priority: r.priority,
    meetingId: r.meeting_id,
    meetingTitleEn: r.meeting_title_en,
    meetingTitleHi: r.meeting_title_hi,
    meetingDate: r.meeting_date,
    categoryEn: r.category_en,
    categoryHi: r.category_hi,
    districtEn: r.district_en,
    districtHi: r.district_hi,
    districtRole: r.district_role,
    departmentEn: r.department_en,
    departmentHi: r.department_hi,
    extensionPending,
    returnedAt: r.returned_at,
  };
}

/** A page past the end has no rows to carry the window count. */
async function countMatching(viewer: Viewer, filters: ActionListFilters, today: string): Promise<number> {
  const [row] = await selectChecked(
    COUNT_ROW,
    sql`
    SELECT count(*)::int AS n FROM action_items a
    WHERE ${listWhere(viewer, filters, today, true)}
  `,
  );
  return row?.n ?? 0;
}

export type StatusCounts = Record<MixKey | "ALL", number>;

/** Counts per part of the status mix (they add up to ALL) under every filter except the status itself. */
export async function countActionItemsByStatus(viewer: Viewer, filters: ActionListFilters, today: string): Promise<StatusCounts> {
  const [row] = await selectChecked(
    MIX_ROW,
    sql`
    SELECT count(*)::int AS all_items, ${mixColumns(today)}
    FROM action_items a
    WHERE ${listWhere(viewer, filters, today, false)}
  `,
  );
  return {
    ALL: row?.all_items ?? 0,
    OVERDUE: row?.overdue ?? 0,
    PENDING: row?.pending ?? 0,
    IN_PROGRESS: row?.in_progress ?? 0,
    COMPLETED: row?.completed ?? 0,
    VERIFIED: row?.verified ?? 0,
    NOT_APPLICABLE: row?.not_applicable ?? 0,
  };
}

export interface Option {
  id: number;
  code?: string;
  en: string;
  hi: string;
  date?: string;
}

/** The meetings and categories the viewer has items in (for the filters). */
export async function listActionFilterOptions(viewer: Viewer): Promise<{ meetings: Option[]; categories: Option[] }> {
  const scope = actionItemScopeSql(viewer, "a");
  const [meetings, categories] = await Promise.all([
    selectChecked(
      MEETING_OPTION_ROW,
      sql`
      SELECT m.id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date
      FROM meetings m
      WHERE EXISTS (SELECT 1 FROM action_items a WHERE a.meeting_id = m.id AND a.withdrawn_at IS NULL AND ${scope})
      ORDER BY m.meeting_date DESC, m.id DESC
    `,
    ),
    selectChecked(
      CATEGORY_OPTION_ROW,
      sql`
      SELECT c.id, c.code, c.name_en, c.name_hi
      FROM categories c
      WHERE EXISTS (
        SELECT 1 FROM action_items a JOIN directives d ON d.id = a.directive_id
        WHERE d.category_id = c.id AND a.withdrawn_at IS NULL AND ${scope})
      ORDER BY c.name_en
    `,
    ),
  ]);
  return {
    meetings: meetings.map((m) => ({ id: m.id, en: m.title_en, hi: m.title_hi, date: m.meeting_date })),
    categories: categories.map((c) => ({ id: c.id, code: c.code, en: c.name_en, hi: c.name_hi })),
  };
}
