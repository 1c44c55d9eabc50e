// The page cache (decision 009) as users meet it through the real server: a repeat view comes from
// memory, but a change is on the next page at once, whoever made it and on whichever server; no
// session ever gets another's page, and a signed-out session gets the sign-in page, not a kept one.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServerUrl, withDatabase } from "../support/engine";
import { cookieFrom, post, startServer, type Server } from "../support/server";

const PASSWORD = "anupalan-demo";

async function signIn(base: string, username: string): Promise<string> {
  const res = await post(base, "/login", { username, password: PASSWORD }, { origin: base });
  expect(res.status, `${username} signs in`).toBe(302);
  return cookieFrom(res);
}

async function view(base: string, pathname: string, cookie: string) {
  const res = await fetch(`${base}${pathname}`, { headers: { cookie }, redirect: "manual" });
  return {
    status: res.status,
    cache: res.headers.get("x-page-cache"),
    csp: res.headers.get("content-security-policy") ?? "",
    location: res.headers.get("location"),
    body: await res.text(),
  };
}

/** The collector's first item that can be marked in progress, posted with a remark no page has shown yet. */
async function reportProgress(base: string, cookie: string, remark: string): Promise<void> {
  const list = await view(base, "/actions", cookie);
  const ids = [...new Set([...list.body.matchAll(/href="\/actions\/(\d+)"/g)].map((m) => m[1]))];
  for (const id of ids) {
    const item = await view(base, `/actions/${id}`, cookie);
    const version = /name="version" value="(\d+)"/.exec(item.body)?.[1];
    if (!version || !item.body.includes('value="IN_PROGRESS"')) continue;
    const form = new FormData();
    form.set("intent", "update");
    form.set("version", version);
    form.set("toStatus", "IN_PROGRESS");
    form.set("remark", remark);
    const res = await fetch(`${base}/actions/${id}`, { method: "POST", body: form, headers: { cookie, origin: base }, redirect: "manual" });
    expect(res.status, await res.clone().text()).toBe(302);
    return;
  }
  throw new Error(`no item of this officer can be marked in progress (items ${ids.join(", ")})`);
}

describe("the page cache, on the embedded database with the demo data", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-pagecache-"));
  let server: Server;
  let official = "";
  let collector = "";

  beforeAll(async () => {
    server = await startServer({ PGLITE_DIR: path.join(dir, "pglite"), SEED_DEMO: "true" });
    official = await signIn(server.base, "official");
    collector = await signIn(server.base, "collector.ajmer");
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers a repeat view from memory, byte for byte, with the CSP nonce its scripts carry (the ATR print view's)", async () => {
    const first = await view(server.base, "/dashboard", official);
    const second = await view(server.base, "/dashboard", official);
    expect([first.status, first.cache, second.status, second.cache]).toEqual([200, "miss", 200, "hit"]);
    expect(second.body).toBe(first.body);
    // The dashboard carries no script (decision 014); the ATR's print view does (it asks to print).
    expect(second.body).not.toContain("<script");
    await view(server.base, "/meetings/1/atr?print=1", official);
    const printed = await view(server.base, "/meetings/1/atr?print=1", official);
    expect([printed.status, printed.cache]).toEqual([200, "hit"]);
    const nonce = /'nonce-([^']+)'/.exec(printed.csp)?.[1];
    expect(nonce).toBeTruthy();
    const scriptNonces = [...printed.body.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  });

  it("renders a page once for a burst of requests of one session (ten tabs, a reload storm)", async () => {
    const session = await signIn(server.base, "official");
    const burst = await Promise.all(Array.from({ length: 6 }, () => view(server.base, "/dashboard?trend=division", session)));
    expect(burst.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(burst.map((r) => r.cache).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
    expect(new Set(burst.map((r) => r.body)).size).toBe(1);
  });

  it("never answers one session with another's page", async () => {
    await view(server.base, "/actions", official);
    expect((await view(server.base, "/actions", official)).cache).toBe("hit");
    const theirs = await view(server.base, "/actions", collector);
    expect(theirs.cache).toBe("miss");
    expect(theirs.body).not.toBe((await view(server.base, "/actions", official)).body);
    // Another sign-in of the same user is another session: its own first view is made afresh.
    const again = await signIn(server.base, "official");
    expect((await view(server.base, "/actions", again)).cache).toBe("miss");
  });

  it("shows a district's report on the official's next view, right after the form post that saved it", async () => {
    const before = await view(server.base, "/districts/AJMER", official);
    expect((await view(server.base, "/districts/AJMER", official)).cache).toBe("hit");
    const remark = `Progress ${crypto.randomBytes(4).toString("hex")}: letters issued to all SHOs`;
    expect(before.body).not.toContain(remark);
    await reportProgress(server.base, collector, remark);
    const after = await view(server.base, "/districts/AJMER", official);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain(remark);
  });

  it("answers a signed-out session with the sign-in page, not the page it was shown", async () => {
    const session = await signIn(server.base, "official");
    await view(server.base, "/dashboard", session);
    expect((await view(server.base, "/dashboard", session)).cache).toBe("hit");
    expect((await post(server.base, "/logout", {}, { cookie: session, origin: server.base })).status).toBe(302);
    const after = await view(server.base, "/dashboard", session);
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
  });
});

// Needs a PostgreSQL server: runs in the DATABASE_URL pass of the test suite.
describe.skipIf(!testServerUrl())("the page cache, with two servers on one PostgreSQL database", () => {
  const database = `anupalan_pagecache_${crypto.randomBytes(4).toString("hex")}`;
  const serverUrl = testServerUrl() ?? "postgres://127.0.0.1:5432/none";
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const servers: Server[] = [];
  let url = "";

  beforeAll(async () => {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    url = withDatabase(serverUrl, database);
    // One after the other: the first seeds the demo, the second finds it there.
    servers.push(await startServer({ DATABASE_URL: url, SEED_DEMO: "true" }));
    servers.push(await startServer({ DATABASE_URL: url, SEED_DEMO: "true" }));
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) await s.stop();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it("shows on one server a report saved through the other, as soon as the database announces it", async () => {
    const [a, b] = servers;
    const official = await signIn(b.base, "official");
    const collector = await signIn(a.base, "collector.ajmer");
    await view(b.base, "/districts/AJMER", official);
    expect((await view(b.base, "/districts/AJMER", official)).cache).toBe("hit");
    const remark = `Report ${crypto.randomBytes(4).toString("hex")} via the other server`;
    await reportProgress(a.base, collector, remark);
    // The notice follows the commit within milliseconds; a page without it after 5 s is a failure.
    let seen = false;
    for (const deadline = Date.now() + 5000; !seen && Date.now() < deadline;) {
      seen = (await view(b.base, "/districts/AJMER", official)).body.includes(remark);
      if (!seen) await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe(true);
  });

  it("answers a session ended in the database itself with the sign-in page", async () => {
    const [, b] = servers;
    const official = await signIn(b.base, "official");
    await view(b.base, "/dashboard", official);
    expect((await view(b.base, "/dashboard", official)).cache).toBe("hit");
    // Sessions are not announced (page views write them); the hit checks the session instead.
    const db = postgres(url, { max: 1, onnotice: () => {} });
    await db`DELETE FROM sessions WHERE id = encode(sha256(convert_to(${official.split("=")[1]}, 'UTF8')), 'hex')`;
    await db.end();
    const after = await view(b.base, "/dashboard", official);
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
  });
});
