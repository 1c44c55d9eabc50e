// action_items.last_reported_at (kept by the trigger of db/migrations/0005_last_reported_trigger.sql)
// must always equal the latest history row of the reporting kinds (STATUS_CHANGED, REMARK,
// EXTENSION_REQUESTED, whoever wrote it), and the district ranking's "days since update" read from it
// must equal the figure counted from history as the ranking did before the column. Property: after
// any sequence of changes through the real model functions (status moves by officers and the
// secretariat, remarks, N/A and its rejection, verification and return, extensions asked and decided,
// due dates moved, directives withdrawn, new lines) and of history rows appended out of time order,
// both hold, and the migration's backfill (anupalan_last_reported_rebuild) changes nothing.
import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { ComplianceViewer } from "~/models/compliance-filters.server";
import { getDistrictRanking } from "~/models/compliance.server";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { addAssignee, changeDirectiveDueDate, withdrawDirective } from "~/models/publish.server";
import { selectRows } from "~/models/sql.server";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createUser, itemOfficers } from "../support/factories";
import { askAndDecideExtension, makeLifecycleMove, buildComplianceFixture, FIXTURE_TODAY, ist } from "../support/factories-compliance";

const t = useTestDatabase();
const officerFor = itemOfficers(() => t.db());
const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
let secretariat: Viewer;

beforeAll(async () => {
  await buildComplianceFixture(t.db());
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
});

/** Items whose column differs from the latest reporting row in history (none, when the trigger is right). */
async function mismatches() {
  return selectRows<{ id: number; kept: string | null; history: string | null }>(sql`
    SELECT a.id, a.last_reported_at::text AS kept, m.at::text AS history
    FROM action_items a
    LEFT JOIN (
      SELECT action_item_id, max(at) AS at FROM action_item_history
      WHERE kind IN ('STATUS_CHANGED', 'REMARK', 'EXTENSION_REQUESTED') GROUP BY action_item_id
    ) m ON m.action_item_id = a.id
    WHERE a.last_reported_at IS DISTINCT FROM m.at ORDER BY a.id`);
}

/** Days since each district's last report, counted from history as the ranking counted it before the column. */
async function daysFromHistory(today: string) {
  const rows = await selectRows<{ code: string; days: number | null }>(sql`
    SELECT d.code, (${today}::date - (max(h.at) AT TIME ZONE 'Asia/Kolkata')::date) AS days
    FROM action_items a
    JOIN districts d ON d.id = a.district_id
    LEFT JOIN action_item_history h
      ON h.action_item_id = a.id AND h.kind IN ('STATUS_CHANGED', 'REMARK', 'EXTENSION_REQUESTED')
    WHERE a.withdrawn_at IS NULL
    GROUP BY d.code ORDER BY d.code`);
  return rows.map((r) => [r.code, r.days === null ? null : Number(r.days)]);
}

async function expectExact(today: string) {
  expect(await mismatches()).toEqual([]);
  const ranking = await getDistrictRanking(official, {}, today);
  expect(ranking.map((r) => [r.code, r.daysSinceUpdate]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(
    await daysFromHistory(today),
  );
}

describe("action_items.last_reported_at", () => {
  it("is the latest status change, remark or extension request on the fixture, and the ranking reads it", async () => {
    await expectExact(FIXTURE_TODAY);
    const [withReport] = await selectRows<{ id: number }>(sql`SELECT id FROM action_items WHERE last_reported_at IS NOT NULL LIMIT 1`);
    expect(withReport).toBeDefined();
    // The ranking really reads the column: moving it moves the figure.
    const before = await getDistrictRanking(official, {}, FIXTURE_TODAY);
    await t
      .db()
      .execute(
        sql`UPDATE action_items SET last_reported_at = ${ist("2024-08-01 09:00").toISOString()}::timestamptz WHERE withdrawn_at IS NULL AND district_id IS NOT NULL`,
      );
    const moved = await getDistrictRanking(official, {}, FIXTURE_TODAY);
    expect(moved.every((r) => r.daysSinceUpdate === 0)).toBe(true);
    expect(before.some((r) => r.daysSinceUpdate !== 0)).toBe(true);
    await t.db().execute(sql`SELECT anupalan_last_reported_rebuild()`);
    expect(await getDistrictRanking(official, {}, FIXTURE_TODAY)).toEqual(before);
  });

  it("leaves the item's version and updated_at as the change wrote them", async () => {
    const [item] = await t
      .db()
      .select()
      .from(schema.actionItems)
      .where(and(eq(schema.actionItems.status, "IN_PROGRESS"), isNull(schema.actionItems.withdrawnAt)))
      .limit(1);
    const officer = await officerFor(item);
    const at = ist("2024-12-31 10:00"); // later than anything in the fixture
    const result = await changeActionItemStatus(officer, {
      actionItemId: item.id,
      expectedVersion: item.version,
      toStatus: "IN_PROGRESS",
      remark: "टिप्पणी / a remark",
      at,
    });
    expect(result).toMatchObject({ ok: true });
    const [after] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(after.version).toBe(item.version + 1);
    expect(after.updatedAt).toEqual(at);
    expect(after.lastReportedAt).toEqual(at);
    // A stale version is still refused.
    const stale = await changeActionItemStatus(officer, {
      actionItemId: item.id,
      expectedVersion: item.version,
      toStatus: "IN_PROGRESS",
      remark: "फिर / again",
      at,
    });
    expect(stale.ok).toBe(false);
  });

  it("stays exact after random changes through the model functions", async () => {
    const instant = fc.integer({ min: 0, max: 240 * 24 * 60 }).map((m) => new Date(ist("2024-01-01 00:00").getTime() + m * 60_000));
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant("status" as const), pick: fc.nat(), to: fc.nat(), at: instant }), weight: 6 },
      { arbitrary: fc.record({ kind: fc.constant("extension" as const), pick: fc.nat(), grant: fc.boolean(), at: instant }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant("due" as const), pick: fc.nat(), days: fc.integer({ min: 1, max: 200 }), at: instant }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant("withdrawDirective" as const), pick: fc.nat(), at: instant }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant("addLine" as const), pick: fc.nat(), dept: fc.boolean(), at: instant }), weight: 1 },
      {
        // Rows appended in one statement, some older than the item's last report, of every kind.
        arbitrary: fc.record({
          kind: fc.constant("rows" as const),
          rows: fc.array(
            fc.record({
              pick: fc.nat(),
              at: instant,
              kind: fc.constantFrom("REMARK", "STATUS_CHANGED", "EXTENSION_REQUESTED", "DUE_DATE_CHANGED", "VERIFIED", "WITHDRAWN"),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        weight: 1,
      },
    );
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.constantFrom(FIXTURE_TODAY, "2024-03-01"), async (ops, today) => {
        for (const o of ops) {
          const directives = await t.db().select().from(schema.directives).where(isNull(schema.directives.withdrawnAt)).orderBy(schema.directives.id);
          const items = await t.db().select().from(schema.actionItems).where(isNull(schema.actionItems.withdrawnAt)).orderBy(schema.actionItems.id);
          if (directives.length === 0 || items.length === 0) continue;
          let ok = false;
          if (o.kind === "status") {
            const moved = await makeLifecycleMove(items[o.pick % items.length], o.to, o.at, { secretariat, officerFor });
            if (moved === null) continue;
            ok = moved;
          } else if (o.kind === "extension") {
            const item = items[o.pick % items.length];
            ok = await askAndDecideExtension(await officerFor(item), secretariat, item, o.at, o.grant);
          } else if (o.kind === "rows") {
            const values = o.rows.map((r) => {
              const item = items[r.pick % items.length];
              return { actionItemId: item.id, at: r.at, kind: r.kind, toStatus: item.status, version: item.version };
            });
            await t.db().insert(schema.actionItemHistory).values(values);
            ok = true;
          } else {
            const directive = directives[o.pick % directives.length];
            const base = { meetingId: directive.meetingId, directiveId: directive.id, reason: "पुनरीक्षण / revision", at: o.at };
            if (o.kind === "due") {
              ok = (await changeDirectiveDueDate(secretariat, { ...base, dueMode: "DAYS", dueInDays: o.days })).ok;
            } else if (o.kind === "withdrawDirective") {
              // Keep enough live directives for the other changes.
              if (directives.length > 3) ok = (await withdrawDirective(secretariat, base)).ok;
            } else {
              const assignee = o.dept
                ? { kind: "department" as const, departmentCode: "DIPR" }
                : {
                    kind: "district-role" as const,
                    districtRole: "SP" as const,
                    scope: "DISTRICTS" as const,
                    divisionCodes: [],
                    districtCodes: ["AJMER", "BIKANER"],
                  };
              ok = (await addAssignee(secretariat, { ...base, assignee })).ok;
            }
          }
          if (ok) applied += 1;
        }
        await expectExact(today);
      }),
      { numRuns: 30 },
    );
    expect(applied).toBeGreaterThan(60);
    // The backfill computes what the trigger kept.
    const kept = await selectRows(sql`SELECT id, last_reported_at::text FROM action_items ORDER BY id`);
    await t.db().execute(sql`SELECT anupalan_last_reported_rebuild()`);
    expect(await selectRows(sql`SELECT id, last_reported_at::text FROM action_items ORDER BY id`)).toEqual(kept);
  });
});
