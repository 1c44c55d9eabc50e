// "Several at once": the officer selects pending items on /actions and moves them to
// IN_PROGRESS with one remark. Each item gets its own history row; a stale, already-started or
// foreign item is refused on its own with the reason, and does not hold back the rest.
import { asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { action as actionsAction } from "~/routes/actions._index";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let collector: Viewer;
let sp: Viewer;
let cookie: string;

beforeAll(async () => {
  await importRajasthan(t.db());
  collector = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
  sp = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "SP", displayName: "SP Ajmer" });
  cookie = await sessionCookieFor(collector.id);
});

async function ajmerItems(n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { items } = await createPublishedMeeting(t.db(), { titleEn: `Review ${i + 1}`, items: [{ districtCode: "AJMER" }] });
    ids.push(items[0].id);
  }
  return ids;
}

function bulk(items: string[], remark: string, who = cookie) {
  return callRoute(actionsAction, postRequest("/actions", { intent: "bulk-start", items, remark }, { cookie: who }));
}

async function historyOf(ids: number[]) {
  return t
    .db()
    .select()
    .from(schema.actionItemHistory)
    .where(inArray(schema.actionItemHistory.actionItemId, ids))
    .orderBy(asc(schema.actionItemHistory.actionItemId), asc(schema.actionItemHistory.version));
}

describe("moving several items to In progress at once", () => {
  it("gives each item its own history row with the one remark", async () => {
    const ids = await ajmerItems(3);
    const response = await bulk(
      ids.map((id) => `${id}:1`),
      "सभी थानों को निर्देश भेजे गए",
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, updated: 3, refused: [] });
    const rows = (await historyOf(ids)).filter((h) => h.version === 2);
    expect(rows.map((h) => h.actionItemId)).toEqual(ids);
    for (const h of rows) {
      expect(h).toMatchObject({
        kind: "STATUS_CHANGED",
        fromStatus: "PENDING",
        toStatus: "IN_PROGRESS",
        remark: "सभी थानों को निर्देश भेजे गए",
        actorId: collector.id,
      });
    }
    expect(new Set(rows.map((h) => h.id)).size).toBe(3);
    const items = await t.db().select().from(schema.actionItems).where(inArray(schema.actionItems.id, ids));
    expect(items.every((i) => i.status === "IN_PROGRESS" && i.version === 2)).toBe(true);
  });

  it("a stale item does not block the others, and the answer says which and why", async () => {
    const [fresh1, stale, started, fresh2] = await ajmerItems(4);
    const [foreign] = (await createPublishedMeeting(t.db(), { items: [{ districtCode: "JAIPUR" }] })).items;
    // Meanwhile another Ajmer Collector account noted progress on one item (version 1 → 2)...
    const other = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR", displayName: "ADM Ajmer" });
    await changeActionItemStatus(other, { actionItemId: stale, expectedVersion: 1, toStatus: "PENDING", remark: "बैठक बुलाई" });
    // ...and this officer had already started another in a second tab (seen at version 2).
    await changeActionItemStatus(collector, { actionItemId: started, expectedVersion: 1, toStatus: "IN_PROGRESS", remark: "शुरू" });

    const response = await bulk([`${fresh1}:1`, `${stale}:1`, `${started}:2`, `${foreign.id}:1`, `${fresh2}:1`], "काम शुरू");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.updated).toBe(2);
    const byId = new Map(body.refused.map((r: { id: number }) => [r.id, r]));
    expect(byId.size).toBe(3);
    expect(byId.get(stale)).toMatchObject({
      reason: "conflict",
      status: "PENDING",
      label: { directiveNumber: 1, meetingTitleEn: "Review 2" },
      change: { actorName: "ADM Ajmer", toStatus: "PENDING" },
    });
    expect(byId.get(started)).toMatchObject({ reason: "not-pending", status: "IN_PROGRESS" });
    // Another district's item: refused without telling what it is.
    expect(byId.get(foreign.id)).toMatchObject({ reason: "not-found", label: null });

    const items = await t
      .db()
      .select()
      .from(schema.actionItems)
      .where(inArray(schema.actionItems.id, [fresh1, stale, started, fresh2, foreign.id]));
    const status = Object.fromEntries(items.map((i) => [i.id, `${i.status}@${i.version}`]));
    expect(status).toEqual({
      [fresh1]: "IN_PROGRESS@2",
      [stale]: "PENDING@2",
      [started]: "IN_PROGRESS@2",
      [fresh2]: "IN_PROGRESS@2",
      [foreign.id]: "PENDING@1",
    });
    const remarks = (await historyOf([stale, started, foreign.id])).map((h) => h.remark);
    expect(remarks).not.toContain("काम शुरू");
  });

  it("refuses an empty selection or a missing remark with a message, and changes nothing", async () => {
    const [id] = await ajmerItems(1);
    const none = await bulk([], "remark");
    expect(none.status).toBe(400);
    expect((await none.json()).fieldErrors).toEqual({ items: "actions.bulk.noneSelected" });
    const noRemark = await bulk([`${id}:1`], "  ");
    expect(noRemark.status).toBe(400);
    expect(await noRemark.json()).toMatchObject({ fieldErrors: { remark: "actions.error.remarkRequired" }, values: { items: [`${id}:1`] } });
    const garbage = await bulk(["12; DROP TABLE"], "x");
    expect(garbage.status).toBe(400);
    const [item] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, id));
    expect(item.version).toBe(1);
  });

  it("the SP's selection cannot reach the Collector's items", async () => {
    const [id] = await ajmerItems(1);
    const response = await bulk([`${id}:1`], "x", await sessionCookieFor(sp.id));
    expect(await response.json()).toMatchObject({ updated: 0, refused: [{ id, reason: "not-found" }] });
  });
});
