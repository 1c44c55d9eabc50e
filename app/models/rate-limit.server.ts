import { eq, lt, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const COUNTS_ROW = z.object({ by_ip: col.int(), by_username: col.int() });
const AT_ROW = z.object({ at_ms: col.number() });

/**
 * Sign-in throttling, kept in the database (login_attempts) so that it holds however many
 * server processes answer. Both limits count failed attempts in a sliding window:
 * - per client IP: at most 10 failures a minute, so one machine cannot guess passwords;
 * - per account: at most 10 failures a minute, whatever the IP, so a botnet cannot either.
 * See docs/decisions for why the per-account limit is a short window and not a lock-out.
 */
export const LOGIN_LIMIT = { maxFailures: 10, windowSeconds: 60 } as const;

/** Requests with no known client address share one bucket rather than escaping the limit. */
const UNKNOWN_IP = "unknown";

export type LoginAttempt = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number; limitedBy: "ip" | "username" };

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

// Advisory lock namespaces (the first key of pg_advisory_xact_lock(int, int)).
const LOCK_IP = 7_405_201;
const LOCK_USERNAME = 7_405_202;

/**
 * Claim a sign-in attempt before the password is checked. Under a transaction-scoped lock on
 * the address and on the account, the failures in the window are counted and, if there is
 * room, the attempt is written as a failure. The lock makes simultaneous attempts take turns,
 * so a burst of parallel requests cannot all see room for one more. A refused attempt writes
 * nothing (so hammering while blocked does not prolong the block) and checks no password.
 * Call `markLoginSucceeded` when the password was right.
 */
export async function beginLoginAttempt(input: { ip: string | null; username: string }, now = new Date()): Promise<LoginAttempt> {
  const ip = input.ip || UNKNOWN_IP;
  const username = normaliseUsername(input.username);
  const windowStart = new Date(now.getTime() - LOGIN_LIMIT.windowSeconds * 1000);
  const claimed = await db().transaction(async (tx): Promise<{ attemptId: number } | { limitedBy: "ip" | "username" }> => {
    // Always the address first, then the account: one order, so two attempts cannot deadlock.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_IP}, hashtext(${ip}))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_USERNAME}, hashtext(${username}))`);
    const [counts] = await selectChecked(
      COUNTS_ROW,
      sql`
        SELECT
          count(*) FILTER (WHERE ip = ${ip})::int AS by_ip,
          count(*) FILTER (WHERE username = ${username})::int AS by_username
        FROM login_attempts
        WHERE NOT succeeded AND attempted_at > ${windowStart.toISOString()}::timestamptz
          AND (ip = ${ip} OR username = ${username})
      `,
      tx,
    );
    if (counts.by_ip >= LOGIN_LIMIT.maxFailures) return { limitedBy: "ip" };
    if (counts.by_username >= LOGIN_LIMIT.maxFailures) return { limitedBy: "username" };
    const [{ id }] = await tx
      .insert(schema.loginAttempts)
      .values({ ip, username, succeeded: false, attemptedAt: now })
      .returning({ id: schema.loginAttempts.id });
    return { attemptId: id };
  });
  if ("attemptId" in claimed) return { allowed: true, attemptId: claimed.attemptId };
  return {
    allowed: false,
    limitedBy: claimed.limitedBy,
    retryAfterSeconds: await secondsUntilAllowed({ ip, username }, claimed.limitedBy, now),
  };
}

/**
 * When the next attempt will be let through: once the window no longer holds ten failures,
 * i.e. a window's length after the tenth most recent one.
 */
async function secondsUntilAllowed(key: { ip: string; username: string }, limitedBy: "ip" | "username", now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - LOGIN_LIMIT.windowSeconds * 1000);
  const match = limitedBy === "ip" ? sql`ip = ${key.ip}` : sql`username = ${key.username}`;
  const [row] = await selectChecked(
    AT_ROW,
    sql`
    SELECT (extract(epoch FROM attempted_at) * 1000)::float8 AS at_ms FROM login_attempts
    WHERE NOT succeeded AND ${match} AND attempted_at > ${windowStart.toISOString()}::timestamptz
    ORDER BY attempted_at DESC
    OFFSET ${LOGIN_LIMIT.maxFailures - 1} LIMIT 1
  `,
  );
  if (!row) return 1;
  const freeAt = row.at_ms + LOGIN_LIMIT.windowSeconds * 1000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

/** The password was right: the attempt no longer counts against the IP or the account. */
export async function markLoginSucceeded(attemptId: number, now = new Date()): Promise<void> {
  await db().update(schema.loginAttempts).set({ succeeded: true }).where(eq(schema.loginAttempts.id, attemptId));
  // Old attempts serve no limit; clearing them on successful sign-ins keeps the table small.
  const cutoff = new Date(now.getTime() - 24 * 3_600_000);
  await db().delete(schema.loginAttempts).where(lt(schema.loginAttempts.attemptedAt, cutoff));
}
