// A production server for the benchmarks: server.ts on the given database with the page cache off (every
// request runs its queries and renders), signed in as the seed's `official`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD } from "../../db/seed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface PageServer {
  base: string;
  cookie: string;
  server: ChildProcess;
  /** One GET with the session; refuses an answer from the page cache. */
  time: (pathname: string) => Promise<{ ms: number; bytes: number }>;
  stop: () => void;
}

/** server.ts in production on this database, answering /healthz; its output is shown if it fails to start. */
export async function startBenchServer(url: string, port: number, { pageCache }: { pageCache: boolean }): Promise<ChildProcess> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NODE_ENV: "production",
      LOG_REQUESTS: "false",
      SEED_DEMO: "false",
      NOTICE_WORKER: "false",
      ...(pageCache ? {} : { PAGE_CACHE_MB: "0" }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`The server did not answer on port ${port} within 90 s:\n${output}`);
}

export async function startPageServer(url: string, port: number, username = "official"): Promise<PageServer> {
  const server = await startBenchServer(url, port, { pageCache: false });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => void server.kill("SIGTERM");
  try {
    const login = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }),
      redirect: "manual",
    });
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith("anupalan_session="))
      ?.split(";")[0];
    if (!cookie) throw new Error(`${url}: sign-in failed (${login.status})`);
    const time = async (pathname: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}${pathname}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${pathname}: ${res.status}`);
      if (res.headers.get("x-page-cache") === "hit") throw new Error("the page cache answered");
      return { ms: performance.now() - t0, bytes: body.byteLength };
    };
    return { base, cookie, server, time, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
