// The server process as an operator meets it: started twice on one folder, stopped with
// SIGTERM, and its database going away and coming back under it.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../db/env";
import { testServerUrl, withDatabase } from "../support/engine";
import { freePort } from "../support/server";

const root = path.resolve(__dirname, "../..");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_REQUESTS: "false", SEED_DEMO: "false", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function health(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
    return res.status;
  } catch {
    return 0;
  }
}

async function waitForHealth(port: number, status: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await health(port)) === status) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`/healthz did not answer ${status} within ${timeoutMs} ms`);
}

describe("environment", () => {
  it("names the variable and the expected form for a bad DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/x" })).toThrow(/DATABASE_URL must look like postgres:\/\//);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(parseEnv({}).PGLITE_DIR).toBe("./data/pglite");
  });
});

describe("the embedded database folder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-lock-"));
  const pgliteDir = path.join(dir, "pglite");
  let first: Started | undefined;

  afterAll(async () => {
    first?.child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is refused to a second server, and the first stops within 2 s on SIGTERM", async () => {
    const port = await freePort();
    first = startServer({ PORT: String(port), PGLITE_DIR: pgliteDir });
    await waitForHealth(port, 200, 60_000);

    const second = startServer({ PORT: String(await freePort()), PGLITE_DIR: pgliteDir });
    const code = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain(`The embedded database folder ${pgliteDir} is already in use`);
    // The first server is unharmed.
    expect(await health(port)).toBe(200);

    const stoppedAt = Date.now();
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false);
  }, 90_000);
});

// Needs a PostgreSQL server: runs in the DATABASE_URL pass of the test suite.
describe.skipIf(!testServerUrl())("with PostgreSQL going away", () => {
  const database = `anupalan_health_${crypto.randomBytes(4).toString("hex")}`;
  const serverUrl = testServerUrl() ?? "postgres://127.0.0.1:5432/none";
  const upstreamUrl = new URL(serverUrl);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let proxy: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  let server: Started | undefined;

  // A TCP relay between the app and PostgreSQL, so the test can cut the line without
  // stopping the PostgreSQL that other tests use.
  function startProxy(port: number): Promise<void> {
    proxy = net.createServer((client) => {
      const upstream = net.connect(Number(upstreamUrl.port || 5432), upstreamUrl.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
    });
    return new Promise((resolve) => proxy!.listen(port, "127.0.0.1", () => resolve()));
  }
  function stopProxy(): Promise<void> {
    for (const s of sockets) s.destroy();
    sockets.clear();
    return new Promise((resolve) => proxy!.close(() => resolve()));
  }

  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await stopProxy().catch(() => {});
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it("answers 503 within 3 s while the database is unreachable and 200 again once it is back", async () => {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const proxyPort = await freePort();
    await startProxy(proxyPort);
    const port = await freePort();
    const viaProxy = new URL(withDatabase(serverUrl, database));
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxyPort);
    server = startServer({ PORT: String(port), DATABASE_URL: viaProxy.toString() });
    await waitForHealth(port, 200, 60_000);

    await stopProxy();
    const askedAt = Date.now();
    expect(await health(port)).toBe(503);
    expect(Date.now() - askedAt).toBeLessThan(3000);

    await startProxy(proxyPort);
    await waitForHealth(port, 200, 10_000);
  }, 90_000);
});
