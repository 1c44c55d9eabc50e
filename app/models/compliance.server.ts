// Compliance figures, all computed in SQL (DOMAIN.md "Compliance figures"):
//   completion rate = (COMPLETED + VERIFIED) ÷ (all − NOT_APPLICABLE)
//   on-time rate    = items first reported COMPLETED (first_completed_on: first_completed_at as an IST date) on or
//                     before their due date ÷ items whose due date has passed; both without NOT_APPLICABLE.
//                     A completion later returned still counts as first reported on time.
//   overdue         = due_date < today (IST) and status PENDING or IN_PROGRESS; days overdue = today − due_date
//   graded items    = items that are due or done: COMPLETED/VERIFIED, or PENDING/IN_PROGRESS past their due date
//   grade rate      = (COMPLETED + VERIFIED) ÷ graded items; an item not yet due never lowers it (decision 010)
//   grade           = A ≥ 90 %, B ≥ 75 %, C ≥ 50 %, else D, on the grade rate; none ("not yet due") when nothing is graded
//   verified share  = VERIFIED ÷ (COMPLETED + VERIFIED)
// Withdrawn items (withdrawn_at set) leave every figure; due_date is the granted date after an extension.
// Every function takes the viewer and applies its scope inside the query (compliance-filters.server.ts).
import { sql, type SQL } from "drizzle-orm";
import type { ActionStatus, DistrictRole } from "../../db/schema/enums";
import {
  filterCondition,
  liveItemsCondition,
  type ComplianceFilters,
  type ComplianceViewer,
} from "./compliance-filters.server";
import { CELL_STATES, MIX_KEYS, type Grade, type MixKey } from "~/domain/compliance-types";
import { districtFiguresAnswer, districtFiguresFor } from "./district-figures.server";
import { selectRows } from "./sql.server";
import type { Figures, HeatMap, ItemLine, RankedDistrict, StatusMixRow, TrendSeries } from "~/domain/views";

export type { Figures, RankedDistrict, StatusMixRow, TrendPoint, TrendSeries, HeatMap, ItemLine } from "~/domain/views";

export type { CellState, Grade, MixKey } from "~/domain/compliance-types";

/** The counts behind Figures, over action_items `a`; `today` is yyyy-mm-dd in IST. */
function countColumns(today: string): SQL {
  return sql`
    count(*)::int AS items,
    count(*) FILTER (WHERE a.status = 'NOT_APPLICABLE')::int AS not_applicable,
    count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
    count(*) FILTER (WHERE a.status = 'VERIFIED')::int AS verified,
    count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)::int AS overdue,
    count(*) FILTER (WHERE a.status <> 'NOT_APPLICABLE' AND a.due_date < ${today}::date)::int AS due_passed,
    count(*) FILTER (
      WHERE a.status IN ('COMPLETED', 'VERIFIED') OR (a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)
    )::int AS graded,
    count(*) FILTER (
      WHERE a.status <> 'NOT_APPLICABLE' AND a.due_date < ${today}::date
        AND a.first_completed_on <= a.due_date
    )::int AS on_time`;
}

/**
 * Rates and grade from the counts of a subquery `c`. The grade is on the items due or done (decision 010)
 * and compares integers, so 9 of 10 is an A; with nothing due it is NULL ("not yet due").
 */
const rateColumns = sql`
  c.done::float8 / nullif(c.items - c.not_applicable, 0) AS completion_rate,
  c.on_time::float8 / nullif(c.due_passed, 0) AS on_time_rate,
  c.verified::float8 / nullif(c.done, 0) AS verified_share,
  c.done::float8 / nullif(c.graded, 0) AS grade_rate,
  ${gradeCase(sql`c.done`, sql`c.graded`)} AS grade`;

/** The grade letter of `done` out of `graded` items, in SQL; NULL when nothing is graded. */
export function gradeCase(done: SQL, graded: SQL): SQL {
  return sql`CASE
    WHEN ${graded} = 0 THEN NULL
    WHEN ${done} * 100 >= 90 * ${graded} THEN 'A'
    WHEN ${done} * 100 >= 75 * ${graded} THEN 'B'
    WHEN ${done} * 100 >= 50 * ${graded} THEN 'C'
    ELSE 'D'
  END`;
}

interface FigureRow {
  items: number;
  not_applicable: number;
  done: number;
  verified: number;
  overdue: number;
  due_passed: number;
  on_time: number;
  graded: number;
  completion_rate: number | null;
  on_time_rate: number | null;
  verified_share: number | null;
  grade_rate: number | null;
  grade: Grade | null;
}

const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v == null ? null : Number(v));

function toFigures(r: FigureRow): Figures {
  return {
    items: num(r.items),
    notApplicable: num(r.not_applicable),
    applicable: num(r.items) - num(r.not_applicable),
    done: num(r.done),
    verified: num(r.verified),
    overdue: num(r.overdue),
    duePassed: num(r.due_passed),
    onTime: num(r.on_time),
    graded: num(r.graded),
    gradeRate: numOrNull(r.grade_rate),
    completionRate: numOrNull(r.completion_rate),
    onTimeRate: numOrNull(r.on_time_rate),
    verifiedShare: numOrNull(r.verified_share),
    grade: r.grade ?? null,
  };
}

export interface ComplianceSets {
  headline: Figures;
  ranking: RankedDistrict[];
  mix: StatusMixRow[];
}

const SET_SUMS = [
  "items", "not_applicable", "done", "verified", "overdue", "due_passed", "on_time", "graded",
  "pending", "in_progress", "completed", "with_evidence",
] as const;

/**
 * The headline figures, the district ranking and the status mix by division from one scan of the
 * items: counted per district and division, then summed to the state, each division and each
 * district (a district lies in one division; the state departments' items have neither), all in
 * SQL. At a million items one scan instead of three saves ≈ 0.3 s (decision 007).
 */
export async function getComplianceSets(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  opts: { keptFigures?: boolean } = {},
): Promise<ComplianceSets> {
  const sums = sql.raw(SET_SUMS.map((c) => `coalesce(sum(g.${c}), 0)::int AS ${c}`).join(", ") + ", max(g.last_at) AS last_at");
  // Unfiltered, for a viewer who sees everything, today: the counts kept per district (decision 028).
  const groups = opts.keptFigures !== false && districtFiguresAnswer(viewer, filters, today)
    ? await districtFiguresFor(today)
    : sql`
      SELECT a.district_id, a.division_id, ${countColumns(today)},
        count(*) FILTER (WHERE ${mixCondition("PENDING", today)})::int AS pending,
        count(*) FILTER (WHERE ${mixCondition("IN_PROGRESS", today)})::int AS in_progress,
        count(*) FILTER (WHERE a.status = 'COMPLETED')::int AS completed,
        -- Whether the item has evidence, kept by triggers on evidence (db/migrations/0007_has_evidence_trigger.sql)
        -- instead of a DISTINCT over it (0.7 s at a million items).
        count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED') AND a.has_evidence)::int AS with_evidence,
        -- Each item's latest status change, remark or extension request, kept by a trigger on history
        -- (db/migrations/0005_last_reported_trigger.sql) instead of a scan of it (1.6 s at a million items).
        max(a.last_reported_at) AS last_at
      FROM action_items a
      WHERE ${liveItemsCondition(filters, viewer)}
      GROUP BY a.district_id, a.division_id
    `;
  const rows = await selectRows<
    FigureRow & {
      kind: "state" | "division" | "district";
      pending: number;
      in_progress: number;
      completed: number;
      with_evidence: number;
      days_since_update: number | null;
      code: string | null;
      name_en: string | null;
      name_hi: string | null;
      division_code: string | null;
      division_name_en: string | null;
      division_name_hi: string | null;
      rank: number | null;
    }
  >(sql`
    WITH g AS MATERIALIZED (${groups}),
    sets AS (
      SELECT 'state' AS kind, NULL::int AS district_id, NULL::int AS division_id, ${sums} FROM g
      UNION ALL
      SELECT 'division', NULL, g.division_id, ${sums} FROM g GROUP BY g.division_id
      UNION ALL
      SELECT 'district', g.district_id, NULL, ${sums} FROM g WHERE g.district_id IS NOT NULL GROUP BY g.district_id
    ),
    r AS (
      SELECT c.*, ${rateColumns},
        (${today}::date - (c.last_at AT TIME ZONE 'Asia/Kolkata')::date) AS days_since_update
      FROM sets c
    )
    SELECT r.*,
      coalesce(d.code, dv.code) AS code, coalesce(d.name_en, dv.name_en) AS name_en, coalesce(d.name_hi, dv.name_hi) AS name_hi,
      ddv.code AS division_code, ddv.name_en AS division_name_en, ddv.name_hi AS division_name_hi,
      CASE WHEN r.kind = 'district' THEN rank() OVER (
        PARTITION BY r.kind ORDER BY r.grade_rate DESC NULLS LAST, r.completion_rate DESC NULLS LAST, r.on_time_rate DESC NULLS LAST, r.overdue ASC
      ) END::int AS rank
    FROM r
    LEFT JOIN districts d ON d.id = r.district_id
    LEFT JOIN divisions ddv ON ddv.id = d.division_id
    LEFT JOIN divisions dv ON dv.id = r.division_id
    ORDER BY r.kind, rank, coalesce(d.name_en, dv.name_en) NULLS LAST`);

  const state = rows.find((r) => r.kind === "state");
  const ranking = rows
    .filter((r) => r.kind === "district")
    .map((r): RankedDistrict => {
      const figures = toFigures(r);
      return {
        ...figures,
        rank: num(r.rank),
        code: r.code!,
        nameEn: r.name_en!,
        nameHi: r.name_hi!,
        divisionCode: r.division_code!,
        divisionNameEn: r.division_name_en!,
        divisionNameHi: r.division_name_hi!,
        evidenceShare: figures.done > 0 ? num(r.with_evidence) / figures.done : null,
        daysSinceUpdate: numOrNull(r.days_since_update),
      };
    });
  const mix = rows
    .filter((r) => r.kind === "division")
    .map((r): StatusMixRow => {
      const counts: Record<MixKey, number> = {
        OVERDUE: num(r.overdue),
        PENDING: num(r.pending),
        IN_PROGRESS: num(r.in_progress),
        COMPLETED: num(r.completed),
        VERIFIED: num(r.verified),
        NOT_APPLICABLE: num(r.not_applicable),
      };
      return {
        divisionCode: r.code,
        nameEn: r.name_en ?? "State departments",
        nameHi: r.name_hi ?? "राज्य विभाग",
        counts,
        total: MIX_KEYS.reduce((n, k) => n + counts[k], 0),
      };
    });
  return { headline: toFigures(state!), ranking, mix };
}

export async function getHeadline(viewer: ComplianceViewer, filters: ComplianceFilters, today: string): Promise<Figures> {
  return (await getComplianceSets(viewer, filters, today)).headline;
}

/**
 * Districts ranked by grade rate (items due or done, decision 010), ties broken by completion rate, then
 * on-time rate, then fewer overdue; equal on all four share a rank. Only districts with items in the filter appear.
 */
export async function getDistrictRanking(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
): Promise<RankedDistrict[]> {
  return (await getComplianceSets(viewer, filters, today)).ranking;
}

/** The status mix as a condition on action_items `a`: one MixKey per live item (overdue split out). */
export function mixCondition(key: MixKey, today: string): SQL {
  switch (key) {
    case "OVERDUE":
      return sql`(a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)`;
    case "PENDING":
    case "IN_PROGRESS":
      return sql`(a.status = ${key} AND (a.due_date IS NULL OR a.due_date >= ${today}::date))`;
    default:
      return sql`a.status = ${key}`;
  }
}

/** One count column per MixKey (overdue, pending, in_progress, completed, verified, not_applicable). */
export function mixColumns(today: string): SQL {
  return sql.join(
    MIX_KEYS.map((k) => sql`count(*) FILTER (WHERE ${mixCondition(k, today)})::int AS ${sql.raw(k.toLowerCase())}`),
    sql`, `,
  );
}

export async function getStatusMixByDivision(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
): Promise<StatusMixRow[]> {
  return (await getComplianceSets(viewer, filters, today)).mix;
}

const APPLICABLE = (s: SQL) => sql`(CASE WHEN ${s} IS NOT NULL AND ${s} <> 'NOT_APPLICABLE' THEN 1 ELSE 0 END)`;
const DONE = (s: SQL) => sql`(CASE WHEN ${s} IN ('COMPLETED', 'VERIFIED') THEN 1 ELSE 0 END)`;

/**
 * The trend summary holds every item by division: it serves no filter but the division, and only the
 * roles that scopeCondition lets see every item.
 */
function canUseTrendSummary(viewer: ComplianceViewer, filters: ComplianceFilters): boolean {
  const seesAll = viewer.role === "ADMIN" || viewer.role === "SECRETARIAT" || viewer.role === "OFFICIAL";
  const others = (Object.keys(filters) as (keyof ComplianceFilters)[]).filter(
    (key) => key !== "divisionId" && filters[key] !== undefined,
  );
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
  const weekly = !opts.replay && canUseTrendSummary(viewer, filters)
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
  const rows = await selectRows<{
    division_id: number | null;
    week_start: string;
    week_end: string;
    applicable: number;
    done: number;
    completion_rate: number | null;
  }>(sql`
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
    FROM running ORDER BY grp NULLS FIRST, week_start`);

  const divisionNames = byDivision
    ? new Map(
        (await selectRows<{ id: number; code: string; name_en: string; name_hi: string }>(
          sql`SELECT id, code, name_en, name_hi FROM divisions`,
        )).map((d) => [Number(d.id), d]),
      )
    : new Map<number, { code: string; name_en: string; name_hi: string }>();
  const series = new Map<string, TrendSeries>();
  for (const r of rows) {
    const key = String(r.division_id);
    let s = series.get(key);
    if (!s) {
      const division = r.division_id == null ? undefined : divisionNames.get(Number(r.division_id));
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
      applicable: num(r.applicable),
      done: num(r.done),
      completionRate: numOrNull(r.completion_rate),
    });
  }
  return [...series.values()];
}


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
    const [latest] = await selectRows<{ id: number }>(sql`
      SELECT m.id FROM meetings m
      WHERE m.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM action_items a WHERE a.meeting_id = m.id AND ${where})
      ORDER BY m.meeting_date DESC, m.id DESC LIMIT 1`);
    meetingId = latest ? Number(latest.id) : undefined;
  }
  if (meetingId === undefined) return { meeting: null, directives: [], rows: [], totalRows: 0 };
  const scoped = { ...filters, meetingId };
  const [meetingRows, directiveRows, cellRows] = await Promise.all([
    selectRows<{ id: number; title_en: string; title_hi: string; meeting_date: string }>(sql`
      SELECT id, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date FROM meetings WHERE id = ${meetingId}`),
    selectRows<{ id: number; number: number; text_en: string; text_hi: string }>(sql`
      SELECT d.id, d.number, d.text_en, d.text_hi FROM directives d
      WHERE d.meeting_id = ${meetingId} AND d.withdrawn_at IS NULL
        AND EXISTS (SELECT 1 FROM action_items a WHERE a.directive_id = d.id AND ${liveItemsCondition(scoped, viewer)})
      ORDER BY d.number`),
    selectRows<{
      kind: "district" | "department";
      code: string;
      name_en: string;
      name_hi: string;
      sort_key: string;
      directive_id: number;
      worst: number;
      items: number;
      done: number;
      overdue: number;
      item_id: number;
      total_rows: number;
    }>(sql`
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
    row.cells[Number(r.directive_id)] = {
      state: CELL_STATES[num(r.worst)],
      items: num(r.items),
      done: num(r.done),
      overdue: num(r.overdue),
      itemId: num(r.item_id),
    };
  }
  const m = meetingRows[0];
  return {
    meeting: m ? { id: Number(m.id), titleEn: m.title_en, titleHi: m.title_hi, meetingDate: m.meeting_date } : null,
    directives: directiveRows.map((d) => ({ id: Number(d.id), number: num(d.number), textEn: d.text_en, textHi: d.text_hi })),
    rows,
    totalRows: cellRows.length > 0 ? num(cellRows[0].total_rows) : 0,
  };
}

export function itemLineSelect(today: string): SQL {
  return sql`
    a.id, a.meeting_id, a.directive_id, dir.number AS directive_number, dir.text_en AS directive_text_en,
    dir.text_hi AS directive_text_hi,
    d.code AS district_code, d.name_en AS district_name_en, d.name_hi AS district_name_hi,
    dv.name_en AS division_name_en, dv.name_hi AS division_name_hi, a.district_role,
    dep.code AS department_code, dep.name_en AS department_name_en, dep.name_hi AS department_name_hi,
    a.status, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, to_char(a.original_due_date, 'YYYY-MM-DD') AS original_due_date,
    to_char(a.first_completed_on, 'YYYY-MM-DD') AS first_completed_on,
    to_char(a.completed_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS completed_on,
    to_char(a.verified_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS verified_on,
    a.latest_remark, a.updated_at,
    CASE WHEN a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date
      THEN (${today}::date - a.due_date) END AS days_overdue,
    a.has_evidence, a.escalated_at IS NOT NULL AS escalated,
    to_char(a.withdrawn_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS withdrawn_on, a.withdrawn_reason`;
}

export const itemLineJoins = sql`
  JOIN directives dir ON dir.id = a.directive_id
  LEFT JOIN districts d ON d.id = a.district_id
  LEFT JOIN divisions dv ON dv.id = d.division_id
  LEFT JOIN departments dep ON dep.id = a.department_id`;

export interface ItemLineRow {
  id: number;
  meeting_id: number;
  directive_id: number;
  directive_number: number;
  directive_text_en: string;
  directive_text_hi: string;
  district_code: string | null;
  district_name_en: string | null;
  district_name_hi: string | null;
  division_name_en: string | null;
  division_name_hi: string | null;
  district_role: DistrictRole | null;
  department_code: string | null;
  department_name_en: string | null;
  department_name_hi: string | null;
  status: ActionStatus;
  due_date: string | null;
  original_due_date: string | null;
  first_completed_on: string | null;
  completed_on: string | null;
  verified_on: string | null;
  latest_remark: string | null;
  updated_at: Date | string;
  days_overdue: number | null;
  has_evidence: boolean;
  escalated: boolean;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
}

export function toItemLine(r: ItemLineRow): ItemLine {
  return {
    id: num(r.id),
    meetingId: num(r.meeting_id),
    directiveId: num(r.directive_id),
    directiveNumber: num(r.directive_number),
    directiveTextEn: r.directive_text_en,
    directiveTextHi: r.directive_text_hi,
    districtCode: r.district_code,
    districtNameEn: r.district_name_en,
    districtNameHi: r.district_name_hi,
    divisionNameEn: r.division_name_en,
    divisionNameHi: r.division_name_hi,
    districtRole: r.district_role,
    departmentCode: r.department_code,
    departmentNameEn: r.department_name_en,
    departmentNameHi: r.department_name_hi,
    status: r.status,
    dueDate: r.due_date,
    originalDueDate: r.original_due_date,
    firstCompletedOn: r.first_completed_on,
    completedOn: r.completed_on,
    verifiedOn: r.verified_on,
    latestRemark: r.latest_remark,
    updatedAt: new Date(r.updated_at).toISOString(),
    daysOverdue: numOrNull(r.days_overdue),
    hasEvidence: Boolean(r.has_evidence),
    escalated: Boolean(r.escalated),
    withdrawnOn: r.withdrawn_on ?? null,
    withdrawnReason: r.withdrawn_reason ?? null,
  };
}

/**
 * Live items of the filter, for a drill-down or the ATR, in the order given. `includeWithdrawn`
 * (the ATR) lists withdrawn items too, marked by withdrawnOn and never overdue.
 */
export async function listItemLines(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  opts: { openOnly?: boolean; directiveId?: number; order: "meeting" | "assignee"; limit?: number; includeWithdrawn?: boolean },
): Promise<ItemLine[]> {
  const conditions: SQL[] = [opts.includeWithdrawn ? filterCondition(filters, viewer) : liveItemsCondition(filters, viewer)];
  if (opts.openOnly) conditions.push(sql`a.status IN ('PENDING', 'IN_PROGRESS')`);
  if (opts.directiveId !== undefined) conditions.push(sql`a.directive_id = ${opts.directiveId}`);
  const order =
    opts.order === "meeting"
      ? sql`m.meeting_date DESC, a.meeting_id DESC, dir.number, a.due_date NULLS LAST, a.id`
      : sql`dir.number, (a.district_id IS NULL), dv.name_en, d.name_en, a.district_role, dep.name_en, a.id`;
  const rows = await selectRows<ItemLineRow>(sql`
    SELECT ${itemLineSelect(today)}
    FROM action_items a ${itemLineJoins} JOIN meetings m ON m.id = a.meeting_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${order}
    ${opts.limit ? sql`LIMIT ${opts.limit}` : sql``}`);
  return rows.map(toItemLine);
}

export interface DashboardData {
  headline: Figures;
  ranking: RankedDistrict[];
  mix: StatusMixRow[];
  trend: TrendSeries[];
  heat: HeatMap;
}

/** Everything the dashboard shows, its queries run side by side. */
export async function getDashboard(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  opts: { byDivision?: boolean; heatRows?: number } = {},
): Promise<DashboardData> {
  const [{ headline, ranking, mix }, trend, heat] = await Promise.all([
    getComplianceSets(viewer, filters, today),
    getWeeklyTrend(viewer, filters, today, opts),
    getHeatMap(viewer, filters, today, opts.heatRows),
  ]);
  return { headline, ranking, mix, trend, heat };
}

export interface DirectiveSummary extends Figures {
  directiveId: number;
}

/** Figures per directive (for the ATR's directive-wise position). */
export async function getDirectiveSummaries(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
): Promise<DirectiveSummary[]> {
  const rows = await selectRows<FigureRow & { directive_id: number }>(sql`
    SELECT c.*, ${rateColumns}
    FROM (
      SELECT a.directive_id, ${countColumns(today)} FROM action_items a
      WHERE ${liveItemsCondition(filters, viewer)} GROUP BY a.directive_id
    ) c`);
  return rows.map((r) => ({ ...toFigures(r), directiveId: num(r.directive_id) }));
}
