import { and, eq, sql, type SQL } from "drizzle-orm";
import { schema } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";

const { actionItems } = schema;

/**
 * The action items a viewer may see, as a WHERE condition to put *inside* every query:
 * a district officer sees their district and role only, a department officer their
 * department only, a division officer their side of their division's districts (decision 016),
 * the reading roles everything, anyone else nothing.
 */
export function actionItemScope(viewer: Viewer): SQL {
  if (can(viewer.role, "read:action-item:any")) return sql`true`;
  if (viewer.role === "DISTRICT_OFFICER" && viewer.districtId != null && viewer.districtRole != null) {
    return and(eq(actionItems.districtId, viewer.districtId), eq(actionItems.districtRole, viewer.districtRole))!;
  }
  if (viewer.role === "DEPARTMENT_OFFICER" && viewer.departmentId != null) {
    return eq(actionItems.departmentId, viewer.departmentId);
  }
  // A Divisional Commissioner (side COLLECTOR) or range IG (side SP): their side in every district of their division.
  if (viewer.role === "DIVISION_OFFICER" && viewer.divisionId != null && viewer.districtRole != null) {
    return and(eq(actionItems.divisionId, viewer.divisionId), eq(actionItems.districtRole, viewer.districtRole))!;
  }
  return sql`false`;
}

/** The same rule for raw SQL over action_items aliased as `alias`. */
export function actionItemScopeSql(viewer: Viewer, alias = "a"): SQL {
  const a = sql.raw(alias);
  if (can(viewer.role, "read:action-item:any")) return sql`true`;
  if (viewer.role === "DISTRICT_OFFICER" && viewer.districtId != null && viewer.districtRole != null) {
    return sql`(${a}.district_id = ${viewer.districtId} AND ${a}.district_role = ${viewer.districtRole})`;
  }
  if (viewer.role === "DEPARTMENT_OFFICER" && viewer.departmentId != null) {
    return sql`${a}.department_id = ${viewer.departmentId}`;
  }
  if (viewer.role === "DIVISION_OFFICER" && viewer.divisionId != null && viewer.districtRole != null) {
    return sql`(${a}.division_id = ${viewer.divisionId} AND ${a}.district_role = ${viewer.districtRole})`;
  }
  return sql`false`;
}
