// /districts/:code — a district between two meetings of a series: each figure as it stood at the end of each
// meeting's day (IST), over the district's items of that series' directives issued by then, each item's status
// and due date replayed from its history (as the brief's "then").
import { sql } from "drizzle-orm";
import { z } from "zod";
import { scopeCondition, type ComplianceViewer } from "./compliance-filters.server";
import { col, selectChecked } from "./rows.server";
import type { PointFigures, SeriesComparison } from "~/domain/review-views";

export type { PointFigures, SeriesComparison } from "~/domain/review-views";

const POINT_ROW = z.object({
  items: col.int(),
  applicable: col.int(),
  done: col.int(),
  overdue: col.int(),
  due_passed: col.int(),
  on_time: col.int(),
});

function pointSql(at: string, districtId: number, seriesCode: string, viewer: ComplianceViewer) {
  const end = sql`((${at}::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')`;
  return sql`
    SELECT count(*)::int AS items,
      count(*) FILTER (WHERE t.status <> 'NOT_APPLICABLE')::int AS applicable,
      count(*) FILTER (WHERE t.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
      count(*) FILTER (WHERE t.status IN ('PENDING', 'IN_PROGRESS') AND t.due < ${at}::date)::int AS overdue,
      count(*) FILTER (WHERE t.status <> 'NOT_APPLICABLE' AND t.due < ${at}::date)::int AS due_passed,
      count(*) FILTER (WHERE t.status <> 'NOT_APPLICABLE' AND t.due < ${at}::date AND t.first_done <= t.due)::int AS on_time
    FROM action_items a
    JOIN meetings m ON m.id = a.meeting_id
    JOIN meeting_series s ON s.id = m.series_id AND s.code = ${seriesCode}
    CROSS JOIN LATERAL (
      SELECT
        (SELECT h.to_status FROM action_item_history h WHERE h.action_item_id = a.id AND h.at < ${end}
          ORDER BY h.at DESC, h.id DESC LIMIT 1) AS status,
        coalesce(
          (SELECT h.to_due_date FROM action_item_history h WHERE h.action_item_id = a.id AND h.at < ${end} AND h.to_due_date IS NOT NULL
            ORDER BY h.at DESC, h.id DESC LIMIT 1),
          (SELECT h.from_due_date FROM action_item_history h WHERE h.action_item_id = a.id AND h.at >= ${end} AND h.from_due_date IS NOT NULL
            ORDER BY h.at, h.id LIMIT 1),
          a.due_date) AS due,
        (SELECT (min(h.at) AT TIME ZONE 'Asia/Kolkata')::date FROM action_item_history h
          WHERE h.action_item_id = a.id AND h.at < ${end} AND h.to_status = 'COMPLETED' AND h.kind = 'STATUS_CHANGED') AS first_done
    ) t
    WHERE a.district_id = ${districtId} AND a.created_at < ${end} AND m.meeting_date <= ${at}::date
      AND (a.withdrawn_at IS NULL OR a.withdrawn_at >= ${end}) AND t.status IS NOT NULL AND ${scopeCondition(viewer)}`;
}

export async function compareSeriesMeetings(
  viewer: ComplianceViewer,
  input: { districtId: number; seriesCode: string; fromDate: string; toDate: string },
): Promise<SeriesComparison> {
  const [fromRow] = await selectChecked(POINT_ROW, pointSql(input.fromDate, input.districtId, input.seriesCode, viewer));
  const [toRow] = await selectChecked(POINT_ROW, pointSql(input.toDate, input.districtId, input.seriesCode, viewer));
  const [changed] = await selectChecked(
    z.object({ n: col.int() }),
    sql`
    SELECT count(DISTINCT h.action_item_id)::int AS n
    FROM action_item_history h
    JOIN action_items a ON a.id = h.action_item_id
    JOIN meetings m ON m.id = a.meeting_id
    JOIN meeting_series s ON s.id = m.series_id AND s.code = ${input.seriesCode}
    WHERE a.district_id = ${input.districtId} AND ${scopeCondition(viewer)} AND h.kind <> 'CREATED'
      AND h.at >= ((${input.fromDate}::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')
      AND h.at < ((${input.toDate}::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')`,
  );
  const figures = (r: z.output<typeof POINT_ROW> | undefined): PointFigures => {
    const v = (k: keyof z.output<typeof POINT_ROW>) => r?.[k] ?? 0;
    return {
      items: v("items"),
      applicable: v("applicable"),
      done: v("done"),
      overdue: v("overdue"),
      duePassed: v("due_passed"),
      onTime: v("on_time"),
      completionRate: v("applicable") > 0 ? v("done") / v("applicable") : null,
      onTimeRate: v("due_passed") > 0 ? v("on_time") / v("due_passed") : null,
    };
  };
  return { from: figures(fromRow), to: figures(toRow), changed: changed?.n ?? 0 };
}
