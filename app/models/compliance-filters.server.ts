// The filters every compliance figure can be narrowed by, read from URL search params so that any
// view of the dashboard can be shared as a link. Codes in the URL (division=JPR) are resolved to
// ids here, once, so the queries compare integer columns that the indexes cover.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { DISTRICT_ROLES, type DistrictRole } from "../../db/schema/enums";
import type { Viewer } from "~/utils/auth.server";
import { col, selectChecked } from "./rows.server";

import { FILTER_PARAMS, type FilterParam, type FilterValues } from "~/domain/compliance-types";
import type { FilterError } from "~/domain/views";

export type { FilterError } from "~/domain/views";

export { FILTER_PARAMS, filterQuery, type FilterParam, type FilterValues } from "~/domain/compliance-types";

/** `role=DEPARTMENT` keeps state-department items only; COLLECTOR/SP keep that district role. */
export const ROLE_FILTERS = [...DISTRICT_ROLES, "DEPARTMENT"] as const;
export type RoleFilter = (typeof ROLE_FILTERS)[number];

export interface ComplianceFilters {
  meetingId?: number;
  categoryId?: number;
  divisionId?: number;
  districtId?: number;
  role?: RoleFilter;
  departmentId?: number;
  /** Meeting date from (inclusive), yyyy-mm-dd. */
  from?: string;
  /** Meeting date to (inclusive), yyyy-mm-dd. */
  to?: string;
  /** The directives under review in this meeting: its own and those carried into it (decision 011). */
  reviewMeetingId?: number;
  /** Not a URL filter: the drill-down of one directive. */
  directiveId?: number;
}

/** Who is looking; the scope of every query is derived from it. */
export type ComplianceViewer = Pick<Viewer, "role" | "districtId" | "districtRole" | "departmentId"> & { divisionId?: number | null };

export interface NamedOption {
  id: number;
  code: string;
  nameEn: string;
  nameHi: string;
}

export interface FilterOptions {
  meetings: { id: number; titleEn: string; titleHi: string; meetingDate: string }[];
  categories: NamedOption[];
  divisions: NamedOption[];
  districts: (NamedOption & { divisionId: number })[];
  departments: NamedOption[];
}

export async function getFilterOptions(): Promise<FilterOptions> {
  const [meetings, categories, divisions, districts, departments] = await Promise.all([
    selectChecked(
      MEETING_ROW,
      sql`
      SELECT id, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date
      FROM meetings WHERE status = 'PUBLISHED' ORDER BY meeting_date DESC, id DESC`,
    ),
    selectChecked(NAMED_ROW, sql`SELECT id, code, name_en, name_hi FROM categories ORDER BY name_en`),
    selectChecked(NAMED_ROW, sql`SELECT id, code, name_en, name_hi FROM divisions ORDER BY name_en`),
    selectChecked(NAMED_ROW.extend({ division_id: col.int() }), sql`SELECT id, code, name_en, name_hi, division_id FROM districts ORDER BY name_en`),
    selectChecked(NAMED_ROW, sql`SELECT id, code, name_en, name_hi FROM departments ORDER BY name_en`),
  ]);
  return {
    meetings: meetings.map((m) => ({ id: m.id, titleEn: m.title_en, titleHi: m.title_hi, meetingDate: m.meeting_date })),
    categories: categories.map(named),
    divisions: divisions.map(named),
    districts: districts.map((d) => ({ ...named(d), divisionId: d.division_id })),
    departments: departments.map(named),
  };
}

const MEETING_ROW = z.object({ id: col.int(), title_en: col.text(), title_hi: col.text(), meeting_date: col.date() });
const NAMED_ROW = z.object({ id: col.int(), code: col.text(), name_en: col.text(), name_hi: col.text() });
type NamedRow = z.output<typeof NAMED_ROW>;
const named = (r: NamedRow): NamedOption => ({ id: r.id, code: r.code, nameEn: r.name_en, nameHi: r.name_hi });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export interface ParsedFilters {
  filters: ComplianceFilters;
  /** The raw values, echoed back into the form (also the invalid ones). */
  values: FilterValues;
  errors: Partial<Record<FilterParam, FilterError>>;
}

/** Reads the filter params; an unknown code or a bad date is reported for its field and ignored. */
export function parseFilters(params: URLSearchParams, options: FilterOptions): ParsedFilters {
  const values: FilterValues = {};
  for (const key of FILTER_PARAMS) {
    const value = params.get(key)?.trim();
    if (value) values[key] = value;
  }
  const filters: ComplianceFilters = {};
  const errors: ParsedFilters["errors"] = {};
  const byCode = <T extends { code: string }>(list: T[], code: string) => list.find((o) => o.code.toLowerCase() === code.toLowerCase());

  if (values.meeting) {
    const meeting = options.meetings.find((m) => String(m.id) === values.meeting);
    if (meeting) filters.meetingId = meeting.id;
    else errors.meeting = "unknown";
  }
  if (values.review) {
    const meeting = options.meetings.find((m) => String(m.id) === values.review);
    if (meeting) filters.reviewMeetingId = meeting.id;
    else errors.review = "unknown";
  }
  const resolve = (key: "category" | "division" | "district" | "department", list: NamedOption[]) => {
    const code = values[key];
    if (!code) return undefined;
    const found = byCode(list, code);
    if (!found) errors[key] = "unknown";
    return found?.id;
  };
  filters.categoryId = resolve("category", options.categories);
  filters.divisionId = resolve("division", options.divisions);
  filters.districtId = resolve("district", options.districts);
  filters.departmentId = resolve("department", options.departments);
  if (values.role) {
    const role = values.role.toUpperCase();
    if ((ROLE_FILTERS as readonly string[]).includes(role)) filters.role = role as RoleFilter;
    else errors.role = "unknown";
  }
  for (const key of ["from", "to"] as const) {
    const value = values[key];
    if (!value) continue;
    if (isRealDate(value)) filters[key] = value;
    else errors[key] = "badDate";
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = "dateOrder";
    delete filters.to;
  }
  for (const key of Object.keys(filters) as (keyof ComplianceFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return { filters, values, errors };
}

/**
 * The viewer's scope, as a condition on action_items `a`. Officials, the secretariat and admins
 * see every item; a district officer only their district and role; a department officer only
 * their department. Applied inside every compliance query.
 */
export function scopeCondition(viewer: ComplianceViewer): SQL {
  switch (viewer.role) {
    case "ADMIN":
    case "SECRETARIAT":
    case "OFFICIAL":
      return sql`TRUE`;
    case "DISTRICT_OFFICER":
      if (viewer.districtId == null || viewer.districtRole == null) return sql`FALSE`;
      return sql`(a.district_id = ${viewer.districtId} AND a.district_role = ${viewer.districtRole})`;
    case "DEPARTMENT_OFFICER":
      if (viewer.departmentId == null) return sql`FALSE`;
      return sql`a.department_id = ${viewer.departmentId}`;
    case "DIVISION_OFFICER":
      if (viewer.divisionId == null || viewer.districtRole == null) return sql`FALSE`;
      return sql`(a.division_id = ${viewer.divisionId} AND a.district_role = ${viewer.districtRole})`;
  }
}

/** The filter (without the withdrawn test) as a condition on action_items `a`. */
export function filterCondition(filters: ComplianceFilters, viewer: ComplianceViewer): SQL {
  const parts: SQL[] = [scopeCondition(viewer)];
  if (filters.meetingId !== undefined) parts.push(sql`a.meeting_id = ${filters.meetingId}`);
  if (filters.directiveId !== undefined) parts.push(sql`a.directive_id = ${filters.directiveId}`);
  if (filters.reviewMeetingId !== undefined) parts.push(reviewSetCondition(filters.reviewMeetingId));
  if (filters.categoryId !== undefined) {
    parts.push(sql`a.directive_id IN (SELECT id FROM directives WHERE category_id = ${filters.categoryId})`);
  }
  if (filters.divisionId !== undefined) parts.push(sql`a.division_id = ${filters.divisionId}`);
  if (filters.districtId !== undefined) parts.push(sql`a.district_id = ${filters.districtId}`);
  if (filters.role === "DEPARTMENT") parts.push(sql`a.department_id IS NOT NULL`);
  else if (filters.role) parts.push(sql`a.district_role = ${filters.role as DistrictRole}`);
  if (filters.departmentId !== undefined) parts.push(sql`a.department_id = ${filters.departmentId}`);
  if (filters.from !== undefined || filters.to !== undefined) {
    const from = filters.from ?? "0001-01-01";
    const to = filters.to ?? "9999-12-31";
    parts.push(sql`a.meeting_id IN (SELECT id FROM meetings WHERE meeting_date BETWEEN ${from}::date AND ${to}::date)`);
  }
  return sql.join(parts, sql` AND `);
}

/**
 * Items of the directives under review in a meeting, as a condition on action_items `a`: the meeting's own
 * directives and those carried into it (meeting_reviewed_directives).
 */
export function reviewSetCondition(meetingId: number): SQL {
  return sql`(a.meeting_id = ${meetingId} OR a.directive_id IN (
    SELECT r.directive_id FROM meeting_reviewed_directives r WHERE r.meeting_id = ${meetingId}))`;
}

/** Live items only: withdrawn items (withdrawn_at set) leave every figure. */
export function liveItemsCondition(filters: ComplianceFilters, viewer: ComplianceViewer): SQL {
  return sql`a.withdrawn_at IS NULL AND ${filterCondition(filters, viewer)}`;
}
