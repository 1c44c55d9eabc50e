// The production build the server tests and the benchmark start. Made when build/ is missing or
// older than any source file it is built from, and always with NODE_ENV=production: under vitest's
// NODE_ENV=test the compiler emits development JSX (jsxDEV), which React's production runtime
// lacks, and every page is a 500.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** What the Remix build is made of: a change to any of these makes build/ stale. */
const SOURCES = ["app", "remix.config.js", "package-lock.json"];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

export function buildIsCurrent(root: string): boolean {
  const built = path.join(root, "build/index.js");
  if (!fs.existsSync(built)) return false;
  const sources = SOURCES.map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  return Math.max(...sources.map(newestChange)) <= fs.statSync(built).mtimeMs;
}

export function ensureProductionBuild(root: string, stdio: "ignore" | "inherit" = "ignore"): void {
  if (buildIsCurrent(root)) return;
  execFileSync("npx", ["remix", "build"], { cwd: root, stdio, env: { ...process.env, NODE_ENV: "production" } });
}
