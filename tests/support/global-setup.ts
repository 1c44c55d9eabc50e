// Prepares one migrated database per test run that every test file copies:
// on PostgreSQL a template database, on PGlite a dump of a migrated data folder.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import postgres from "postgres";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { ensureProductionBuild } from "./build";
import { testServerUrl, withDatabase } from "./engine";

declare module "vitest" {
  export interface ProvidedContext {
    runId: string;
    templateDatabase: string | null;
    pgliteDumpPath: string | null;
  }
}

export default async function setup(project: TestProject) {
  // Once, before any test file: two server test files building it at once left one a half-written build/.
  ensureProductionBuild(path.resolve("."));
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
