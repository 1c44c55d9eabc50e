import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/utils/password.server";
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import {
  categoriesSchema,
  departmentsFileSchema,
  importDepartmentsAndCategories,
  importStateMasterData,
  readImportFile,
  stateFileSchema,
} from "../../db/import";
import { runMigrations } from "../../db/migrate";
import { ACTION_STATUSES, actionItems, directives, districts, divisions, meetings, users } from "../../db/schema";
import {
  DEMO_DIVISION_OFFICERS_BY_STATE,
  DEMO_PASSWORD,
  DEMO_USERS,
  isLocalDatabase,
  seedDemo,
  seedDemoIfEmpty,
  type SeedSummary,
} from "../../db/seed";
import { createTestDatabase } from "../support/database";

const TIMEOUT = 60_000;
// A fixed instant (18:00 IST) so the synthetic meeting and the clamping are reproducible.
const TODAY = new Date("2025-03-10T18:00:00+05:30");
const seedDataDir = path.resolve(__dirname, "../../db/seed-data");
const readJson = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(seedDataDir, name), "utf8"));

let handle: DatabaseHandle;
let summary: SeedSummary;

/** Rows of a raw query, whichever driver answered. */
async function rows<T>(query: SQL): Promise<T[]> {
  const result = (await handle.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function single<T>(query: SQL): Promise<T> {
  const [row] = await rows<T>(query);
  return row;
}

async function statusCounts(): Promise<Record<string, number>> {
  const list = await handle.db.select({ status: actionItems.status, n: count() }).from(actionItems).groupBy(actionItems.status);
  return Object.fromEntries(list.map((r) => [r.status, r.n]));
}

beforeAll(async () => {
  handle = openDatabase({ memory: true });
  await runMigrations(handle);
  summary = await seedDemo(handle, { state: "rajasthan", today: TODAY });
}, TIMEOUT);

afterAll(async () => {
  await handle?.close();
});

describe("master data import", () => {
  it("changes nothing when the same files are imported again", async () => {
    const state = await importStateMasterData(handle.db, stateFileSchema.parse(readJson("rajasthan.json")));
    for (const counts of [state.state, state.divisions, state.districts]) {
      expect(counts).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(state.districts.unchanged).toBe(41);

    const meetingsJson = readJson("meetings.json") as { categories: unknown };
    const other = await importDepartmentsAndCategories(
      handle.db,
      departmentsFileSchema.parse(readJson("departments.json")),
      categoriesSchema.parse(meetingsJson.categories),
    );
    expect(other.departments).toMatchObject({ inserted: 0, updated: 0 });
    expect(other.categories).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
  });

  it("reports a renamed district as updated", async () => {
    const data = stateFileSchema.parse(readJson("rajasthan.json"));
    data.divisions[0].districts[0].name.en = "Jaipur (renamed)";
    await handle.db
      .transaction(async (tx) => {
        const result = await importStateMasterData(tx, data);
        expect(result.districts).toEqual({ inserted: 0, updated: 1, unchanged: 40 });
        tx.rollback();
      })
      .catch((error: Error) => {
        if (error.constructor.name !== "TransactionRollbackError") throw error;
      });
  });

  it("has 41 districts in 7 divisions for Rajasthan", async () => {
    const [{ n: divisionCount }] = await handle.db.select({ n: count() }).from(divisions);
    const [{ n: districtCount }] = await handle.db.select({ n: count() }).from(districts);
    expect(divisionCount).toBe(7);
    expect(districtCount).toBe(41);
  });

  it("explains what is wrong with a bad file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-import-"));
    const file = path.join(dir, "bad.json");
    try {
      fs.writeFileSync(file, JSON.stringify({ code: "RJ", name: { en: "Rajasthan" }, divisions: [] }));
      expect(() => readImportFile(file)).toThrow(/name\.hi: Required[\s\S]*divisions: the state has no divisions/);
      fs.writeFileSync(file, "{ not json");
      expect(() => readImportFile(file)).toThrow(/is not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("demo seed", () => {
  it("creates the 2021-08-31 meeting with 8 directives and 41 + 41 items for directive 1", async () => {
    const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.meetingDate, "2021-08-31"));
    expect(meeting.status).toBe("PUBLISHED");
    const list = await handle.db.select().from(directives).where(eq(directives.meetingId, meeting.id));
    expect(list).toHaveLength(8);
    const first = list.find((d) => d.number === 1)!;
    expect(first.dueDate).toBe("2021-09-30");
    for (const role of ["COLLECTOR", "SP"] as const) {
      const [{ n }] = await handle.db
        .select({ n: count() })
        .from(actionItems)
        .where(and(eq(actionItems.directiveId, first.id), eq(actionItems.districtRole, role)));
      expect(n).toBe(41);
    }
  });

  it("dates the synthetic meeting 21 days before today", async () => {
    const [synthetic] = await handle.db.select().from(meetings).where(eq(meetings.meetingDate, "2025-02-17"));
    expect(synthetic).toBeDefined();
  });

  it("keeps every item in step with its last history row", async () => {
    const mismatches = await single<{ n: number }>(sql`
      SELECT count(*)::int AS n
      FROM action_items a
      JOIN LATERAL (
        SELECT h.to_status, h.version, h.remark, h.at, h.actor_id
        FROM action_item_history h WHERE h.action_item_id = a.id
        ORDER BY h.version DESC LIMIT 1
      ) last ON true
      WHERE a.status <> last.to_status
         OR a.version <> last.version
         OR a.latest_remark IS DISTINCT FROM last.remark
         OR a.updated_at <> last.at
         OR a.updated_by_id IS DISTINCT FROM last.actor_id`);
    expect(mismatches.n).toBe(0);

    const badHistories = await single<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (
        SELECT action_item_id FROM action_item_history
        GROUP BY action_item_id
        HAVING count(*) <> max(version)
            OR min(version) <> 1
            OR count(*) FILTER (WHERE kind = 'CREATED' AND version = 1 AND from_status IS NULL AND to_status = 'PENDING') <> 1
      ) bad`);
    expect(badHistories.n).toBe(0);

    const badCompletion = await single<{ n: number }>(sql`
      SELECT count(*)::int AS n
      FROM action_items a
      LEFT JOIN LATERAL (
        SELECT min(at) AS first_at, max(at) AS last_at
        FROM action_item_history h WHERE h.action_item_id = a.id AND h.to_status = 'COMPLETED' AND h.from_status <> 'COMPLETED'
      ) c ON true
      WHERE a.first_completed_at IS DISTINCT FROM c.first_at OR a.completed_at IS DISTINCT FROM c.last_at`);
    expect(badCompletion.n).toBe(0);
  });

  it("dates nothing after today", async () => {
    const late = await single<{ history: number; items: number; extensions: number }>(sql`
      SELECT
        (SELECT count(*)::int FROM action_item_history WHERE at > ${TODAY.toISOString()}::timestamptz) AS history,
        (SELECT count(*)::int FROM action_items WHERE updated_at > ${TODAY.toISOString()}::timestamptz) AS items,
        (SELECT count(*)::int FROM extension_requests
          WHERE requested_at > ${TODAY.toISOString()}::timestamptz OR decided_at > ${TODAY.toISOString()}::timestamptz) AS extensions`);
    expect(late).toEqual({ history: 0, items: 0, extensions: 0 });
  });

  it("has items in every status, returned completions and granted extensions", async () => {
    const counts = await statusCounts();
    for (const status of ACTION_STATUSES) expect(counts[status] ?? 0).toBeGreaterThan(0);

    const kinds = await single<{ returned: number; granted: number; moved: number }>(sql`
      SELECT
        (SELECT count(*)::int FROM action_item_history WHERE kind = 'RETURNED') AS returned,
        (SELECT count(*)::int FROM extension_requests WHERE status = 'GRANTED') AS granted,
        (SELECT count(*)::int FROM action_items WHERE due_date <> original_due_date) AS moved`);
    expect(kinds.returned).toBeGreaterThan(0);
    expect(kinds.granted).toBeGreaterThan(0);
    expect(kinds.moved).toBe(kinds.granted);
  });

  it("reports a summary matching the database", async () => {
    expect(summary.statusCounts).toEqual({ ...Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])), ...(await statusCounts()) });
    const [{ n }] = await handle.db.select({ n: count() }).from(actionItems);
    expect(summary.actionItems).toBe(n);
    expect(summary.meetings).toBe(3);
  });

  it("creates the demo users with the demo password", async () => {
    const list = await handle.db.select().from(users);
    expect(list.map((u) => u.username).sort()).toEqual([...DEMO_USERS, ...DEMO_DIVISION_OFFICERS_BY_STATE.rajasthan.map((o) => o.username)].sort());
    // Ajmer division's Commissioner (the collectors' side) and range IG (the SPs').
    const [ajmer] = await handle.db.select().from(divisions).where(eq(divisions.code, "AJM"));
    expect(list.find((u) => u.username === "commissioner.ajmer")).toMatchObject({
      role: "DIVISION_OFFICER",
      divisionId: ajmer.id,
      districtRole: "COLLECTOR",
    });
    expect(list.find((u) => u.username === "ig.ajmer")).toMatchObject({ role: "DIVISION_OFFICER", divisionId: ajmer.id, districtRole: "SP" });
    expect(await verifyPassword(list[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(list[0].passwordHash, "wrong")).toBe(false);
    const collector = list.find((u) => u.username === "collector.ajmer")!;
    expect(collector).toMatchObject({ role: "DISTRICT_OFFICER", districtRole: "COLLECTOR", displayName: "District Collector, Ajmer" });
  });

  it("does not seed again on start-up when users exist", async () => {
    expect(await seedDemoIfEmpty(handle, { today: TODAY })).toBeNull();
  });

  it(
    "seeds a fresh migrated database on start-up, once",
    async () => {
      const fresh = await createTestDatabase();
      try {
        const first = await seedDemoIfEmpty(fresh, { today: TODAY });
        expect(first).toMatchObject({ state: "rajasthan", actionItems: summary.actionItems, statusCounts: summary.statusCounts });
        expect(await seedDemoIfEmpty(fresh, { today: TODAY })).toBeNull();
      } finally {
        await fresh.close();
      }
    },
    TIMEOUT,
  );

  it(
    "gives the same data when seeded again with the same today",
    async () => {
      const before = await statusCounts();
      const again = await seedDemo(handle, { state: "rajasthan", today: TODAY });
      expect(await statusCounts()).toEqual(before);
      expect({ ...again, elapsedMs: 0 }).toEqual({ ...summary, elapsedMs: 0 });
    },
    TIMEOUT,
  );

  it(
    "seeds Madhya Pradesh with its own districts and users",
    async () => {
      const mp = await seedDemo(handle, { state: "madhya-pradesh", today: TODAY });
      expect(mp.meetings).toBe(1);
      const [{ n }] = await handle.db.select({ n: count() }).from(districts);
      expect(n).toBe(55);
      const names = (await handle.db.select({ username: users.username }).from(users)).map((u) => u.username);
      expect(names).toEqual(expect.arrayContaining(["collector.bhopal", "sp.indore", "dipr"]));
    },
    TIMEOUT,
  );
});

describe("isLocalDatabase", () => {
  it.each([
    [undefined, true],
    ["postgres://anupalan@localhost:5432/anupalan", true],
    ["postgresql://u:p@127.0.0.1/anupalan", true],
    ["postgres://u@[::1]:5432/anupalan", true],
    ["postgres://u@localhost/anupalan?host=/var/run/postgresql", true],
    ["postgres://u@%2Fvar%2Frun%2Fpostgresql/anupalan", true],
    ["postgres://u:p@db.example.gov.in:5432/anupalan", false],
    ["postgres://u:p@10.0.0.5/anupalan", false],
    ["postgres://u@localhost/anupalan?host=db.example.gov.in", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => {
    expect(isLocalDatabase(url)).toBe(expected);
  });

  it("refuses to wipe a remote database without force", async () => {
    const remote = { engine: "postgres", location: "postgres://u:***@db.example.gov.in:5432/anupalan" } as DatabaseHandle;
    await expect(seedDemo(remote, { state: "rajasthan", today: TODAY })).rejects.toThrow(/--force/);
  });
});
