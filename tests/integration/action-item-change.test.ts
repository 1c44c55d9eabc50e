import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { ACTION_STATUSES, type ActionStatus } from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import type { Viewer } from "~/utils/auth.server";
import { TRANSITIONS } from "~/utils/lifecycle";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";

const t = useTestDatabase();
let ajmerCollector: Viewer;
let jaipurCollector: Viewer;
let secretariat: Viewer;

beforeAll(async () => {
  await importRajasthan(t.db());
  ajmerCollector = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
  jaipurCollector = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "JAIPUR", districtRole: "COLLECTOR" });
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
});

async function ajmerItemAt(status: ActionStatus) {
  const { items } = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER", status }] });
  return items[0];
}

async function historyCount(itemId: number) {
  const [row] = await t
    .db()
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.actionItemHistory)
    .where(eq(schema.actionItemHistory.actionItemId, itemId));
  return Number(row.n);
}

describe("action item lifecycle", () => {
  const pairs = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const));
  for (const actor of ["OFFICER", "SECRETARIAT"] as const) {
    for (const [from, to] of pairs) {
      const transition = TRANSITIONS.find((tr) => tr.from === from && tr.to === to && tr.actor === actor);
      const allowed = Boolean(transition);
      // A shortcut through a status (Pending → Completed, decision 012) is one row and one version per step.
      const steps = transition?.via ? 2 : 1;
      it(`${actor}: ${from} → ${to} is ${allowed ? "allowed" : "refused"}`, async () => {
        const item = await ajmerItemAt(from);
        const viewer = actor === "OFFICER" ? ajmerCollector : secretariat;
        const result = await changeActionItemStatus(viewer, {
          actionItemId: item.id,
          expectedVersion: item.version,
          toStatus: to,
          remark: "कार्यवाही की गई",
        });
        expect(result.ok).toBe(allowed);
        const [after] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
        expect(after.status).toBe(allowed ? to : from);
        expect(after.version).toBe(allowed ? item.version + steps : item.version);
        expect(await historyCount(item.id)).toBe(allowed ? 1 + steps : 1);
        if (!result.ok) expect(result.reason).toBe("not-allowed");
      });
    }
  }
});

describe("changing an action item", () => {
  it("refuses another district's officer as if the item did not exist", async () => {
    const item = await ajmerItemAt("PENDING");
    const result = await changeActionItemStatus(jaipurCollector, {
      actionItemId: item.id,
      expectedVersion: 1,
      toStatus: "IN_PROGRESS",
      remark: "trying",
    });
    expect(result).toEqual({ ok: false, reason: "not-found" });
    expect(await historyCount(item.id)).toBe(1);
  });

  it("requires a remark", async () => {
    const item = await ajmerItemAt("PENDING");
    const result = await changeActionItemStatus(ajmerCollector, {
      actionItemId: item.id,
      expectedVersion: 1,
      toStatus: "IN_PROGRESS",
      remark: "   ",
    });
    expect(result).toEqual({ ok: false, reason: "remark-required" });
  });

  it("refuses a stale version and says what changed meanwhile", async () => {
    const item = await ajmerItemAt("PENDING");
    const first = await changeActionItemStatus(ajmerCollector, {
      actionItemId: item.id,
      expectedVersion: 1,
      toStatus: "IN_PROGRESS",
      remark: "बैंकों के साथ बैठक तय",
    });
    expect(first.ok).toBe(true);
    const stale = await changeActionItemStatus(ajmerCollector, {
      actionItemId: item.id,
      expectedVersion: 1,
      toStatus: "NOT_APPLICABLE",
      remark: "not relevant",
    });
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== "conflict") throw new Error("expected a conflict");
    expect(stale.current.status).toBe("IN_PROGRESS");
    expect(stale.changes.map((c) => c.remark)).toEqual(["बैंकों के साथ बैठक तय"]);
  });

  it("records the first completion once, even after a return", async () => {
    const item = await ajmerItemAt("IN_PROGRESS");
    const firstAt = new Date("2024-02-01T06:00:00Z");
    const done = await changeActionItemStatus(ajmerCollector, {
      actionItemId: item.id,
      expectedVersion: 1,
      toStatus: "COMPLETED",
      remark: "done",
      at: firstAt,
    });
    expect(done.ok).toBe(true);
    await changeActionItemStatus(secretariat, { actionItemId: item.id, expectedVersion: 2, toStatus: "IN_PROGRESS", remark: "photos missing" });
    const again = await changeActionItemStatus(ajmerCollector, {
      actionItemId: item.id,
      expectedVersion: 3,
      toStatus: "COMPLETED",
      remark: "photos attached",
      at: new Date("2024-02-20T06:00:00Z"),
    });
    if (!again.ok) throw new Error(again.reason);
    expect(again.item.firstCompletedAt?.toISOString()).toBe(firstAt.toISOString());
    expect(again.item.completedAt?.toISOString()).toBe("2024-02-20T06:00:00.000Z");
    expect(again.history.kind).toBe("STATUS_CHANGED");
  });

  // drizzle wraps the database's error; the trigger's message is its cause.
  const refusedAsAppendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };

  it("keeps history append-only", async () => {
    const item = await ajmerItemAt("PENDING");
    await expect(
      t.db().update(schema.actionItemHistory).set({ remark: "rewritten" }).where(eq(schema.actionItemHistory.actionItemId, item.id)),
    ).rejects.toMatchObject(refusedAsAppendOnly);
    await expect(t.db().delete(schema.actionItemHistory).where(eq(schema.actionItemHistory.actionItemId, item.id))).rejects.toMatchObject(
      refusedAsAppendOnly,
    );
  });
});
