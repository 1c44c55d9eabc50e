import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "./env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the app sees, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  engine: "postgres" | "pglite";
  /** Where the data lives, for messages (the URL without its password, or the folder). */
  location: string;
  /** Resolves when a trivial query answers within the time limit; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  /**
   * Calls onChange after each committed change to the data pages show (the notifications of
   * migration 0008), and onConnect each time the listening connection is (re)established: what
   * was sent while it was down is lost, so a listener must then assume that anything changed.
   */
  listenForChanges(onChange: () => void, onConnect: () => void): Promise<void>;
  /**
   * Raw SQL for the job queue (pg-boss's `db` option, decision 018): with values, one statement
   * with $1… parameters; without, possibly several statements (its own migrations).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

const DATA_CHANGED_CHANNEL = "anupalan_data_changed";

export type OpenOptions =
  | { url: string }
  /** loadDataDir: start an empty folder from a dump (tests that restart on one folder). */
  | { pgliteDir: string; loadDataDir?: Blob }
  /** In memory, optionally starting from a dump of another PGlite (tests). */
  | { memory: true; loadDataDir?: Blob };

export class DatabaseLockedError extends Error {}

/**
 * PGlite has no lock of its own: two processes on one folder silently lose writes.
 * A lock file beside the folder, created exclusively, holds the owner's pid; a stale
 * lock (its process is gone) is taken over.
 */
function lockPgliteDir(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseLockedError(
          `The embedded database folder ${path.resolve(dir)} is already in use by process ${owner}. ` +
            `Stop that process, or set PGLITE_DIR to another folder (or DATABASE_URL to use PostgreSQL).`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database folder ${path.resolve(dir)}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export function openDatabase(options: OpenOptions): DatabaseHandle {
  if ("url" in options) {
    const client = postgres(options.url, {
      max: 10,
      connect_timeout: 2,
      idle_timeout: 60,
      onnotice: () => {},
      // JIT compiling the dashboard's plans cost 10–15 % of their time at a million items
      // (decision 007) and never paid back on these short, repeated queries.
      connection: { jit: "off" },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return {
      db,
      engine: "postgres",
      location: redactUrl(options.url),
      ping: (timeoutMs = 2500) =>
        withTimeout(
          db.execute(sql`select 1`).then(() => undefined),
          timeoutMs,
          "database did not answer in time",
        ),
      // postgres.js keeps one connection for LISTEN, reconnects it when it drops and calls the
      // third argument on every (re)connection.
      listenForChanges: (onChange, onConnect) =>
        client
          .listen(
            DATA_CHANGED_CHANNEL,
            () => onChange(),
            () => onConnect(),
          )
          .then(() => undefined),
      executeSql: async (text, values) => {
        let result: postgres.RowList<postgres.Row[]>;
        if (values && values.length > 0) {
          result = await client.unsafe(text, values as postgres.ParameterOrJSON<never>[]);
        } else {
          // Its migrations and locked commands carry their own BEGIN … COMMIT: one connection for them.
          const connection = await client.reserve();
          try {
            result = await connection.unsafe(text).simple();
          } finally {
            connection.release();
          }
        }
        // Several statements answer one result each; the last one is the answer.
        const last = (result.length > 0 && Array.isArray(result[0]) ? result[result.length - 1] : result) as unknown as Record<string, unknown>[];
        return { rows: [...last] };
      },
      close: () => client.end({ timeout: 1 }),
    };
  }
  const release = "pgliteDir" in options ? lockPgliteDir(options.pgliteDir) : () => {};
  let client: PGlite;
  try {
    if ("pgliteDir" in options) fs.mkdirSync(options.pgliteDir, { recursive: true });
    client =
      "pgliteDir" in options
        ? new PGlite(options.pgliteDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined)
        : new PGlite({ loadDataDir: options.loadDataDir });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    engine: "pglite",
    location: "pgliteDir" in options ? path.resolve(options.pgliteDir) : "(in memory)",
    ping: (timeoutMs = 2500) =>
      withTimeout(
        db.execute(sql`select 1`).then(() => undefined),
        timeoutMs,
        "database did not answer in time",
      ),
    // One process, one connection: it never drops, so onConnect is called once.
    listenForChanges: async (onChange, onConnect) => {
      await client.listen(DATA_CHANGED_CHANNEL, () => onChange());
      onConnect();
    },
    executeSql: async (text, values) => {
      if (values && values.length > 0) return { rows: (await client.query<Record<string, unknown>>(text, values)).rows };
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}

export function optionsFromEnv(): OpenOptions {
  const env = getEnv();
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR };
}

// One handle per process. Kept on globalThis because the server entry and the Remix
// bundle each load their own copy of this module, and both must share the one handle.
const globalKey = Symbol.for("anupalan.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDatabase(optionsFromEnv());
  return g[globalKey];
}

/** Install a handle (the server at boot, tests with their own database). */
export function setDatabaseHandle(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = handle;
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  g[globalKey] = undefined;
  await handle?.close();
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
