import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { verifyPassword } from "~/utils/password.server";

// A real hash of a random password, so an unknown username costs the same time as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$k+/rxpvFJOUq/vLDXpykvQ$W8NHkUlEup4fHqELKSM+qXzRvUKzgVRkdaCC+K62yPs";

/** The user whose username and password match and who is not disabled; null otherwise. */
export async function verifyLogin(username: string, password: string) {
  const [user] = await db()
    .select()
    .from(schema.users)
    .where(eq(schema.users.username, username.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabledAt) return null;
  return user;
}
