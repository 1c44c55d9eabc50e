// The real server entry (server.ts) as a child process, for tests that go through HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the production build on a free port and waits until /healthz answers 200. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_REQUESTS: "false",
      SEED_DEMO: "false",
      NOTICE_WORKER: "false",
      DATABASE_URL: "",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    base,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The session cookie a sign-in (or password change) answered with, as a Cookie header. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = /anupalan_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in "${header}"`);
  return `anupalan_session=${match[1]}`;
}

/** A form post; redirects are not followed. Add the origin header for a same-site one. */
export function post(base: string, pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${base}${pathname}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    redirect: "manual",
  });
}
