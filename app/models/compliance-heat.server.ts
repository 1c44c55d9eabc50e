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
export async function getHeatMap(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  rowLimit = 60,
): Promise<HeatMap> {
  const where = liveItemsCondition(filters, viewer);
  let meetingId = filters.meetingId;
  if (meetingId === undefined) {
    const [latest] = await selectChecked(ID_ROW, sql`
      SELECT m.id FROM meetings m
      WHERE m.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM action_items a WHERE a.meeting_id = m.id AND ${where})
      ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1`);
    meetingId = latest?.id;
  }
  if (meetingId === undefined) return { meeting: null, directives: [], rows: [], totalRows: 0 };
  const scoped = { ...filters, meetingId };
  const [meetingRows, directiveRows, cellRows] = await Promise.all([
    selectChecked(MEETING_ROW, sql`
      SELECT id, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date FROM meetings WHERE id = ${meetingId}`),
    selectChecked(DIRECTIVE_ROW, sql`
      SELECT d.id, d.number, d.text_en, d.text_hi FROM directives d
      WHERE d.meeting_id = ${meetingId} AND d.withdrawn_at IS NULL
        AND EXISTS (SELECT 1 FROM action_items a WHERE a.directive_id = d.id AND ${liveItemsCondition(scoped, viewer)})
      ORDER BY d.number`),
    selectChecked(CELL_ROW, sql`
      WITH cells AS (
      SELECT CASE WHEN a.district_id IS NOT NULL THEN 'district' ELSE 'department' END AS kind,
        coalesce(d.code, dep.code) AS code, coalesce(d.name_en, dep.name_en) AS name_en,
        coalesce(d.name_hi, dep.name_hi) AS name_hi,
        CASE WHEN a.district_id IS NOT NULL THEN '1' || dv.name_en || '|' || d.name_en ELSE '2' || dep.name_en END AS sort_key,
        a.directive_id,
        min(CASE
          WHEN a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date THEN 0
          WHEN a.status = 'PENDING' THEN 1 WHEN a.status = 'IN_PROGRESS' THEN 2
          WHEN a.status = 'COMPLETED' THEN 3 WHEN a.status = 'VERIFIED' THEN 4 ELSE 5 END)::int AS worst,
        count(*)::int AS items,
        count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
        count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)::int AS overdue,
        min(a.id)::int AS item_id
      FROM action_items a
      LEFT JOIN districts d ON d.id = a.district_id
      LEFT JOIN divisions dv ON dv.id = d.division_id
      LEFT JOIN departments dep ON dep.id = a.department_id
      WHERE ${liveItemsCondition(scoped, viewer)}
      GROUP BY 1, 2, 3, 4, 5, a.directive_id
      ),
      -- Only the rows the page draws leave the database (780 districts' cells at national scale otherwise).
      ranked AS (SELECT c.*, dense_rank() OVER (ORDER BY c.sort_key, c.kind, c.code) AS row_no FROM cells c)
      SELECT r.*, (SELECT max(row_no) FROM ranked)::int AS total_rows FROM ranked r
      WHERE r.row_no <= ${rowLimit}
      ORDER BY r.row_no`),
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
