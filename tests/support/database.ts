// Each test file gets a database of its own, copied from the run's migrated template,
// so files never see each other's rows and runs never collide.
import crypto from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, setDatabaseHandle, type Database, type DatabaseHandle } from "../../db/client.server";
import { testServerUrl, withDatabase } from "./engine";

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("templateDatabase");
  const serverUrl = testServerUrl();
  if (template && serverUrl) {
    const name = `anupalan_test_${inject("runId")}_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const handle = openDatabase({ url: withDatabase(serverUrl, name) });
    const close = handle.close;
    handle.close = async () => {
      await close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return handle;
  }
  const dumpPath = inject("pgliteDumpPath");
  if (!dumpPath) throw new Error("global setup provided no test database");
  return openDatabase({ memory: true, loadDataDir: new Blob([fs.readFileSync(dumpPath)]) });
}

/**
 * Give this test file its own database and make it the app's database (what models and
 * routes reach through db()). Call at the top of a test file.
 */
export function useTestDatabase(): { db: () => Database; handle: () => DatabaseHandle } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
  });
  afterAll(async () => {
    setDatabaseHandle(undefined);
    await handle?.close();
  });
  return {
    db: () => {
      if (!handle) throw new Error("test database not ready");
      return handle.db;
    },
    handle: () => {
      if (!handle) throw new Error("test database not ready");
      return handle;
    },
  };
}
