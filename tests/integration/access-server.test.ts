// Access through the real server entry (server.ts, started as a child process on a fresh
// embedded database whose first administrator comes from `npm run user:create`): cross-site
// POSTs refused before Remix with nothing changed, the security headers, the Secure cookie
// behind an https proxy, and the sign-in limit over HTTP — with PostgreSQL, across two
// server processes sharing one database.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../db/client.server";
import { selectRows } from "~/models/sql.server";
import { testServerUrl, withDatabase } from "../support/engine";
import { cookieFrom, post, startServer, type Server } from "../support/server";

const root = path.resolve(__dirname, "../..");

function userCreate(env: Record<string, string>, args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "db/user-create.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
}

describe("the server on a fresh embedded database", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-access-"));
  const pgliteDir = path.join(dir, "pglite");
  let server: Server | undefined;
  let base = "";
  let cookie = "";
  const password = "the admin's own passphrase";

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes its first administrator from npm run user:create and lets them sign in", async () => {
    const printed = userCreate({ PGLITE_DIR: pgliteDir }, ["--username", "first.admin", "--name", "First administrator"]);
    const generated = /Password \(shown once[^)]*\): (\S+)/.exec(printed)?.[1];
    expect(generated, printed).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    // A second run with the same name refuses, and changes nothing.
    expect(() => userCreate({ PGLITE_DIR: pgliteDir }, ["--username", "first.admin", "--name", "Again"])).toThrow();

    server = await startServer({ PGLITE_DIR: pgliteDir });
    base = server.base;
    const signedIn = await post(base, "/login", { username: "first.admin", password: generated! }, { origin: base });
    expect(signedIn.status).toBe(302);
    // A password set by the system must be replaced first.
    expect(signedIn.headers.get("location")).toBe("/account/password?redirectTo=%2Fmeetings");
    const changed = await post(
      base,
      "/account/password",
      { currentPassword: generated!, newPassword: password, confirmPassword: password },
      { origin: base, cookie: cookieFrom(signedIn) },
    );
    expect(changed.status).toBe(302);
    cookie = cookieFrom(changed);
    expect((await fetch(`${base}/admin/users`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
  }, 120_000);

  it("refuses a cross-site POST with 403 before Remix, whatever the origin's disguise", async () => {
    const forged = { intent: "create", displayName: "Planted admin", username: "planted.admin", role: "ADMIN" };
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      // A sandboxed frame or a no-referrer form sends "null"; the browser still says cross-site.
      { origin: "null", "sec-fetch-site": "cross-site" },
      // "null" and nothing else to vouch for it: refused.
      { origin: "null" },
      { origin: base.replace("localhost", "127.0.0.1") },
      { origin: `${base}.evil.example` },
      // No Origin at all, but the browser says where the request came from.
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ]) {
      const response = await post(base, "/admin/users/new", forged, { cookie, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toBe("Cross-site request refused");
    }
    // Signing someone out from another site is refused too.
    expect((await post(base, "/logout", {}, { cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await fetch(`${base}/admin/users`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);

    // The same form from the app's own page goes through: the refusals were about the origin.
    const own = await post(
      base,
      "/admin/users/new",
      { intent: "create", displayName: "Real officer", username: "real.officer", role: "OFFICIAL" },
      { cookie, origin: base },
    );
    expect(own.status).toBe(200);
    const list = await (await fetch(`${base}/admin/users`, { headers: { cookie } })).text();
    expect(list).toContain("real.officer");
    expect(list).not.toContain("planted.admin");
  }, 60_000);

  it("sends the security headers, with a script nonce the page's own scripts carry", async () => {
    // /login is sent without the app's script (decision 014); the user form carries it.
    const response = await fetch(`${base}/admin/users/new?lang=en`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // Same-origin posts keep their real Origin (under no-referrer a plain form would send "null").
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) {
      // Inline scripts need the nonce; external ones come from the app itself.
      if (!/\bsrc=/.test(tag)) expect(tag).toContain(`nonce="${nonce}"`);
      else expect(tag).toMatch(/src="\/build\//);
    }
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBeTruthy();
    expect(response.headers.get("x-powered-by")).toBeNull();
    // A fresh nonce for every page.
    const again = (await fetch(`${base}/login`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("answers the 11th failed sign-in in a minute with 429, Retry-After and a message", async () => {
    for (let i = 1; i <= 10; i++) {
      const response = await post(base, "/login?lang=en", { username: `guess${i}`, password: "wrong" }, { origin: base });
      expect(response.status, `attempt ${i}`).toBe(401);
    }
    const blocked = await post(base, "/login?lang=en", { username: "first.admin", password }, { origin: base });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(blocked.headers.get("set-cookie") ?? "").not.toContain("anupalan_session");
    expect(await blocked.text()).toContain(`Too many failed attempts. Please wait ${retryAfter} seconds`);
  }, 60_000);

  it("left an audit trail of all this, and no planted account, in the database", async () => {
    await server!.stop();
    server = undefined;
    const handle = openDatabase({ pgliteDir });
    try {
      const names = await selectRows<{ username: string }>(sql`SELECT username FROM users ORDER BY id`, handle.db);
      expect(names.map((u) => u.username)).toEqual(["first.admin", "real.officer"]);
      const rows = await selectRows<{ action: string; actor_username: string | null; ip: string | null }>(
        sql`SELECT action, actor_username, ip FROM audit_log ORDER BY id`,
        handle.db,
      );
      const actions = rows.map((r) => r.action);
      expect(actions[0]).toBe("user.create");
      expect(actions).toContain("auth.login");
      expect(actions).toContain("user.password_changed");
      expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(10);
      expect(actions).toContain("auth.login_throttled");
      // The address is the one the server saw, not one the client claimed.
      expect(rows.find((r) => r.action === "auth.login")?.ip).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe("behind an https proxy", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-proxy-"));
  let server: Server | undefined;

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("marks the session cookie Secure and checks the Origin against APP_ORIGIN", async () => {
    const pgliteDir = path.join(dir, "pglite");
    const printed = userCreate({ PGLITE_DIR: pgliteDir }, ["--username", "proxy.admin", "--name", "Admin"]);
    const generated = /: (\S+)$/m.exec(printed.trim())![1];
    const appOrigin = "https://anupalan.example.gov.in";
    server = await startServer({ PGLITE_DIR: pgliteDir, TRUST_PROXY: "1", APP_ORIGIN: appOrigin });
    // The proxy passes the scheme and the client's address; Host stays the internal one.
    const viaProxy = { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.9" };

    expect((await post(server.base, "/login", { username: "proxy.admin", password: generated }, { ...viaProxy, origin: server.base })).status).toBe(
      403,
    );
    const signedIn = await post(server.base, "/login", { username: "proxy.admin", password: generated }, { ...viaProxy, origin: appOrigin });
    expect(signedIn.status).toBe(302);
    const setCookie = signedIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/; Secure/);
    expect(signedIn.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  }, 120_000);
});

// Needs a PostgreSQL server: runs in the DATABASE_URL pass of the test suite.
describe.skipIf(!testServerUrl())("two server processes on one PostgreSQL database", () => {
  const database = `anupalan_access_${crypto.randomBytes(4).toString("hex")}`;
  const serverUrl = testServerUrl() ?? "postgres://127.0.0.1:5432/none";
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const servers: Server[] = [];

  afterAll(async () => {
    for (const s of servers) await s.stop();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it("share one sign-in limit: five failures on each, and the 11th is refused by either", async () => {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const url = withDatabase(serverUrl, database);
    servers.push(await startServer({ DATABASE_URL: url }));
    servers.push(await startServer({ DATABASE_URL: url }));
    const [a, b] = servers;
    for (let i = 0; i < 10; i++) {
      const s = i % 2 === 0 ? a : b;
      expect((await post(s.base, "/login", { username: `spread${i}`, password: "wrong" }, { origin: s.base })).status).toBe(401);
    }
    for (const s of [a, b]) {
      const blocked = await post(s.base, "/login", { username: "anyone", password: "wrong" }, { origin: s.base });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    }
  }, 120_000);
});
