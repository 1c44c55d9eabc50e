// The meetings list: search, filters and a page of meetings, newest first, each with its
// directive count and its items' progress.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Viewer } from "~/utils/auth.server";
import { MEETING_MODES, MEETING_STATUSES, type MeetingStatus } from "~/domain/vocabulary";
import { meetingVisibility } from "./meeting.server";
import { col, selectChecked } from "./rows.server";
import type { MeetingListRow } from "~/domain/meeting-views";

export type { MeetingListRow } from "~/domain/meeting-views";

export const MEETINGS_PAGE_SIZE = 20;

const LIST_ROW = z.object({
  id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
  mode: col.oneOf(MEETING_MODES),
  chair_en: col.text(),
  chair_hi: col.text(),
  status: col.oneOf(MEETING_STATUSES),
  reference_no: col.text().nullable(),
  series_name_en: col.text().nullable(),
  series_name_hi: col.text().nullable(),
  directives: col.int(),
  items: col.int(),
  done: col.int(),
  applicable: col.int(),
  overdue: col.int(),
});

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
  const [{ total }] = await selectChecked(z.object({ total: col.int() }), sql`SELECT count(*)::int AS total FROM meetings m WHERE ${where}`);
  const pages = Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const rows = await selectChecked(
    LIST_ROW,
    sql`
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
  `,
  );
  return {
    total,
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
      directives: r.directives,
      items: r.items,
      done: r.done,
      applicable: r.applicable,
      overdue: r.overdue,
    })),
  };
}
