import type { SQL } from "drizzle-orm";
import { db, type DbOrTx } from "~/db.server";

/**
 * Run a raw SQL query and return its rows, unchecked. New queries use selectChecked
 * (rows.server.ts), which decodes each row with a schema instead of trusting a cast. drizzle's execute() answers { rows } on PGlite and
 * an array on postgres.js; this is the one place that knows.
 */
export async function selectRows<T>(query: SQL, executor: DbOrTx = db()): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
