// Item lines: one action item with its directive, place and dates, as the drill-down tables, the
// grade pages and the ATR list them. The select, joins and row type are shared with grade.server.ts.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ACTION_STATUSES, DISTRICT_ROLES } from "~/domain/vocabulary";
import { filterCondition, liveItemsCondition, type ComplianceFilters, type ComplianceViewer } from "./compliance-filters.server";
import { col, selectChecked } from "./rows.server";
import type { ItemLine } from "~/domain/views";

export function itemLineSelect(today: string): SQL {
  return sql`
    a.id, a.meeting_id, a.directive_id, dir.number AS directive_number, dir.text_en AS directive_text_en,
    dir.text_hi AS directive_text_hi,
    d.code AS district_code, d.name_en AS district_name_en, d.name_hi AS district_name_hi,
    dv.name_en AS division_name_en, dv.name_hi AS division_name_hi, a.district_role,
    dep.code AS department_code, dep.name_en AS department_name_en, dep.name_hi AS department_name_hi,
    a.status, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, to_char(a.original_due_date, 'YYYY-MM-DD') AS original_due_date,
    to_char(a.first_completed_on, 'YYYY-MM-DD') AS first_completed_on,
    to_char(a.completed_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS completed_on,
    to_char(a.verified_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS verified_on,
    a.latest_remark, a.updated_at,
    CASE WHEN a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date
      THEN (${today}::date - a.due_date) END AS days_overdue,
    a.has_evidence, a.escalated_at IS NOT NULL AS escalated,
    to_char(a.withdrawn_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS withdrawn_on, a.withdrawn_reason`;
}

export const itemLineJoins = sql`
  JOIN directives dir ON dir.id = a.directive_id
  LEFT JOIN districts d ON d.id = a.district_id
  LEFT JOIN divisions dv ON dv.id = d.division_id
  LEFT JOIN departments dep ON dep.id = a.department_id`;

/** A row of itemLineSelect, decoded (rows.server.ts). */
export const ITEM_LINE_ROW = z.object({
  id: col.int(),
  meeting_id: col.int(),
  directive_id: col.int(),
  directive_number: col.int(),
  directive_text_en: col.text(),
  directive_text_hi: col.text(),
  district_code: col.text().nullable(),
  district_name_en: col.text().nullable(),
  district_name_hi: col.text().nullable(),
  division_name_en: col.text().nullable(),
  division_name_hi: col.text().nullable(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  department_code: col.text().nullable(),
  department_name_en: col.text().nullable(),
  department_name_hi: col.text().nullable(),
  status: col.oneOf(ACTION_STATUSES),
  due_date: col.date().nullable(),
  original_due_date: col.date().nullable(),
  first_completed_on: col.date().nullable(),
  completed_on: col.date().nullable(),
  verified_on: col.date().nullable(),
  latest_remark: col.text().nullable(),
  updated_at: col.timestamp(),
  days_overdue: col.int().nullable(),
  has_evidence: col.bool(),
  escalated: col.bool(),
  withdrawn_on: col.date().nullable(),
  withdrawn_reason: col.text().nullable(),
});
export type ItemLineRow = z.output<typeof ITEM_LINE_ROW>;

export function toItemLine(r: ItemLineRow): ItemLine {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    directiveId: r.directive_id,
    directiveNumber: r.directive_number,
    directiveTextEn: r.directive_text_en,
    directiveTextHi: r.directive_text_hi,
    districtCode: r.district_code,
    districtNameEn: r.district_name_en,
    districtNameHi: r.district_name_hi,
    divisionNameEn: r.division_name_en,
    divisionNameHi: r.division_name_hi,
    districtRole: r.district_role,
    departmentCode: r.department_code,
    departmentNameEn: r.department_name_en,
    departmentNameHi: r.department_name_hi,
    status: r.status,
    dueDate: r.due_date,
    originalDueDate: r.original_due_date,
    firstCompletedOn: r.first_completed_on,
    completedOn: r.completed_on,
    verifiedOn: r.verified_on,
    latestRemark: r.latest_remark,
    updatedAt: r.updated_at,
    daysOverdue: r.days_overdue,
    hasEvidence: r.has_evidence,
    escalated: r.escalated,
    withdrawnOn: r.withdrawn_on,
    withdrawnReason: r.withdrawn_reason,
  };
}

/**
 * Live items of the filter, for a drill-down or the ATR, in the order given. `includeWithdrawn`
 * (the ATR) lists withdrawn items too, marked by withdrawnOn and never overdue.
 */
export async function listItemLines(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  opts: { openOnly?: boolean; directiveId?: number; order: "meeting" | "assignee"; limit?: number; includeWithdrawn?: boolean },
): Promise<ItemLine[]> {
  const conditions: SQL[] = [opts.includeWithdrawn ? filterCondition(filters, viewer) : liveItemsCondition(filters, viewer)];
  if (opts.openOnly) conditions.push(sql`a.status IN ('PENDING', 'IN_PROGRESS')`);
  if (opts.directiveId !== undefined) conditions.push(sql`a.directive_id = ${opts.directiveId}`);
  const order =
    opts.order === "meeting"
      ? sql`m.meeting_date DESC, a.meeting_id DESC, dir.number, a.due_date NULLS LAST, a.id`
      : sql`dir.number, (a.district_id IS NULL), dv.name_en, d.name_en, a.district_role, dep.name_en, a.id`;
  const rows = await selectChecked(
    ITEM_LINE_ROW,
    sql`
    SELECT ${itemLineSelect(today)}
    FROM action_items a ${itemLineJoins} JOIN meetings m ON m.id = a.meeting_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${order}
    ${opts.limit ? sql`LIMIT ${opts.limit}` : sql``}`,
  );
  return rows.map(toItemLine);
}
