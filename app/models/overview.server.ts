import { sql } from "drizzle-orm";
import { selectRows } from "./sql.server";

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
  const [row] = await selectRows<{
    state_code: string | null;
    name_en: string | null;
    name_hi: string | null;
    meetings: number;
    directives: number;
    items: number;
    done: number;
    applicable: number;
    overdue: number;
  }>(sql`
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
  `);
  return {
    state: row.state_code ? { code: row.state_code, nameEn: row.name_en ?? "", nameHi: row.name_hi ?? "" } : null,
    meetingsPublished: Number(row.meetings),
    directives: Number(row.directives),
    actionItems: Number(row.items),
    completionRate: Number(row.applicable) > 0 ? Number(row.done) / Number(row.applicable) : null,
    overdue: Number(row.overdue),
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
  const rows = await selectRows<{
    id: number;
    title_en: string;
    title_hi: string;
    meeting_date: string;
    items: number;
    done: number;
    applicable: number;
  }>(sql`
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
  `);
  return rows.map((r) => ({
    id: Number(r.id),
    titleEn: r.title_en,
    titleHi: r.title_hi,
    meetingDate: r.meeting_date,
    items: Number(r.items),
    done: Number(r.done),
    applicable: Number(r.applicable),
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
  const rows = await selectRows<{ code: string; name_en: string; name_hi: string; overdue: number }>(sql`
    SELECT d.code, d.name_en, d.name_hi, count(*)::int AS overdue
    FROM action_items a
    JOIN districts d ON d.id = a.district_id
    WHERE a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date
    GROUP BY d.id
    ORDER BY overdue DESC, d.name_en
    LIMIT ${limit}
  `);
  return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameHi: r.name_hi, overdue: Number(r.overdue) }));
}
