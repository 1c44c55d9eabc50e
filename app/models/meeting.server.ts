// A meeting as its page shows it: the meeting, its directives with their assignees, and each
// directive's progress across its items. Readers (officials) see published meetings only; the
// secretariat also sees drafts. The list is meeting-list.server.ts, the editor's master data
// meeting-master.server.ts, a draft's values and saving them meeting-draft.server.ts.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { ACTION_STATUSES, ASSIGNEE_SCOPES, DISTRICT_ROLES, MEETING_MODES, MEETING_STATUSES, PRIORITIES } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";
import type { AssigneeLine, DirectiveItem, DirectiveProgress, MeetingPage, MeetingSummary } from "~/domain/meeting-views";

export type { AssigneeLine, DirectiveItem, DirectiveProgress, DirectiveView, MeetingPage, MeetingSummary } from "~/domain/meeting-views";

const MEETING_ROW = z.object({
  id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
  date_approximate: col.bool(),
  start_time: col.text().nullable(),
  mode: col.oneOf(MEETING_MODES),
  chair_en: col.text(),
  chair_hi: col.text(),
  participants_en: col.text(),
  participants_hi: col.text(),
  called_roles: col.textList(),
  agenda: col.text(),
  minutes: col.text(),
  reference_no: col.text().nullable(),
  status: col.oneOf(MEETING_STATUSES),
  published_at: col.timestamp().nullable(),
  published_by_name: col.text().nullable(),
  published_by_name_hi: col.text().nullable(),
  updated_at: col.timestamp(),
});
const NAMED = z.object({ code: col.text(), nameEn: col.text(), nameHi: col.text() });
/** json_agg of the places, null when there are none. */
const NAMED_LIST = col.json(z.array(NAMED)).nullable();
const ASSIGNEE_ROW = z.object({
  id: col.int(),
  directive_id: col.int(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  scope: col.oneOf(ASSIGNEE_SCOPES).nullable(),
  department_code: col.text().nullable(),
  department_name_en: col.text().nullable(),
  department_name_hi: col.text().nullable(),
  withdrawn_at: col.timestamp().nullable(),
  withdrawn_reason: col.text().nullable(),
  divisions: NAMED_LIST,
  districts: NAMED_LIST,
});
const DIRECTIVE_ROW = z.object({
  id: col.int(),
  number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  category_code: col.text().nullable(),
  category_name_en: col.text().nullable(),
  category_name_hi: col.text().nullable(),
  priority: col.oneOf(PRIORITIES),
  due_date: col.date().nullable(),
  due_in_days: col.int().nullable(),
  withdrawn_at: col.timestamp().nullable(),
  withdrawn_reason: col.text().nullable(),
});
const PROGRESS_ROW = z.object({
  directive_id: col.int(),
  total: col.int(),
  done: col.int(),
  inProgress: col.int(),
  pending: col.int(),
  overdue: col.int(),
  notApplicable: col.int(),
  collectors: col.int(),
  sps: col.int(),
  departments: col.int(),
  withdrawn: col.int(),
});
const ITEM_ROW = z.object({
  id: col.int(),
  directive_id: col.int(),
  status: col.oneOf(ACTION_STATUSES),
  due_date: col.date().nullable(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  district_name_en: col.text().nullable(),
  district_name_hi: col.text().nullable(),
  department_name_en: col.text().nullable(),
  department_name_hi: col.text().nullable(),
  overdue: col.bool(),
  withdrawn: col.bool(),
});

/** The meetings a viewer may see, as a condition on meetings aliased `m`. */
export function meetingVisibility(viewer: Viewer): SQL {
  if (can(viewer.role, "write:meeting:any")) return sql`true`;
  if (can(viewer.role, "read:meeting:any")) return sql`m.status = 'PUBLISHED'`;
  return sql`false`;
}

export async function findVisibleMeeting(viewer: Viewer, meetingId: number, executor: DbOrTx = db()): Promise<MeetingSummary | null> {
  if (!Number.isSafeInteger(meetingId) || meetingId <= 0 || meetingId > 2_147_483_647) return null;
  const [row] = await selectChecked(
    MEETING_ROW,

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
    calledRoles: row.called_roles,
    agenda: row.agenda,
    minutes: row.minutes,
    referenceNo: row.reference_no,
    status: row.status,
    publishedAt: row.published_at,
    publishedByName: row.published_by_name,
    publishedByNameHi: row.published_by_name_hi,
    updatedAt: row.updated_at,
  };
}

export async function getMeeting(viewer: Viewer, meetingId: number): Promise<MeetingSummary | null> {
  return findVisibleMeeting(viewer, meetingId);
}

/** The assignee lines of a meeting's directives, with the names of what they cover. */
export async function loadAssigneeLines(meetingId: number, executor: DbOrTx): Promise<Map<number, AssigneeLine[]>> {
  const rows = await selectChecked(
    ASSIGNEE_ROW,

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
      divisions: r.divisions ?? [],
      districts: r.districts ?? [],
      withdrawnAt: r.withdrawn_at,
      withdrawnReason: r.withdrawn_reason,
    };
    const list = byDirective.get(r.directive_id) ?? [];
    list.push(line);
    byDirective.set(r.directive_id, list);
  }
  return byDirective;
}

/** A directive with no items yet. */
const NO_PROGRESS: DirectiveProgress = {
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

/** The meeting, its directives with their assignees, and each directive's progress across its items. */
export async function getMeetingPage(viewer: Viewer, meetingId: number, today: string): Promise<MeetingPage | null> {
  const meeting = await findVisibleMeeting(viewer, meetingId);
  if (!meeting) return null;
  const [directiveRows, progressRows, itemRows, assignees] = await Promise.all([
    selectChecked(
      DIRECTIVE_ROW,
      sql`
      SELECT d.id, d.number, d.text_en, d.text_hi, c.code AS category_code, c.name_en AS category_name_en,
        c.name_hi AS category_name_hi, d.priority, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.due_in_days,
        d.withdrawn_at, d.withdrawn_reason
      FROM directives d LEFT JOIN categories c ON c.id = d.category_id
      WHERE d.meeting_id = ${meetingId}
      ORDER BY d.number
    `,
    ),
    // Overdue counts before pending/in progress, so the parts of the bar add up to the total.
    selectChecked(
      PROGRESS_ROW,
      sql`
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
    `,
    ),
    selectChecked(
      ITEM_ROW,
      sql`
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
    `,
    ),
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
  return {
    meeting,
    directives: directiveRows.map((d) => {
      const p = progressBy.get(d.id);
      const progress = { ...NO_PROGRESS };
      if (p) for (const key of Object.keys(NO_PROGRESS) as (keyof DirectiveProgress)[]) progress[key] = Number(p[key]);
      return {
        id: d.id,
        number: d.number,
        textEn: d.text_en,
        textHi: d.text_hi,
        category: d.category_code ? { code: d.category_code, nameEn: d.category_name_en ?? "", nameHi: d.category_name_hi ?? "" } : null,
        priority: d.priority,
        dueDate: d.due_date,
        dueInDays: d.due_in_days,
        withdrawnAt: d.withdrawn_at,
        withdrawnReason: d.withdrawn_reason,
        assignees: assignees.get(d.id) ?? [],
        progress,
        items: itemsBy.get(d.id) ?? [],
      };
    }),
  };
}
