// Migration 0008 announces every committed change to what the pages show; the page cache relies on
// it to drop pages another process made stale (decision 009). A table that shows up on a page but
// sends no notice would leave old pages in memory, so every table must have the trigger but the few
// that page views write themselves.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectRows } from "~/models/sql.server";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

/**
 * Written by page views and sign-ins, or only by the triggers of other tables; no page shows them alone.
 * district_figures is both: kept by triggers on action_items (which announce the change) and rebuilt by the
 * first dashboard view of a day, which must not empty the page cache (decision 028).
 */
const UNANNOUNCED = ["audit_log", "district_figures", "district_figures_day", "login_attempts", "sessions", "trend_item_weeks", "trend_weekly"];

describe("the data-changed notice", () => {
  it("is sent by every table but those written by page views and sign-ins", async () => {
    const tables = await selectRows<{ table_name: string; announced: boolean }>(sql`
      SELECT c.relname AS table_name,
        EXISTS (SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND tg.tgname = 'anupalan_notify_data_changed') AS announced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '\\_\\_%'
      ORDER BY 1`);
    const silent = tables.filter((r) => !r.announced).map((r) => r.table_name);
    expect(silent).toEqual(UNANNOUNCED);
    expect(tables.length).toBeGreaterThan(UNANNOUNCED.length + 10);
  });

  it("arrives once per committed transaction, and never for one rolled back", async () => {
    let notices = 0;
    await t.handle().listenForChanges(
      () => notices++,
      () => {},
    );
    await t.db().execute(sql`UPDATE categories SET name_en = name_en`);
    await t.db().transaction(async (tx) => {
      await tx.execute(sql`UPDATE categories SET name_en = name_en`);
      await tx.execute(sql`UPDATE departments SET name_en = name_en`);
    });
    await t
      .db()
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE categories SET name_en = name_en`);
        throw new Error("roll back");
      })
      .catch(() => {});
    for (let i = 0; i < 40 && notices < 2; i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 100));
    expect(notices).toBe(2);
  });
});
