import { sql } from "drizzle-orm";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const STATE_ROW = z.object({
  state_code: col.text().nullable(),
  name_en: col.text().nullable(),
  name_hi: col.text().nullable(),
  meetings: col.int(),
  directives: col.int(),
  items: col.int(),
  done: col.int(),
  applicable: col.int(),
  overdue: col.int(),
});
const RECENT_ROW = z.object({
  id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
  items: col.int(),
  done: col.int(),
  applicable: col.int(),
});
const OVERDUE_ROW = z.object({ code: col.text(), name_en: col.text(), name_hi: col.text(), overdue: col.int() });

export interface StateOverview {
  state: { code: string; nameEn: string; nameHi: string } | null;
  meetingsPublished: number;
  directives: number;
  actionItems: number;
  /** (COMPLETED + VERIFIED) ÷ (all − NOT_APPLICABLE), or null when there is nothing to divide by. */
  completionRate: number | null;
  overdue: number;
}

/** Headline figures for the home page; everything counted in SQL, withdrawn items excluded. */
export async function getStateOverview(today: string): Promise<StateOverview> {
  const [row] = await selectChecked(
    STATE_ROW,
    sql`
    SELECT
      (SELECT code FROM states ORDER BY id LIMIT 1) AS state_code,
      (SELECT name_en FROM states ORDER BY id LIMIT 1) AS name_en,
      (SELECT name_hi FROM states ORDER BY id LIMIT 1) AS name_hi,
      (SELECT count(*)::int FROM meetings WHERE status = 'PUBLISHED') AS meetings,
      (SELECT count(*)::int FROM directives d JOIN meetings m ON m.id = d.meeting_id
         WHERE m.status = 'PUBLISHED' AND d.withdrawn_at IS NULL) AS directives,
      count(*)::int AS items,
      count(*) FILTER (WHERE status IN ('COMPLETED', 'VERIFIED'))::int AS done,
      count(*) FILTER (WHERE status <> 'NOT_APPLICABLE')::int AS applicable,
      count(*) FILTER (WHERE status IN ('PENDING', 'IN_PROGRESS') AND due_date < ${today}::date)::int AS overdue
    FROM action_items
    WHERE withdrawn_at IS NULL
  `,
  );
  return {
    state: row.state_code ? { code: row.state_code, nameEn: row.name_en ?? "", nameHi: row.name_hi ?? "" } : null,
    meetingsPublished: row.meetings,
    directives: row.directives,
    actionItems: row.items,
    completionRate: row.applicable > 0 ? row.done / row.applicable : null,
    overdue: row.overdue,
  };
}

export interface RecentMeeting {
  id: number;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  items: number;
  done: number;
  applicable: number;
}

export async function listRecentPublishedMeetings(limit = 5): Promise<RecentMeeting[]> {
  const rows = await selectChecked(
    RECENT_ROW,
    sql`
    SELECT m.id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date,
      count(a.id)::int AS items,
      count(a.id) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
      count(a.id) FILTER (WHERE a.status <> 'NOT_APPLICABLE')::int AS applicable
    FROM meetings m
    LEFT JOIN action_items a ON a.meeting_id = m.id AND a.withdrawn_at IS NULL
    WHERE m.status = 'PUBLISHED'
    GROUP BY m.id
    ORDER BY m.meeting_date DESC, m.id DESC
    LIMIT ${limit}
  `,
  );
  return rows.map((r) => ({
    id: r.id,
    titleEn: r.title_en,
    titleHi: r.title_hi,
    meetingDate: r.meeting_date,
    items: r.items,
    done: r.done,
    applicable: r.applicable,
  }));
}

export interface DistrictOverdue {
  code: string;
  nameEn: string;
  nameHi: string;
  overdue: number;
}

/** The districts with the most overdue items, for the home page's "needs attention" list. */
export async function listMostOverdueDistricts(today: string, limit = 5): Promise<DistrictOverdue[]> {
  const rows = await selectChecked(
    OVERDUE_ROW,
    sql`
    SELECT d.code, d.name_en, d.name_hi, count(*)::int AS overdue
    FROM action_items a
    JOIN districts d ON d.id = a.district_id
    WHERE a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date
    GROUP BY d.id
    ORDER BY overdue DESC, d.name_en
    LIMIT ${limit}
  `,
  );
  return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameHi: r.name_hi, overdue: r.overdue }));
}
