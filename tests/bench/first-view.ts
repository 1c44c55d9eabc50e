// The dashboard's first view at national scale (issue 12: without the page cache, at one connection, the 1 M
// figure ≤ 3× the 10 k figure and ≤ 150 KB of HTML):
//   npx tsx tests/bench/first-view.ts postgres://…/anupalan_bench_10k postgres://…/anupalan_bench_1m [--runs 15] [--no-append]
// Starts two production servers with PAGE_CACHE_MB=0, one per database (both made by `npm run seed:scale`),
// signs in to each as `official`, and sends the same pages to both in turn, one request at a time, so that
// both meet the same machine load. Prints p50 per page and database, the ratio and the HTML size, and
// appends them to BENCHMARKS.md.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../../db/seed";
import { ensureProductionBuild } from "../support/build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "15" }, port: { type: "string", default: "3160" }, "no-append": { type: "boolean", default: false } },
});
const [smallUrl, largeUrl] = positionals;
if (!smallUrl || !largeUrl) throw new Error("Give the 10 k and the 1 M database URLs");
const runs = Number(values.runs);
const PAGES = ["/dashboard", "/dashboard?lang=hi", "/dashboard?division=DV001"];

interface Site {
  name: string;
  base: string;
  server: ChildProcess;
  cookie: string;
}

async function start(name: string, url: string, port: number): Promise<Site> {
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NODE_ENV: "production",
      LOG_REQUESTS: "false",
      SEED_DEMO: "false",
      NOTICE_WORKER: "false",
      PAGE_CACHE_MB: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${name}: the server did not start`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const login = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "official", password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith("anupalan_session="))?.split(";")[0];
  if (!cookie) throw new Error(`${name}: sign-in failed (${login.status})`);
  return { name, base, server, cookie };
}

async function time(site: Site, pathname: string) {
  const t0 = performance.now();
  const res = await fetch(`${site.base}${pathname}`, { headers: { cookie: site.cookie } });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${site.name} ${pathname}: ${res.status}`);
  if (res.headers.get("x-page-cache") === "hit") throw new Error("the page cache answered");
  return { ms: performance.now() - t0, bytes: body.byteLength };
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

ensureProductionBuild(root, "inherit");
const sites = [await start("10k", smallUrl, Number(values.port)), await start("1m", largeUrl, Number(values.port) + 1)];
const rows: string[] = [];
try {
  for (const page of PAGES) {
    const ms: Record<string, number[]> = { "10k": [], "1m": [] };
    const bytes: Record<string, number> = {};
    for (const site of sites) for (let i = 0; i < 2; i++) await time(site, page);
    for (let i = 0; i < runs; i++) {
      for (const site of sites) {
        const r = await time(site, page);
        ms[site.name].push(r.ms);
        bytes[site.name] = r.bytes;
      }
    }
    const [small, large] = [p50(ms["10k"]), p50(ms["1m"])];
    const ratio = large / small;
    rows.push(
      `| ${page} | ${small.toFixed(0)} ms, ${(bytes["10k"] / 1024).toFixed(1)} KB | ${large.toFixed(0)} ms, ${(bytes["1m"] / 1024).toFixed(1)} KB | ` +
        `${ratio.toFixed(2)} ${ratio <= 3 ? "✓" : "✗"} |`,
    );
  }
} finally {
  for (const site of sites) site.server.kill("SIGTERM");
}
const lines = [
  `## First view of the dashboard, 1 M ÷ 10 k (issue 12) — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Two production servers with PAGE_CACHE_MB=0 (every request runs its queries and renders), requests interleaved, one at a time; ` +
    `p50 of ${runs} after two warm-ups each. Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end.`,
  "",
  "| page | 10 k items | 1 M items | 1 M ÷ 10 k (≤ 3) |",
  "|---|---:|---:|---:|",
  ...rows,
  "",
];
console.log(lines.join("\n"));
if (!values["no-append"]) fs.appendFileSync(path.join(root, "BENCHMARKS.md"), "\n" + lines.join("\n"));
process.exit(0);
