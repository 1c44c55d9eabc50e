// Sign-in throttling: 429 with Retry-After after ten failures a minute from one address or
// against one account, held in the database so every server process sees the same count.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { beginLoginAttempt, LOGIN_LIMIT } from "~/models/rate-limit.server";
import { action as loginAction } from "~/routes/login";
import { useTestDatabase } from "../support/database";
import { createUser, importRajasthan, TEST_PASSWORD } from "../support/factories";
import { callRoute, postRequest } from "../support/requests";

const t = useTestDatabase();

beforeAll(async () => {
  await importRajasthan(t.db());
});

function signIn(username: string, password: string, ip: string, headers: Record<string, string> = {}) {
  return callRoute(loginAction, postRequest("/login", { username, password }, { headers: { "x-anupalan-client-ip": ip, ...headers } }));
}

async function sessionsOf(userId: number) {
  const [row] = await t.db().select({ n: count() }).from(schema.sessions).where(eq(schema.sessions.userId, userId));
  return row.n;
}

describe("sign-in rate limit", () => {
  it("answers the 11th failed attempt in a minute from one address with 429 and Retry-After", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL", username: "target.official" });
    const ip = "192.0.2.11";
    for (let i = 1; i <= 10; i++) {
      // Different names: the address is what is limited here, not the account.
      const response = await signIn(`guess${i}`, "wrong", ip);
      expect(response.status, `attempt ${i}`).toBe(401);
    }
    const eleventh = await signIn("target.official", TEST_PASSWORD, ip);
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMIT.windowSeconds);
    expect(await eleventh.json()).toMatchObject({ formError: { key: "login.tooMany", params: { seconds: retryAfter } } });
    // Even the right password opens nothing while blocked.
    expect(await sessionsOf(user.id)).toBe(0);

    // Another address is not affected.
    expect((await signIn("target.official", TEST_PASSWORD, "192.0.2.99")).status).toBe(302);
  });

  it("says so in the user's language", async () => {
    const ip = "192.0.2.12";
    for (let i = 0; i < 10; i++) await signIn(`hindi${i}`, "wrong", ip);
    const blocked = await signIn("hindi0", "wrong", ip, { cookie: "lang=hi" });
    expect(blocked.status).toBe(429);
    // The page renders the key with the user's dictionary; check the Hindi text exists for it.
    const { translator } = await import("~/i18n");
    const body = (await blocked.json()) as { formError: { key: "login.tooMany"; params: { seconds: number } } };
    expect(translator("hi")(body.formError.key, body.formError.params)).toMatch(/बहुत अधिक असफल प्रयास। कृपया \d+ सेकंड रुककर/);
  });

  it("limits one account to ten failures a minute from any number of addresses", async () => {
    const user = await createUser(t.db(), { role: "SECRETARIAT", username: "botnet.target" });
    for (let i = 1; i <= 10; i++) {
      expect((await signIn("botnet.target", "wrong", `198.18.0.${i}`)).status).toBe(401);
    }
    const blocked = await signIn("BOTNET.target", TEST_PASSWORD, "198.18.0.200");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it("lets attempts through again once the window has passed", async () => {
    const key = { ip: "192.0.2.13", username: "window.user" };
    const start = new Date("2025-05-01T06:00:00Z");
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) {
      expect((await beginLoginAttempt(key, new Date(start.getTime() + i * 1000))).allowed).toBe(true);
    }
    const blocked = await beginLoginAttempt(key, new Date(start.getTime() + 20_000));
    expect(blocked).toMatchObject({ allowed: false, limitedBy: "ip" });
    // The oldest of the ten failures was at +0 s: free again at +60 s, i.e. 40 s after +20 s.
    expect(blocked.allowed ? null : blocked.retryAfterSeconds).toBe(40);
    // Refused attempts are not counted, so waiting as told is enough.
    expect((await beginLoginAttempt(key, new Date(start.getTime() + 59_000))).allowed).toBe(false);
    expect((await beginLoginAttempt(key, new Date(start.getTime() + 60_500))).allowed).toBe(true);
  });

  it("cannot be slipped past with a burst of simultaneous attempts", async () => {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 25 }, () => beginLoginAttempt({ ip: "192.0.2.14", username: "burst.user" }, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(LOGIN_LIMIT.maxFailures);
  });

  it("records a blocked sign-in in the audit log once a minute, not once per request", async () => {
    const ip = "192.0.2.15";
    for (let i = 0; i < 10; i++) await signIn(`flood${i}`, "wrong", ip);
    for (let i = 0; i < 5; i++) expect((await signIn("flood0", "wrong", ip)).status).toBe(429);
    const rows = await t.db().select().from(schema.auditLog).where(eq(schema.auditLog.ip, ip));
    expect(rows.filter((r) => r.action === "auth.login_failed")).toHaveLength(10);
    expect(rows.filter((r) => r.action === "auth.login_throttled")).toHaveLength(1);
  });
});
