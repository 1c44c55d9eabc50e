// Items the secretariat returned to the viewer and that are still returned (action_items.returned_at,
// kept by the trigger of migration 0013): the officer's home page lists them first.
import { sql } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { actionItemScopeSql } from "./scope.server";
import { selectRows } from "./sql.server";

export interface ReturnedItem {
  id: number;
  directiveNumber: number;
  textEn: string;
  textHi: string;
  returnedAt: string;
}

/** Only the officers' own items: the reading roles see every district's returns on /verify and the dashboard. */
export async function listReturnedItems(viewer: Viewer, limit = 5): Promise<ReturnedItem[]> {
  if (viewer.role !== "DISTRICT_OFFICER" && viewer.role !== "DEPARTMENT_OFFICER") return [];
  const rows = await selectRows<Record<string, unknown>>(sql`
    SELECT a.id, d.number, d.text_en, d.text_hi, a.returned_at
    FROM action_items a JOIN directives d ON d.id = a.directive_id
    WHERE a.returned_at IS NOT NULL AND a.withdrawn_at IS NULL AND ${actionItemScopeSql(viewer, "a")}
    ORDER BY a.returned_at DESC, a.id
    LIMIT ${limit}
  `);
  return rows.map((r) => ({
    id: Number(r.id),
    directiveNumber: Number(r.number),
    textEn: String(r.text_en ?? ""),
    textHi: String(r.text_hi ?? ""),
    returnedAt: new Date(r.returned_at as string | Date).toISOString(),
  }));
}
