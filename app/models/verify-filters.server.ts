// Filters of the verification queue: the SQL condition, the count behind every option (each facet
// counted under the other filters, so a number says what choosing it would show), and accepting
// every item of a filtered queue at once.
import { sql, type SQL } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { MAX_BULK_ACCEPT } from "~/schemas/verify";
import type { FacetOption, VerifyFacets, VerifyFilters } from "~/schemas/verify-filters";
import { actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";
import { acceptCompletions, type BulkAcceptResult } from "./verification.server";

/** A facet's value: a meeting's id or a code, as text. */
const FACET_ROW = z.object({
  value: z.union([col.text(), col.int().transform(String)]).nullable(),
  label_en: col.text().nullable(),
  label_hi: col.text().nullable(),
  n: col.int(),
});
const LATE_ROW = z.object({ late: col.bool(), n: col.int() });
const VERSION_ROW = z.object({ id: col.int(), version: col.int() });

type Facet = "meeting" | "series" | "division" | "district" | "department" | "status";

/** Items waiting in the queue that match the filters, leaving out the facet being counted. */
export function verifyQueueWhere(viewer: Viewer, filters: VerifyFilters, except?: Facet): SQL {
  const parts: SQL[] = [sql`a.status = 'COMPLETED'`, sql`a.withdrawn_at IS NULL`, actionItemScopeSql(viewer, "a")];
  if (filters.meeting !== undefined && except !== "meeting") parts.push(sql`a.meeting_id = ${filters.meeting}`);
  if (filters.series && except !== "series") {
    parts.push(sql`a.meeting_id IN (SELECT m.id FROM meetings m JOIN meeting_series s ON s.id = m.series_id WHERE s.code = ${filters.series})`);
  }
  if (filters.division && except !== "division") parts.push(sql`a.division_id = (SELECT id FROM divisions WHERE code = ${filters.division})`);
  if (filters.district && except !== "district") parts.push(sql`a.district_id = (SELECT id FROM districts WHERE code = ${filters.district})`);
  if (filters.department && except !== "department") {
    parts.push(sql`a.department_id = (SELECT id FROM departments WHERE code = ${filters.department})`);
  }
  if (filters.status && except !== "status") {
    const late = sql`coalesce(a.first_completed_on > a.due_date, false)`;
    parts.push(filters.status === "LATE" ? late : sql`NOT ${late}`);
  }
  return sql.join(parts, sql` AND `);
}

/** Options of one facet with their counts, and the count of every waiting item under the other filters. */
async function facet(where: SQL, select: SQL, join: SQL, group: SQL, order: SQL): Promise<{ options: FacetOption[]; total: number }> {
  const rows = await selectChecked(
    FACET_ROW,
    sql`
    SELECT ${select}, count(*)::int AS n
    FROM action_items a ${join}
    WHERE ${where}
    GROUP BY ${group}
    ORDER BY ${order}
  `,
  );
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    options: rows.flatMap((r) => (r.value === null ? [] : [{ value: r.value, labelEn: r.label_en ?? "", labelHi: r.label_hi ?? "", n: r.n }])),
  };
}

/** A facet over master data joined as `alias` (its code and both names), in order of the English name. */
function masterFacet(where: SQL, alias: string, join: SQL): Promise<{ options: FacetOption[]; total: number }> {
  const m = sql.raw(alias);
  return facet(
    where,
    sql`${m}.code AS value, ${m}.name_en AS label_en, ${m}.name_hi AS label_hi`,
    join,
    sql`${m}.code, ${m}.name_en, ${m}.name_hi`,
    sql`${m}.name_en NULLS LAST`,
  );
}

export async function countVerifyFacets(viewer: Viewer, filters: VerifyFilters): Promise<VerifyFacets> {
  const empty: VerifyFacets = {
    meetings: [],
    series: [],
    divisions: [],
    districts: [],
    departments: [],
    status: { ON_TIME: 0, LATE: 0 },
    totals: { meeting: 0, series: 0, division: 0, district: 0, department: 0 },
  };
  if (!can(viewer.role, "verify:action-item:any")) return empty;
  const [meetings, series, divisions, districts, departments, status] = await Promise.all([
    facet(
      verifyQueueWhere(viewer, filters, "meeting"),
      sql`m.id AS value, to_char(m.meeting_date, 'YYYY-MM-DD') || ' · ' || m.title_en AS label_en, to_char(m.meeting_date, 'YYYY-MM-DD') || ' · ' || m.title_hi AS label_hi`,
      sql`JOIN meetings m ON m.id = a.meeting_id`,
      sql`m.id`,
      sql`m.meeting_date DESC, m.id DESC`,
    ),
    masterFacet(
      verifyQueueWhere(viewer, filters, "series"),
      "s",
      sql`JOIN meetings m ON m.id = a.meeting_id LEFT JOIN meeting_series s ON s.id = m.series_id`,
    ),
    masterFacet(verifyQueueWhere(viewer, filters, "division"), "v", sql`LEFT JOIN divisions v ON v.id = a.division_id`),
    masterFacet(verifyQueueWhere(viewer, filters, "district"), "t", sql`LEFT JOIN districts t ON t.id = a.district_id`),
    masterFacet(verifyQueueWhere(viewer, filters, "department"), "p", sql`LEFT JOIN departments p ON p.id = a.department_id`),
    selectChecked(
      LATE_ROW,
      sql`
      SELECT coalesce(a.first_completed_on > a.due_date, false) AS late, count(*)::int AS n
      FROM action_items a WHERE ${verifyQueueWhere(viewer, filters, "status")}
      GROUP BY 1
    `,
    ),
  ]);
  return {
    meetings: meetings.options,
    series: series.options,
    divisions: divisions.options,
    districts: districts.options,
    departments: departments.options,
    totals: { meeting: meetings.total, series: series.total, division: divisions.total, district: districts.total, department: departments.total },
    status: {
      ON_TIME: status.find((s) => !s.late)?.n ?? 0,
      LATE: status.find((s) => s.late)?.n ?? 0,
    },
  };
}

export type AcceptFilteredResult =
  ({ ok: true } & BulkAcceptResult) | { ok: false; reason: "changed"; now: number } | { ok: false; reason: "too-many"; now: number };

/**
 * Accept every item the filters select. The form carries how many the secretariat saw; if the
 * queue has changed meanwhile nothing is accepted and the page shows the new set first.
 */
export async function acceptFiltered(viewer: Viewer, filters: VerifyFilters, expected: number): Promise<AcceptFilteredResult> {
  const rows = await selectChecked(
    VERSION_ROW,
    sql`
    SELECT a.id, a.version FROM action_items a WHERE ${verifyQueueWhere(viewer, filters)}
    ORDER BY a.id LIMIT ${MAX_BULK_ACCEPT + 1}
  `,
  );
  if (rows.length > MAX_BULK_ACCEPT) return { ok: false, reason: "too-many", now: rows.length };
  if (rows.length !== expected) return { ok: false, reason: "changed", now: rows.length };
  const result = await acceptCompletions(
    viewer,
    rows.map((r) => ({ itemId: r.id, version: r.version })),
  );
  return { ok: true, ...result };
}
