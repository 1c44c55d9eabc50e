// The pre-review brief at national scale (issue 10: under 1 s without the page cache, for a meeting with 50
// carried directives):
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/anupalan_i10_1m npm run seed:scale            (or --series-only on an older one)
//   npx tsx tests/bench/brief.ts postgres://postgres@127.0.0.1:5432/anupalan_i10_1m [--runs 9] [--no-append]
// Takes the meeting with the most carried directives, times getBrief in-process (the loader's SQL) and then
// GET /meetings/:id/brief and /brief.xlsx against the production build with PAGE_CACHE_MB=0, one request at a
// time; prints the figures and appends them to BENCHMARKS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, setDatabaseHandle } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { addScaleSeries } from "../../db/seed-scale";
import { getBrief } from "../../app/models/brief.server";
import { selectRows } from "../../app/models/sql.server";
import { todayInIndia } from "../../app/utils/format";
import { ensureProductionBuild } from "../support/build";
import { startPageServer } from "./page-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "9" }, port: { type: "string", default: "3110" }, "no-append": { type: "boolean", default: false } },
});
const url = positionals[0] ?? process.env.DATABASE_URL;
if (!url) throw new Error("Give the PostgreSQL URL of a seed:scale database");
const runs = Number(values.runs);
const port = Number(values.port);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

const handle = openDatabase({ url });
setDatabaseHandle(handle);
await runMigrations(handle);
let [meeting] = await selectRows<{ id: number; carried: number }>(
  sql`SELECT meeting_id AS id, count(*)::int AS carried FROM meeting_reviewed_directives GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
);
if (!meeting) {
  await addScaleSeries(handle);
  [meeting] = await selectRows(
    sql`SELECT meeting_id AS id, count(*)::int AS carried FROM meeting_reviewed_directives GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
}
const [counts] = await selectRows<{ items: number; districts: number }>(
  sql`SELECT (SELECT count(*)::int FROM action_items) AS items, (SELECT count(*)::int FROM districts) AS districts`,
);
const today = todayInIndia();
const viewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null } as const;
const first = await getBrief(viewer, Number(meeting.id), today);
if (!first) throw new Error("no brief");
const sqlTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await getBrief(viewer, Number(meeting.id), today);
  sqlTimes.push(performance.now() - t0);
}
await handle.close();

ensureProductionBuild(root, "inherit");
const { time, stop } = await startPageServer(url, port);
try {
  await time(`/meetings/${meeting.id}/brief`);
  const page: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await time(`/meetings/${meeting.id}/brief`);
    page.push(r.ms);
    bytes = r.bytes;
  }
  const xlsx: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) xlsx.push((await time(`/meetings/${meeting.id}/brief.xlsx`)).ms);

  const n = (v: number) => v.toLocaleString("en-IN");
  const f = (v: number) => v.toFixed(0);
  const b = first;
  const lines = [
    `## Pre-review brief at scale (issue 10) — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Database: ${n(Number(counts.items))} action items, ${n(Number(counts.districts))} districts (npm run seed:scale, series step). Meeting ${meeting.id}: ` +
      `${b.directives} directives under review (${b.carried} carried), ${n(b.totals.items)} items; ${b.overdue.length} places with overdue items, ` +
      `${b.returned.length} with returned, ${b.silent.length} silent, ${b.changes.length} with items newly overdue since ${b.previous?.meetingDate ?? "—"}.`,
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end — shared with other engineers' runs.`,
    `Page cache off (PAGE_CACHE_MB=0); one request at a time, ${runs} runs after one warm-up.`,
    "",
    "| what | p50 ms | max ms | target |",
    "|---|---:|---:|---|",
    `| getBrief (the loader's SQL, in-process) | ${f(p50(sqlTimes))} | ${f(max(sqlTimes))} | |`,
    `| GET /meetings/${meeting.id}/brief (${n(bytes)} bytes) | ${f(p50(page))} | ${f(max(page))} | < 1000 ${p50(page) < 1000 ? "✓" : "✗"} |`,
    `| GET /meetings/${meeting.id}/brief.xlsx | ${f(p50(xlsx))} | ${f(max(xlsx))} | |`,
    "",
  ];
  console.log(lines.join("\n"));
  if (!values["no-append"]) fs.appendFileSync(path.join(root, "BENCHMARKS.md"), `\n${lines.join("\n")}`);
} finally {
  stop();
}
