// No lost updates. Two officers of the same district and role (say the Collector and the ADM
// signed in as another Collector account) send many updates at the same moment, each based on
// the version they saw: exactly one per version wins, every other is told what changed, and the
// history holds exactly the winners. Then a crowd of clients on real PostgreSQL.
import { asc, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { ActionStatus } from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { getActionItemState } from "~/models/action-item.server";
import { selectRows } from "~/models/sql.server";
import { action as updateAction } from "~/routes/actions.$actionId.update";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let collectorA: Viewer;
let collectorB: Viewer;
let secretariat: Viewer;
let cookies: [string, string];

// A real 1×1 PNG, so every update carries a file the server accepts.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  await importRajasthan(t.db());
  collectorA = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR", displayName: "Collector A" });
  collectorB = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR", displayName: "Collector B" });
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
  cookies = [await sessionCookieFor(collectorA.id), await sessionCookieFor(collectorB.id)];
});

async function snapshot(itemIds: number[]) {
  const items = await t.db().select().from(schema.actionItems).where(inArray(schema.actionItems.id, itemIds)).orderBy(asc(schema.actionItems.id));
  const history = await t
    .db()
    .select()
    .from(schema.actionItemHistory)
    .where(inArray(schema.actionItemHistory.actionItemId, itemIds))
    .orderBy(asc(schema.actionItemHistory.actionItemId), asc(schema.actionItemHistory.version));
  const evidence = await t
    .db()
    .select({ id: schema.evidence.id, historyId: schema.evidence.historyId, actionItemId: schema.evidence.actionItemId })
    .from(schema.evidence)
    .where(inArray(schema.evidence.actionItemId, itemIds));
  return { items, history, evidence };
}

function update(itemId: number, client: number, version: number, toStatus: ActionStatus, remark: string) {
  const form = new FormData();
  form.set("intent", "update");
  form.set("version", String(version));
  form.set("toStatus", toStatus);
  form.set("remark", remark);
  form.append("files", new File([PNG], `photo-${client}.png`, { type: "image/png" }));
  return callRoute(updateAction, postRequest(`/actions/${itemId}/update`, form, { cookie: cookies[client % 2] }), {
    actionId: String(itemId),
  });
}

describe("20 parallel updates to one item from two officers", () => {
  it("exactly one wins per version; the others get the conflict answer; nothing else changes", async () => {
    const { items } = await createPublishedMeeting(t.db(), {
      items: [{ districtCode: "AJMER" }, { districtCode: "AJMER", districtRole: "SP" }, { districtCode: "JAIPUR" }],
    });
    const [target, ...others] = items;
    const othersBefore = await snapshot(others.map((i) => i.id));

    // Three rounds, each of 20 updates all based on the version everyone saw.
    const rounds: { toStatus: ActionStatus; from: ActionStatus }[] = [
      { from: "PENDING", toStatus: "IN_PROGRESS" },
      { from: "IN_PROGRESS", toStatus: "IN_PROGRESS" },
      { from: "IN_PROGRESS", toStatus: "COMPLETED" },
    ];
    const winners: string[] = [];
    for (const [round, { from, toStatus }] of rounds.entries()) {
      const seen = await getActionItemState(collectorA, target.id);
      expect(seen).toMatchObject({ status: from, version: round + 1 });
      const remarks = Array.from({ length: 20 }, (_, client) => `round ${round + 1}, client ${client}: काम प्रगति पर`);
      const responses = await Promise.all(remarks.map((remark, client) => update(target.id, client, seen!.version, toStatus, remark)));
      const bodies = await Promise.all(responses.map((r) => r.json()));

      const won = bodies.flatMap((b, i) => (b.outcome === "saved" ? [i] : []));
      expect(won).toHaveLength(1);
      expect(responses[won[0]].status).toBe(200);
      const winner = remarks[won[0]];
      winners.push(winner);
      for (const [i, body] of bodies.entries()) {
        if (i === won[0]) continue;
        expect(responses[i].status).toBe(409);
        expect(body.outcome).toBe("conflict");
        // What changed: the winner's update, and the item as it is now.
        expect(body.current).toEqual({ status: toStatus, version: seen!.version + 1 });
        expect(body.changes.map((c: { remark: string }) => c.remark)).toEqual([winner]);
        expect(body.changes[0].actorName).toBe(won[0] % 2 === 0 ? "Collector A" : "Collector B");
        // The loser's words come back so they can resubmit.
        expect(body.values.remark).toBe(remarks[i]);
        expect(body.filesDropped).toBe(1);
      }
    }

    const after = await snapshot([target.id]);
    expect(after.items[0]).toMatchObject({ status: "COMPLETED", version: 4, latestRemark: winners[2] });
    // One CREATED row plus one per winner, versions 1..4 without gaps or repeats.
    expect(after.history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
    expect(after.history.slice(1).map((h) => h.remark)).toEqual(winners);
    expect(after.history.slice(1).map((h) => h.toStatus)).toEqual(["IN_PROGRESS", "IN_PROGRESS", "COMPLETED"]);
    // Only the winners' files were kept, each on its winner's history row.
    expect(after.evidence).toHaveLength(3);
    expect(new Set(after.evidence.map((e) => e.historyId))).toEqual(new Set(after.history.slice(1).map((h) => h.id)));
    // The other items of the same meeting did not move.
    expect(await snapshot(others.map((i) => i.id))).toEqual(othersBefore);
  });

  it("the secretariat's return in the middle of an officer's edit is not overwritten", async () => {
    const { items } = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER", status: "COMPLETED" }] });
    const item = items[0];
    const officerSaw = await getActionItemState(collectorA, item.id);
    const returned = await changeActionItemStatus(secretariat, {
      actionItemId: item.id,
      expectedVersion: 1,
      toStatus: "IN_PROGRESS",
      remark: "फोटो संलग्न करें",
    });
    expect(returned.ok).toBe(true);
    // The officer's page still shows COMPLETED at version 1; a remark on it is refused with what happened.
    const response = await update(item.id, 0, officerSaw!.version, "IN_PROGRESS", "photos attached");
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.current).toEqual({ status: "IN_PROGRESS", version: 2 });
    expect(body.changes).toMatchObject([{ kind: "RETURNED", fromStatus: "COMPLETED", toStatus: "IN_PROGRESS", remark: "फोटो संलग्न करें" }]);
    const after = await snapshot([item.id]);
    expect(after.history.map((h) => h.kind)).toEqual(["CREATED", "RETURNED"]);
    expect(after.evidence).toHaveLength(0);
  });
});

// PGlite serialises everything in one process; only a real server shows what racing
// connections do.
describe.skipIf(!process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL)("50 clients × 100 updates over 20 items (PostgreSQL)", () => {
  it("every item's version, status and remark agree with its history", { timeout: 120_000 }, async () => {
    // One Ajmer Collector item per directive, so 20 meetings of one directive each.
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { items } = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER" }] });
      ids.push(items[0].id);
    }
    const officers = [collectorA, collectorB];
    const tally = { attempts: 0, saved: 0, conflict: 0, other: 0 };
    const savedPerItem = new Map<number, number>(ids.map((id) => [id, 0]));

    // Deterministic pseudo-random choices so a failure can be replayed.
    let seed = 20260831;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

    const started = Date.now();
    await Promise.all(
      Array.from({ length: 50 }, async (_, client) => {
        // Clients 0–44 are officers; 45–49 the secretariat returning completed items.
        const viewer = client >= 45 ? secretariat : officers[client % 2];
        // 100 attempted updates each; a pick with nothing to do for this client is not one.
        for (let n = 0, picks = 0; n < 100 && picks < 2000; picks++) {
          const id = ids[Math.floor(random() * ids.length)];
          const seen = (await getActionItemState(viewer, id))!;
          let toStatus: ActionStatus;
          if (viewer === secretariat) {
            if (seen.status !== "COMPLETED") continue; // nothing for the secretariat to return yet
            toStatus = "IN_PROGRESS";
          } else if (seen.status === "PENDING") toStatus = "IN_PROGRESS";
          else if (seen.status === "IN_PROGRESS") toStatus = random() < 0.3 ? "COMPLETED" : "IN_PROGRESS";
          else continue; // COMPLETED: waits for the secretariat
          n += 1;
          tally.attempts += 1;
          const result = await changeActionItemStatus(viewer, {
            actionItemId: id,
            expectedVersion: seen.version,
            toStatus,
            remark: `client ${client} update ${n}`,
          });
          if (result.ok) {
            tally.saved += 1;
            savedPerItem.set(id, savedPerItem.get(id)! + 1);
          } else if (result.reason === "conflict") tally.conflict += 1;
          else tally.other += 1;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.info(`50×100 over 20 items: ${JSON.stringify(tally)} in ${seconds.toFixed(1)} s`);

    expect(tally.other).toBe(0);
    // The officers always find something to do; the secretariat only when an item is completed.
    expect(tally.attempts).toBeGreaterThanOrEqual(45 * 100);
    expect(tally.saved + tally.conflict).toBe(tally.attempts);
    expect(tally.saved).toBeGreaterThan(100);
    expect(tally.conflict).toBeGreaterThan(0);
    const after = await snapshot(ids);
    expect(after.history).toHaveLength(ids.length + tally.saved);
    const statusCounts: Record<string, number> = {};
    for (const item of after.items) {
      const rows = after.history.filter((h) => h.actionItemId === item.id);
      // Versions 1..N, each exactly once: no two writers ever both won the same version.
      expect(rows.map((h) => h.version)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      expect(rows.length - 1).toBe(savedPerItem.get(item.id));
      const last = rows[rows.length - 1];
      expect(item.version).toBe(last.version);
      expect(item.status).toBe(last.toStatus);
      expect(item.latestRemark).toBe(last.remark);
      // Each row starts where the one before it ended.
      for (let i = 1; i < rows.length; i++) expect(rows[i].fromStatus).toBe(rows[i - 1].toStatus);
      statusCounts[item.status] = (statusCounts[item.status] ?? 0) + 1;
    }
    // The counts a dashboard would show, from the items, equal those rebuilt from the history.
    const [fromHistory] = await selectRows<{ in_progress: number; completed: number; pending: number }>(sql`
      SELECT count(*) FILTER (WHERE to_status = 'IN_PROGRESS')::int AS in_progress,
             count(*) FILTER (WHERE to_status = 'COMPLETED')::int AS completed,
             count(*) FILTER (WHERE to_status = 'PENDING')::int AS pending
      FROM (SELECT DISTINCT ON (action_item_id) action_item_id, to_status FROM action_item_history
            WHERE action_item_id IN (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})
            ORDER BY action_item_id, version DESC) last
    `);
    expect({
      IN_PROGRESS: Number(fromHistory.in_progress),
      COMPLETED: Number(fromHistory.completed),
      PENDING: Number(fromHistory.pending),
    }).toEqual({ IN_PROGRESS: statusCounts.IN_PROGRESS ?? 0, COMPLETED: statusCounts.COMPLETED ?? 0, PENDING: statusCounts.PENDING ?? 0 });
    expect(seconds).toBeLessThan(60);
  });
});
