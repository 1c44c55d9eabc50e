// The unfiltered dashboard reads its per-district counts from district_figures (decision 028), kept by
// triggers on action_items. Whatever writes the items — one row or many in a statement, inserts, moves,
// withdrawals, deletions, a lowered report time, concurrent transactions — the headline, the ranking and
// the status mix read from the kept counts must equal the scan of the items they replace, and a new IST
// day must not leave yesterday's "overdue" behind.
import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { ActionStatus } from "../../db/schema";
import type { ComplianceViewer } from "~/models/compliance-filters.server";
import { getComplianceSets } from "~/models/compliance.server";
import { selectRows } from "~/models/sql.server";
import { addDays, todayInIndia } from "~/utils/format";
import { useTestDatabase } from "../support/database";
import { testServerUrl } from "../support/engine";
import { createPublishedMeeting, districtByCode, importRajasthan } from "../support/factories";

const t = useTestDatabase();
const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
const STATUSES: ActionStatus[] = ["PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"];
const DISTRICTS = ["AJMER", "JAIPUR", "UDAIPUR", "BIKANER", "KOTA"];
let today: string;
let allDistricts: { id: number; divisionId: number }[];

beforeAll(async () => {
  today = todayInIndia();
  await importRajasthan(t.db());
  allDistricts = await t.db().select({ id: schema.districts.id, divisionId: schema.districts.divisionId }).from(schema.districts);
  // Items due on either side of today, in five districts of different divisions and one department.
  for (const [n, offset] of [-20, -1, 0, 1, 30].entries()) {
    await createPublishedMeeting(t.db(), {
      meetingDate: addDays(today, -40 + n),
      dueDate: addDays(today, offset),
      items: [...DISTRICTS.map((districtCode) => ({ districtCode })), { districtCode: "AJMER", districtRole: "SP" }, { departmentCode: "DIPR" }],
    });
  }
  // Every status with no due date, due today and due yesterday: the edges of "overdue" and the status mix.
  for (const [n, dueDate] of [null, today, addDays(today, -1)].entries()) {
    await createPublishedMeeting(t.db(), {
      meetingDate: addDays(today, -10 - n),
      dueDate,
      items: STATUSES.map((status, i) => ({ districtCode: DISTRICTS[i], status })),
    });
  }
});

const kept = () => getComplianceSets(official, {}, today);
const scanned = () => getComplianceSets(official, {}, today, { keptFigures: false });

async function expectKeptEqualsScan(label = "") {
  expect(await kept(), label).toEqual(await scanned());
}

async function keptDay() {
  const rows = await selectRows<{ as_of: string }>(sql`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM district_figures_day`);
  return rows[0]?.as_of ?? null;
}

function ignoreDuplicate(error: unknown) {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (code !== "23505") throw error;
}

async function itemIds() {
  const rows = await t.db().select({ id: schema.actionItems.id }).from(schema.actionItems).orderBy(schema.actionItems.id);
  return rows.map((r) => r.id);
}

describe("district figures kept for the unfiltered dashboard", () => {
  it("are what the unfiltered dashboard reads, for today only, and built by the first reader of the day", async () => {
    expect(await keptDay()).toBeNull();
    const first = await kept();
    expect(await keptDay()).toBe(today);
    expect(first).toEqual(await scanned());
    expect(first.headline.overdue).toBeGreaterThan(0);
    expect(first.ranking.map((r) => r.code).sort()).toEqual([...DISTRICTS].sort());

    // The unfiltered read takes the kept counts: a change to them shows there and nowhere else.
    await t.db().execute(sql`UPDATE district_figures SET done = done + 1 WHERE district_id IS NOT NULL`);
    const tampered = await kept();
    expect(tampered.headline.done).toBe(first.headline.done + DISTRICTS.length);
    expect(await scanned()).toEqual(first);
    const ajmer = await districtByCode(t.db(), "AJMER");
    expect(await getComplianceSets(official, { districtId: ajmer.id }, today)).toEqual(
      await getComplianceSets(official, { districtId: ajmer.id }, today, { keptFigures: false }),
    );
    // Another day's question scans the items (it never flips the kept day).
    await getComplianceSets(official, {}, addDays(today, -3));
    expect(await keptDay()).toBe(today);

    // A new IST day: the first reader rebuilds from the items (the tampering goes with yesterday).
    await t.db().execute(sql`UPDATE district_figures_day SET as_of = as_of - 1`);
    expect(await kept()).toEqual(first);
    expect(await keptDay()).toBe(today);
  });

  it("move with every kind of write to the items, in single and multi-row statements", async () => {
    await kept();
    const [dipr] = await t.db().select().from(schema.departments).where(eq(schema.departments.code, "DIPR"));
    const instant = fc.integer({ min: -30 * 24 * 60, max: 0 }).map((m) => new Date(Date.now() + m * 60_000));
    const op = fc.oneof(
      fc.record({ kind: fc.constant("status" as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES), completedAt: fc.option(instant) }),
      fc.record({ kind: fc.constant("due" as const), pick: fc.nat(), days: fc.option(fc.integer({ min: -3, max: 3 })) }),
      fc.record({ kind: fc.constant("evidence" as const), pick: fc.nat(), has: fc.boolean() }),
      fc.record({ kind: fc.constant("withdraw" as const), pick: fc.nat(), withdrawn: fc.boolean() }),
      fc.record({ kind: fc.constant("report" as const), pick: fc.nat(), at: fc.option(instant) }),
      fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), to: fc.constantFrom("DISTRICT", "DEPARTMENT") }),
      fc.record({ kind: fc.constant("bulk" as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES), days: fc.integer({ min: -2, max: 2 }) }),
      fc.record({ kind: fc.constant("insertDelete" as const), pick: fc.nat(), keep: fc.boolean() }),
    );
    const items = schema.actionItems;
    let writes = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const ids = await itemIds();
          const id = ids[o.pick % ids.length];
          const where = eq(items.id, id);
          if (o.kind === "status") {
            await t.db().update(items).set({ status: o.status, firstCompletedAt: o.completedAt }).where(where);
          } else if (o.kind === "due") {
            await t
              .db()
              .update(items)
              .set({ dueDate: o.days === null ? null : addDays(today, o.days) })
              .where(where);
          } else if (o.kind === "evidence") {
            await t.db().update(items).set({ hasEvidence: o.has }).where(where);
          } else if (o.kind === "withdraw") {
            await t
              .db()
              .update(items)
              .set({ withdrawnAt: o.withdrawn ? new Date() : null })
              .where(where);
          } else if (o.kind === "report") {
            await t.db().update(items).set({ lastReportedAt: o.at }).where(where);
          } else if (o.kind === "move") {
            const [row] = await t.db().select().from(items).where(where);
            const to = allDistricts[o.pick % allDistricts.length];
            const move =
              o.to === "DEPARTMENT"
                ? { districtId: null, divisionId: null, districtRole: null, departmentId: dipr.id }
                : { districtId: to.id, divisionId: to.divisionId, districtRole: row.districtRole ?? ("SP" as const), departmentId: null };
            // A move onto a place the directive already has is refused by the unique indexes; nothing changes.
            await t.db().update(items).set(move).where(where).catch(ignoreDuplicate);
          } else if (o.kind === "bulk") {
            const some = ids.filter((_, i) => (i + o.pick) % 3 === 0);
            await t
              .db()
              .update(items)
              .set({ status: o.status, dueDate: addDays(today, o.days) })
              .where(inArray(items.id, some));
          } else {
            // A row inserted without history can be deleted again (the history table refuses deletions).
            const [row] = await t.db().select().from(items).where(where);
            const district = allDistricts[o.pick % allDistricts.length];
            const [copy] = await t
              .db()
              .insert(items)
              .values({
                directiveId: row.directiveId,
                meetingId: row.meetingId,
                districtId: district.id,
                divisionId: district.divisionId,
                districtRole: "COLLECTOR",
                status: row.status,
                dueDate: row.dueDate,
                originalDueDate: row.originalDueDate,
                hasEvidence: row.hasEvidence,
                firstCompletedAt: row.firstCompletedAt,
                lastReportedAt: new Date(),
              })
              .onConflictDoNothing()
              .returning();
            if (copy && !o.keep) await t.db().delete(items).where(eq(items.id, copy.id));
          }
          writes += 1;
        }
        await expectKeptEqualsScan(JSON.stringify(ops));
      }),
      { numRuns: 40 },
    );
    expect(writes).toBeGreaterThan(60);
    // What the triggers kept equals a rebuild from scratch.
    const before = await selectRows(sql`SELECT * FROM district_figures WHERE items > 0 ORDER BY district_id NULLS FIRST, division_id NULLS FIRST`);
    await t.db().execute(sql`DELETE FROM district_figures_day`);
    await kept();
    expect(await selectRows(sql`SELECT * FROM district_figures WHERE items > 0 ORDER BY district_id NULLS FIRST, division_id NULLS FIRST`)).toEqual(
      before,
    );
  });

  it("while nothing is kept, writes keep nothing, and the next reader counts them all", async () => {
    await t.db().execute(sql`DELETE FROM district_figures_day`);
    await t.db().execute(sql`DELETE FROM district_figures`);
    await t
      .db()
      .update(schema.actionItems)
      .set({ status: "COMPLETED" })
      .where(inArray(schema.actionItems.id, (await itemIds()).slice(0, 4)));
    expect(await selectRows(sql`SELECT * FROM district_figures`)).toEqual([]);
    await expectKeptEqualsScan();
  });

  it.skipIf(!testServerUrl())("stay exact when many transactions write one district at once (PostgreSQL)", async () => {
    await kept();
    const ajmer = await districtByCode(t.db(), "AJMER");
    const ids = (await t.db().select({ id: schema.actionItems.id }).from(schema.actionItems).where(eq(schema.actionItems.districtId, ajmer.id))).map(
      (r) => r.id,
    );
    expect(ids.length).toBeGreaterThan(4);
    // Each transaction changes one item and then waits, so that all of them are in flight together.
    await Promise.all(
      ids.flatMap((id, n) =>
        [0, 1].map((round) =>
          t.db().transaction(async (tx) => {
            await tx
              .update(schema.actionItems)
              .set({ status: STATUSES[(n + round) % STATUSES.length], dueDate: addDays(today, round - n), lastReportedAt: new Date() })
              .where(eq(schema.actionItems.id, id));
            await tx.execute(sql`SELECT pg_sleep(0.05)`);
          }),
        ),
      ),
    );
    await expectKeptEqualsScan();
  });
});
