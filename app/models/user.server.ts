// Sign-in and passwords: checking a login, generated passwords, changing one's own password.
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { MessageKey } from "~/i18n";
import type { Viewer } from "~/utils/auth.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { recordAudit } from "./audit.server";
import type { RequestOrigin } from "./user-admin.server";

// A real hash of a random password, so an unknown username costs the same time as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$k+/rxpvFJOUq/vLDXpykvQ$W8NHkUlEup4fHqELKSM+qXzRvUKzgVRkdaCC+K62yPs";

/** The user whose username and password match and who is not disabled; null otherwise. */
export async function verifyLogin(username: string, password: string) {
  const [user] = await db().select().from(schema.users).where(eq(schema.users.username, username.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabledAt) return null;
  return user;
}

// ---------------------------------------------------------------------------------------------
// Own password
// ---------------------------------------------------------------------------------------------

export type PasswordChangeResult = { ok: true } | { ok: false; field: "currentPassword" | "newPassword"; message: MessageKey };

/**
 * Changes the viewer's own password after checking the current one. Every session of the user
 * ends (the caller signs the current browser in again with a fresh session id).
 */
export async function changeOwnPassword(
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<PasswordChangeResult> {
  const [user] = await db().select().from(schema.users).where(eq(schema.users.id, viewer.id));
  if (!user || user.disabledAt) return { ok: false, field: "currentPassword", message: "password.currentWrong" };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit({
      action: "user.password_change_failed",
      actorId: viewer.id,
      actorUsername: viewer.username,
      targetType: "user",
      targetId: String(viewer.id),
      ...origin,
    });
    return { ok: false, field: "currentPassword", message: "password.currentWrong" };
  }
  if (input.newPassword.trim().toLowerCase() === user.username) {
    return { ok: false, field: "newPassword", message: "password.sameAsUsername" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db().transaction(async (tx) => {
    await tx.update(schema.users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(schema.users.id, viewer.id));
    await tx.delete(schema.sessions).where(eq(schema.sessions.userId, viewer.id));
    await recordAudit(
      {
        action: "user.password_changed",
        actorId: viewer.id,
        actorUsername: viewer.username,
        targetType: "user",
        targetId: String(viewer.id),
        ...origin,
      },
      tx,
    );
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Administration (manage:users:any)

// Account administration lives in its own file; routes import both from here.
export * from "./user-admin.server";
