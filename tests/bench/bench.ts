// The scale benchmark (issue 6, "Scale and benchmark"):
//   npm run bench -- --database-url postgres://postgres@127.0.0.1:5432/anupalan_bench_1m --label 1m
//   npm run bench -- --database-url … --label 1m --page-cache off      (every request rendered afresh)
//   npm run bench -- --database-url … --changes-per-second 1           (a data change every second, as
//                                                                       in the hour before a review)
// Starts the production build (server.ts, NODE_ENV=production) against the given database, signs in
// as two users it creates for the purpose (an OFFICIAL, and a DISTRICT_OFFICER of one district), and
// measures with autocannon the requests per second and p50/p95 latency of each page and of the bare
// route /healthz; then runs each page's SQL in-process (the model functions its loader calls) for its
// p50. Prints one table of figures and ratios against the issue's targets and appends it to
// BENCHMARKS.md with the machine and date. The figures of each label are kept in
// tests/bench/results.json so that the 1m run can be compared with the 10k run.
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, setDatabaseHandle, type DatabaseHandle } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { hashPassword } from "../../app/utils/password.server";
import { todayInIndia } from "../../app/utils/format";
import { getFilterOptions, parseFilters } from "../../app/models/compliance-filters.server";
import * as compliance from "../../app/models/dashboard.server";
import { countActionItemsByStatus, listActionFilterOptions, listActionItems } from "../../app/models/action-item-list.server";
import { selectRows } from "../../app/models/sql.server";
import type { Viewer } from "../../app/utils/auth.server";
import { ensureProductionBuild } from "../support/build";
import { startBenchServer } from "./page-server";
import { stateReader } from "./timing";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RESULTS_FILE = path.join(root, "tests/bench/results.json");
const BENCHMARKS_FILE = path.join(root, "BENCHMARKS.md");
const BENCH_PASSWORD = "bench-password-not-secret";

interface Target {
  name: string;
  path: string;
  /** Which signed-in user asks; none for the bare route. */
  as: "official" | "officer" | null;
  /** The page's SQL, as its loader runs it; none for the bare route. */
  sql?: () => Promise<unknown>;
}

interface Measured {
  name: string;
  path: string;
  missing: boolean;
  status: number;
  rps: number;
  p50: number;
  p95: number;
  /** p50 with one connection: the latency of a page on an otherwise idle server. */
  p50One: number;
  /** How the page cache (decision 009) answered the load: the share of hits, or off. */
  cache?: string;
  errors: number;
  non2xx: number;
  sqlP50: number | null;
  /** Bytes of the page's HTML (uncompressed), as the load received it. */
  htmlBytes?: number;
}

interface RunResult {
  label: string;
  date: string;
  items: number;
  rows: Measured[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const ms = (v: number | null) => (v == null || Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(2) : v.toFixed(1));

async function main() {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      label: { type: "string" },
      port: { type: "string", default: "3206" },
      connections: { type: "string", default: "10" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      "sql-runs": { type: "string", default: "20" },
      "no-append": { type: "boolean", default: false },
      "page-cache": { type: "string", default: "on" },
      "changes-per-second": { type: "string", default: "0" },
    },
  });
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("Give the PostgreSQL database to measure: --database-url postgres://… (filled by npm run seed:scale)");
  }
  const port = Number(values.port);
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const sqlRuns = Number(values["sql-runs"]);
  if (values["page-cache"] !== "on" && values["page-cache"] !== "off") throw new Error("--page-cache is on or off");
  const pageCache = values["page-cache"] === "on";
  const changesPerSecond = Number(values["changes-per-second"]);
  if (!(changesPerSecond >= 0)) throw new Error("--changes-per-second is a number ≥ 0");

  ensureProductionBuild(root, "inherit");

  const handle = openDatabase({ url });
  setDatabaseHandle(handle);
  // The schema the server will run on (it migrates at start): the SQL is measured on the same.
  await runMigrations(handle);
  const db = handle.db;
  const [{ items }] = await rows<{ items: number }>(handle, sql`SELECT count(*)::int AS items FROM action_items`);
  if (items === 0) throw new Error("The database has no action items: fill it with npm run seed:scale first");
  const size = items >= 500_000 ? "1m" : items >= 5_000 ? "10k" : `${items}`;
  const label = values.label ?? `${size}${pageCache ? "" : "-uncached"}${changesPerSecond > 0 ? `-changes${changesPerSecond}` : ""}`;

  // The district officer's district: the first district with items; the division filter is its division.
  const [place] = await rows<{ district_id: number; district_code: string; division_code: string; district_role: "COLLECTOR" | "SP" }>(
    handle,
    sql`SELECT d.id AS district_id, d.code AS district_code, dv.code AS division_code, a.district_role
        FROM action_items a JOIN districts d ON d.id = a.district_id JOIN divisions dv ON dv.id = d.division_id
        WHERE a.district_id = (SELECT min(district_id) FROM action_items) AND a.district_role IS NOT NULL LIMIT 1`,
  );
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const upsert = async (username: string, fields: Record<string, unknown>) => {
    const [user] = await rows<{ id: number }>(
      handle,
      sql`INSERT INTO users (username, display_name, password_hash, role, district_id, district_role, must_change_password)
          VALUES (${username}, ${fields.displayName as string}, ${passwordHash}, ${fields.role as string}::role,
            ${(fields.districtId as number | null) ?? null}, ${(fields.districtRole as string | null) ?? null}::district_role, false)
          ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
            district_id = EXCLUDED.district_id, district_role = EXCLUDED.district_role, disabled_at = NULL,
            must_change_password = false
          RETURNING id`,
    );
    return Number(user.id);
  };
  const officialId = await upsert("bench.official", { displayName: "Benchmark official", role: "OFFICIAL" });
  const officerId = await upsert("bench.officer", {
    displayName: "Benchmark district officer",
    role: "DISTRICT_OFFICER",
    districtId: place.district_id,
    districtRole: place.district_role,
  });
  // Failed sign-ins of earlier runs must not throttle this one.
  await db.execute(sql`DELETE FROM login_attempts WHERE username LIKE 'bench.%'`);

  const official = stateReader(officialId, "bench.official", "Benchmark official");
  const officer: Viewer = {
    id: officerId,
    username: "bench.officer",
    displayName: "Benchmark district officer",
    role: "DISTRICT_OFFICER",
    districtId: place.district_id,
    districtRole: place.district_role,
    departmentId: null,
    divisionId: null,
    mustChangePassword: false,
  };

  const today = todayInIndia();
  const dashboardSql = (search: string) => async () => {
    const options = await getFilterOptions();
    const { filters } = parseFilters(new URLSearchParams(search), options);
    return compliance.getDashboard(official, filters, today, {});
  };
  const districtRoute = fs.existsSync(path.join(root, "app/routes/districts.$districtCode.tsx"));
  const targets: Target[] = [
    { name: "/healthz (bare)", path: "/healthz", as: null, sql: () => handle.ping() },
    { name: "/dashboard", path: "/dashboard", as: "official", sql: dashboardSql("") },
    {
      name: "/dashboard?division",
      path: `/dashboard?division=${place.division_code}`,
      as: "official",
      sql: dashboardSql(`division=${place.division_code}`),
    },
    {
      name: "/districts/:code",
      path: `/districts/${place.district_code}`,
      as: "official",
      sql: districtRoute ? await districtPageSql(official, place.district_code, today) : undefined,
    },
    {
      name: "/actions (officer)",
      path: "/actions",
      as: "officer",
      sql: async () => {
        await listActionFilterOptions(officer);
        const filters = { page: 1 };
        return Promise.all([listActionItems(officer, filters, today), countActionItemsByStatus(officer, filters, today)]);
      },
    },
  ];

  // 1. Each page's SQL, in-process, on an idle server.
  console.log(`Database: ${handle.location} (${items.toLocaleString("en-IN")} action items), label ${label}`);
  const sqlP50 = new Map<string, number | null>();
  for (const target of targets) {
    if (!target.sql) {
      sqlP50.set(target.name, null);
      continue;
    }
    for (let i = 0; i < 2; i++) await target.sql();
    const times: number[] = [];
    for (let i = 0; i < sqlRuns; i++) {
      const t0 = performance.now();
      await target.sql();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    sqlP50.set(target.name, percentile(times, 50));
    console.log(`  SQL ${target.name}: p50 ${ms(percentile(times, 50))} ms (${sqlRuns} runs)`);
  }

  // 2. The production server, on its own port; stopped also when the benchmark is interrupted.
  const server = await startBenchServer(url, port, { pageCache });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.kill("SIGTERM");
      process.exit(130);
    });
  }
  const measured: Measured[] = [];
  // A real write (it fires the triggers of migration 0008, which is what empties the page cache),
  // though one that changes no figure: the pages cost what they cost, only the cache is emptied.
  const changer =
    changesPerSecond > 0
      ? setInterval(() => {
          db.execute(sql`UPDATE categories SET name_en = name_en WHERE id = (SELECT min(id) FROM categories)`).catch((error) =>
            console.error("change failed:", error),
          );
        }, 1000 / changesPerSecond)
      : undefined;
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookies = {
      official: await signIn(base, "bench.official"),
      officer: await signIn(base, "bench.officer"),
    };
    for (const target of targets) {
      // As a browser sends them; the same on every request, fetch's and autocannon's (the page
      // cache keys on Accept-Language, and fetch would otherwise send its own).
      const headers: Record<string, string> = { "accept-encoding": "gzip", "accept-language": "en-IN,en;q=0.9" };
      if (target.as) headers.cookie = cookies[target.as];
      // Twice: the second is what the load will meet (a kept page, when the page cache is on).
      let probe = await fetch(base + target.path, { headers, redirect: "manual" });
      await probe.arrayBuffer();
      const t0 = performance.now();
      probe = await fetch(base + target.path, { headers, redirect: "manual" });
      const htmlBytes = (await probe.arrayBuffer()).byteLength;
      const probeMs = performance.now() - t0;
      const missing = probe.status === 404 || (target.name === "/districts/:code" && !districtRoute);
      if (probe.status !== 200) {
        console.log(`  ${target.name}: answered ${probe.status}${missing ? " (missing)" : ""}; not measured`);
        measured.push({
          name: target.name,
          path: target.path,
          missing,
          status: probe.status,
          rps: NaN,
          p50: NaN,
          p95: NaN,
          p50One: NaN,
          errors: 0,
          non2xx: 0,
          sqlP50: sqlP50.get(target.name) ?? null,
        });
        continue;
      }
      // A page slower than a second would finish few or no requests in the window (and leave the
      // rest running into the next page's): it is measured over a fixed number of requests instead.
      const slow = probeMs > 1000;
      if (slow) console.log(`  ${target.name}: ${Math.round(probeMs)} ms alone; measured over ${2 * connections} requests`);
      if (warmup > 0 && !slow) await load(base + target.path, headers, connections, { seconds: warmup });
      const r = await load(base + target.path, headers, connections, slow ? { amount: 2 * connections } : { seconds: duration });
      const one = await load(base + target.path, headers, 1, slow ? { amount: 3 } : { seconds: Math.max(3, Math.round(duration / 2)) });
      const cache = !target.as ? undefined : pageCache ? `${((100 * r.hits) / Math.max(1, r.requests)).toFixed(1)} % hits` : "off";
      console.log(
        `  ${target.name}: ${r.rps.toFixed(1)} req/s, p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p50 at 1 connection ${ms(one.p50)} ms` +
          (cache ? `, page cache: ${cache}` : "") +
          (r.errors || r.non2xx ? ` (${r.errors} errors, ${r.non2xx} non-2xx)` : ""),
      );
      measured.push({
        name: target.name,
        path: target.path,
        missing: false,
        status: 200,
        ...r,
        p50One: one.p50,
        cache,
        sqlP50: sqlP50.get(target.name) ?? null,
        htmlBytes,
      });
    }
  } finally {
    clearInterval(changer);
    await stopServer(server);
    await handle.close();
  }

  // 3. The table, the stored figures and BENCHMARKS.md.
  const result: RunResult = { label, date: new Date().toISOString(), items, rows: measured };
  const stored = readResults();
  stored[label] = result;
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(stored, null, 2)}\n`);
  const table = renderTable(result, stored);
  console.log(`\n${table}`);
  if (!values["no-append"]) {
    const section =
      `\n## ${label}: ${items.toLocaleString("en-IN")} action items — ${result.date.slice(0, 16).replace("T", " ")} UTC\n\n` +
      `${machine(url)}\n\nPage cache (decision 009): ${pageCache ? "on — repeat views of one session" : "off (PAGE_CACHE_MB=0) — every request runs its queries and renders"}; ` +
      `${changesPerSecond > 0 ? `${changesPerSecond} data change(s) a second during the run (each empties the cache)` : "no data changes during the run"}.\n\nLoad: autocannon, ${connections} connections, ${warmup} s warm-up then ${duration} s per page ` +
      `(a page slower than 1 s alone: ${2 * connections} requests instead); p50 at 1 connection over half that time (or 3 requests); ` +
      `SQL p50 over ${sqlRuns} in-process runs of the loader's model calls.\n\n${table}\n`;
    if (!fs.existsSync(BENCHMARKS_FILE)) fs.writeFileSync(BENCHMARKS_FILE, "# Benchmarks\n");
    fs.appendFileSync(BENCHMARKS_FILE, section);
    console.log(`Appended to ${path.relative(process.cwd(), BENCHMARKS_FILE)}`);
  }
}

function rows<T>(handle: DatabaseHandle, query: SQL): Promise<T[]> {
  return selectRows<T>(query, handle.db);
}

/** The district page's model calls, as its loader (app/routes/districts.$districtCode.tsx) makes them. */
async function districtPageSql(viewer: Viewer, code: string, today: string): Promise<() => Promise<unknown>> {
  const drill = await import("../../app/models/drilldown.server");
  return async () => {
    const district = await drill.findDistrictByCode(code);
    if (!district) throw new Error(`district ${code} not found`);
    const options = await getFilterOptions();
    const { filters } = parseFilters(new URLSearchParams(), options);
    return drill.getDistrictRecord(viewer, district, filters, today, { compareWithState: true });
  };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password: BENCH_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("anupalan_session="));
  if (!cookie) throw new Error(`Signing in as ${username} failed: ${res.status}`);
  return cookie.split(";")[0];
}

/** One autocannon run; the percentiles come from every response time, so p95 is exact. */
function load(url: string, headers: Record<string, string>, connections: number, run: { seconds: number } | { amount: number }) {
  return new Promise<{ rps: number; p50: number; p95: number; errors: number; non2xx: number; hits: number; requests: number }>((resolve, reject) => {
    const times: number[] = [];
    let hits = 0;
    // Counts the answers the page cache gave from memory (its X-Page-Cache header).
    const requests = [
      {
        method: "GET" as const,
        onResponse: (_s: number, _b: string, _c: unknown, h: Record<string, string>) => void (h["X-Page-Cache"] === "hit" && hits++),
      },
    ];
    const started = performance.now();
    const limit = "seconds" in run ? { duration: run.seconds } : { amount: run.amount, duration: 3600 };
    const instance = autocannon({ url, headers, connections, timeout: 300, requests, ...limit }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      const elapsed = "seconds" in run ? run.seconds : (performance.now() - started) / 1000;
      resolve({
        rps: times.length / elapsed,
        requests: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        hits,
      });
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}

function readResults(): Record<string, RunResult> {
  try {
    return JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as Record<string, RunResult>;
  } catch {
    return {};
  }
}

function renderTable(result: RunResult, stored: Record<string, RunResult>): string {
  const bare = result.rows.find((r) => r.path === "/healthz");
  // The scale ratio compares runs made the same way: "10k" with "1m", "10k-uncached" with "1m-uncached".
  const suffix = result.label.replace(/^(10k|1m)/, "");
  const small = stored[`10k${suffix}`];
  const large = stored[`1m${suffix}`];
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const lines = [
    "| page | req/s | p50 ms | p95 ms | p50 ms, 1 conn | SQL p50 ms | rps ÷ bare rps (dashboard ≥ 0.3) | p50 ÷ 1.5×(bare p50 + SQL p50) (≤ 1) | same, 1 conn (≤ 1) | 1m p50 ÷ 10k p50 (dashboard ≤ 3) | HTML KB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of result.rows) {
    if (r.missing || r.status !== 200) {
      lines.push(`| ${r.name} | ${r.missing ? "missing (404)" : `HTTP ${r.status}`} | | | | ${ms(r.sqlP50)} | | | | | |`);
      continue;
    }
    const isBare = r === bare;
    const cells: string[] = [];
    if (bare && !isBare) {
      const rpsRatio = r.rps / bare.rps;
      cells.push(r.name === "/dashboard" ? `${rpsRatio.toFixed(2)} ${mark(rpsRatio >= 0.3)}` : rpsRatio.toFixed(2));
      if (r.sqlP50 != null) {
        const loaded = r.p50 / (1.5 * (bare.p50 + r.sqlP50));
        const idle = r.p50One / (1.5 * (bare.p50One + r.sqlP50));
        cells.push(`${loaded.toFixed(2)} ${mark(loaded <= 1)}`, `${idle.toFixed(2)} ${mark(idle <= 1)}`);
      } else cells.push("", "");
    } else cells.push("1", "", "");
    let scale = "";
    if (r.path.startsWith("/dashboard") && small && large) {
      const a = small.rows.find((x) => x.name === r.name);
      const b = large.rows.find((x) => x.name === r.name);
      if (a && b && a.p50 > 0 && b.p50 > 0) {
        const ratio = b.p50 / a.p50;
        const ratioOne = a.p50One > 0 && b.p50One > 0 ? b.p50One / a.p50One : NaN;
        scale = `${ratio.toFixed(2)} ${mark(ratio <= 3)}; 1 conn ${ratioOne.toFixed(2)} ${mark(ratioOne <= 3)}`;
      }
    }
    const flag = r.errors || r.non2xx ? ` (${r.errors} errors, ${r.non2xx} non-2xx)` : "";
    const name = r.cache ? `${r.name} [${r.cache}]` : r.name;
    lines.push(
      `| ${name} | ${r.rps.toFixed(1)}${flag} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p50One)} | ${ms(r.sqlP50)} | ${cells.join(" | ")} | ${scale} | ${r.htmlBytes != null ? (r.htmlBytes / 1024).toFixed(1) : ""} |`,
    );
  }
  return lines.join("\n");
}

function machine(url: string): string {
  let pg = "?";
  try {
    pg = execFileSync("psql", [url, "-Atc", "SHOW server_version"], { encoding: "utf8" }).trim();
  } catch {
    /* psql absent: left unknown */
  }
  const cpu = os.cpus()[0]?.model.trim() ?? "?";
  let osName = `${os.type()} ${os.release()}`;
  try {
    const release = fs.readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]+)"?/m);
    if (release) osName = `${release[1]} (${os.type()} ${os.release()})`;
  } catch {
    /* not Linux */
  }
  return (
    `Machine: ${osName}; ${cpu}; ${os.cpus().length} cores; ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; Node ${process.version}; PostgreSQL ${pg}. ` +
    "The cores are shared with other engineers' test runs, so the figures are noisy."
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
