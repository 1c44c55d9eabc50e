// Meetings and their directives: the master data the editor needs, the list with search and
// filters, the meeting page with each directive's progress, and saving a draft.
// Readers (officials) see published meetings only; the secretariat also sees drafts.
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import {
  emptyDirective,
  emptyMeeting,
  resolveDueDate,
  ROLE_FIELDS,
  type DirectiveFormValues,
  type MeetingFormValues,
  type RoleField,
  type ValidMeetingForm,
} from "~/schemas/meeting";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { ActionStatus, AssigneeScope, DistrictRole, MeetingMode, MeetingStatus, Priority } from "../../db/schema";
import { getEditorSeriesValues, listOffices, listSeries, resolveChairAndSeries } from "./series.server";
import { selectRows } from "./sql.server";

const { meetings, directives, directiveAssignees, directiveAssigneeDivisions, directiveAssigneeDistricts } = schema;

// ---------------------------------------------------------------------------------------------
// Master data
// ---------------------------------------------------------------------------------------------

export interface MasterData {
  /** Chair offices and meeting series (the editor's lists; app/models/series.server.ts keeps them). */
  offices: { code: string; nameEn: string; nameHi: string }[];
  series: { code: string; nameEn: string; nameHi: string; officeCode: string }[];
  divisions: { code: string; nameEn: string; nameHi: string }[];
  districts: { code: string; nameEn: string; nameHi: string; divisionCode: string }[];
  departments: { code: string; nameEn: string; nameHi: string }[];
  categories: { code: string; nameEn: string; nameHi: string }[];
}

/** Divisions, districts, departments and categories, in the order the editor lists them. */
export async function getMasterData(executor: DbOrTx = db()): Promise<MasterData> {
  const [offices, series, divisions, districts, departments, categories] = await Promise.all([
    listOffices(executor),
    listSeries({ role: "SECRETARIAT" }, executor).then((list) =>
      list.map((s) => ({ code: s.code, nameEn: s.nameEn, nameHi: s.nameHi, officeCode: s.officeCode })),
    ),
    executor
      .select({ code: schema.divisions.code, nameEn: schema.divisions.nameEn, nameHi: schema.divisions.nameHi })
      .from(schema.divisions)
      .orderBy(asc(schema.divisions.nameEn)),
    executor
      .select({
        code: schema.districts.code,
        nameEn: schema.districts.nameEn,
        nameHi: schema.districts.nameHi,
        divisionCode: schema.divisions.code,
      })
      .from(schema.districts)
      .innerJoin(schema.divisions, eq(schema.divisions.id, schema.districts.divisionId))
      .orderBy(asc(schema.districts.nameEn)),
    executor
      .select({ code: schema.departments.code, nameEn: schema.departments.nameEn, nameHi: schema.departments.nameHi })
      .from(schema.departments)
      .orderBy(asc(schema.departments.nameEn)),
    executor
      .select({ code: schema.categories.code, nameEn: schema.categories.nameEn, nameHi: schema.categories.nameHi })
      .from(schema.categories)
      .orderBy(asc(schema.categories.nameEn)),
  ]);
  return { offices, series, divisions, districts, departments, categories };
}

export function masterCodes(master: MasterData) {
  return {
    districts: master.districts.map((d) => d.code),
    divisions: master.divisions.map((d) => d.code),
    departments: master.departments.map((d) => d.code),
    categories: master.categories.map((c) => c.code),
    offices: master.offices.map((o) => o.code),
    series: master.series.map((s) => s.code),
  };
}

/** The meetings a viewer may see, as a condition on meetings aliased `m`. */
function meetingVisibility(viewer: Viewer): SQL {
  if (can(viewer.role, "write:meeting:any")) return sql`true`;
  if (can(viewer.role, "read:meeting:any")) return sql`m.status = 'PUBLISHED'`;
  return sql`false`;
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export const MEETINGS_PAGE_SIZE = 20;

export interface MeetingListFilters {
  q?: string;
  /** Calendar dates in India, inclusive. */
  from?: string;
  to?: string;
  status?: MeetingStatus;
  category?: string;
  /** An office code (offices): one entry per office, however its name was typed. */
  chair?: string;
  /** A series code (meeting_series). */
  series?: string;
  page?: number;
}

export interface MeetingListRow {
  id: number;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  mode: MeetingMode;
  chairEn: string;
  chairHi: string;
  status: MeetingStatus;
  referenceNo: string | null;
  seriesNameEn: string | null;
  seriesNameHi: string | null;
  directives: number;
  items: number;
  done: number;
  applicable: number;
  overdue: number;
}

export interface MeetingListPage {
  rows: MeetingListRow[];
  total: number;
  page: number;
  pages: number;
}

/** "50%_off" searched literally: % and _ are LIKE wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listConditions(viewer: Viewer, filters: MeetingListFilters): SQL {
  const conditions: SQL[] = [meetingVisibility(viewer)];
  const q = filters.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(sql`(
      m.title_en ILIKE ${pattern} OR m.title_hi ILIKE ${pattern}
      OR m.chair_en ILIKE ${pattern} OR m.chair_hi ILIKE ${pattern}
      OR coalesce(m.reference_no, '') ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM directives d WHERE d.meeting_id = m.id AND (d.text_en ILIKE ${pattern} OR d.text_hi ILIKE ${pattern}))
    )`);
  }
  if (filters.from) conditions.push(sql`m.meeting_date >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`m.meeting_date <= ${filters.to}::date`);
  if (filters.status) conditions.push(sql`m.status = ${filters.status}`);
  if (filters.category) {
    conditions.push(sql`EXISTS (
      SELECT 1 FROM directives d JOIN categories c ON c.id = d.category_id
      WHERE d.meeting_id = m.id AND c.code = ${filters.category}
    )`);
  }
  if (filters.chair) conditions.push(sql`m.chair_office_id = (SELECT o.id FROM offices o WHERE o.code = ${filters.chair})`);
  if (filters.series) conditions.push(sql`m.series_id = (SELECT s.id FROM meeting_series s WHERE s.code = ${filters.series})`);
  return sql.join(conditions, sql` AND `);
}

/** Newest first; each row with its directive count and its items' progress (counted in SQL). */
export async function listMeetings(viewer: Viewer, filters: MeetingListFilters, today: string): Promise<MeetingListPage> {
  const where = listConditions(viewer, filters);
  const [{ total }] = await selectRows<{ total: number }>(sql`SELECT count(*)::int AS total FROM meetings m WHERE ${where}`);
  const pages = Math.max(1, Math.ceil(Number(total) / MEETINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const rows = await selectRows<{
    id: number;
    title_en: string;
    title_hi: string;
    meeting_date: string;
    mode: MeetingMode;
    chair_en: string;
    chair_hi: string;
    status: MeetingStatus;
    reference_no: string | null;
    series_name_en: string | null;
    series_name_hi: string | null;
    directives: number;
    items: number;
    done: number;
    applicable: number;
    overdue: number;
  }>(sql`
    SELECT m.id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.mode,
      m.chair_en, m.chair_hi, m.status, m.reference_no,
      (SELECT s.name_en FROM meeting_series s WHERE s.id = m.series_id) AS series_name_en,
      (SELECT s.name_hi FROM meeting_series s WHERE s.id = m.series_id) AS series_name_hi,
      (SELECT count(*)::int FROM directives d WHERE d.meeting_id = m.id AND d.withdrawn_at IS NULL) AS directives,
      coalesce(c.items, 0) AS items, coalesce(c.done, 0) AS done,
      coalesce(c.applicable, 0) AS applicable, coalesce(c.overdue, 0) AS overdue
    FROM meetings m
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS items,
        count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
        count(*) FILTER (WHERE a.status <> 'NOT_APPLICABLE')::int AS applicable,
        count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)::int AS overdue
      FROM action_items a
      WHERE a.meeting_id = m.id AND a.withdrawn_at IS NULL
    ) c ON true
    WHERE ${where}
    ORDER BY m.meeting_date DESC, m.id DESC
    LIMIT ${MEETINGS_PAGE_SIZE} OFFSET ${(page - 1) * MEETINGS_PAGE_SIZE}
  `);
  return {
    total: Number(total),
    page,
    pages,
    rows: rows.map((r) => ({
      id: r.id,
      titleEn: r.title_en,
      titleHi: r.title_hi,
      meetingDate: r.meeting_date,
      mode: r.mode,
      chairEn: r.chair_en,
      chairHi: r.chair_hi,
      status: r.status,
      referenceNo: r.reference_no,
      seriesNameEn: r.series_name_en,
      seriesNameHi: r.series_name_hi,
      directives: Number(r.directives),
      items: Number(r.items),
      done: Number(r.done),
      applicable: Number(r.applicable),
      overdue: Number(r.overdue),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The meeting page
// ---------------------------------------------------------------------------------------------

export interface MeetingSummary {
  id: number;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  dateApproximate: boolean;
  startTime: string | null;
  mode: MeetingMode;
  chairEn: string;
  chairHi: string;
  participantsEn: string;
  participantsHi: string;
  calledRoles: string[];
  agenda: string;
  minutes: string;
  referenceNo: string | null;
  status: MeetingStatus;
  publishedAt: string | null;
  publishedByName: string | null;
  publishedByNameHi: string | null;
  updatedAt: string;
}

export interface AssigneeLine {
  id: number;
  districtRole: DistrictRole | null;
  scope: AssigneeScope | null;
  department: { code: string; nameEn: string; nameHi: string } | null;
  divisions: { code: string; nameEn: string; nameHi: string }[];
  districts: { code: string; nameEn: string; nameHi: string }[];
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

export interface DirectiveProgress {
  /** Live items (withdrawn ones leave the figures). */
  total: number;
  done: number;
  inProgress: number;
  pending: number;
  overdue: number;
  notApplicable: number;
  collectors: number;
  sps: number;
  departments: number;
  withdrawn: number;
}

export interface DirectiveItem {
  id: number;
  status: ActionStatus;
  dueDate: string | null;
  districtRole: DistrictRole | null;
  district: { nameEn: string; nameHi: string } | null;
  department: { nameEn: string; nameHi: string } | null;
  overdue: boolean;
  withdrawn: boolean;
}

export interface DirectiveView {
  id: number;
  number: number;
  textEn: string;
  textHi: string;
  category: { code: string; nameEn: string; nameHi: string } | null;
  priority: Priority;
  dueDate: string | null;
  dueInDays: number | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  assignees: AssigneeLine[];
  progress: DirectiveProgress;
  items: DirectiveItem[];
}

export interface MeetingPage {
  meeting: MeetingSummary;
  directives: DirectiveView[];
}

function iso(value: Date | string | null): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

async function findVisibleMeeting(viewer: Viewer, meetingId: number, executor: DbOrTx = db()): Promise<MeetingSummary | null> {
  if (!Number.isSafeInteger(meetingId) || meetingId <= 0 || meetingId > 2_147_483_647) return null;
  const [row] = await selectRows<{
    id: number;
    title_en: string;
    title_hi: string;
    meeting_date: string;
    date_approximate: boolean;
    start_time: string | null;
    mode: MeetingMode;
    chair_en: string;
    chair_hi: string;
    participants_en: string;
    participants_hi: string;
    called_roles: string[] | string;
    agenda: string;
    minutes: string;
    reference_no: string | null;
    status: MeetingStatus;
    published_at: string | Date | null;
    published_by_name: string | null;
    published_by_name_hi: string | null;
    updated_at: string | Date;
  }>(
    sql`
      SELECT m.id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.date_approximate,
        to_char(m.start_time, 'HH24:MI') AS start_time, m.mode, m.chair_en, m.chair_hi, m.participants_en,
        m.participants_hi, m.called_roles, m.agenda, m.minutes, m.reference_no, m.status, m.published_at,
        u.display_name AS published_by_name, u.display_name_hi AS published_by_name_hi, m.updated_at
      FROM meetings m LEFT JOIN users u ON u.id = m.published_by_id
      WHERE m.id = ${meetingId} AND ${meetingVisibility(viewer)}
    `,
    executor,
  );
  if (!row) return null;
  return {
    id: row.id,
    titleEn: row.title_en,
    titleHi: row.title_hi,
    meetingDate: row.meeting_date,
    dateApproximate: row.date_approximate,
    startTime: row.start_time,
    mode: row.mode,
    chairEn: row.chair_en,
    chairHi: row.chair_hi,
    participantsEn: row.participants_en,
    participantsHi: row.participants_hi,
    calledRoles: parseTextArray(row.called_roles),
    agenda: row.agenda,
    minutes: row.minutes,
    referenceNo: row.reference_no,
    status: row.status,
    publishedAt: iso(row.published_at),
    publishedByName: row.published_by_name,
    publishedByNameHi: row.published_by_name_hi,
    updatedAt: iso(row.updated_at)!,
  };
}

/** A text[] column: an array from postgres.js, sometimes its literal ("{a,b}") from raw queries. */
function parseTextArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === "{}") return [];
  return value
    .slice(1, -1)
    .split(",")
    .map((part) => part.replace(/^"(.*)"$/, "$1"));
}

export async function getMeeting(viewer: Viewer, meetingId: number): Promise<MeetingSummary | null> {
  return findVisibleMeeting(viewer, meetingId);
}

/** The assignee lines of a meeting's directives, with the names of what they cover. */
async function loadAssigneeLines(meetingId: number, executor: DbOrTx): Promise<Map<number, AssigneeLine[]>> {
  const rows = await selectRows<{
    id: number;
    directive_id: number;
    district_role: DistrictRole | null;
    scope: AssigneeScope | null;
    department_code: string | null;
    department_name_en: string | null;
    department_name_hi: string | null;
    withdrawn_at: string | Date | null;
    withdrawn_reason: string | null;
    divisions: { code: string; nameEn: string; nameHi: string }[] | string | null;
    districts: { code: string; nameEn: string; nameHi: string }[] | string | null;
  }>(
    sql`
      SELECT da.id, da.directive_id, da.district_role, da.scope, p.code AS department_code,
        p.name_en AS department_name_en, p.name_hi AS department_name_hi, da.withdrawn_at, da.withdrawn_reason,
        (SELECT json_agg(json_build_object('code', v.code, 'nameEn', v.name_en, 'nameHi', v.name_hi) ORDER BY v.name_en)
           FROM directive_assignee_divisions dv JOIN divisions v ON v.id = dv.division_id WHERE dv.assignee_id = da.id) AS divisions,
        (SELECT json_agg(json_build_object('code', t.code, 'nameEn', t.name_en, 'nameHi', t.name_hi) ORDER BY t.name_en)
           FROM directive_assignee_districts dt JOIN districts t ON t.id = dt.district_id WHERE dt.assignee_id = da.id) AS districts
      FROM directive_assignees da
      JOIN directives d ON d.id = da.directive_id
      LEFT JOIN departments p ON p.id = da.department_id
      WHERE d.meeting_id = ${meetingId}
      ORDER BY da.directive_id, da.department_id NULLS FIRST, da.district_role, da.id
    `,
    executor,
  );
  const byDirective = new Map<number, AssigneeLine[]>();
  for (const r of rows) {
    const line: AssigneeLine = {
      id: r.id,
      districtRole: r.district_role,
      scope: r.scope,
      department:
        r.department_code != null ? { code: r.department_code, nameEn: r.department_name_en ?? "", nameHi: r.department_name_hi ?? "" } : null,
      divisions: parseJson(r.divisions) ?? [],
      districts: parseJson(r.districts) ?? [],
      withdrawnAt: iso(r.withdrawn_at),
      withdrawnReason: r.withdrawn_reason,
    };
    const list = byDirective.get(r.directive_id) ?? [];
    list.push(line);
    byDirective.set(r.directive_id, list);
  }
  return byDirective;
}

function parseJson<T>(value: T | string | null): T | null {
  if (value == null) return null;
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/** The meeting, its directives with their assignees, and each directive's progress across its items. */
export async function getMeetingPage(viewer: Viewer, meetingId: number, today: string): Promise<MeetingPage | null> {
  const meeting = await findVisibleMeeting(viewer, meetingId);
  if (!meeting) return null;
  const [directiveRows, progressRows, itemRows, assignees] = await Promise.all([
    selectRows<{
      id: number;
      number: number;
      text_en: string;
      text_hi: string;
      category_code: string | null;
      category_name_en: string | null;
      category_name_hi: string | null;
      priority: Priority;
      due_date: string | null;
      due_in_days: number | null;
      withdrawn_at: string | Date | null;
      withdrawn_reason: string | null;
    }>(sql`
      SELECT d.id, d.number, d.text_en, d.text_hi, c.code AS category_code, c.name_en AS category_name_en,
        c.name_hi AS category_name_hi, d.priority, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.due_in_days,
        d.withdrawn_at, d.withdrawn_reason
      FROM directives d LEFT JOIN categories c ON c.id = d.category_id
      WHERE d.meeting_id = ${meetingId}
      ORDER BY d.number
    `),
    // Overdue counts before pending/in progress, so the parts of the bar add up to the total.
    selectRows<Record<keyof DirectiveProgress, number> & { directive_id: number }>(sql`
      SELECT a.directive_id,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL)::int AS total,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.status = 'IN_PROGRESS'
          AND NOT coalesce(a.due_date < ${today}::date, false))::int AS "inProgress",
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.status = 'PENDING'
          AND NOT coalesce(a.due_date < ${today}::date, false))::int AS pending,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS')
          AND a.due_date < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.status = 'NOT_APPLICABLE')::int AS "notApplicable",
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.district_role = 'COLLECTOR')::int AS collectors,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.district_role = 'SP')::int AS sps,
        count(*) FILTER (WHERE a.withdrawn_at IS NULL AND a.department_id IS NOT NULL)::int AS departments,
        count(*) FILTER (WHERE a.withdrawn_at IS NOT NULL)::int AS withdrawn
      FROM action_items a
      WHERE a.meeting_id = ${meetingId}
      GROUP BY a.directive_id
    `),
    selectRows<{
      id: number;
      directive_id: number;
      status: ActionStatus;
      due_date: string | null;
      district_role: DistrictRole | null;
      district_name_en: string | null;
      district_name_hi: string | null;
      department_name_en: string | null;
      department_name_hi: string | null;
      overdue: boolean;
      withdrawn: boolean;
    }>(sql`
      SELECT a.id, a.directive_id, a.status, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.district_role,
        t.name_en AS district_name_en, t.name_hi AS district_name_hi,
        p.name_en AS department_name_en, p.name_hi AS department_name_hi,
        (a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND coalesce(a.due_date < ${today}::date, false)) AS overdue,
        a.withdrawn_at IS NOT NULL AS withdrawn
      FROM action_items a
      LEFT JOIN districts t ON t.id = a.district_id
      LEFT JOIN departments p ON p.id = a.department_id
      WHERE a.meeting_id = ${meetingId}
      ORDER BY a.directive_id, a.department_id NULLS FIRST, t.name_en, a.district_role
    `),
    loadAssigneeLines(meetingId, db()),
  ]);
  const progressBy = new Map(progressRows.map((p) => [p.directive_id, p]));
  const itemsBy = new Map<number, DirectiveItem[]>();
  for (const r of itemRows) {
    const list = itemsBy.get(r.directive_id) ?? [];
    list.push({
      id: r.id,
      status: r.status,
      dueDate: r.due_date,
      districtRole: r.district_role,
      district: r.district_name_en != null ? { nameEn: r.district_name_en, nameHi: r.district_name_hi ?? "" } : null,
      department: r.department_name_en != null ? { nameEn: r.department_name_en, nameHi: r.department_name_hi ?? "" } : null,
      overdue: r.overdue,
      withdrawn: r.withdrawn,
    });
    itemsBy.set(r.directive_id, list);
  }
  const zero: DirectiveProgress = {
    total: 0,
    done: 0,
    inProgress: 0,
    pending: 0,
    overdue: 0,
    notApplicable: 0,
    collectors: 0,
    sps: 0,
    departments: 0,
    withdrawn: 0,
  };
  return {
    meeting,
    directives: directiveRows.map((d) => {
      const p = progressBy.get(d.id);
      const progress = { ...zero };
      if (p) for (const key of Object.keys(zero) as (keyof DirectiveProgress)[]) progress[key] = Number(p[key]);
      return {
        id: d.id,
        number: d.number,
        textEn: d.text_en,
        textHi: d.text_hi,
        category: d.category_code ? { code: d.category_code, nameEn: d.category_name_en ?? "", nameHi: d.category_name_hi ?? "" } : null,
        priority: d.priority,
        dueDate: d.due_date,
        dueInDays: d.due_in_days,
        withdrawnAt: iso(d.withdrawn_at),
        withdrawnReason: d.withdrawn_reason,
        assignees: assignees.get(d.id) ?? [],
        progress,
        items: itemsBy.get(d.id) ?? [],
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The editor: a draft's values, and saving them
// ---------------------------------------------------------------------------------------------

export interface MeetingForEdit {
  meeting: MeetingSummary;
  values: MeetingFormValues;
}

/** A meeting as the editor's values. Null when the viewer may not edit it or it does not exist. */
export async function getMeetingForEdit(viewer: Viewer, meetingId: number): Promise<MeetingForEdit | null> {
  if (!can(viewer.role, "write:meeting:any")) return null;
  const meeting = await findVisibleMeeting(viewer, meetingId);
  if (!meeting) return null;
  const [directiveRows, assignees] = await Promise.all([
    db()
      .select({
        id: directives.id,
        textEn: directives.textEn,
        textHi: directives.textHi,
        categoryCode: schema.categories.code,
        priority: directives.priority,
        dueDate: directives.dueDate,
        dueInDays: directives.dueInDays,
      })
      .from(directives)
      .leftJoin(schema.categories, eq(schema.categories.id, directives.categoryId))
      .where(eq(directives.meetingId, meetingId))
      .orderBy(asc(directives.number)),
    loadAssigneeLines(meetingId, db()),
  ]);
  const values: MeetingFormValues = {
    ...emptyMeeting(meeting.meetingDate),
    titleEn: meeting.titleEn,
    titleHi: meeting.titleHi,
    startTime: meeting.startTime ?? "",
    mode: meeting.mode,
    chairEn: meeting.chairEn,
    chairHi: meeting.chairHi,
    participantsEn: meeting.participantsEn,
    participantsHi: meeting.participantsHi,
    calledRoles: meeting.calledRoles,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    referenceNo: meeting.referenceNo ?? "",
    directives: directiveRows.map((d) => {
      const row: DirectiveFormValues = {
        ...emptyDirective(),
        textEn: d.textEn,
        textHi: d.textHi,
        categoryCode: d.categoryCode ?? "",
        priority: d.priority,
        dueMode: d.dueInDays != null ? "DAYS" : "DATE",
        dueDate: d.dueInDays != null ? "" : (d.dueDate ?? ""),
        dueInDays: d.dueInDays != null ? String(d.dueInDays) : "",
      };
      for (const line of (assignees.get(d.id) ?? []).filter((l) => !l.withdrawnAt)) {
        if (line.department) {
          row.departments.push(line.department.code);
          continue;
        }
        const field = (Object.keys(ROLE_FIELDS) as RoleField[]).find((f) => ROLE_FIELDS[f] === line.districtRole);
        if (!field || !line.scope) continue;
        row[field] = {
          scope: line.scope,
          divisions: line.divisions.map((v) => v.code),
          districts: line.districts.map((t) => t.code),
        };
      }
      return row;
    }),
  };
  Object.assign(values, await getEditorSeriesValues(meetingId));
  return { meeting, values };
}

export type SaveDraftResult = { ok: true; meetingId: number } | { ok: false; reason: "not-found" | "published" };

interface CodeIds {
  districts: Map<string, number>;
  divisions: Map<string, number>;
  departments: Map<string, number>;
  categories: Map<string, number>;
}

async function codeIds(tx: DbOrTx): Promise<CodeIds> {
  const [districts, divisions, departments, categories] = await Promise.all([
    tx.select({ id: schema.districts.id, code: schema.districts.code }).from(schema.districts),
    tx.select({ id: schema.divisions.id, code: schema.divisions.code }).from(schema.divisions),
    tx.select({ id: schema.departments.id, code: schema.departments.code }).from(schema.departments),
    tx.select({ id: schema.categories.id, code: schema.categories.code }).from(schema.categories),
  ]);
  const toMap = (rows: { id: number; code: string }[]) => new Map(rows.map((r) => [r.code, r.id]));
  return { districts: toMap(districts), divisions: toMap(divisions), departments: toMap(departments), categories: toMap(categories) };
}

/**
 * Save the editor's (already validated) values as a draft: the meeting row, and its directives
 * and assignees replaced wholesale — a draft has no action items, so nothing refers to them.
 * Runs in the caller's transaction; a published meeting is refused, not changed.
 */
export async function saveDraftMeeting(
  viewer: Viewer,
  input: { meetingId: number | null; values: ValidMeetingForm; at?: Date },
  tx: DbOrTx,
): Promise<SaveDraftResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  const { values } = input;
  const at = input.at ?? new Date();
  const chair = await resolveChairAndSeries(values, tx);
  const fields = {
    titleEn: values.titleEn,
    titleHi: values.titleHi,
    meetingDate: values.meetingDate,
    startTime: values.startTime || null,
    mode: values.mode,
    chairEn: chair.chairEn,
    chairHi: chair.chairHi,
    chairOfficeId: chair.chairOfficeId,
    seriesId: chair.seriesId,
    participantsEn: values.participantsEn,
    participantsHi: values.participantsHi,
    calledRoles: [...new Set(values.calledRoles)],
    agenda: values.agenda,
    minutes: values.minutes,
    referenceNo: values.referenceNo || null,
    updatedAt: at,
  };

  let meetingId: number;
  if (input.meetingId != null) {
    const [existing] = await selectRows<{ id: number; status: MeetingStatus }>(
      sql`SELECT id, status FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`,
      tx,
    );
    if (!existing) return { ok: false, reason: "not-found" };
    if (existing.status !== "DRAFT") return { ok: false, reason: "published" };
    await tx.update(meetings).set(fields).where(eq(meetings.id, existing.id));
    // Cascades to the assignee lines and their division/district lists.
    await tx.delete(directives).where(eq(directives.meetingId, existing.id));
    meetingId = existing.id;
  } else {
    const [created] = await tx
      .insert(meetings)
      .values({ ...fields, status: "DRAFT", createdById: viewer.id, createdAt: at })
      .returning({ id: meetings.id });
    meetingId = created.id;
  }
  if (values.directives.length === 0) return { ok: true, meetingId };

  const ids = await codeIds(tx);
  const inserted = await tx
    .insert(directives)
    .values(
      values.directives.map((d, index) => ({
        meetingId,
        number: index + 1,
        textEn: d.textEn,
        textHi: d.textHi,
        categoryId: d.categoryCode ? (ids.categories.get(d.categoryCode) ?? null) : null,
        priority: d.priority,
        dueDate: resolveDueDate(values.meetingDate, d),
        dueInDays: d.dueMode === "DAYS" && d.dueInDays ? Number(d.dueInDays) : null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning({ id: directives.id, number: directives.number });
  const directiveIdByNumber = new Map(inserted.map((d) => [d.number, d.id]));

  const lines: (typeof directiveAssignees.$inferInsert)[] = [];
  values.directives.forEach((d, index) => {
    const directiveId = directiveIdByNumber.get(index + 1)!;
    for (const field of Object.keys(ROLE_FIELDS) as RoleField[]) {
      if (d[field].scope === "NONE") continue;
      lines.push({ directiveId, districtRole: ROLE_FIELDS[field], scope: d[field].scope as AssigneeScope });
    }
    for (const code of new Set(d.departments)) lines.push({ directiveId, departmentId: ids.departments.get(code)! });
  });
  if (lines.length === 0) return { ok: true, meetingId };
  const insertedLines = await tx
    .insert(directiveAssignees)
    .values(lines)
    .returning({ id: directiveAssignees.id, directiveId: directiveAssignees.directiveId, districtRole: directiveAssignees.districtRole });

  // A directive has at most one line per district role, so (directive, role) finds each line's id.
  const lineId = new Map(insertedLines.filter((l) => l.districtRole).map((l) => [`${l.directiveId}:${l.districtRole}`, l.id]));
  const divisionRows: (typeof directiveAssigneeDivisions.$inferInsert)[] = [];
  const districtRows: (typeof directiveAssigneeDistricts.$inferInsert)[] = [];
  values.directives.forEach((d, index) => {
    const directiveId = directiveIdByNumber.get(index + 1)!;
    for (const field of Object.keys(ROLE_FIELDS) as RoleField[]) {
      const assigneeId = lineId.get(`${directiveId}:${ROLE_FIELDS[field]}`);
      if (assigneeId == null) continue;
      if (d[field].scope === "DIVISIONS") {
        for (const code of new Set(d[field].divisions)) divisionRows.push({ assigneeId, divisionId: ids.divisions.get(code)! });
      }
      if (d[field].scope === "DISTRICTS") {
        for (const code of new Set(d[field].districts)) districtRows.push({ assigneeId, districtId: ids.districts.get(code)! });
      }
    }
  });
  if (divisionRows.length > 0) await tx.insert(directiveAssigneeDivisions).values(divisionRows);
  if (districtRows.length > 0) await tx.insert(directiveAssigneeDistricts).values(districtRows);
  return { ok: true, meetingId };
}
