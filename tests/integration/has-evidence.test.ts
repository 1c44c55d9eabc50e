// action_items.has_evidence (kept by the triggers of db/migrations/0007_has_evidence_trigger.sql) must
// always say whether any evidence row points at the item, and the district ranking's "completions with
// evidence" read from it must equal the figure counted from evidence as the ranking did before the
// column. Property: after any sequence of updates with files and links through the real model function
// (updateActionItem), verification and return, directives withdrawn, and evidence rows inserted, deleted
// or moved to another item in one statement, both hold, and the migration's backfill
// (anupalan_has_evidence_rebuild) changes nothing. Each check reads the state as it is, so it holds
// whatever the other tests or earlier runs left behind.
import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { ComplianceViewer } from "~/models/compliance-filters.server";
import { getDistrictRanking } from "~/models/compliance.server";
import { updateActionItem } from "~/models/action-item.server";
import { withdrawDirective } from "~/models/publish.server";
import { selectRows } from "~/models/sql.server";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createUser, itemOfficers } from "../support/factories";
import { buildComplianceFixture, FIXTURE_TODAY, ist, makeLifecycleMove } from "../support/factories-compliance";

const t = useTestDatabase();
const officerFor = itemOfficers(() => t.db());
const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
let secretariat: Viewer;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

beforeAll(async () => {
  await buildComplianceFixture(t.db());
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
});

/** Items whose flag differs from EXISTS(evidence) (none, when the triggers are right). */
async function mismatches() {
  return selectRows<{ id: number; kept: boolean; actual: boolean }>(sql`
    SELECT a.id, a.has_evidence AS kept, EXISTS (SELECT 1 FROM evidence e WHERE e.action_item_id = a.id) AS actual
    FROM action_items a
    WHERE a.has_evidence IS DISTINCT FROM EXISTS (SELECT 1 FROM evidence e WHERE e.action_item_id = a.id)
    ORDER BY a.id`);
}

/** Each district's completions with evidence, counted from evidence as the ranking counted them before the column. */
async function withEvidenceFromEvidence() {
  const rows = await selectRows<{ code: string; done: number; with_evidence: number }>(sql`
    SELECT d.code,
      count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
      count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED') AND ev.action_item_id IS NOT NULL)::int AS with_evidence
    FROM action_items a
    JOIN districts d ON d.id = a.district_id
    LEFT JOIN (SELECT DISTINCT action_item_id FROM evidence) ev ON ev.action_item_id = a.id
    WHERE a.withdrawn_at IS NULL
    GROUP BY d.code ORDER BY d.code`);
  return rows.map((r) => [r.code, Number(r.done) > 0 ? Number(r.with_evidence) / Number(r.done) : null]);
}

async function expectExact(today: string) {
  expect(await mismatches()).toEqual([]);
  const ranking = await getDistrictRanking(official, {}, today);
  expect(ranking.map((r) => [r.code, r.evidenceShare]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(
    await withEvidenceFromEvidence(),
  );
}

describe("action_items.has_evidence", () => {
  it("says which fixture items have evidence, and the ranking reads it", async () => {
    await expectExact(FIXTURE_TODAY);
    const [flagged] = await selectRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM action_items WHERE has_evidence`);
    expect(Number(flagged.n)).toBeGreaterThan(0);
    // The ranking really reads the column: clearing it moves the figure.
    const before = await getDistrictRanking(official, {}, FIXTURE_TODAY);
    expect(before.some((r) => (r.evidenceShare ?? 0) > 0)).toBe(true);
    await t.db().execute(sql`UPDATE action_items SET has_evidence = false`);
    const cleared = await getDistrictRanking(official, {}, FIXTURE_TODAY);
    expect(cleared.every((r) => r.evidenceShare === null || r.evidenceShare === 0)).toBe(true);
    await t.db().execute(sql`SELECT anupalan_has_evidence_rebuild()`);
    expect(await getDistrictRanking(official, {}, FIXTURE_TODAY)).toEqual(before);
  });

  it("is set by an update with evidence and leaves the item's version and updated_at as the change wrote them", async () => {
    const [item] = await t
      .db()
      .select()
      .from(schema.actionItems)
      .where(and(eq(schema.actionItems.status, "IN_PROGRESS"), isNull(schema.actionItems.withdrawnAt), eq(schema.actionItems.hasEvidence, false)))
      .limit(1);
    expect(item).toBeDefined();
    const at = ist("2024-12-31 10:00");
    const result = await updateActionItem(
      await officerFor(item),
      { actionItemId: item.id, expectedVersion: item.version, toStatus: "COMPLETED", remark: "पूर्ण / done", at },
      { files: [{ name: "photo.png", bytes: PNG }], links: ["https://example.gov.in/atr.pdf"] },
    );
    expect(result).toMatchObject({ ok: true });
    const [after] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(after).toMatchObject({ hasEvidence: true, version: item.version + 1, status: "COMPLETED", lastReportedAt: at });
    expect(after.updatedAt).toEqual(at);
    // Removing the item's evidence clears it; a row moved onto an item sets it.
    await t.db().execute(sql`DELETE FROM evidence WHERE action_item_id = ${item.id}`);
    const [cleared] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(cleared).toMatchObject({ hasEvidence: false, version: after.version });
    expect(cleared.updatedAt).toEqual(at);
    await t.db().execute(sql`UPDATE evidence SET action_item_id = ${item.id} WHERE id = (SELECT min(id) FROM evidence)`);
    expect(await mismatches()).toEqual([]);
    const [moved] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, item.id));
    expect(moved.hasEvidence).toBe(true);
    await expectExact(FIXTURE_TODAY);
  });

  it("stays exact after random changes through the model functions and raw evidence rows", async () => {
    const instant = fc.integer({ min: 0, max: 240 * 24 * 60 }).map((m) => new Date(ist("2024-01-01 00:00").getTime() + m * 60_000));
    const op = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant("update" as const),
          pick: fc.nat(),
          to: fc.nat(),
          files: fc.integer({ min: 0, max: 2 }),
          links: fc.integer({ min: 0, max: 2 }),
          at: instant,
        }),
        weight: 6,
      },
      { arbitrary: fc.record({ kind: fc.constant("withdrawDirective" as const), pick: fc.nat(), at: instant }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant("insert" as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }), weight: 2 },
      {
        arbitrary: fc.record({ kind: fc.constant("delete" as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), all: fc.boolean() }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), to: fc.nat() }), weight: 2 },
    );
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.constantFrom(FIXTURE_TODAY, "2024-03-01"), async (ops, today) => {
        for (const o of ops) {
          const items = await t.db().select().from(schema.actionItems).where(isNull(schema.actionItems.withdrawnAt)).orderBy(schema.actionItems.id);
          const evidence = await selectRows<{ id: number; action_item_id: number }>(sql`SELECT id, action_item_id FROM evidence ORDER BY id`);
          if (items.length === 0) continue;
          let ok = false;
          if (o.kind === "update") {
            const evidenceOf = {
              files: Array.from({ length: o.files }, (_, i) => ({ name: `photo-${i}.png`, bytes: PNG })),
              links: Array.from({ length: o.links }, (_, i) => `https://example.gov.in/report-${i}.pdf`),
            };
            const moved = await makeLifecycleMove(items[o.pick % items.length], o.to, o.at, { secretariat, officerFor }, (viewer, input) =>
              updateActionItem(viewer, input, evidenceOf),
            );
            if (moved === null) continue;
            ok = moved;
          } else if (o.kind === "withdrawDirective") {
            const directives = await t
              .db()
              .select()
              .from(schema.directives)
              .where(isNull(schema.directives.withdrawnAt))
              .orderBy(schema.directives.id);
            // Keep enough live directives for the other changes.
            if (directives.length <= 3) continue;
            const directive = directives[o.pick % directives.length];
            ok = (
              await withdrawDirective(secretariat, {
                meetingId: directive.meetingId,
                directiveId: directive.id,
                reason: "पुनरीक्षण / revision",
                at: o.at,
              })
            ).ok;
          } else if (o.kind === "insert") {
            // Several rows in one statement, some for the same item.
            await t
              .db()
              .insert(schema.evidence)
              .values(o.picks.map((p) => ({ actionItemId: items[p % items.length].id, kind: "LINK" as const, url: "https://example.gov.in/x.pdf" })));
            ok = true;
          } else if (o.kind === "delete") {
            if (evidence.length === 0) continue;
            // One row of an item (which may keep others), or all of the picked items' rows.
            const picked = o.picks.map((p) => evidence[p % evidence.length]);
            if (o.all) {
              const ids = picked.map((e) => e.action_item_id);
              await t.db().execute(
                sql`DELETE FROM evidence WHERE action_item_id IN (${sql.join(
                  ids.map((id) => sql`${id}`),
                  sql`, `,
                )})`,
              );
            } else {
              await t.db().execute(
                sql`DELETE FROM evidence WHERE id IN (${sql.join(
                  picked.map((e) => sql`${e.id}`),
                  sql`, `,
                )})`,
              );
            }
            ok = true;
          } else {
            if (evidence.length === 0) continue;
            const row = evidence[o.pick % evidence.length];
            await t.db().execute(sql`UPDATE evidence SET action_item_id = ${items[o.to % items.length].id} WHERE id = ${row.id}`);
            ok = true;
          }
          if (ok) applied += 1;
        }
        await expectExact(today);
      }),
      { numRuns: 30 },
    );
    expect(applied).toBeGreaterThan(60);
    // The backfill computes what the triggers kept.
    const kept = await selectRows(sql`SELECT id, has_evidence FROM action_items ORDER BY id`);
    await t.db().execute(sql`SELECT anupalan_has_evidence_rebuild()`);
    expect(await selectRows(sql`SELECT id, has_evidence FROM action_items ORDER BY id`)).toEqual(kept);
  });
});
