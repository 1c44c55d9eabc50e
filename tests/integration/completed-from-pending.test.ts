// Decision 012: an officer reports "Completed" straight from "Pending". What an auditor checks:
// the history reads as two steps of the lifecycle (started, then completed) at the same moment by
// the same officer, the evidence hangs on the completion, the first-completed date is that day, the
// weekly trend counts the item done in that week whether read from the summary the triggers keep
// or replayed from history (also when the item is withdrawn at that very instant, and across the
// IST week boundary), and a form opened before the save is refused with both steps listed.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { changesSince, updateActionItem } from "~/models/action-item.server";
import type { ComplianceViewer } from "~/models/compliance-filters.server";
import { getWeeklyTrend } from "~/models/compliance-trend.server";
import { selectRows } from "~/models/sql.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan, itemOfficers } from "../support/factories";
import { ist } from "../support/factories-compliance";

const t = useTestDatabase();
const officerFor = itemOfficers(() => t.db());
const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
let items: (typeof schema.actionItems.$inferSelect)[];

beforeAll(async () => {
  await importRajasthan(t.db());
  ({ items } = await createPublishedMeeting(t.db(), {
    meetingDate: "2024-07-01",
    dueDate: "2024-07-31",
    items: [{ districtCode: "AJMER" }, { districtCode: "JAIPUR" }, { districtCode: "KOTA" }, { departmentCode: "DIPR" }],
  }));
});

const historyOf = (id: number) =>
  t.db().select().from(schema.actionItemHistory).where(eq(schema.actionItemHistory.actionItemId, id)).orderBy(schema.actionItemHistory.version);

/** The state trend's points as [week end, done, applicable], from the summary, after checking the replay says the same. */
async function trend(today: string) {
  for (const opts of [{}, { byDivision: true }]) {
    const summary = await getWeeklyTrend(official, {}, today, opts);
    expect(summary).toEqual(await getWeeklyTrend(official, {}, today, { ...opts, replay: true }));
  }
  const [state] = await getWeeklyTrend(official, {}, today);
  return state.points.map((p) => [p.weekEnd, p.done, p.applicable]);
}

describe("Completed straight from Pending (decision 012)", () => {
  it("writes two steps at one moment by the officer, evidence on the completion, first completed that day", async () => {
    const item = items[0];
    const officer = await officerFor(item);
    const at = ist("2024-07-28 23:59");
    const result = await updateActionItem(
      officer,
      { actionItemId: item.id, expectedVersion: 1, toStatus: "COMPLETED", remark: "सभी थानों में स्वागत कक्ष बन गए।", at },
      { files: [], links: ["https://example.gov.in/photos"] },
    );
    expect(result.ok).toBe(true);

    const rows = await historyOf(item.id);
    expect(rows.map((r) => [r.version, r.kind, r.fromStatus, r.toStatus, r.remark, r.actorId])).toEqual([
      [1, "CREATED", null, "PENDING", null, null],
      [2, "STATUS_CHANGED", "PENDING", "IN_PROGRESS", null, officer.id],
      [3, "STATUS_CHANGED", "IN_PROGRESS", "COMPLETED", "सभी थानों में स्वागत कक्ष बन गए।", officer.id],
    ]);
    expect(rows[1].at.getTime()).toBe(at.getTime());
    expect(rows[2].at.getTime()).toBe(at.getTime());
    const evidence = await t.db().select().from(schema.evidence).where(eq(schema.evidence.actionItemId, item.id));
    expect(evidence.map((e) => [e.historyId, e.url])).toEqual([[rows[2].id, "https://example.gov.in/photos"]]);

    const [after] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(after).toMatchObject({ status: "COMPLETED", version: 3 });
    const [{ day }] = await selectRows<{ day: string }>(
      sql`SELECT to_char(first_completed_on, 'YYYY-MM-DD') AS day FROM action_items WHERE id = ${item.id}`,
    );
    expect(day).toBe("2024-07-28");
  });

  it("counts the item done in that week in the summary and in the replay", async () => {
    // Four items applicable since 1 July; the one completed on Sunday 28 July 23:59 IST is done in the week ending that day.
    const points = await trend("2024-08-04");
    expect(points).toEqual([
      ["2024-07-07", 0, 4],
      ["2024-07-14", 0, 4],
      ["2024-07-21", 0, 4],
      ["2024-07-28", 1, 4],
      ["2024-08-04", 1, 4],
    ]);
  });

  it("agrees both ways when the item is withdrawn at the very instant of the two steps, or just after", async () => {
    const [, second, third] = items;
    const at = ist("2024-07-29 00:00");
    for (const item of [second, third]) {
      const r = await changeActionItemStatus(await officerFor(item), {
        actionItemId: item.id,
        expectedVersion: 1,
        toStatus: "COMPLETED",
        remark: "पूर्ण",
        at,
      });
      expect(r.ok).toBe(true);
    }
    expect(await trend("2024-08-04")).toEqual([
      ["2024-07-07", 0, 4],
      ["2024-07-14", 0, 4],
      ["2024-07-21", 0, 4],
      ["2024-07-28", 1, 4],
      ["2024-08-04", 3, 4],
    ]);
    // Withdrawn at the same instant: neither step counts (rows at or after withdrawal leave). One ms later: both did.
    await t.db().update(schema.actionItems).set({ withdrawnAt: at }).where(eq(schema.actionItems.id, second.id));
    await t
      .db()
      .update(schema.actionItems)
      .set({ withdrawnAt: new Date(at.getTime() + 1) })
      .where(eq(schema.actionItems.id, third.id));
    expect(await trend("2024-08-04")).toEqual([
      ["2024-07-07", 0, 4],
      ["2024-07-14", 0, 4],
      ["2024-07-21", 0, 4],
      ["2024-07-28", 1, 4],
      ["2024-08-04", 1, 2],
    ]);
    // What the triggers kept is what a rebuild from scratch computes.
    const weekly = () => selectRows(sql`SELECT * FROM trend_weekly ORDER BY week_start, division_id NULLS FIRST`);
    const kept = await weekly();
    await t.db().execute(sql`SELECT anupalan_trend_rebuild()`);
    expect(await weekly()).toEqual(kept);
  });

  it("refuses a form opened before the save, listing both steps", async () => {
    const item = items[3];
    const officer = await officerFor(item);
    const first = await changeActionItemStatus(officer, { actionItemId: item.id, expectedVersion: 1, toStatus: "COMPLETED", remark: "प्रचार पूर्ण" });
    expect(first.ok).toBe(true);
    const stale = await changeActionItemStatus(officer, { actionItemId: item.id, expectedVersion: 1, toStatus: "IN_PROGRESS", remark: "कार्य प्रारंभ" });
    expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { status: "COMPLETED", version: 3 } });
    if (stale.ok || stale.reason !== "conflict") throw new Error("expected a conflict");
    expect(stale.changes.map((c) => [c.fromStatus, c.toStatus])).toEqual([
      ["PENDING", "IN_PROGRESS"],
      ["IN_PROGRESS", "COMPLETED"],
    ]);
    // What the conflict notice shows the officer: both steps, in order.
    const since = await changesSince(officer, item.id, 1);
    expect(since?.changes.map((c) => [c.fromStatus, c.toStatus, c.remark])).toEqual([
      ["PENDING", "IN_PROGRESS", null],
      ["IN_PROGRESS", "COMPLETED", "प्रचार पूर्ण"],
    ]);
    // A secretariat user cannot take the shortcut.
    const secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
    const [other] = (await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER" }] })).items;
    const refused = await changeActionItemStatus(secretariat, { actionItemId: other.id, expectedVersion: 1, toStatus: "COMPLETED", remark: "x" });
    expect(refused).toMatchObject({ ok: false, reason: "not-allowed" });
  });
});
