// Items the secretariat returned to the viewer and that are still returned (action_items.returned_at,
// kept by the trigger of migration 0013): the officer's home page lists them first.
import { sql } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const RETURNED_ROW = z.object({
  id: col.int(),
  number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  returned_at: col.timestamp(),
});

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
  const rows = await selectChecked(
    RETURNED_ROW,
    sql`
    SELECT a.id, d.number, d.text_en, d.text_hi, a.returned_at
    FROM action_items a JOIN directives d ON d.id = a.directive_id
    WHERE a.returned_at IS NOT NULL AND a.withdrawn_at IS NULL AND ${actionItemScopeSql(viewer, "a")}
    ORDER BY a.returned_at DESC, a.id
    LIMIT ${limit}
  `,
  );
  return rows.map((r) => ({
    id: r.id,
    directiveNumber: r.number,
    textEn: r.text_en,
    textHi: r.text_hi,
    returnedAt: r.returned_at,
  }));
}
