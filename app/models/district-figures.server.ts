// The unfiltered dashboard's per-district counts, read from district_figures instead of a scan of every
// item (decision 028). The table is kept by triggers on action_items (db/migrations/*_district_figures.sql)
// for one IST day at a time; the first reader of a new day rebuilds it.
import { sql, type SQL } from "drizzle-orm";
import { todayInIndia } from "~/utils/format";
import type { ComplianceFilters, ComplianceViewer } from "./compliance-filters.server";
import { z } from "zod";
import { db } from "~/db.server";
import { col, selectChecked } from "./rows.server";

const DAY_ROW = z.object({ as_of: col.date() });

const ALL_ITEMS_ROLES: ReadonlySet<ComplianceViewer["role"]> = new Set(["ADMIN", "SECRETARIAT", "OFFICIAL"]);

/**
 * Whether the kept counts answer this question: every item the state has (no filter, a viewer who sees
 * everything) on the real current day. Other days (tests, "as of" views) and filtered sets scan the items.
 */
export function districtFiguresAnswer(viewer: ComplianceViewer, filters: ComplianceFilters, today: string): boolean {
  return ALL_ITEMS_ROLES.has(viewer.role) && Object.keys(filters).length === 0 && today === todayInIndia();
}

/** Makes sure the kept counts are for `today`: a no-op on every request but the first of a day. */
export async function districtFiguresFor(today: string): Promise<SQL> {
  const [kept] = await selectChecked(DAY_ROW, sql`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM district_figures_day`);
  if (kept?.as_of !== today) await db().execute(sql`SELECT anupalan_figures_rebuild(${today}::date)`);
  // The same columns as getComplianceSets' scan of the items; a group whose items all left has zeros.
  return sql`
    SELECT f.district_id, f.division_id, f.items, f.not_applicable, f.done, f.verified, f.overdue, f.due_passed,
      f.on_time, f.graded, f.pending, f.in_progress, f.completed, f.with_evidence, f.last_at
    FROM district_figures f WHERE f.items > 0`;
}
