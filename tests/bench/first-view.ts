// The dashboard's first view at national scale (issue 12: without the page cache, at one connection, the 1 M
// figure ≤ 3× the 10 k figure and ≤ 150 KB of HTML):
//   npx tsx tests/bench/first-view.ts postgres://…/anupalan_bench_10k postgres://…/anupalan_bench_1m [--runs 15] [--no-append]
// Starts two production servers with PAGE_CACHE_MB=0, one per database (both made by `npm run seed:scale`),
// signs in to each as `official`, and sends the same pages to both in turn, one request at a time, so that
// both meet the same machine load. Prints p50 per page and database, the ratio and the HTML size, and
// appends them to BENCHMARKS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureProductionBuild } from "../support/build";
import { startPageServer } from "./page-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "15" }, port: { type: "string", default: "3160" }, "no-append": { type: "boolean", default: false } },
});
const [smallUrl, largeUrl] = positionals;
if (!smallUrl || !largeUrl) throw new Error("Give the 10 k and the 1 M database URLs");
const runs = Number(values.runs);
const PAGES = ["/dashboard", "/dashboard?lang=hi", "/dashboard?division=DV001"];

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

ensureProductionBuild(root, "inherit");
const sites = [
  { name: "10k", ...(await startPageServer(smallUrl, Number(values.port))) },
  { name: "1m", ...(await startPageServer(largeUrl, Number(values.port) + 1)) },
];
const rows: string[] = [];
try {
  for (const page of PAGES) {
    const ms: Record<string, number[]> = { "10k": [], "1m": [] };
    const bytes: Record<string, number> = {};
    for (const site of sites) for (let i = 0; i < 2; i++) await site.time(page);
    for (let i = 0; i < runs; i++) {
      for (const site of sites) {
        const r = await site.time(page);
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
  for (const site of sites) site.stop();
}
const lines = [
  `## First view of the dashboard, 1 M ÷ 10 k (issue 12) — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Two production servers with PAGE_CACHE_MB=0 (every request runs its queries and renders), requests interleaved, one at a time; ` +
    `p50 of ${runs} after two warm-ups each. Machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end.`,
  "",
  "| page | 10 k items | 1 M items | 1 M ÷ 10 k (≤ 3) |",
  "|---|---:|---:|---:|",
  ...rows,
  "",
];
console.log(lines.join("\n"));
if (!values["no-append"]) fs.appendFileSync(path.join(root, "BENCHMARKS.md"), "\n" + lines.join("\n"));
process.exit(0);
