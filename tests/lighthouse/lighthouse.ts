// Lighthouse (12.8, mobile, its default simulated throttling) on the pages a phone user opens:
//   npm run lighthouse                       (builds if needed, starts the demo on a fresh PGlite)
//   npm run lighthouse -- --base http://localhost:3131   (an already running server with the demo)
// Signs in as the demo users through the real form, audits one page at a time in Debian's
// chromium (CHROME_PATH, default /usr/bin/chromium), prints each page's scores and asserts
// performance ≥ 90, accessibility 100, best practices ≥ 95 and total blocking time ≤ 200 ms.
// CI shares two cores with other work, so a page that misses is audited again (up to --attempts
// times, default 3) and the best run counts; every attempt is printed. LIGHTHOUSE_DUMP=<folder> keeps
// each attempt's full report there (which requests Lantern counted, the LCP element).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { ensureProductionBuild } from "../support/build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DEMO_PASSWORD = "anupalan-demo";

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    port: { type: "string", default: process.env.LIGHTHOUSE_PORT ?? "3150" },
    attempts: { type: "string", default: "3" },
    only: { type: "string" },
  },
});

const LIMITS = { performance: 90, accessibility: 100, bestPractices: 95, tbtMs: 200 };

interface Page {
  name: string;
  path: string | ((base: string, cookie: string) => Promise<string>);
  as: string | null;
}

/** The first item in an officer's list, as the list links it. */
async function firstItem(base: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${base}/actions?lang=en`, { headers: { cookie } })).text();
  const match = /href="(\/actions\/\d+)"/.exec(html);
  if (!match) throw new Error("no action item link on /actions");
  return match[1];
}

/** The first published meeting's ATR. */
async function firstAtr(base: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${base}/meetings?lang=en`, { headers: { cookie } })).text();
  const ids = [...html.matchAll(/href="\/meetings\/(\d+)"/g)].map((m) => m[1]);
  for (const id of ids) {
    const res = await fetch(`${base}/meetings/${id}/atr?lang=en`, { headers: { cookie } });
    if (res.status === 200) return `/meetings/${id}/atr`;
  }
  throw new Error("no meeting with an ATR");
}

const PAGES: Page[] = [
  { name: "/login", path: "/login", as: null },
  { name: "/actions", path: "/actions", as: "collector.ajmer" },
  { name: "/actions/:id", path: firstItem, as: "collector.ajmer" },
  { name: "/dashboard", path: "/dashboard", as: "official" },
  { name: "/meetings/:id/atr", path: firstAtr, as: "secretariat" },
];

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD }),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    redirect: "manual",
  });
  const match = /anupalan_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!match) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return `anupalan_session=${match[1]}`;
}

async function startDemo(port: number): Promise<{ base: string; stop: () => Promise<void> }> {
  ensureProductionBuild(root, "inherit");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-lighthouse-"));
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_REQUESTS: "false",
      SEED_DEMO: "true",
      DATABASE_URL: "",
      PGLITE_DIR: dataDir,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbtMs: number;
  lcpMs: number;
  domNodes: number;
  scriptKb: number;
  failing: string[];
}

function passes(s: Scores): boolean {
  return (
    s.performance >= LIMITS.performance &&
    s.accessibility >= LIMITS.accessibility &&
    s.bestPractices >= LIMITS.bestPractices &&
    s.tbtMs <= LIMITS.tbtMs
  );
}

async function audit(port: number, url: string, cookie: string | null): Promise<Scores> {
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    },
    undefined,
  );
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  if (process.env.LIGHTHOUSE_DUMP) fs.writeFileSync(path.join(process.env.LIGHTHOUSE_DUMP, `lhr-${Date.now()}.json`), JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
  const failing = Object.values(lhr.categories)
    .flatMap((c) => c.auditRefs)
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (a) =>
        a &&
        a.score !== null &&
        a.score < 0.9 &&
        a.scoreDisplayMode !== "informative" &&
        a.scoreDisplayMode !== "manual" &&
        a.scoreDisplayMode !== "notApplicable",
    )
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
  const items = (lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const script = items.find((i) => i.resourceType === "script")?.transferSize ?? 0;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    tbtMs: numeric("total-blocking-time"),
    lcpMs: numeric("largest-contentful-paint"),
    domNodes: numeric("dom-size"),
    scriptKb: script / 1024,
    failing: [...new Set(failing)],
  };
}

async function main() {
  const attempts = Math.max(1, Number(args.attempts));
  const server = args.base ? { base: args.base.replace(/\/$/, ""), stop: async () => {} } : await startDemo(Number(args.port));
  const rows: { page: string; url: string; best: Scores; ok: boolean }[] = [];
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      chromeFlags: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const pages = args.only ? PAGES.filter((p) => p.name === args.only) : PAGES;
    for (const page of pages) {
      const cookie = page.as ? await signIn(server.base, page.as) : null;
      const pathname = typeof page.path === "string" ? page.path : await page.path(server.base, cookie ?? "");
      const url = `${server.base}${pathname}`;
      // The page is audited as a running server answers it: its first answers after the server
      // started (cold database caches, first compile of its queries) are asked for, and not timed, first.
      for (let i = 0; i < 2; i++) await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
      let best: Scores | null = null;
      for (let i = 1; i <= attempts; i++) {
        // Lighthouse itself sometimes fails to record a trace (NO_NAVSTART, NO_FCP): that attempt gave
        // no figures, so it is reported and tried again; a page with no figures after every attempt fails.
        const s = await audit(chrome.port, url, cookie).catch((error: Error) => {
          console.log(`${page.name} attempt ${i}: no figures (${error.message.split("\n")[0]})`);
          return null;
        });
        if (!s) continue;
        console.log(
          `${page.name} attempt ${i}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s.bestPractices}, TBT ${Math.round(s.tbtMs)} ms, LCP ${Math.round(s.lcpMs)} ms, ${s.domNodes} DOM nodes, ${s.scriptKb.toFixed(1)} KB of script${s.failing.length ? `; below 0.9: ${s.failing.join(", ")}` : ""}`,
        );
        if (!best || (passes(s) && !passes(best)) || s.performance > best.performance) best = s;
        if (passes(s)) break;
      }
      if (!best) throw new Error(`${page.name}: Lighthouse gave no figures in ${attempts} attempts`);
      rows.push({ page: page.name, url: pathname, best, ok: passes(best) });
    }
  } finally {
    chrome?.kill();
    await server.stop();
  }
  console.log(
    `\nLighthouse ${"12.8"} mobile; limits: performance ≥ ${LIMITS.performance}, accessibility ${LIMITS.accessibility}, best practices ≥ ${LIMITS.bestPractices}, TBT ≤ ${LIMITS.tbtMs} ms; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log("| page | performance | accessibility | best practices | TBT ms | LCP ms | DOM nodes | script KB | |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    const s = r.best;
    console.log(
      `| ${r.page} (${r.url}) | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${Math.round(s.tbtMs)} | ${Math.round(s.lcpMs)} | ${s.domNodes} | ${s.scriptKb.toFixed(1)} | ${r.ok ? "✓" : "✗"} |`,
    );
  }
  const failed = rows.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.error(`\nBelow the limits: ${failed.map((r) => r.page).join(", ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
