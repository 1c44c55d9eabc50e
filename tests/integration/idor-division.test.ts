// Division officers forging URLs and forms: Ajmer division's Commissioner (the collectors' side)
// and its range IG (the SPs') read their side of their division's districts only; they cannot see
// another division or the other side, cannot change a status, and their remark is recorded in the
// history without touching the item.
import { asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as divisionLoader } from "~/routes/division";
import { action as itemAction, loader as itemLoader } from "~/routes/actions.$actionId";
import { action as updateAction } from "~/routes/actions.$actionId.update";
import { action as remarkAction } from "~/routes/actions.$actionId.remark";
import { loader as listLoader } from "~/routes/actions._index";
import { loader as dashboardLoader } from "~/routes/dashboard";
import * as schema from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let commissioner: string;
let ig: string;
let items: Record<"ajmerCollector" | "bhilwaraCollector" | "ajmerSp" | "jaipurCollector" | "dipr", number>;

beforeAll(async () => {
  const db = t.db();
  await importRajasthan(db);
  commissioner = await sessionCookieFor((await createUser(db, { role: "DIVISION_OFFICER", divisionCode: "AJM", districtRole: "COLLECTOR" })).id);
  ig = await sessionCookieFor((await createUser(db, { role: "DIVISION_OFFICER", divisionCode: "AJM", districtRole: "SP" })).id);
  const { items: made } = await createPublishedMeeting(db, {
    dueDate: "2024-02-10",
    items: [
      { districtCode: "AJMER", districtRole: "COLLECTOR" },
      { districtCode: "BHILWARA", districtRole: "COLLECTOR", status: "IN_PROGRESS" },
      { districtCode: "AJMER", districtRole: "SP" },
      { districtCode: "JAIPUR", districtRole: "COLLECTOR" },
      { departmentCode: "DIPR" },
    ],
  });
  const [ajmerCollector, bhilwaraCollector, ajmerSp, jaipurCollector, dipr] = made.map((i) => i.id);
  items = { ajmerCollector, bhilwaraCollector, ajmerSp, jaipurCollector, dipr };
});

const params = (id: number) => ({ actionId: String(id) });

async function snapshot() {
  const db = t.db();
  const [history] = await db.select({ n: count() }).from(schema.actionItemHistory);
  const rows = await db
    .select({
      id: schema.actionItems.id,
      status: schema.actionItems.status,
      version: schema.actionItems.version,
      remark: schema.actionItems.latestRemark,
    })
    .from(schema.actionItems)
    .orderBy(asc(schema.actionItems.id));
  return { history: history.n, rows };
}

describe("what a division officer may read", () => {
  it("opens their side's items in every district of their division", async () => {
    for (const id of [items.ajmerCollector, items.bhilwaraCollector]) {
      expect((await callRoute(itemLoader, getRequest(`/actions/${id}`, { cookie: commissioner }), params(id))).status).toBe(200);
    }
    expect((await callRoute(itemLoader, getRequest(`/actions/${items.ajmerSp}`, { cookie: ig }), params(items.ajmerSp))).status).toBe(200);
  });

  it("meets another division's, the other side's and a department's items as if they did not exist", async () => {
    for (const [cookie, id] of [
      [commissioner, items.jaipurCollector],
      [commissioner, items.ajmerSp],
      [commissioner, items.dipr],
      [ig, items.ajmerCollector],
      [ig, items.jaipurCollector],
    ] as const) {
      expect((await callRoute(itemLoader, getRequest(`/actions/${id}`, { cookie }), params(id))).status).toBe(404);
    }
  });

  it("lists only their side of their division, and has no state dashboard", async () => {
    const list = await callRoute(listLoader, getRequest("/actions", { cookie: commissioner }));
    const body = JSON.stringify(await list.json());
    expect(body).toContain("Ajmer");
    expect(body).toContain("Bhilwara");
    expect(body).not.toContain("Jaipur");
    expect((await callRoute(dashboardLoader, getRequest("/dashboard", { cookie: commissioner }))).status).toBe(403);
  });

  it("sees a division dashboard of their own division's districts", async () => {
    const response = await callRoute(divisionLoader, getRequest("/division", { cookie: commissioner }));
    expect(response.status).toBe(200);
    const { summary } = (await response.json()) as {
      summary: { division: { code: string }; districts: { code: string; total: number }[]; totals: { total: number } };
    };
    expect(summary.division.code).toBe("AJM");
    expect(summary.districts.map((d) => d.code)).toContain("BHILWARA");
    expect(summary.districts.map((d) => d.code)).not.toContain("JAIPUR");
    // Ajmer's and Bhilwara's collector items; not the SP's, not Jaipur's, not DIPR's.
    expect(summary.totals.total).toBe(2);
  });
});

describe("what a division officer may not change", () => {
  it("cannot change a status, through the item page or the update route", async () => {
    const before = await snapshot();
    const id = items.ajmerCollector;
    const update = { intent: "update", version: "1", toStatus: "COMPLETED", remark: "Done, says the Commissioner" };
    expect((await callRoute(itemAction, postRequest(`/actions/${id}`, update, { cookie: commissioner }), params(id))).status).toBe(403);
    expect((await callRoute(updateAction, postRequest(`/actions/${id}/update`, update, { cookie: commissioner }), params(id))).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("cannot remark on another division's or the other side's item", async () => {
    const before = await snapshot();
    for (const [cookie, id] of [
      [commissioner, items.jaipurCollector],
      [commissioner, items.ajmerSp],
      [ig, items.ajmerCollector],
    ] as const) {
      const response = await callRoute(remarkAction, postRequest(`/actions/${id}/remark`, { remark: "Please hurry" }, { cookie }), params(id));
      expect(response.status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("remarks on their own division's item: a history row, the status and version as they were", async () => {
    const before = await snapshot();
    const id = items.bhilwaraCollector;
    const response = await callRoute(
      remarkAction,
      postRequest(`/actions/${id}/remark`, { remark: "Review in the next VC" }, { cookie: commissioner }),
      params(id),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/actions/${id}`);
    const after = await snapshot();
    expect(after.rows).toEqual(before.rows);
    expect(after.history).toBe(before.history + 1);
    const [row] = await t.db().select().from(schema.actionItemHistory).where(eq(schema.actionItemHistory.kind, "REVIEW_REMARK"));
    expect(row).toMatchObject({ actionItemId: id, fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS", remark: "Review in the next VC", version: 1 });
  });

  it("an empty remark records nothing and is sent back to the form", async () => {
    const before = await snapshot();
    const id = items.ajmerCollector;
    const response = await callRoute(remarkAction, postRequest(`/actions/${id}/remark`, { remark: "   " }, { cookie: commissioner }), params(id));
    expect(response.headers.get("location")).toBe(`/actions/${id}?remark=empty#remark-title`);
    expect(await snapshot()).toEqual(before);
  });
});
