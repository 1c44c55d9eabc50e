// The two drill-downs of the dashboard: one district's record (/districts/:code) and one directive
// across its assignees (/directives/:id). Built from the compliance queries (same formulas, same
// scope): every figure is the one the dashboard shows, with the district or directive as a filter.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { PRIORITIES, type Priority } from "~/domain/vocabulary";
import { filterCondition, liveItemsCondition, type ComplianceFilters, type ComplianceViewer } from "./compliance-filters.server";
import {
  getDistrictRanking,
  getHeadline,
  MIX_COUNT_COLUMNS,
  mixColumns,
  mixCondition,
  type Figures,
  type ItemLine,
  type RankedDistrict,
  type TrendSeries,
} from "./compliance.server";
import { getWeeklyTrend } from "./compliance-trend.server";
import { ITEM_LINE_ROW, itemLineJoins, itemLineSelect, listItemLines, toItemLine } from "./item-lines.server";
import { MIX_KEYS, type MixKey } from "~/domain/compliance-types";
import { col, selectChecked } from "./rows.server";

const DISTRICT_ROW = z.object({
  id: col.int(),
  code: col.text(),
  name_en: col.text(),
  name_hi: col.text(),
  division_code: col.text(),
  division_name_en: col.text(),
  division_name_hi: col.text(),
});
const MEETING_ROW = z.object({ id: col.int(), title_en: col.text(), title_hi: col.text(), meeting_date: col.date() });
const DIRECTIVE_ROW = z.object({
  id: col.int(),
  number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  due_date: col.date().nullable(),
  priority: col.oneOf(PRIORITIES),
  category_name_en: col.text().nullable(),
  category_name_hi: col.text().nullable(),
  withdrawn_on: col.date().nullable(),
  withdrawn_reason: col.text().nullable(),
  meeting_id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
});
const DIRECTIVE_COUNTS_ROW = z.object({ ...MIX_COUNT_COLUMNS, withdrawn: col.int(), in_scope: col.int() });

/** A district and its division, named as the ranking names them. */
export type DistrictInfo = { id: number } & Pick<RankedDistrict, "code" | "nameEn" | "nameHi" | "divisionCode" | "divisionNameEn" | "divisionNameHi">;

/** Master data, public to every signed-in user; the code is matched without regard to case. */
export async function findDistrictByCode(code: string): Promise<DistrictInfo | null> {
  const [row] = await selectChecked(
    DISTRICT_ROW,
    sql`
    SELECT d.id, d.code, d.name_en, d.name_hi, dv.code AS division_code, dv.name_en AS division_name_en,
      dv.name_hi AS division_name_hi
    FROM districts d JOIN divisions dv ON dv.id = d.division_id
    WHERE lower(d.code) = lower(${code})`,
  );
  if (!row) return null;
  return {
    id: row.id,
    code: row.code,
    nameEn: row.name_en,
    nameHi: row.name_hi,
    divisionCode: row.division_code,
    divisionNameEn: row.division_name_en,
    divisionNameHi: row.division_name_hi,
  };
}

export interface OpenItemsOfMeeting {
  meeting: { id: number; titleEn: string; titleHi: string; meetingDate: string };
  items: ItemLine[];
}

export interface DistrictRecord {
  figures: Figures;
  /** Among the districts in the same filter; null when the viewer may not see the others. */
  rank: { rank: number; total: number } | null;
  trend: { district: TrendSeries | null; state: TrendSeries | null };
  /** Pending and in-progress items, newest meeting first. */
  openItems: OpenItemsOfMeeting[];
  openTotal: number;
  openShown: number;
}

/** A filter without the place: the state as the district is compared with. */
function withoutPlace(filters: ComplianceFilters): ComplianceFilters {
  const { districtId: _district, divisionId: _division, ...rest } = filters;
  return rest;
}

/**
 * One district's figures, rank, trend against the state and open items, within the viewer's scope.
 * `compareWithState` is for the reading roles: an officer cannot see the other districts.
 */
export async function getDistrictRecord(
  viewer: ComplianceViewer,
  district: DistrictInfo,
  filters: ComplianceFilters,
  today: string,
  opts: { compareWithState: boolean; openLimit?: number },
): Promise<DistrictRecord> {
  const state = withoutPlace(filters);
  const own: ComplianceFilters = { ...state, districtId: district.id };
  const openLimit = opts.openLimit ?? 200;
  const [figures, ranking, districtTrend, stateTrend, open] = await Promise.all([
    getHeadline(viewer, own, today),
    opts.compareWithState ? getDistrictRanking(viewer, state, today) : null,
    getWeeklyTrend(viewer, own, today),
    opts.compareWithState ? getWeeklyTrend(viewer, state, today) : null,
    listItemLines(viewer, own, today, { openOnly: true, order: "meeting", limit: openLimit }),
  ]);
  const ranked = ranking?.find((r) => r.code === district.code);
  const meetings = await meetingsById([...new Set(open.map((i) => i.meetingId))]);
  const groups = new Map<number, OpenItemsOfMeeting>();
  for (const item of open) {
    let group = groups.get(item.meetingId);
    if (!group) {
      group = { meeting: meetings.get(item.meetingId)!, items: [] };
      groups.set(item.meetingId, group);
    }
    group.items.push(item);
  }
  return {
    figures,
    rank: ranked && ranking ? { rank: ranked.rank, total: ranking.length } : null,
    trend: { district: districtTrend[0] ?? null, state: stateTrend?.[0] ?? null },
    openItems: [...groups.values()],
    openTotal: figures.items - figures.done - figures.notApplicable,
    openShown: open.length,
  };
}

async function meetingsById(ids: number[]) {
  if (ids.length === 0) return new Map<number, OpenItemsOfMeeting["meeting"]>();
  const rows = await selectChecked(
    MEETING_ROW,
    sql`
    SELECT id, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date
    FROM meetings WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((m) => [m.id, { id: m.id, titleEn: m.title_en, titleHi: m.title_hi, meetingDate: m.meeting_date }]));
}

/** The directive page's status filter: one part of the status mix, or DONE (completed or verified). */
export const DIRECTIVE_STATUS_FILTERS = ["DONE", ...MIX_KEYS] as const;
export type DirectiveStatusFilter = (typeof DIRECTIVE_STATUS_FILTERS)[number];

export interface DirectiveInfo {
  id: number;
  number: number;
  textEn: string;
  textHi: string;
  dueDate: string | null;
  priority: Priority;
  categoryNameEn: string | null;
  categoryNameHi: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  meeting: { id: number; titleEn: string; titleHi: string; meetingDate: string };
}

export interface DirectiveRow extends ItemLine {
  /** IST date the item was withdrawn (an assignee taken off), else null; such rows leave the counts. */
  withdrawnOn: string | null;
}

export interface DirectiveRecord {
  directive: DirectiveInfo;
  /** Live items of the directive in the viewer's scope (and the place filter), status filter aside. */
  figures: Figures;
  counts: Record<MixKey, number>;
  /** Withdrawn items in scope, listed but not counted. */
  withdrawn: number;
  rows: DirectiveRow[];
  /** Items of the directive the viewer may see at all, withdrawn ones included, with no filter. */
  inScope: number;
}

/** A published directive (withdrawn ones too), or null. */
export async function findDirective(directiveId: number): Promise<DirectiveInfo | null> {
  const [row] = await selectChecked(
    DIRECTIVE_ROW,
    sql`
    SELECT dir.id, dir.number, dir.text_en, dir.text_hi, to_char(dir.due_date, 'YYYY-MM-DD') AS due_date, dir.priority,
      c.name_en AS category_name_en, c.name_hi AS category_name_hi,
      to_char(dir.withdrawn_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS withdrawn_on, dir.withdrawn_reason,
      m.id AS meeting_id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date
    FROM directives dir
    JOIN meetings m ON m.id = dir.meeting_id
    LEFT JOIN categories c ON c.id = dir.category_id
    WHERE dir.id = ${directiveId} AND m.status = 'PUBLISHED'`,
  );
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    textEn: row.text_en,
    textHi: row.text_hi,
    dueDate: row.due_date,
    priority: row.priority,
    categoryNameEn: row.category_name_en,
    categoryNameHi: row.category_name_hi,
    withdrawnOn: row.withdrawn_on,
    withdrawnReason: row.withdrawn_reason,
    meeting: { id: row.meeting_id, titleEn: row.title_en, titleHi: row.title_hi, meetingDate: row.meeting_date },
  };
}

function statusCondition(status: DirectiveStatusFilter, today: string): SQL {
  return status === "DONE" ? sql`a.status IN ('COMPLETED', 'VERIFIED')` : mixCondition(status, today);
}

/**
 * One directive across every assignee the viewer may see. `place` narrows to one district or
 * department (the heat map's cells link here); `status` narrows the rows, not the counts.
 */
export async function getDirectiveRecord(
  viewer: ComplianceViewer,
  directive: DirectiveInfo,
  today: string,
  opts: { status?: DirectiveStatusFilter; districtId?: number; departmentId?: number } = {},
): Promise<DirectiveRecord> {
  const filters: ComplianceFilters = { directiveId: directive.id, districtId: opts.districtId, departmentId: opts.departmentId };
  const rowConditions: SQL[] = [opts.status ? liveItemsCondition(filters, viewer) : filterCondition(filters, viewer)];
  if (opts.status) rowConditions.push(statusCondition(opts.status, today));
  const [figures, [countRow], rowRows] = await Promise.all([
    getHeadline(viewer, filters, today),
    selectChecked(
      DIRECTIVE_COUNTS_ROW,
      sql`
      SELECT ${mixColumns(today)},
        (SELECT count(*)::int FROM action_items a WHERE a.withdrawn_at IS NOT NULL AND ${filterCondition(filters, viewer)}) AS withdrawn,
        (SELECT count(*)::int FROM action_items a WHERE ${filterCondition({ directiveId: directive.id }, viewer)}) AS in_scope
      FROM action_items a WHERE ${liveItemsCondition(filters, viewer)}`,
    ),
    selectChecked(
      ITEM_LINE_ROW,
      sql`
      SELECT ${itemLineSelect(today)}
      FROM action_items a ${itemLineJoins}
      WHERE ${sql.join(rowConditions, sql` AND `)}
      ORDER BY (a.withdrawn_at IS NOT NULL), (a.district_id IS NULL), dv.name_en, d.name_en, a.district_role, dep.name_en, a.id`,
    ),
  ]);
  const counts = Object.fromEntries(MIX_KEYS.map((k) => [k, countRow[k.toLowerCase() as Lowercase<MixKey>]])) as Record<MixKey, number>;
  return {
    directive,
    figures,
    counts,
    withdrawn: countRow.withdrawn,
    rows: rowRows.map(toItemLine),
    inScope: countRow.in_scope,
  };
}
