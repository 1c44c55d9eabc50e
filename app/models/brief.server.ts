// The pre-review brief (/meetings/:meetingId/brief): what the chair reads the evening before the review.
// Over the directives under review in the meeting (its own and those carried into it, reviewSetCondition),
// per district and state department, all in SQL:
//   overdue        open (PENDING/IN_PROGRESS) after the due date; days = today − due date
//   returned       open and returned at least once: a completion was reported, sent back, not re-reported
//   silent         open items and no report (status change, remark, extension request) on any of the place's
//                  items for 15 days or more; never reported counts from when the items were created
//   then → now     each item as it stood at the end of the previous meeting of the series (IST): its status is
//                  the to_status of its latest history row by then, its due date the one its history gave it then
//   newly completed done now, not done then (or issued since); newly overdue: overdue now, not overdue then
//   grade          on items due or done (decision 010), now and then
// Places with nothing overdue, returned or silent are only counted.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Grade } from "~/domain/compliance-types";
import { gradeCase } from "./compliance.server";
import { scopeCondition, type ComplianceViewer } from "./compliance-filters.server";
import { getMeetingSeriesInfo } from "./series.server";
import { col, selectChecked } from "./rows.server";
import type { BriefPlace } from "~/domain/review-views";

export type { BriefPlace } from "~/domain/review-views";

export const SILENT_DAYS = 15;

export interface BriefTotals {
  items: number;
  applicable: number;
  done: number;
  overdue: number;
  returned: number;
  escalated: number;
  silentPlaces: number;
  completionRate: number | null;
  graded: number;
  grade: Grade | null;
  thenCompletionRate: number | null;
  newlyCompleted: number;
  newlyOverdue: number;
}

export interface Brief {
  meeting: { id: number; titleEn: string; titleHi: string; meetingDate: string; status: string };
  seriesNameEn: string | null;
  seriesNameHi: string | null;
  previous: { id: number; meetingDate: string; titleEn: string; titleHi: string } | null;
  directives: number;
  carried: number;
  totals: BriefTotals;
  /** Exceptions, worst first. */
  overdue: BriefPlace[];
  returned: BriefPlace[];
  silent: BriefPlace[];
  /** Places with items newly overdue since the previous meeting, most first. */
  changes: BriefPlace[];
  best: BriefPlace[];
  worst: BriefPlace[];
  /** Places with nothing overdue, returned or silent: counted, not listed. */
  fine: number;
  places: number;
}

const GRADE = col.oneOf(["A", "B", "C", "D"]);
const PLACE_ROW = z.object({
  kind: col.oneOf(["district", "department", "total"]),
  code: col.text().nullable(),
  name_en: col.text().nullable(),
  name_hi: col.text().nullable(),
  items: col.int(),
  applicable: col.int(),
  done: col.int(),
  open: col.int(),
  overdue: col.int(),
  max_days_overdue: col.int().nullable(),
  returned: col.int(),
  escalated: col.int(),
  days_since_update: col.int().nullable(),
  graded: col.int(),
  grade: GRADE.nullable(),
  then_applicable: col.int(),
  then_done: col.int(),
  then_graded: col.int(),
  then_grade: GRADE.nullable(),
  newly_completed: col.int(),
  newly_overdue: col.int(),
});
type PlaceRow = z.output<typeof PLACE_ROW>;
const MEETING_ROW = z.object({
  id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
  status: col.text(),
  directives: col.int(),
  carried: col.int(),
});

const n = (v: unknown) => Number(v ?? 0);
const rate = (a: number, b: number) => (b > 0 ? a / b : null);

/** Per place and in total (kind 'total'), the brief's counts; exported for the benchmark's EXPLAIN. */
export function briefPlacesSql(viewer: ComplianceViewer, meetingId: number, today: string, previousDate: string | null) {
  // The end of the previous meeting's day in India; with no previous meeting nothing existed "then".
  const thenAt = previousDate ? sql`((${previousDate}::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')` : sql`'-infinity'::timestamptz`;
  const thenDate = previousDate ? sql`${previousDate}::date` : sql`'-infinity'::date`;
  return sql`
    WITH s AS MATERIALIZED (
      SELECT a.id, a.district_id, a.department_id, a.status, a.due_date, a.last_reported_at, a.created_at, a.updated_at,
        a.status IN ('PENDING', 'IN_PROGRESS') AS open,
        a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date AS overdue,
        a.status IN ('COMPLETED', 'VERIFIED') AS done,
        a.escalated_at IS NOT NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AS escalated
      FROM action_items a
      -- The review set as a list of directives, so that the directive index finds the items.
      WHERE a.withdrawn_at IS NULL AND ${scopeCondition(viewer)} AND a.directive_id IN (
        SELECT d.id FROM directives d WHERE d.meeting_id = ${meetingId}
        UNION SELECT r.directive_id FROM meeting_reviewed_directives r WHERE r.meeting_id = ${meetingId})
    ),
    x AS (
      SELECT s.*, ret.returned IS NOT NULL AS returned,
        -- An item unchanged since then stood then as it stands now; only the others replay their history.
        CASE WHEN s.created_at >= ${thenAt} THEN NULL WHEN s.updated_at < ${thenAt} THEN s.status ELSE t.status END AS then_status,
        CASE WHEN s.updated_at < ${thenAt} THEN s.due_date ELSE coalesce(t.to_due, t.next_from_due, s.due_date) END AS then_due
      FROM s
      LEFT JOIN LATERAL (
        -- The outer conditions inside the subquery are one-time filters: closed items skip the index scan.
        SELECT true AS returned FROM action_item_history h WHERE s.open AND h.action_item_id = s.id AND h.kind = 'RETURNED' LIMIT 1
      ) ret ON TRUE
      LEFT JOIN LATERAL (
        SELECT (array_agg(h.to_status ORDER BY h.at DESC, h.id DESC) FILTER (WHERE h.at < ${thenAt}))[1] AS status,
          (array_agg(h.to_due_date ORDER BY h.at DESC, h.id DESC) FILTER (WHERE h.at < ${thenAt} AND h.to_due_date IS NOT NULL))[1] AS to_due,
          (array_agg(h.from_due_date ORDER BY h.at, h.id) FILTER (WHERE h.at >= ${thenAt} AND h.from_due_date IS NOT NULL))[1] AS next_from_due
        FROM action_item_history h WHERE s.created_at < ${thenAt} AND s.updated_at >= ${thenAt} AND h.action_item_id = s.id
      ) t ON TRUE
    ),
    y AS (
      SELECT x.*, x.then_status IN ('PENDING', 'IN_PROGRESS') AND x.then_due < ${thenDate} AS then_overdue FROM x
    ),
    p AS (
      SELECT
        CASE WHEN GROUPING(x.district_id, x.department_id) = 3 THEN 'total'
             WHEN x.district_id IS NOT NULL THEN 'district' ELSE 'department' END AS kind,
        x.district_id, x.department_id,
        count(*)::int AS items,
        count(*) FILTER (WHERE x.status <> 'NOT_APPLICABLE')::int AS applicable,
        count(*) FILTER (WHERE x.done)::int AS done,
        count(*) FILTER (WHERE x.open)::int AS open,
        count(*) FILTER (WHERE x.overdue)::int AS overdue,
        max(${today}::date - x.due_date) FILTER (WHERE x.overdue) AS max_days_overdue,
        count(*) FILTER (WHERE x.returned)::int AS returned,
        count(*) FILTER (WHERE x.escalated)::int AS escalated,
        ${today}::date - (coalesce(max(x.last_reported_at), min(x.created_at)) AT TIME ZONE 'Asia/Kolkata')::date AS days_since_update,
        count(*) FILTER (WHERE x.done OR x.overdue)::int AS graded,
        count(*) FILTER (WHERE x.then_status IS NOT NULL AND x.then_status <> 'NOT_APPLICABLE')::int AS then_applicable,
        count(*) FILTER (WHERE x.then_status IN ('COMPLETED', 'VERIFIED'))::int AS then_done,
        count(*) FILTER (WHERE x.then_status IN ('COMPLETED', 'VERIFIED') OR x.then_overdue)::int AS then_graded,
        count(*) FILTER (WHERE x.done AND (x.then_status IS NULL OR x.then_status NOT IN ('COMPLETED', 'VERIFIED')))::int AS newly_completed,
        count(*) FILTER (WHERE x.overdue AND NOT coalesce(x.then_overdue, false))::int AS newly_overdue
      FROM y x
      GROUP BY GROUPING SETS ((x.district_id, x.department_id), ())
    )
    SELECT p.kind, coalesce(d.code, dep.code) AS code, coalesce(d.name_en, dep.name_en) AS name_en, coalesce(d.name_hi, dep.name_hi) AS name_hi,
      p.items, p.applicable, p.done, p.open, p.overdue, p.max_days_overdue, p.returned, p.escalated,
      CASE WHEN p.kind = 'total' THEN NULL ELSE p.days_since_update END AS days_since_update,
      p.graded, ${gradeCase(sql`p.done`, sql`p.graded`)} AS grade,
      p.then_applicable, p.then_done, p.then_graded, ${gradeCase(sql`p.then_done`, sql`p.then_graded`)} AS then_grade,
      p.newly_completed, p.newly_overdue
    FROM p
    LEFT JOIN districts d ON d.id = p.district_id
    LEFT JOIN departments dep ON dep.id = p.department_id
    ORDER BY coalesce(d.name_en, dep.name_en)`;
}

/** The brief for a meeting the viewer may see (readers: published only), or null. */
export async function getBrief(viewer: ComplianceViewer, meetingId: number, today: string): Promise<Brief | null> {
  const visible = viewer.role === "ADMIN" || viewer.role === "SECRETARIAT" ? sql`TRUE` : sql`m.status = 'PUBLISHED'`;
  const [meeting] = await selectChecked(
    MEETING_ROW,
    sql`
    SELECT m.id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.status,
      (SELECT count(*)::int FROM directives d WHERE d.meeting_id = m.id AND d.withdrawn_at IS NULL) AS directives,
      (SELECT count(*)::int FROM meeting_reviewed_directives r WHERE r.meeting_id = m.id) AS carried
    FROM meetings m WHERE m.id = ${meetingId} AND ${visible}`,
  );
  if (!meeting) return null;
  const series = await getMeetingSeriesInfo(meetingId);
  const previous = series.previous;
  const rows = await selectChecked(PLACE_ROW, briefPlacesSql(viewer, meetingId, today, previous?.meetingDate ?? null));

  const toPlace = (r: PlaceRow): BriefPlace => {
    const daysSinceUpdate = r.days_since_update == null ? null : n(r.days_since_update);
    const open = n(r.open);
    return {
      kind: r.kind === "department" ? "department" : "district",
      code: r.code ?? "",
      nameEn: r.name_en ?? "",
      nameHi: r.name_hi ?? "",
      items: n(r.items),
      applicable: n(r.applicable),
      done: n(r.done),
      open,
      overdue: n(r.overdue),
      maxDaysOverdue: r.max_days_overdue == null ? null : n(r.max_days_overdue),
      returned: n(r.returned),
      escalated: n(r.escalated),
      daysSinceUpdate,
      silent: open > 0 && daysSinceUpdate != null && daysSinceUpdate >= SILENT_DAYS,
      completionRate: rate(n(r.done), n(r.applicable)),
      graded: n(r.graded),
      gradeRate: rate(n(r.done), n(r.graded)),
      grade: r.grade ?? null,
      then: previous
        ? {
            applicable: n(r.then_applicable),
            done: n(r.then_done),
            completionRate: rate(n(r.then_done), n(r.then_applicable)),
            gradeRate: rate(n(r.then_done), n(r.then_graded)),
            grade: r.then_grade ?? null,
          }
        : null,
      newlyCompleted: n(r.newly_completed),
      newlyOverdue: n(r.newly_overdue),
    };
  };
  const total = rows.find((r) => r.kind === "total");
  const places = rows.filter((r) => r.kind !== "total").map(toPlace);
  const byName = (a: BriefPlace, b: BriefPlace) => a.nameEn.localeCompare(b.nameEn);
  const overdue = places
    .filter((p) => p.overdue > 0)
    .sort((a, b) => (b.maxDaysOverdue ?? 0) - (a.maxDaysOverdue ?? 0) || b.overdue - a.overdue || byName(a, b));
  const returned = places.filter((p) => p.returned > 0).sort((a, b) => b.returned - a.returned || byName(a, b));
  const silent = places.filter((p) => p.silent).sort((a, b) => (b.daysSinceUpdate ?? 0) - (a.daysSinceUpdate ?? 0) || byName(a, b));
  const changes = previous ? places.filter((p) => p.newlyOverdue > 0).sort((a, b) => b.newlyOverdue - a.newlyOverdue || byName(a, b)) : [];
  // Best and worst: districts with something graded, by grade rate, then completion rate, then fewer overdue.
  const graded = places
    .filter((p) => p.kind === "district" && p.graded > 0)
    .sort((a, b) => b.gradeRate! - a.gradeRate! || (b.completionRate ?? 0) - (a.completionRate ?? 0) || a.overdue - b.overdue || byName(a, b));
  const best = graded.slice(0, 5);
  const worst = graded.slice(Math.max(5, graded.length - 5)).reverse();
  const fine = places.filter((p) => p.overdue === 0 && p.returned === 0 && !p.silent).length;
  const t = total ? toPlace(total) : null;
  return {
    meeting: {
      id: meeting.id,
      titleEn: meeting.title_en,
      titleHi: meeting.title_hi,
      meetingDate: meeting.meeting_date,
      status: meeting.status,
    },
    seriesNameEn: series.seriesNameEn,
    seriesNameHi: series.seriesNameHi,
    previous,
    directives: n(meeting.directives) + n(meeting.carried),
    carried: n(meeting.carried),
    totals: {
      items: t?.items ?? 0,
      applicable: t?.applicable ?? 0,
      done: t?.done ?? 0,
      overdue: t?.overdue ?? 0,
      returned: t?.returned ?? 0,
      escalated: t?.escalated ?? 0,
      silentPlaces: silent.length,
      completionRate: t?.completionRate ?? null,
      graded: t?.graded ?? 0,
      grade: t?.grade ?? null,
      thenCompletionRate: t?.then?.completionRate ?? null,
      newlyCompleted: t?.newlyCompleted ?? 0,
      newlyOverdue: t?.newlyOverdue ?? 0,
    },
    overdue,
    returned,
    silent,
    changes,
    best,
    worst,
    fine,
    places: places.length,
  };
}
