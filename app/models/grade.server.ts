// A grade's explanation (decision 010): the formula, the counts behind it and the items that cost the most,
// for one district under the dashboard's filters. Counted in SQL like every figure (compliance.server.ts).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Grade } from "~/domain/compliance-types";
import { gradeCase, type ItemLine } from "./compliance.server";
import { ITEM_LINE_ROW, itemLineJoins, itemLineSelect, toItemLine } from "./item-lines.server";
import { liveItemsCondition, type ComplianceFilters, type ComplianceViewer } from "./compliance-filters.server";
import { col, selectChecked } from "./rows.server";

export interface GradeExplanation {
  done: number;
  overdue: number;
  /** Open and not yet due (or with no due date): left out of the grade. */
  notYetDue: number;
  notApplicable: number;
  graded: number;
  gradeRate: number | null;
  grade: Grade | null;
  /** Overdue items, longest overdue first. */
  costly: ItemLine[];
}

const EXPLANATION_ROW = z.object({
  done: col.int(),
  overdue: col.int(),
  not_yet_due: col.int(),
  not_applicable: col.int(),
  grade: col.oneOf(["A", "B", "C", "D"]).nullable(),
});

export async function getGradeExplanation(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  limit = 10,
): Promise<GradeExplanation> {
  const where = liveItemsCondition(filters, viewer);
  const [[c], costly] = await Promise.all([
    selectChecked(
      EXPLANATION_ROW,
      sql`
      SELECT c.*, ${gradeCase(sql`c.done`, sql`(c.done + c.overdue)`)} AS grade
      FROM (
        SELECT count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
          count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)::int AS overdue,
          count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND (a.due_date IS NULL OR a.due_date >= ${today}::date))::int AS not_yet_due,
          count(*) FILTER (WHERE a.status = 'NOT_APPLICABLE')::int AS not_applicable
        FROM action_items a WHERE ${where}
      ) c`,
    ),
    selectChecked(
      ITEM_LINE_ROW,
      sql`
      SELECT ${itemLineSelect(today)}
      FROM action_items a ${itemLineJoins}
      WHERE ${where} AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date
      ORDER BY a.due_date, dir.number, a.id
      LIMIT ${limit}`,
    ),
  ]);
  const { done, overdue } = c;
  return {
    done,
    overdue,
    notYetDue: c.not_yet_due,
    notApplicable: c.not_applicable,
    graded: done + overdue,
    gradeRate: done + overdue > 0 ? done / (done + overdue) : null,
    grade: c.grade ?? null,
    costly: costly.map(toItemLine),
  };
}
