// Extensions: the officer asks for a later due date on the item page, the secretariat grants or
// refuses it on /verify. A granted date is what "overdue" counts from (on /actions and in the
// compliance figures); the history and the item keep both the old and the new date.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { getHeadline } from "~/models/compliance.server";
import { action as itemAction, loader as itemLoader } from "~/routes/actions.$actionId";
import { loader as actionsLoader } from "~/routes/actions._index";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify";
import { addDays, todayInIndia } from "~/utils/format";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let officerCookie: string;
let secretariatCookie: string;
let secretariat: Viewer;
const today = todayInIndia();
const due = addDays(today, -5);
const asked = addDays(today, 10);

beforeAll(async () => {
  await importRajasthan(t.db());
  const officer = await createUser(t.db(), {
    role: "DISTRICT_OFFICER",
    districtCode: "BARMER",
    districtRole: "COLLECTOR",
    displayName: "Collector Barmer",
  });
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
  officerCookie = await sessionCookieFor(officer.id);
  secretariatCookie = await sessionCookieFor(secretariat.id);
});

async function overdueItem() {
  const { items } = await createPublishedMeeting(t.db(), { meetingDate: addDays(today, -30), dueDate: due, items: [{ districtCode: "BARMER" }] });
  return items[0];
}

function requestExtension(itemId: number, fields: Record<string, string>, cookie = officerCookie) {
  return callRoute(itemAction, postRequest(`/actions/${itemId}`, { intent: "request-extension", ...fields }, { cookie }), {
    actionId: String(itemId),
  });
}

async function myActions() {
  const res = await callRoute(actionsLoader, getRequest("/actions", { cookie: officerCookie }));
  return (await res.json()) as { counts: { OVERDUE: number }; rows: { id: number; daysOverdue: number; dueDate: string }[] };
}

async function pendingRequestId(itemId: number): Promise<number> {
  const res = await callRoute(verifyLoader, getRequest("/verify", { cookie: secretariatCookie }));
  const body = (await res.json()) as {
    extensions: { id: number; actionItemId: number; currentDueDate: string; requestedDueDate: string; reason: string }[];
  };
  const request = body.extensions.find((e) => e.actionItemId === itemId);
  expect(request).toMatchObject({ currentDueDate: due, requestedDueDate: asked, reason: "ठेकेदार ने समय मांगा" });
  return request!.id;
}

function decide(intent: "grant-extension" | "refuse-extension", requestId: number, remark = "", cookie = secretariatCookie) {
  return callRoute(verifyAction, postRequest("/verify", { intent, requestId: String(requestId), remark }, { cookie }));
}

async function historyOf(itemId: number) {
  return t
    .db()
    .select()
    .from(schema.actionItemHistory)
    .where(eq(schema.actionItemHistory.actionItemId, itemId))
    .orderBy(asc(schema.actionItemHistory.version));
}

describe("asking for more time", () => {
  it("granted: the new date is what overdue counts from, and both dates are kept", async () => {
    const item = await overdueItem();
    expect((await myActions()).rows.find((r) => r.id === item.id)?.daysOverdue).toBe(5);
    const overdueBefore = (await myActions()).counts.OVERDUE;
    const barmer = { districtId: item.districtId! };
    const barmerBefore = await getHeadline(secretariat, barmer, today);

    const asking = await requestExtension(item.id, { version: "1", requestedDueDate: asked, reason: "ठेकेदार ने समय मांगा" });
    expect(asking.status).toBe(302);
    expect(asking.headers.get("location")).toBe(`/actions/${item.id}`);
    // Until it is granted, the old date counts.
    expect((await myActions()).rows.find((r) => r.id === item.id)?.daysOverdue).toBe(5);

    const requestId = await pendingRequestId(item.id);
    const granted = await decide("grant-extension", requestId, "स्वीकृत");
    expect(granted.status).toBe(302);
    expect(granted.headers.get("location")).toBe("/verify?done=extension-granted#extensions");

    const after = await myActions();
    expect(after.rows.find((r) => r.id === item.id)).toMatchObject({ daysOverdue: 0, dueDate: asked });
    expect(after.counts.OVERDUE).toBe(overdueBefore - 1);
    // The compliance figures count from the granted date too.
    expect((await getHeadline(secretariat, barmer, today)).overdue).toBe(barmerBefore.overdue - 1);

    const [row] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(row).toMatchObject({ dueDate: asked, originalDueDate: due, status: "PENDING", version: 3 });
    const history = await historyOf(item.id);
    expect(history.map((h) => [h.kind, h.fromDueDate, h.toDueDate, h.remark])).toEqual([
      ["CREATED", null, null, null],
      ["EXTENSION_REQUESTED", due, asked, "ठेकेदार ने समय मांगा"],
      ["EXTENSION_GRANTED", due, asked, "स्वीकृत"],
    ]);

    // The item page shows the granted date and the original one.
    const page = await callRoute(itemLoader, getRequest(`/actions/${item.id}`, { cookie: officerCookie }), { actionId: String(item.id) });
    const body = await page.json();
    expect(body.item).toMatchObject({ dueDate: asked, originalDueDate: due, daysOverdue: 0, pendingExtension: null });
    expect(body.timeline[0]).toMatchObject({ kind: "EXTENSION_GRANTED", fromDueDate: due, toDueDate: asked });
  });

  it("refused: needs a reason, keeps the old date, and the item stays overdue", async () => {
    const item = await overdueItem();
    await requestExtension(item.id, { version: "1", requestedDueDate: asked, reason: "ठेकेदार ने समय मांगा" });
    const requestId = await pendingRequestId(item.id);

    const noReason = await decide("refuse-extension", requestId, " ");
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).extension).toMatchObject({ ok: false, requestId, fieldErrors: { remark: "extension.error.refuseRemark" } });

    const refused = await decide("refuse-extension", requestId, "पहले ही बहुत देर हो चुकी");
    expect(refused.status).toBe(302);
    expect((await myActions()).rows.find((r) => r.id === item.id)).toMatchObject({ daysOverdue: 5, dueDate: due });
    const history = await historyOf(item.id);
    expect(history.at(-1)).toMatchObject({ kind: "EXTENSION_REFUSED", fromDueDate: due, toDueDate: due, remark: "पहले ही बहुत देर हो चुकी" });

    // Deciding twice is refused with a message, not a second history row.
    const again = await decide("grant-extension", requestId);
    expect(again.status).toBe(409);
    expect((await again.json()).extension.formError).toBe("extension.error.alreadyDecided");
    expect(await historyOf(item.id)).toHaveLength(history.length);
  });

  it.each([
    ["a date not later than the current one", { requestedDueDate: due }, 400, "extension.error.notLater"],
    ["no reason", { requestedDueDate: asked, reason: "" }, 400, "extension.error.reasonRequired"],
    ["a date that is not a date", { requestedDueDate: "31/08/2021" }, 400, "extension.error.date"],
  ])("refuses %s with a message", async (_what, fields, status, key) => {
    const item = await overdueItem();
    const res = await requestExtension(item.id, { version: "1", reason: "कारण", ...fields });
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(Object.values(body.state.fieldErrors)).toContain(key);
    expect(await historyOf(item.id)).toHaveLength(1);
  });

  it("a second request while one is pending, or on a stale page, is refused", async () => {
    const item = await overdueItem();
    expect((await requestExtension(item.id, { version: "1", requestedDueDate: asked, reason: "एक" })).status).toBe(302);
    const stale = await requestExtension(item.id, { version: "1", requestedDueDate: addDays(asked, 5), reason: "दो" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).state.formError).toBe("actions.error.stale");
    const twice = await requestExtension(item.id, { version: "2", requestedDueDate: addDays(asked, 5), reason: "दो" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).state.formError).toBe("extension.error.alreadyPending");
  });

  it("only the secretariat decides, and only officers ask", async () => {
    const item = await overdueItem();
    await requestExtension(item.id, { version: "1", requestedDueDate: asked, reason: "ठेकेदार ने समय मांगा" });
    const requestId = await pendingRequestId(item.id);
    expect((await decide("grant-extension", requestId, "", officerCookie)).status).toBe(403);
    expect((await requestExtension(item.id, { version: "2", requestedDueDate: addDays(asked, 1), reason: "x" }, secretariatCookie)).status).toBe(403);
    const [row] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(row.dueDate).toBe(due);
  });
});
