import { getDatabaseHandle } from "~/db.server";

/** Whether the database answers within `timeoutMs`; never throws, never waits longer. */
export async function isDatabaseReachable(timeoutMs: number): Promise<boolean> {
  try {
    await getDatabaseHandle().ping(timeoutMs);
    return true;
  } catch {
    return false;
  }
}
