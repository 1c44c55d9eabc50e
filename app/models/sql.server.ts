import type { SQL } from "drizzle-orm";
import { db, type DbOrTx } from "~/db.server";

/**
 * Run a raw SQL query and return its rows, unchecked. App code never calls this (the linter
 * forbids importing this file anywhere in app/ but rows.server.ts): every query goes through
 * selectChecked, which decodes each row with its schema instead of trusting a cast. Tests may use
 * it to look at tables directly. drizzle's execute() answers { rows } on PGlite and an array on
 * postgres.js; this is the one place that knows.
 */
export async function selectRows<T>(query: SQL, executor: DbOrTx = db()): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
