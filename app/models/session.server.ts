import crypto from "node:crypto";
import { and, eq, lt, or } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { getEnv } from "../../db/env";

export function newSessionToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Sessions are stored under the token's hash, so the table alone cannot sign anyone in. */
export function sessionIdFor(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + getEnv().SESSION_MAX_HOURS * 3_600_000);
  await db()
    .insert(schema.sessions)
    .values({ id: sessionIdFor(token), userId, createdAt: now, lastSeenAt: now, expiresAt, ...meta });
  return { token, expiresAt };
}

export type SessionUser = Pick<
  typeof schema.users.$inferSelect,
  "id" | "username" | "displayName" | "role" | "districtId" | "districtRole" | "departmentId" | "divisionId" | "mustChangePassword"
> & {
  /** The name in Devanagari for the header of Hindi pages (absent for viewers built outside a session). */
  displayNameHi?: string | null;
};

/**
 * The live session's user, or null when the session is unknown, past its absolute or idle
 * limit, or its user is disabled. A live session's last-seen time moves forward.
 */
export async function findSessionUser(token: string, now = new Date()): Promise<SessionUser | null> {
  const id = sessionIdFor(token);
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60_000;
  const [row] = await db()
    .select({
      session: schema.sessions,
      user: {
        id: schema.users.id,
        username: schema.users.username,
        displayName: schema.users.displayName,
        displayNameHi: schema.users.displayNameHi,
        role: schema.users.role,
        districtId: schema.users.districtId,
        districtRole: schema.users.districtRole,
        departmentId: schema.users.departmentId,
        divisionId: schema.users.divisionId,
        mustChangePassword: schema.users.mustChangePassword,
        disabledAt: schema.users.disabledAt,
      },
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, id));
  if (!row) return null;
  const expired = row.session.expiresAt.getTime() <= now.getTime() || row.session.lastSeenAt.getTime() + idleMs <= now.getTime();
  if (expired || row.user.disabledAt) {
    await deleteSession(token);
    return null;
  }
  // Write at most once a minute: every page view need not be a write.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db().update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.id, id));
  }
  const { disabledAt: _disabled, ...user } = row.user;
  return user;
}

export async function deleteSession(token: string): Promise<void> {
  await db()
    .delete(schema.sessions)
    .where(eq(schema.sessions.id, sessionIdFor(token)));
}

export async function deleteSessionsOfUser(userId: number): Promise<void> {
  await db().delete(schema.sessions).where(eq(schema.sessions.userId, userId));
}

export async function deleteExpiredSessions(now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - getEnv().SESSION_IDLE_MINUTES * 60_000);
  await db()
    .delete(schema.sessions)
    .where(or(lt(schema.sessions.expiresAt, now), and(lt(schema.sessions.lastSeenAt, idleCutoff))));
}
