// A division officer's view: their side of every district in their division (decision 016), and
// their remark on an item, which is recorded in its history and changes nothing else.
import { and, eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { DistrictRole } from "../../db/schema/enums";
import { actionItemScope, actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const DISTRICT_ROW = z.object({
  code: col.text(),
  nameEn: col.text(),
  nameHi: col.text(),
  total: col.int(),
  open: col.int(),
  overdue: col.int(),
  escalated: col.int(),
  completed: col.int(),
});
const OVERDUE_ROW = z.object({
  id: col.int(),
  districtEn: col.text(),
  districtHi: col.text(),
  directiveNumber: col.int(),
  textEn: col.text(),
  textHi: col.text(),
  dueDate: col.date(),
  daysOverdue: col.int(),
  escalated: col.bool(),
});

export interface DivisionDistrictRow {
  code: string;
  nameEn: string;
  nameHi: string;
  total: number;
  open: number;
  overdue: number;
  escalated: number;
  completed: number;
}

export interface OverdueItem {
  id: number;
  districtEn: string;
  districtHi: string;
  directiveNumber: number;
  textEn: string;
  textHi: string;
  dueDate: string;
  daysOverdue: number;
  escalated: boolean;
}

export interface DivisionSummary {
  division: { code: string; nameEn: string; nameHi: string };
  side: DistrictRole;
  districts: DivisionDistrictRow[];
  totals: Omit<DivisionDistrictRow, "code" | "nameEn" | "nameHi">;
  mostOverdue: OverdueItem[];
}

export async function getDivisionSummary(viewer: Viewer, today: string): Promise<DivisionSummary | null> {
  if (!can(viewer.role, "read:dashboard:division")) throw new Response("Forbidden", { status: 403 });
  if (viewer.divisionId == null || viewer.districtRole == null) return null;
  const [division] = await db()
    .select({ code: schema.divisions.code, nameEn: schema.divisions.nameEn, nameHi: schema.divisions.nameHi })
    .from(schema.divisions)
    .where(eq(schema.divisions.id, viewer.divisionId));
  if (!division) return null;
  const scope = actionItemScopeSql(viewer, "a");
  const districts = await selectChecked(
    DISTRICT_ROW,
    sql`
    SELECT d.code, d.name_en AS "nameEn", d.name_hi AS "nameHi",
      count(a.id)::int AS total,
      count(a.id) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS'))::int AS open,
      count(a.id) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < CAST(${today} AS date))::int AS overdue,
      count(a.id) FILTER (WHERE a.escalated_at IS NOT NULL AND a.status IN ('PENDING', 'IN_PROGRESS'))::int AS escalated,
      count(a.id) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS completed
    FROM districts d
    LEFT JOIN action_items a ON a.district_id = d.id AND a.withdrawn_at IS NULL AND ${scope}
    WHERE d.division_id = ${viewer.divisionId}
    GROUP BY d.id ORDER BY overdue DESC, d.name_en`,
  );
  const totals = districts.reduce(
    (sum, r) => ({
      total: sum.total + r.total,
      open: sum.open + r.open,
      overdue: sum.overdue + r.overdue,
      escalated: sum.escalated + r.escalated,
      completed: sum.completed + r.completed,
    }),
    { total: 0, open: 0, overdue: 0, escalated: 0, completed: 0 },
  );
  const mostOverdue = await selectChecked(
    OVERDUE_ROW,
    sql`
    SELECT a.id, d.name_en AS "districtEn", d.name_hi AS "districtHi", dir.number AS "directiveNumber",
      dir.text_en AS "textEn", dir.text_hi AS "textHi", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
      (CAST(${today} AS date) - a.due_date) AS "daysOverdue", a.escalated_at IS NOT NULL AS escalated
    FROM action_items a
    JOIN districts d ON d.id = a.district_id
    JOIN directives dir ON dir.id = a.directive_id
    WHERE a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < CAST(${today} AS date) AND ${scope}
    ORDER BY a.due_date, a.id
    LIMIT 20`,
  );
  return { division, side: viewer.districtRole, districts, totals, mostOverdue };
}

/**
 * A division officer's remark: one history row (REVIEW_REMARK, the status before and after the
 * same, the item's version unchanged), so a district officer's open form never meets a conflict.
 * Null when the item is not in the viewer's scope (answered as "not found").
 */
export async function addReviewRemark(viewer: Viewer, itemId: number, remark: string): Promise<{ ok: true } | null> {
  if (!can(viewer.role, "remark:action-item:division")) throw new Response("Forbidden", { status: 403 });
  return db().transaction(async (tx) => {
    const [item] = await tx
      .select({ id: schema.actionItems.id, status: schema.actionItems.status, version: schema.actionItems.version })
      .from(schema.actionItems)
      .where(and(eq(schema.actionItems.id, itemId), actionItemScope(viewer)))
      .for("share");
    if (!item) return null;
    await tx.insert(schema.actionItemHistory).values({
      actionItemId: item.id,
      actorId: viewer.id,
      kind: "REVIEW_REMARK",
      fromStatus: item.status,
      toStatus: item.status,
      remark,
      version: item.version,
    });
    return { ok: true as const };
  });
}
