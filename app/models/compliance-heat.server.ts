// The dashboard's heat map: district (and department) × directive for one meeting.
import { sql } from "drizzle-orm";
import { liveItemsCondition, type ComplianceFilters, type ComplianceViewer } from "./compliance-filters.server";
import { z } from "zod";
import { CELL_STATES } from "~/domain/compliance-types";
import type { HeatMap } from "~/domain/views";
import { col, selectChecked } from "./rows.server";

const ID_ROW = z.object({ id: col.int() });
const MEETING_ROW = z.object({ id: col.int(), title_en: col.text(), title_hi: col.text(), meeting_date: col.date() });
const DIRECTIVE_ROW = z.object({ id: col.int(), number: col.int(), text_en: col.text(), text_hi: col.text() });
const CELL_ROW = z.object({
  kind: col.oneOf(["district", "department"]),
  code: col.text(),
  name_en: col.text(),
  name_hi: col.text(),
  directive_id: col.int(),
  /** Index into CELL_STATES: the worst state among the cell's items. */
  worst: col.int(),
  items: col.int(),
  done: col.int(),
  overdue: col.int(),
  item_id: col.int(),
  total_rows: col.int(),
});

/**
 * District (and department) × directive for one meeting: the filter's meeting, or else the latest
 * meeting with items in the filter. At most `rowLimit` rows.
 */
export async function getHeatMap(viewer: ComplianceViewer, filters: ComplianceFilters, today: string, rowLimit = 60): Promise<HeatMap> {
  const where = liveItemsCondition(filters, viewer);
  let meetingId = filters.meetingId;
  if (meetingId === undefined) {
    const [latest] = await selectChecked(
      ID_ROW,
      sql`
      SELECT m.id FROM meetings m
      WHERE m.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM action_items a WHERE a.meeting_id = m.id AND ${where})
      ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1`,
    );
    meetingId = latest?.id;
  }
  if (meetingId === undefined) return { meeting: null, directives: [], rows: [], totalRows: 0 };
  const scoped = { ...filters, meetingId };
  const [meetingRows, directiveRows, cellRows] = await Promise.all([
    selectChecked(
      MEETING_ROW,
      sql`
      SELECT id, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date FROM meetings WHERE id = ${meetingId}`,
    ),
    selectChecked(
      DIRECTIVE_ROW,
      sql`
      SELECT d.id, d.number, d.text_en, d.text_hi FROM directives d
      WHERE d.meeting_id = ${meetingId} AND d.withdrawn_at IS NULL
        AND EXISTS (SELECT 1 FROM action_items a WHERE a.directive_id = d.id AND ${liveItemsCondition(scoped, viewer)})
      ORDER BY d.number`,
    ),
    // Places first: which rows the page draws (the first `rowLimit` in order, and how many there are),
    // then the cells of those rows only. At national scale a meeting has ≈ 10 000 items in 780 places.
    selectChecked(
      CELL_ROW,
      sql`
      WITH live AS MATERIALIZED (
        SELECT a.id, coalesce(a.district_id, -a.department_id) AS place, a.district_id, a.department_id, a.directive_id,
          a.status, a.due_date
        FROM action_items a WHERE ${liveItemsCondition(scoped, viewer)}
      ),
      places AS (SELECT DISTINCT place, district_id, department_id FROM live),
      shown AS (
        SELECT p.place, CASE WHEN p.district_id IS NOT NULL THEN 'district' ELSE 'department' END AS kind,
          coalesce(d.code, dep.code) AS code, coalesce(d.name_en, dep.name_en) AS name_en,
          coalesce(d.name_hi, dep.name_hi) AS name_hi,
          CASE WHEN p.district_id IS NOT NULL THEN '1' || dv.name_en || '|' || d.name_en ELSE '2' || dep.name_en END AS sort_key,
          count(*) OVER () AS total_rows
        FROM places p
        LEFT JOIN districts d ON d.id = p.district_id
        LEFT JOIN divisions dv ON dv.id = d.division_id
        LEFT JOIN departments dep ON dep.id = p.department_id
        ORDER BY sort_key, kind, code
        LIMIT ${rowLimit}
      )
      SELECT s.kind, s.code, s.name_en, s.name_hi, s.sort_key, l.directive_id,
        min(CASE
          WHEN l.status IN ('PENDING', 'IN_PROGRESS') AND l.due_date < ${today}::date THEN 0
          WHEN l.status = 'PENDING' THEN 1 WHEN l.status = 'IN_PROGRESS' THEN 2
          WHEN l.status = 'COMPLETED' THEN 3 WHEN l.status = 'VERIFIED' THEN 4 ELSE 5 END)::int AS worst,
        count(*)::int AS items,
        count(*) FILTER (WHERE l.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
        count(*) FILTER (WHERE l.status IN ('PENDING', 'IN_PROGRESS') AND l.due_date < ${today}::date)::int AS overdue,
        min(l.id)::int AS item_id, s.total_rows::int AS total_rows
      FROM shown s JOIN live l ON l.place = s.place
      GROUP BY s.kind, s.code, s.name_en, s.name_hi, s.sort_key, s.total_rows, l.directive_id
      ORDER BY s.sort_key, s.kind, s.code, l.directive_id`,
    ),
  ]);
  const rows: HeatMap["rows"] = [];
  const byCode = new Map<string, HeatMap["rows"][number]>();
  for (const r of cellRows) {
    const key = `${r.kind}:${r.code}`;
    let row = byCode.get(key);
    if (!row) {
      row = { kind: r.kind, code: r.code, nameEn: r.name_en, nameHi: r.name_hi, cells: {} };
      byCode.set(key, row);
      rows.push(row);
    }
    row.cells[r.directive_id] = { state: CELL_STATES[r.worst], items: r.items, done: r.done, overdue: r.overdue, itemId: r.item_id };
  }
  const m = meetingRows[0];
  return {
    meeting: m ? { id: m.id, titleEn: m.title_en, titleHi: m.title_hi, meetingDate: m.meeting_date } : null,
    directives: directiveRows.map((d) => ({ id: d.id, number: d.number, textEn: d.text_en, textHi: d.text_hi })),
    rows,
    totalRows: cellRows[0]?.total_rows ?? 0,
  };
}
