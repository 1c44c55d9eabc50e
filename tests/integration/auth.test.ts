// Sign-in, sessions and sign-out as a user (and an attacker) meets them: through the real
// login/logout/password route modules, against a real database.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { getEnv, parseEnv } from "../../db/env";
import { action as logoutAction } from "~/routes/logout";
import { action as loginAction } from "~/routes/login";
import { action as passwordAction, loader as passwordLoader } from "~/routes/account.password";
import { loader as usersLoader } from "~/routes/admin.users._index";
import { createSession, findSessionUser, sessionIdFor } from "~/models/session.server";
import { setUserDisabled, verifyLogin } from "~/models/user.server";
import { getViewer, SESSION_COOKIE } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createUser, importRajasthan, TEST_PASSWORD } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();

beforeAll(async () => {
  await importRajasthan(t.db());
});

function tokenFrom(setCookie: string | null): string {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(setCookie ?? "");
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return decodeURIComponent(match[1]);
}

async function signIn(username: string, password: string, init: { cookie?: string; ip?: string; headers?: Record<string, string> } = {}) {
  return callRoute(
    loginAction,
    postRequest(
      "/login",
      { username, password },
      { cookie: init.cookie, headers: { "x-anupalan-client-ip": init.ip ?? "203.0.113.7", ...init.headers } },
    ),
  );
}

async function sessionRows(userId: number) {
  const [row] = await t.db().select({ n: count() }).from(schema.sessions).where(eq(schema.sessions.userId, userId));
  return row.n;
}

async function auditRows(action: string, username?: string) {
  const [row] = await t
    .db()
    .select({ n: count() })
    .from(schema.auditLog)
    .where(username ? and(eq(schema.auditLog.action, action), eq(schema.auditLog.actorUsername, username)) : eq(schema.auditLog.action, action));
  return row.n;
}

describe("sign-in", () => {
  it("issues a new session id at every sign-in and ends the one the browser held", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL", username: "rotation.official" });
    const before = await sessionCookieFor(user.id);
    const oldToken = before.split("=")[1];
    expect(await findSessionUser(oldToken)).not.toBeNull();

    const response = await signIn("rotation.official", TEST_PASSWORD, { cookie: before });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/dashboard");
    const newToken = tokenFrom(response.headers.get("set-cookie"));
    expect(newToken).not.toBe(oldToken);
    expect(await findSessionUser(oldToken)).toBeNull();
    expect((await findSessionUser(newToken))?.id).toBe(user.id);
    // The table holds the token's hash, never the token.
    const [row] = await t.db().select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(row.id).toBe(sessionIdFor(newToken));
    expect(row.id).not.toBe(newToken);
    expect(row.ip).toBe("203.0.113.7");
  });

  it("sets an HttpOnly, SameSite=Lax cookie, Secure only over https", async () => {
    await createUser(t.db(), { role: "OFFICIAL", username: "cookie.official" });
    const plain = await signIn("cookie.official", TEST_PASSWORD);
    const cookie = plain.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const secure = await callRoute(
      loginAction,
      new Request("https://anupalan.example.gov.in/login", {
        method: "POST",
        body: new URLSearchParams({ username: "cookie.official", password: TEST_PASSWORD }),
      }),
    );
    expect(secure.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("records successful and failed sign-ins in the audit log with the address", async () => {
    await createUser(t.db(), { role: "OFFICIAL", username: "audited.official" });
    expect((await signIn("audited.official", "wrong password", { ip: "198.51.100.20" })).status).toBe(401);
    expect((await signIn("Audited.Official", TEST_PASSWORD, { ip: "198.51.100.20" })).status).toBe(302);
    const rows = await t.db().select().from(schema.auditLog).where(eq(schema.auditLog.actorUsername, "audited.official")).orderBy(schema.auditLog.id);
    expect(rows.map((r) => [r.action, r.ip])).toEqual([
      ["auth.login_failed", "198.51.100.20"],
      ["auth.login", "198.51.100.20"],
    ]);
  });

  it("never redirects off-site after sign-in", async () => {
    await createUser(t.db(), { role: "SECRETARIAT", username: "redirect.secretariat" });
    for (const [redirectTo, expected] of [
      ["//evil.example/phish", "/meetings"],
      ["https://evil.example/", "/meetings"],
      ["/\\evil.example", "/meetings"],
      ["/verify?x=1", "/verify?x=1"],
    ]) {
      const response = await callRoute(loginAction, postRequest("/login", { username: "redirect.secretariat", password: TEST_PASSWORD, redirectTo }));
      expect(response.headers.get("location"), redirectTo).toBe(expected);
    }
  });

  it("refuses a disabled user even with the right password", async () => {
    await createUser(t.db(), { role: "OFFICIAL", username: "gone.official", disabledAt: new Date() });
    expect(await verifyLogin("gone.official", TEST_PASSWORD)).toBeNull();
    expect((await signIn("gone.official", TEST_PASSWORD)).status).toBe(401);
  });
});

describe("sign-out", () => {
  it("ends the session: the old cookie no longer opens any page", async () => {
    const user = await createUser(t.db(), { role: "ADMIN", username: "signout.admin" });
    const cookie = await sessionCookieFor(user.id);
    expect((await callRoute(usersLoader, getRequest("/admin/users", { cookie }))).status).toBe(200);

    const response = await callRoute(logoutAction, postRequest("/logout", {}, { cookie }));
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(await sessionRows(user.id)).toBe(0);
    expect(await auditRows("auth.logout", "signout.admin")).toBe(1);

    const after = await callRoute(usersLoader, getRequest("/admin/users", { cookie }));
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });
});

describe("session timeouts", () => {
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = getEnv();
  const minutes = (n: number) => n * 60_000;

  it("ends a session left unused for longer than the idle limit", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL" });
    const start = new Date("2025-03-01T04:00:00Z");
    const { token } = await createSession(user.id, { ip: null, userAgent: null }, start);
    const justBefore = new Date(start.getTime() + minutes(SESSION_IDLE_MINUTES) - minutes(1));
    expect((await findSessionUser(token, justBefore))?.id).toBe(user.id);
    // Use at justBefore moved the idle clock: still alive one idle period minus a minute later.
    const later = new Date(justBefore.getTime() + minutes(SESSION_IDLE_MINUTES) - minutes(1));
    expect((await findSessionUser(token, later))?.id).toBe(user.id);
    const tooLate = new Date(later.getTime() + minutes(SESSION_IDLE_MINUTES) + 1000);
    expect(await findSessionUser(token, tooLate)).toBeNull();
    expect(await sessionRows(user.id)).toBe(0);
  });

  it("ends a session at the absolute limit however busy it is", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL" });
    const start = new Date("2025-03-02T04:00:00Z");
    const { token, expiresAt } = await createSession(user.id, { ip: null, userAgent: null }, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(SESSION_MAX_HOURS * 3_600_000);
    let now = start;
    // Active every 30 minutes right up to the limit.
    while (now.getTime() + minutes(30) < expiresAt.getTime()) {
      now = new Date(now.getTime() + minutes(30));
      expect((await findSessionUser(token, now))?.id, now.toISOString()).toBe(user.id);
    }
    expect(await findSessionUser(token, expiresAt)).toBeNull();
  });

  it("defaults to a 2-hour idle and a 12-hour absolute limit, both configurable", () => {
    const env = (vars: Record<string, string>) => parseEnv(vars as NodeJS.ProcessEnv);
    expect(env({}).SESSION_IDLE_MINUTES).toBe(120);
    expect(env({}).SESSION_MAX_HOURS).toBe(12);
    expect(env({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" })).toMatchObject({ SESSION_IDLE_MINUTES: 15, SESSION_MAX_HOURS: 8 });
  });
});

describe("a disabled user", () => {
  it("is signed out at once when an admin disables the account", async () => {
    const admin = await createUser(t.db(), { role: "ADMIN" });
    const officer = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
    const phone = await sessionCookieFor(officer.id);
    const laptop = await sessionCookieFor(officer.id);
    expect(await getViewer(getRequest("/", { cookie: phone }))).not.toBeNull();

    const adminViewer = (await getViewer(getRequest("/", { cookie: await sessionCookieFor(admin.id) })))!;
    expect(await setUserDisabled(adminViewer, officer.id, true, { ip: null, userAgent: null })).toEqual({ ok: true });
    expect(await getViewer(getRequest("/", { cookie: phone }))).toBeNull();
    expect(await getViewer(getRequest("/", { cookie: laptop }))).toBeNull();
    expect(await sessionRows(officer.id)).toBe(0);
  });

  it("has no working session even if one was left in the table", async () => {
    const officer = await createUser(t.db(), { role: "OFFICIAL" });
    const cookie = await sessionCookieFor(officer.id);
    // Disabled behind the app's back (e.g. by SQL): the session check still refuses it.
    await t.db().update(schema.users).set({ disabledAt: new Date() }).where(eq(schema.users.id, officer.id));
    expect(await getViewer(getRequest("/", { cookie }))).toBeNull();
  });
});

describe("changing one's own password", () => {
  it("checks the current password, ends every other session, and signs this browser in anew", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL", username: "changer.official" });
    const here = await sessionCookieFor(user.id);
    const elsewhere = await sessionCookieFor(user.id);

    const wrong = await callRoute(
      passwordAction,
      postRequest(
        "/account/password",
        { currentPassword: "not it", newPassword: "a new long passphrase", confirmPassword: "a new long passphrase" },
        { cookie: here },
      ),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ fieldErrors: { currentPassword: "password.currentWrong" } });

    const mismatch = await callRoute(
      passwordAction,
      postRequest(
        "/account/password",
        { currentPassword: TEST_PASSWORD, newPassword: "a new long passphrase", confirmPassword: "another" },
        { cookie: here },
      ),
    );
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toEqual({ fieldErrors: { confirmPassword: "password.mismatch" } });

    const ok = await callRoute(
      passwordAction,
      postRequest(
        "/account/password",
        { currentPassword: TEST_PASSWORD, newPassword: "a new long passphrase", confirmPassword: "a new long passphrase" },
        { cookie: here },
      ),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/account/password?done=changed");
    const fresh = tokenFrom(ok.headers.get("set-cookie"));
    expect(await getViewer(getRequest("/", { cookie: here }))).toBeNull();
    expect(await getViewer(getRequest("/", { cookie: elsewhere }))).toBeNull();
    expect((await findSessionUser(fresh))?.id).toBe(user.id);
    expect(await verifyLogin("changer.official", TEST_PASSWORD)).toBeNull();
    expect((await verifyLogin("changer.official", "a new long passphrase"))?.id).toBe(user.id);
    expect(await auditRows("user.password_changed", "changer.official")).toBe(1);
  });

  it("sends a user with an administrator-set password to choose their own first", async () => {
    const user = await createUser(t.db(), { role: "ADMIN", username: "fresh.admin", mustChangePassword: true });
    const signedIn = await signIn("fresh.admin", TEST_PASSWORD);
    expect(signedIn.headers.get("location")).toBe("/account/password?redirectTo=%2Fmeetings");
    const cookie = `${SESSION_COOKIE}=${tokenFrom(signedIn.headers.get("set-cookie"))}`;

    const elsewhere = await callRoute(usersLoader, getRequest("/admin/users", { cookie }));
    expect(elsewhere.status).toBe(302);
    expect(elsewhere.headers.get("location")).toBe("/account/password?redirectTo=%2Fadmin%2Fusers");
    expect((await callRoute(passwordLoader, getRequest("/account/password", { cookie }))).status).toBe(200);

    const changed = await callRoute(
      passwordAction,
      postRequest(
        "/account/password",
        {
          currentPassword: TEST_PASSWORD,
          newPassword: "my very own passphrase",
          confirmPassword: "my very own passphrase",
          redirectTo: "/admin/users",
        },
        { cookie },
      ),
    );
    expect(changed.headers.get("location")).toBe("/admin/users");
    const next = `${SESSION_COOKIE}=${tokenFrom(changed.headers.get("set-cookie"))}`;
    expect((await callRoute(usersLoader, getRequest("/admin/users", { cookie: next }))).status).toBe(200);
    const [row] = await t.db().select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row.mustChangePassword).toBe(false);
  });

  it("refuses a new password that is the username or too short", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL", username: "short.password.user" });
    const cookie = await sessionCookieFor(user.id);
    const short = await callRoute(
      passwordAction,
      postRequest("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" }, { cookie }),
    );
    expect(await short.json()).toEqual({ fieldErrors: { newPassword: "password.tooShort" } });
    const same = await callRoute(
      passwordAction,
      postRequest(
        "/account/password",
        { currentPassword: TEST_PASSWORD, newPassword: "short.password.user", confirmPassword: "short.password.user" },
        { cookie },
      ),
    );
    expect(await same.json()).toEqual({ fieldErrors: { newPassword: "password.sameAsUsername" } });
  });
});
