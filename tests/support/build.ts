// The production build the server tests and the benchmark start. Made only when build/ is
// missing, and always with NODE_ENV=production: under vitest's NODE_ENV=test the compiler emits
// development JSX (jsxDEV), which React's production runtime lacks, and every page is a 500.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function ensureProductionBuild(root: string, stdio: "ignore" | "inherit" = "ignore"): void {
  if (fs.existsSync(path.join(root, "build/index.js"))) return;
  execFileSync("npx", ["remix", "build"], { cwd: root, stdio, env: { ...process.env, NODE_ENV: "production" } });
}
