// Returned items are unmissable: once the secretariat returns a reported completion, the officer's
// list puts it at the very top with a "Returned" badge, the home page lists it, and the item page
// carries the reason; reporting it completed again ends all that. action_items.returned_at is kept
// by a trigger on history (migration 0013), so seeds that write history directly keep it too.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { getActionItem } from "~/models/action-item.server";
import { listActionItems } from "~/models/action-item-list.server";
import { listReturnedItems } from "~/models/returned.server";
import { loader as homeLoader } from "~/routes/_index";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let secretariat: Viewer;
let collector: Viewer;
let otherCollector: Viewer;
const TODAY = "2024-03-01";

beforeAll(async () => {
  await importRajasthan(t.db());
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
  collector = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
  otherCollector = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "JAIPUR", districtRole: "COLLECTOR" });
});

async function change(viewer: Viewer, id: number, toStatus: "COMPLETED" | "IN_PROGRESS" | "VERIFIED", remark: string) {
  const [item] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, id));
  const result = await changeActionItemStatus(viewer, { actionItemId: id, expectedVersion: item.version, toStatus, remark });
  if (!result.ok) throw new Error(result.reason);
  return result.item;
}

describe("a returned item", () => {
  it("goes to the top of the officer's list, above overdue items, with its reason on the item page", async () => {
    // An overdue item (due long ago) and one due later that will be returned.
    const overdue = await createPublishedMeeting(t.db(), { dueDate: "2024-01-20", items: [{ districtCode: "AJMER", status: "PENDING" }] });
    const later = await createPublishedMeeting(t.db(), { dueDate: "2024-06-30", items: [{ districtCode: "AJMER", status: "IN_PROGRESS" }] });
    const returnedId = later.items[0].id;
    await change(collector, returnedId, "COMPLETED", "सभी थानों में कार्य पूर्ण।");

    let list = await listActionItems(collector, {}, TODAY);
    expect(list.rows[0].id).toBe(overdue.items[0].id);

    const reason = "थानों के फोटो संलग्न नहीं हैं, पुनः प्रेषित करें।";
    await change(secretariat, returnedId, "IN_PROGRESS", reason);
    list = await listActionItems(collector, {}, TODAY);
    expect(list.rows.map((r) => r.id).slice(0, 2)).toEqual([returnedId, overdue.items[0].id]);
    expect(list.rows[0].returnedAt).not.toBeNull();
    expect(list.rows[1].returnedAt).toBeNull();

    const detail = await getActionItem(collector, returnedId, TODAY);
    expect(detail).toMatchObject({ returnReason: reason, returnedByName: expect.stringMatching(/Test user/) });

    // A progress remark keeps it returned; reporting it completed again ends it.
    await change(collector, returnedId, "IN_PROGRESS", "फोटो एकत्र किए जा रहे हैं।");
    const [{ kind }] = await t
      .db()
      .select({ kind: schema.actionItemHistory.kind })
      .from(schema.actionItemHistory)
      .where(eq(schema.actionItemHistory.actionItemId, returnedId))
      .orderBy(sql`${schema.actionItemHistory.version} DESC`)
      .limit(1);
    expect(kind).toBe("REMARK");
    expect((await getActionItem(collector, returnedId, TODAY))?.returnedAt).not.toBeNull();

    await change(collector, returnedId, "COMPLETED", "फोटो संलग्न हैं।");
    const after = await getActionItem(collector, returnedId, TODAY);
    expect(after).toMatchObject({ returnedAt: null, returnReason: null });
  });

  it("is listed on the officer's home page, and on no one else's", async () => {
    const { items } = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER", status: "IN_PROGRESS" }] });
    await change(collector, items[0].id, "COMPLETED", "पूर्ण।");
    await change(secretariat, items[0].id, "IN_PROGRESS", "साक्ष्य अपूर्ण।");

    expect((await listReturnedItems(collector)).map((r) => r.id)).toContain(items[0].id);
    expect(await listReturnedItems(otherCollector)).toEqual([]);
    expect(await listReturnedItems(secretariat)).toEqual([]);

    const response = await callRoute(homeLoader as never, getRequest("/", { cookie: await sessionCookieFor(collector.id) }));
    const data = await response.json();
    expect(data.returned.map((r: { id: number }) => r.id)).toContain(items[0].id);
  });

  it("is rebuilt from history by anupalan_returned_rebuild(), as seed-scale needs", async () => {
    const { items } = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER", status: "IN_PROGRESS" }] });
    await change(collector, items[0].id, "COMPLETED", "पूर्ण।");
    await change(secretariat, items[0].id, "IN_PROGRESS", "साक्ष्य अपूर्ण।");
    const [before] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, items[0].id));
    await t.db().execute(sql`UPDATE action_items SET returned_at = NULL`);
    await t.db().execute(sql`SELECT anupalan_returned_rebuild()`);
    const [after] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, items[0].id));
    expect(after.returnedAt?.toISOString()).toBe(before.returnedAt?.toISOString());
  });
});
