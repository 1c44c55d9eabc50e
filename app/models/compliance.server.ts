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
// The weekly trend is compliance-trend.server.ts, the heat map compliance-heat.server.ts, item lines
// item-lines.server.ts and the dashboard's bundle dashboard.server.ts; they share these formulas.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { liveItemsCondition, type ComplianceFilters, type ComplianceViewer } from "./compliance-filters.server";
import { MIX_KEYS, type MixKey } from "~/domain/compliance-types";
import { districtFiguresAnswer, districtFiguresFor } from "./district-figures.server";
import { col, selectChecked } from "./rows.server";
import type { Figures, RankedDistrict, StatusMixRow } from "~/domain/views";

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

/** The columns of countColumns() and rateColumns, for a row schema (rows.server.ts). */
const FIGURE_COLUMNS = {
  items: col.int(),
  not_applicable: col.int(),
  done: col.int(),
  verified: col.int(),
  overdue: col.int(),
  due_passed: col.int(),
  on_time: col.int(),
  graded: col.int(),
  completion_rate: col.number().nullable(),
  on_time_rate: col.number().nullable(),
  verified_share: col.number().nullable(),
  grade_rate: col.number().nullable(),
  grade: col.oneOf(["A", "B", "C", "D"]).nullable(),
};
type FigureRow = z.output<z.ZodObject<typeof FIGURE_COLUMNS>>;

export const num = (v: unknown) => Number(v ?? 0);
export const numOrNull = (v: unknown) => (v == null ? null : Number(v));

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
  "items",
  "not_applicable",
  "done",
  "verified",
  "overdue",
  "due_passed",
  "on_time",
  "graded",
  "pending",
  "in_progress",
  "completed",
  "with_evidence",
] as const;

const SETS_ROW = z.object({
  ...FIGURE_COLUMNS,
  kind: col.oneOf(["state", "division", "district"]),
  pending: col.int(),
  in_progress: col.int(),
  completed: col.int(),
  with_evidence: col.int(),
  days_since_update: col.int().nullable(),
  code: col.text().nullable(),
  name_en: col.text().nullable(),
  name_hi: col.text().nullable(),
  division_code: col.text().nullable(),
  division_name_en: col.text().nullable(),
  division_name_hi: col.text().nullable(),
  rank: col.int().nullable(),
});

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
  const groups =
    opts.keptFigures !== false && districtFiguresAnswer(viewer, filters, today)
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
  const rows = await selectChecked(
    SETS_ROW,
    sql`
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
    ORDER BY r.kind, rank, coalesce(d.name_en, dv.name_en) NULLS LAST`,
  );

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
export async function getDistrictRanking(viewer: ComplianceViewer, filters: ComplianceFilters, today: string): Promise<RankedDistrict[]> {
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

/** The columns mixColumns() adds, for a row schema (rows.server.ts): overdue, pending, … as numbers. */
export const MIX_COUNT_COLUMNS = Object.fromEntries(MIX_KEYS.map((k) => [k.toLowerCase(), col.int()])) as Record<
  Lowercase<MixKey>,
  ReturnType<typeof col.int>
>;

/** One count column per MixKey (overdue, pending, in_progress, completed, verified, not_applicable). */
export function mixColumns(today: string): SQL {
  return sql.join(
    MIX_KEYS.map((k) => sql`count(*) FILTER (WHERE ${mixCondition(k, today)})::int AS ${sql.raw(k.toLowerCase())}`),
    sql`, `,
  );
}

export async function getStatusMixByDivision(viewer: ComplianceViewer, filters: ComplianceFilters, today: string): Promise<StatusMixRow[]> {
  return (await getComplianceSets(viewer, filters, today)).mix;
}

export interface DirectiveSummary extends Figures {
  directiveId: number;
}

const DIRECTIVE_FIGURES_ROW = z.object({ ...FIGURE_COLUMNS, directive_id: col.int() });

/** Figures per directive (for the ATR's directive-wise position). */
export async function getDirectiveSummaries(viewer: ComplianceViewer, filters: ComplianceFilters, today: string): Promise<DirectiveSummary[]> {
  const rows = await selectChecked(
    DIRECTIVE_FIGURES_ROW,
    sql`
    SELECT c.*, ${rateColumns}
    FROM (
      SELECT a.directive_id, ${countColumns(today)} FROM action_items a
      WHERE ${liveItemsCondition(filters, viewer)} GROUP BY a.directive_id
    ) c`,
  );
  return rows.map((r) => ({ ...toFigures(r), directiveId: num(r.directive_id) }));
}
