// The status lifecycle as a user meets it: every (role, from, to) is posted to the real update
// endpoint. An allowed change is saved with one history row; every other one is answered 400
// with a message the user can read (in English and Hindi), and nothing in the item moves.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { ACTION_STATUSES, type ActionStatus } from "../../db/schema";
import { en, hi, translator, type MessageKey } from "~/i18n";
import { action as updateAction } from "~/routes/actions.$actionId.update";
import { TRANSITIONS, type Actor } from "~/utils/lifecycle";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan, type ItemSpec } from "../support/factories";
import { callRoute, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();

interface Person {
  label: string;
  actor: Actor;
  cookie: string;
  /** Where this person's items are. */
  spec: ItemSpec;
}
const people: Person[] = [];
let officialCookie: string;

beforeAll(async () => {
  await importRajasthan(t.db());
  const make = async (label: string, actor: Actor, user: Parameters<typeof createUser>[1], spec: ItemSpec) => {
    const u = await createUser(t.db(), user);
    people.push({ label, actor, cookie: await sessionCookieFor(u.id), spec });
  };
  await make(
    "Collector",
    "OFFICER",
    { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" },
    { districtCode: "AJMER", districtRole: "COLLECTOR" },
  );
  await make("SP", "OFFICER", { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "SP" }, { districtCode: "AJMER", districtRole: "SP" });
  await make("Department officer", "OFFICER", { role: "DEPARTMENT_OFFICER", departmentCode: "DIPR" }, { departmentCode: "DIPR" });
  await make("Secretariat", "SECRETARIAT", { role: "SECRETARIAT" }, { districtCode: "AJMER", districtRole: "COLLECTOR" });
  await make("Admin", "SECRETARIAT", { role: "ADMIN" }, { districtCode: "JAIPUR", districtRole: "SP" });
  const official = await createUser(t.db(), { role: "OFFICIAL" });
  officialCookie = await sessionCookieFor(official.id);
});

async function itemAt(spec: ItemSpec, status: ActionStatus) {
  const { items } = await createPublishedMeeting(t.db(), { items: [{ ...spec, status }] });
  return items[0];
}

async function stateOf(itemId: number) {
  const [item] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, itemId));
  const [{ n }] = await t
    .db()
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.actionItemHistory)
    .where(eq(schema.actionItemHistory.actionItemId, itemId));
  return { status: item.status, version: item.version, latestRemark: item.latestRemark, history: Number(n) };
}

function post(itemId: number, cookie: string, fields: Record<string, string>) {
  return callRoute(updateAction, postRequest(`/actions/${itemId}/update`, { intent: "update", ...fields }, { cookie }), {
    actionId: String(itemId),
  });
}

/** A message key must exist in both dictionaries and read as a sentence, not as a key. */
function expectReadable(key: string) {
  expect(key in en, `${key} is in the English dictionary`).toBe(true);
  for (const lang of ["en", "hi"] as const) {
    const text = translator(lang)(key as MessageKey);
    expect(text).not.toBe(key);
    expect(text.length).toBeGreaterThan(15);
  }
  expect(hi[key as MessageKey]).not.toBe(en[key as MessageKey]);
}

const pairs = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const));

describe.each(["Collector", "SP", "Department officer", "Secretariat", "Admin"])("%s", (label) => {
  const actor: Actor = label === "Secretariat" || label === "Admin" ? "SECRETARIAT" : "OFFICER";
  it.each(pairs)(`%s → %s`, async (from, to) => {
    const person = people.find((p) => p.label === label)!;
    const transition = TRANSITIONS.find((tr) => tr.from === from && tr.to === to && tr.actor === actor);
    const item = await itemAt(person.spec, from);
    const before = await stateOf(item.id);
    const remark = `${from} से ${to}: कार्यवाही`;
    const response = await post(item.id, person.cookie, { version: String(item.version), toStatus: to, remark });
    const body = await response.json();
    const after = await stateOf(item.id);

    if (transition) {
      expect(response.status).toBe(200);
      expect(body).toEqual({ outcome: "saved", redirectTo: `/actions/${item.id}` });
      // A shortcut through a status (Pending → Completed) writes one row per step of the lifecycle.
      const steps = transition.via ? 2 : 1;
      expect(after).toEqual({ status: to, version: before.version + steps, latestRemark: remark, history: before.history + steps });
      const [last] = await t
        .db()
        .select()
        .from(schema.actionItemHistory)
        .where(eq(schema.actionItemHistory.actionItemId, item.id))
        .orderBy(sql`${schema.actionItemHistory.version} DESC`)
        .limit(1);
      expect(last).toMatchObject({
        kind: transition.kind,
        fromStatus: transition.via ?? from,
        toStatus: to,
        remark,
        version: before.version + steps,
      });
    } else {
      expect(response.status).toBe(400);
      expect(body.outcome).toBe("invalid");
      expect(body.fieldErrors.toStatus).toBe("actions.error.notAllowed");
      expectReadable(body.fieldErrors.toStatus);
      // The remark comes back so nothing the officer wrote is lost.
      expect(body.values.remark).toBe(remark);
      expect(after).toEqual(before);
    }
  });
});

describe("reporting Completed straight from Pending (decision 012)", () => {
  it("records both steps, in one transaction, with the evidence on the completion", async () => {
    const collector = people.find((p) => p.label === "Collector")!;
    const item = await itemAt(collector.spec, "PENDING");
    const at = new Date();
    const response = await post(item.id, collector.cookie, {
      version: String(item.version),
      toStatus: "COMPLETED",
      remark: "सभी थानों में स्वागत कक्ष बन गए।",
      links: "https://example.gov.in/photos",
    });
    expect(response.status).toBe(200);
    const rows = await t
      .db()
      .select()
      .from(schema.actionItemHistory)
      .where(eq(schema.actionItemHistory.actionItemId, item.id))
      .orderBy(schema.actionItemHistory.version);
    const steps = rows.slice(-2);
    expect(steps.map((r) => [r.fromStatus, r.toStatus, r.remark, r.version])).toEqual([
      ["PENDING", "IN_PROGRESS", null, item.version + 1],
      ["IN_PROGRESS", "COMPLETED", "सभी थानों में स्वागत कक्ष बन गए।", item.version + 2],
    ]);
    expect(steps[0].at.getTime()).toBe(steps[1].at.getTime());
    expect(steps[0].at.getTime()).toBeGreaterThanOrEqual(at.getTime() - 1000);
    const evidence = await t.db().select().from(schema.evidence).where(eq(schema.evidence.actionItemId, item.id));
    expect(evidence.map((e) => e.historyId)).toEqual([steps[1].id]);
    const [after] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(after.firstCompletedAt).not.toBeNull();
  });

  it("is offered by the update form to officers only", async () => {
    const { nextStatuses } = await import("~/utils/lifecycle");
    expect(nextStatuses("PENDING", "OFFICER")).toContain("COMPLETED");
    expect(nextStatuses("PENDING", "SECRETARIAT")).not.toContain("COMPLETED");
  });
});

describe("what every transition needs", () => {
  const needsRemark = TRANSITIONS.filter((tr) => tr.remarkRequired);
  it.each(needsRemark.map((tr) => [tr.actor, tr.from, tr.to] as const))("%s %s → %s without a remark is refused", async (actor, from, to) => {
    const person = people.find((p) => p.actor === actor)!;
    const item = await itemAt(person.spec, from);
    const before = await stateOf(item.id);
    const response = await post(item.id, person.cookie, { version: String(item.version), toStatus: to, remark: "   " });
    expect(response.status).toBe(400);
    const body = await response.json();
    const expected = to === "NOT_APPLICABLE" ? "actions.error.reasonRequired" : "actions.error.remarkRequired";
    expect(body.fieldErrors.remark).toBe(expected);
    expectReadable(expected);
    expect(await stateOf(item.id)).toEqual(before);
  });

  it("verifying needs no remark", async () => {
    const secretariat = people.find((p) => p.label === "Secretariat")!;
    const item = await itemAt(secretariat.spec, "COMPLETED");
    const response = await post(item.id, secretariat.cookie, { version: String(item.version), toStatus: "VERIFIED", remark: "" });
    expect(response.status).toBe(200);
    expect((await stateOf(item.id)).status).toBe("VERIFIED");
  });

  it("an unknown status is refused with a message, not a 500", async () => {
    const collector = people.find((p) => p.label === "Collector")!;
    const item = await itemAt(collector.spec, "PENDING");
    const response = await post(item.id, collector.cookie, { version: "1", toStatus: "DONE", remark: "x" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors.toStatus).toBe("actions.error.chooseStatus");
    expectReadable(body.fieldErrors.toStatus);
  });
});

describe("who may change an item at all", () => {
  it("an official, who only reads, is refused with 403 and nothing changes", async () => {
    const item = await itemAt({ districtCode: "AJMER" }, "PENDING");
    const before = await stateOf(item.id);
    const response = await post(item.id, officialCookie, { version: "1", toStatus: "IN_PROGRESS", remark: "x" });
    expect(response.status).toBe(403);
    expect(await stateOf(item.id)).toEqual(before);
  });

  it.each([
    ["the SP", "SP", { districtCode: "AJMER", districtRole: "COLLECTOR" }],
    ["the Collector", "Collector", { districtCode: "AJMER", districtRole: "SP" }],
    ["another district's Collector", "Collector", { districtCode: "JAIPUR", districtRole: "COLLECTOR" }],
    ["a department officer", "Department officer", { districtCode: "AJMER", districtRole: "COLLECTOR" }],
    ["a district officer", "Collector", { departmentCode: "DIPR" }],
  ] as const)("%s cannot change an item assigned to someone else (404, as if it did not exist)", async (_who, label, spec) => {
    const person = people.find((p) => p.label === label)!;
    const item = await itemAt(spec as ItemSpec, "PENDING");
    const before = await stateOf(item.id);
    const response = await post(item.id, person.cookie, { version: "1", toStatus: "IN_PROGRESS", remark: "x" });
    expect(response.status).toBe(404);
    expect((await response.json()).reason).toBe("not-found");
    expectReadable("actions.refused.not-found");
    expect(await stateOf(item.id)).toEqual(before);
  });
});
