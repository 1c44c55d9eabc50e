// Prepares one migrated database per test run that every test file copies:
// on PostgreSQL a template database, on PGlite a dump of a migrated data folder.
import { execSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import postgres from "postgres";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { testServerUrl, withDatabase } from "./engine";

declare module "vitest" {
  export interface ProvidedContext {
    runId: string;
    templateDatabase: string | null;
    pgliteDumpPath: string | null;
  }
}

// The server tests start the production build. It is made here, once, before any test
// file runs, and with NODE_ENV=production: under vitest's NODE_ENV=test the compiler emits
// development JSX (jsxDEV), which React's production runtime lacks, and every page is a 500.
function ensureBuild() {
  if (fs.existsSync(path.resolve("build/index.js"))) return;
  execSync("npx remix build", { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
}

export default async function setup(project: TestProject) {
  ensureBuild();
  const runId = `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
  project.provide("runId", runId);
  const serverUrl = testServerUrl();
  if (serverUrl) {
    const template = `anupalan_tpl_${runId}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const handle = openDatabase({ url: withDatabase(serverUrl, template) });
    await runMigrations(handle);
    await handle.close();
    project.provide("templateDatabase", template);
    project.provide("pgliteDumpPath", null);
    return async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = openDatabase({ memory: true });
  await runMigrations(handle);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const dumpPath = path.join(dir, `pglite-${runId}.tar`);
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("templateDatabase", null);
  project.provide("pgliteDumpPath", dumpPath);
  return () => fs.rmSync(dumpPath, { force: true });
}
