// The weekly completion rate, reconstructed from history (or read from the trend summary where it
// serves the filter). Figures as defined in compliance.server.ts.
import { sql, type SQL } from "drizzle-orm";
import type { ComplianceFilters, ComplianceViewer } from "./compliance-filters.server";
import { filterCondition } from "./compliance-filters.server";
import { z } from "zod";
import type { TrendSeries } from "~/domain/views";
import { col, selectChecked } from "./rows.server";

const WEEK_ROW = z.object({
  division_id: col.int().nullable(),
  week_start: col.date(),
  week_end: col.date(),
  applicable: col.int(),
  done: col.int(),
  completion_rate: col.number().nullable(),
});
const DIVISION_ROW = z.object({ id: col.int(), code: col.text(), name_en: col.text(), name_hi: col.text() });

const APPLICABLE = (s: SQL) => sql`(CASE WHEN ${s} IS NOT NULL AND ${s} <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END)`;
const DONE = (s: SQL) => sql`(CASE WHEN ${s} IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END)`;

/**
 * The trend summary holds every item by division: it serves no filter but the division, and only the
 * roles that scopeCondition lets see every item.
 */
function canUseTrendSummary(viewer: ComplianceViewer, filters: ComplianceFilters): boolean {
  const seesAll = viewer.role === "ADMIN" || viewer.role === "SECRETARIAT" || viewer.role === "OFFICIAL";
  const others = (Object.keys(filters) as (keyof ComplianceFilters)[]).filter((key) => key !== "divisionId" && filters[key] !== undefined);
  return seesAll && others.length === 0;
}

/**
 * The weekly completion rate, reconstructed from history: at the end of each week every item counts
 * with the to_status of its latest history row at or before that moment. Computed as running sums
 * of status changes: a row moves an item from from_status to to_status (from_status is the previous
 * row's to_status; NULL for the CREATED row), so the sum of the changes up to a week's end is the
 * count as it stood then. An item withdrawn leaves the figures from the moment it was withdrawn.
 * The weeks run (Monday to Sunday, IST) from the first history row in the filter to the current week.
 * `replay: true` always replays history (the summary's equivalence test compares the two).
 */
export async function getWeeklyTrend(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  opts: { byDivision?: boolean; replay?: boolean } = {},
): Promise<TrendSeries[]> {
  const byDivision = opts.byDivision ?? false;
  const groupKey = byDivision ? sql`i.division_id` : sql`NULL::int`;
  // The common views (the state or one division, for a viewer who sees every item) read the summary
  // the triggers keep (db/migrations/0003_trend_triggers.sql); any other filter replays history.
  // Both give the same `weekly` rows: the change sums per group and week, for the weeks with changes.
  const weekly =
    !opts.replay && canUseTrendSummary(viewer, filters)
      ? sql`
    weekly AS (
      SELECT ${byDivision ? sql`t.division_id` : sql`NULL::int`} AS grp, t.week_start,
        sum(t.d_applicable)::int AS d_applicable, sum(t.d_done)::int AS d_done
      FROM trend_weekly t
      WHERE ${filters.divisionId !== undefined ? sql`t.division_id = ${filters.divisionId}` : sql`TRUE`}
      GROUP BY 1, 2
      HAVING sum(t.changes) > 0
    ),`
      : sql`
    i AS (
      SELECT a.id, a.division_id, a.status, a.withdrawn_at FROM action_items a WHERE ${filterCondition(filters, viewer)}
    ),
    changes AS (
      SELECT ${groupKey} AS grp, h.at,
        ${APPLICABLE(sql`h.to_status`)} - ${APPLICABLE(sql`h.from_status`)} AS d_applicable,
        ${DONE(sql`h.to_status`)} - ${DONE(sql`h.from_status`)} AS d_done
      FROM action_item_history h JOIN i ON i.id = h.action_item_id
      WHERE i.withdrawn_at IS NULL OR h.at < i.withdrawn_at
      UNION ALL
      -- A withdrawn item leaves with the status its history gave it just before the withdrawal.
      SELECT ${groupKey}, i.withdrawn_at, -${APPLICABLE(sql`last.to_status`)}, -${DONE(sql`last.to_status`)}
      FROM i CROSS JOIN LATERAL (
        SELECT h.to_status FROM action_item_history h
        WHERE h.action_item_id = i.id AND h.at < i.withdrawn_at ORDER BY h.at DESC, h.id DESC LIMIT 1
      ) last
      WHERE i.withdrawn_at IS NOT NULL
    ),
    weekly AS (
      SELECT grp, date_trunc('week', at AT TIME ZONE 'Asia/Kolkata')::date AS week_start,
        sum(d_applicable)::int AS d_applicable, sum(d_done)::int AS d_done
      FROM changes GROUP BY 1, 2
    ),`;
  const rows = await selectChecked(
    WEEK_ROW,
    sql`
    WITH ${weekly}
    bounds AS (
      SELECT min(week_start) AS first_week, date_trunc('week', ${today}::date)::date AS this_week FROM weekly
    ),
    grid AS (
      SELECT g.grp, w::date AS week_start
      FROM (SELECT DISTINCT grp FROM weekly) g
      CROSS JOIN bounds
      CROSS JOIN generate_series(bounds.first_week, bounds.this_week, interval '1 week') w
    ),
    running AS (
      SELECT grid.grp, grid.week_start,
        sum(coalesce(weekly.d_applicable, 0)) OVER w AS applicable,
        sum(coalesce(weekly.d_done, 0)) OVER w AS done
      FROM grid LEFT JOIN weekly ON weekly.week_start = grid.week_start AND weekly.grp IS NOT DISTINCT FROM grid.grp
      WINDOW w AS (PARTITION BY grid.grp ORDER BY grid.week_start ROWS UNBOUNDED PRECEDING)
    )
    SELECT grp AS division_id, to_char(week_start, 'YYYY-MM-DD') AS week_start,
      to_char(week_start + 6, 'YYYY-MM-DD') AS week_end,
      applicable::int, done::int, done::float8 / nullif(applicable, 0) AS completion_rate
    FROM running ORDER BY grp NULLS FIRST, week_start`,
  );

  const divisionNames = byDivision
    ? new Map((await selectChecked(DIVISION_ROW, sql`SELECT id, code, name_en, name_hi FROM divisions`)).map((d) => [d.id, d]))
    : new Map<number, { code: string; name_en: string; name_hi: string }>();
  const series = new Map<string, TrendSeries>();
  for (const r of rows) {
    const key = String(r.division_id);
    let s = series.get(key);
    if (!s) {
      const division = r.division_id == null ? undefined : divisionNames.get(r.division_id);
      s = {
        divisionCode: division?.code ?? null,
        nameEn: division?.name_en ?? (byDivision ? "State departments" : "All"),
        nameHi: division?.name_hi ?? (byDivision ? "राज्य विभाग" : "सभी"),
        points: [],
      };
      series.set(key, s);
    }
    s.points.push({
      weekStart: r.week_start,
      weekEnd: r.week_end,
      applicable: r.applicable,
      done: r.done,
      completionRate: r.completion_rate,
    });
  }
  return [...series.values()];
}
