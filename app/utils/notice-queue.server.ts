// The job queue for notices: pg-boss over the app's own database handle (postgres.js or PGlite,
// through DatabaseHandle.executeSql), so jobs live in PostgreSQL beside the data (decision 018).
//   daily-notices  the ladder and the digests, on NOTICE_CRON (Indian time) and once at start-up
//   notice-email   one job per EMAIL delivery, inserted in the transaction that inserts the notice
import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle, DbOrTx, Tx } from "~/db.server";
import { deliverEmail, type SendEmail } from "~/models/notice-delivery.server";
import { runDailyNotices, type EnqueueEmail } from "~/models/reminders.server";
import { z } from "zod";
import { selectChecked } from "~/models/rows.server";

/** pg-boss reads the columns of its own queries: each row must be an object and goes over as the driver gave it. */
const PG_BOSS_ROW = z.object({}).passthrough();

export const DAILY_QUEUE = "daily-notices";
export const EMAIL_QUEUE = "notice-email";

/** pg-boss hands job data as objects, as node-postgres takes them; postgres.js wants JSON text for those. */
function jsonParams(values: unknown[] | undefined): unknown[] | undefined {
  // (and undefined is NULL, as node-postgres sends it)
  return values?.map((v) =>
    v === undefined
      ? null
      : v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v) && !Buffer.isBuffer(v)
        ? JSON.stringify(v)
        : v,
  );
}

/** pg-boss's `db` option over a drizzle transaction: its one INSERT then commits or rolls back with ours. */
export function transactionExecutor(tx: DbOrTx) {
  return {
    executeSql: async (text: string, rawValues: unknown[] = []) => {
      const values = jsonParams(rawValues)!;
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`));
      return { rows: await selectChecked(PG_BOSS_ROW, sql.join(chunks, sql.raw("")), tx) };
    },
  };
}

export interface NoticeQueueOptions {
  handle: DatabaseHandle;
  /** Sends one email; undefined when SMTP_URL is not set (notices stay in the app). */
  send?: SendEmail;
  /** Public origin for the links in emails. */
  origin: string;
  cron?: string;
  /** Run the daily job once at start (the server does; tests drive the clock themselves). */
  runAtStart?: boolean;
  /** Seconds between polls for new jobs (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Start the workers (false: only enqueue, e.g. in a script). */
  work?: boolean;
  retryDelaySeconds?: number;
}

export interface NoticeQueue {
  boss: PgBoss;
  /** Given to runLadder/runDigests: puts an email job in the caller's transaction. Undefined without email. */
  enqueueEmail?: EnqueueEmail;
  stop(options?: { graceful?: boolean }): Promise<void>;
}

export async function startNoticeQueue(options: NoticeQueueOptions): Promise<NoticeQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => options.handle.executeSql(text, jsonParams(values)) },
    schema: "pgboss",
    // One process holds a PGlite folder; on PostgreSQL several servers share the queue safely.
    supervise: true,
    schedule: true,
    migrate: true,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => console.warn(`notice queue: ${(error as Error).message}`));
  await boss.start();
  await boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE, policy: "singleton", retryLimit: 3, retryDelay: 60 });
  const emailQueue = {
    name: EMAIL_QUEUE,
    retryLimit: 8,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
    expireInSeconds: 120,
  };
  // createQueue leaves an existing queue as it was; updateQueue brings its settings to these.
  await boss.createQueue(EMAIL_QUEUE, emailQueue);
  await boss.updateQueue(EMAIL_QUEUE, emailQueue);
  const send = options.send;
  const enqueueEmail: EnqueueEmail | undefined = send
    ? async (tx: Tx, deliveryId: number) => {
        await boss.send(EMAIL_QUEUE, { deliveryId }, { db: transactionExecutor(tx), singletonKey: `delivery:${deliveryId}` } as PgBoss.SendOptions);
      }
    : undefined;

  if (options.work !== false) {
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    await boss.work(DAILY_QUEUE, { pollingIntervalSeconds }, async () => {
      await runDailyNotices({ enqueueEmail });
    });
    if (send) {
      await boss.work<{ deliveryId: number }>(EMAIL_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
        await deliverEmail(job.data.deliveryId, send, options.origin);
      });
    }
    if (options.cron) await boss.schedule(DAILY_QUEUE, options.cron, {}, { tz: "Asia/Kolkata" });
    if (options.runAtStart) await boss.send(DAILY_QUEUE, {});
  }
  return {
    boss,
    enqueueEmail,
    stop: async ({ graceful = true } = {}) => {
      await boss.stop({ graceful, wait: true, timeout: 5_000, close: false } as PgBoss.StopOptions);
    },
  };
}
