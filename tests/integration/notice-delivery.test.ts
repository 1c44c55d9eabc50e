// Notices by email through a real SMTP server started here (smtp-server), queued in the database
// by pg-boss, on both engines; and a restart in the middle — of the ladder's run and of the email
// worker — that sends nothing twice and loses nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runLadder } from "~/models/reminders.server";
import { selectRows } from "~/models/sql.server";
import { addDays } from "~/utils/format";
import { smtpSender } from "~/utils/mailer.server";
import { startNoticeQueue, type NoticeQueue } from "~/utils/notice-queue.server";
import { openDatabase, setDatabaseHandle, type DatabaseHandle } from "../../db/client.server";
import * as schema from "../../db/schema";
import { testServerUrl, withDatabase } from "../support/engine";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";

const ORIGIN = "https://anupalan.example.gov.in";
const TODAY = "2026-03-18";

interface Received {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  language: string | undefined;
}

/** A real SMTP server on a free port that keeps what it receives; each message takes `delayMs`. */
async function startSmtp(delayMs = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await new Promise((r) => setTimeout(r, delayMs));
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
            language: mail.headers.get("content-language") as string | undefined,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A database this file can close and open again, as a restarted server would: a PGlite folder or a PostgreSQL database. */
function restartableDatabase() {
  const serverUrl = testServerUrl();
  const template = inject("templateDatabase");
  const name = `anupalan_i13_${inject("runId")}_${crypto.randomBytes(4).toString("hex")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "anupalan-i13-"));
  let created = false;
  return {
    async open(): Promise<DatabaseHandle> {
      let handle: DatabaseHandle;
      if (serverUrl && template) {
        if (!created) {
          const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
          await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
          await admin.end();
        }
        handle = openDatabase({ url: withDatabase(serverUrl, name) });
      } else {
        const dump = inject("pgliteDumpPath")!;
        handle = openDatabase({ pgliteDir: path.join(dir, "db"), loadDataDir: created ? undefined : new Blob([fs.readFileSync(dump)]) });
      }
      created = true;
      setDatabaseHandle(handle);
      return handle;
    },
    async drop() {
      setDatabaseHandle(undefined);
      if (serverUrl && template) {
        const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

async function deliveryStatuses(handle: DatabaseHandle) {
  return selectRows<{ status: string; n: number }>(
    sql`SELECT status::text AS status, count(*)::int AS n FROM notice_deliveries WHERE channel = 'EMAIL' GROUP BY 1 ORDER BY 1`,
    handle.db,
  );
}

const database = restartableDatabase();
let handle: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let queue: NoticeQueue | undefined;
const people: Record<string, { id: number; email: string }> = {};

beforeAll(async () => {
  handle = await database.open();
  const db = handle.db;
  await importRajasthan(db);
  const make = async (key: string, email: string, locale: "en" | "hi", spec: Parameters<typeof createUser>[1]) => {
    const user = await createUser(db, spec);
    await db.insert(schema.noticePreferences).values({ userId: user.id, email, locale });
    people[key] = { id: user.id, email };
  };
  await make("collector", "collector.ajmer@example.gov.in", "en", { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
  await make("sp", "sp.ajmer@example.gov.in", "hi", { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "SP" });
  await make("commissioner", "divcom.ajmer@example.gov.in", "hi", { role: "DIVISION_OFFICER", divisionCode: "AJM", districtRole: "COLLECTOR" });
  // Email switched off: in the app only.
  const quiet = await createUser(db, { role: "SECRETARIAT" });
  await db.insert(schema.noticePreferences).values({ userId: quiet.id, email: "quiet@example.gov.in", emailEnabled: false, locale: "en" });
  people.quiet = { id: quiet.id, email: "quiet@example.gov.in" };
}, 120_000);

afterAll(async () => {
  await queue?.stop();
  await smtp?.close();
  await handle?.close();
  await database.drop();
});

describe("email through a real SMTP server", () => {
  it("sends each notice once, to the right address, in the recipient's language, with the item's link", async () => {
    smtp = await startSmtp();
    const { items } = await createPublishedMeeting(handle.db, {
      items: [
        { districtCode: "AJMER", districtRole: "COLLECTOR", dueDate: addDays(TODAY, 3) },
        { districtCode: "AJMER", districtRole: "SP", dueDate: TODAY },
        { districtCode: "TONK", districtRole: "COLLECTOR", dueDate: addDays(TODAY, -20) },
      ],
    });
    queue = await startNoticeQueue({
      handle,
      send: smtpSender(smtp.url, "Anupalan <anupalan@example.gov.in>").send,
      origin: ORIGIN,
      pollingIntervalSeconds: 0.5,
    });
    await runLadder({ today: TODAY, enqueueEmail: queue.enqueueEmail });
    await waitFor(async () => (await deliveryStatuses(handle)).every((r) => r.status === "SENT") && smtp.received.length >= 3);
    await new Promise((r) => setTimeout(r, 1500)); // time for a second send, if there were one

    const byTo = Object.fromEntries(smtp.received.map((m) => [m.to.join(","), m]));
    expect(Object.keys(byTo).sort()).toEqual(["collector.ajmer@example.gov.in", "divcom.ajmer@example.gov.in", "sp.ajmer@example.gov.in"]);
    expect(smtp.received).toHaveLength(3);

    const collector = byTo["collector.ajmer@example.gov.in"];
    expect(collector.subject).toBe("Due in 3 days: 1. Publicise the cyber helpline 1930");
    expect(collector.language).toBe("en");
    expect(collector.text).toContain(`Open the item: ${ORIGIN}/actions/${items[0].id}`);

    const sp = byTo["sp.ajmer@example.gov.in"];
    expect(sp.subject).toBe("आज नियत: 1. साइबर हेल्पलाइन 1930 का प्रचार करें");
    expect(sp.language).toBe("hi");
    expect(sp.text).toContain(`कार्य खोलें: ${ORIGIN}/actions/${items[1].id}`);

    const commissioner = byTo["divcom.ajmer@example.gov.in"];
    expect(commissioner.subject).toMatch(/^आपके संभाग में 20 दिन विलंबित/);
    expect(commissioner.text).toContain(`${ORIGIN}/actions/${items[2].id}`);

    // The secretariat user chose no email: their escalation is in the app only.
    const [quiet] = await selectRows<{ channels: string }>(
      sql`SELECT string_agg(d.channel::text, ',') AS channels FROM notices n JOIN notice_deliveries d ON d.notice_id = n.id WHERE n.user_id = ${people.quiet.id}`,
      handle.db,
    );
    expect(quiet.channels).toBe("IN_APP");
    // The audit: who, what, when, channel, delivered.
    const audit = await selectRows<{ address: string; status: string; attempts: number; sent: boolean }>(
      sql`SELECT address, status::text AS status, attempts, sent_at IS NOT NULL AS sent FROM notice_deliveries WHERE channel = 'EMAIL' ORDER BY address`,
      handle.db,
    );
    expect(audit).toEqual([
      { address: "collector.ajmer@example.gov.in", status: "SENT", attempts: 1, sent: true },
      { address: "divcom.ajmer@example.gov.in", status: "SENT", attempts: 1, sent: true },
      { address: "sp.ajmer@example.gov.in", status: "SENT", attempts: 1, sent: true },
    ]);
  }, 120_000);

  it("records a failure and retries it until the server answers", async () => {
    await queue!.stop();
    const failing = await startSmtp();
    await failing.close(); // nothing listens on its port now
    let calls = 0;
    const real = smtpSender(smtp.url, "Anupalan <anupalan@example.gov.in>");
    const refusing = smtpSender(failing.url, "Anupalan <anupalan@example.gov.in>");
    queue = await startNoticeQueue({
      handle,
      send: async (email) => {
        calls += 1;
        // The first attempt meets a closed port; the retry reaches the real server.
        await (calls === 1 ? refusing.send(email) : real.send(email));
      },
      origin: ORIGIN,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
    });
    await createPublishedMeeting(handle.db, { items: [{ districtCode: "AJMER", districtRole: "COLLECTOR", dueDate: TODAY }] });
    const before = smtp.received.length;
    await runLadder({ today: TODAY, enqueueEmail: queue.enqueueEmail });
    await waitFor(async () => {
      const [row] = await selectRows<{ status: string; attempts: number }>(
        sql`SELECT status::text AS status, attempts FROM notice_deliveries WHERE channel = 'EMAIL' ORDER BY id DESC LIMIT 1`,
        handle.db,
      );
      return row.status === "SENT";
    });
    const [row] = await selectRows<{ attempts: number; last_error: string | null }>(
      sql`SELECT attempts, last_error FROM notice_deliveries WHERE channel = 'EMAIL' ORDER BY id DESC LIMIT 1`,
      handle.db,
    );
    expect(row.attempts).toBe(2);
    expect(row.last_error).toBeNull();
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.subject).toMatch(/^Due today:/);
  }, 120_000);
});

describe("a restart in the middle", () => {
  it("of the ladder's run and of the email worker sends nothing twice and loses nothing", async () => {
    await queue!.stop();
    queue = undefined;
    await smtp.close();
    smtp = await startSmtp(150);
    const districts = ["AJMER", "BHILWARA", "NAGAUR", "TONK", "BEAWAR", "DIDWANA_KUCHAMAN"];
    // Six Ajmer-division collector items 20 days overdue: each tells the Commissioner (email) and escalates.
    const { items } = await createPublishedMeeting(handle.db, {
      meetingDate: "2026-01-05",
      items: districts.map((d) => ({ districtCode: d, districtRole: "COLLECTOR" as const, dueDate: addDays("2026-05-01", -20) })),
    });
    const day = "2026-05-01";
    const send = () => smtpSender(smtp.url, "Anupalan <anupalan@example.gov.in>").send;

    // First life: the run stops after the second item, the database handle closed under it.
    queue = await startNoticeQueue({ handle, send: send(), origin: ORIGIN, pollingIntervalSeconds: 0.5, work: false });
    let done = 0;
    await expect(
      runLadder({
        today: day,
        enqueueEmail: queue.enqueueEmail,
        executor: handle.db,
        afterItem: async () => {
          done += 1;
          if (done === 2) {
            await queue!.stop({ graceful: false });
            await handle.close();
          }
        },
      }),
    ).rejects.toThrow();

    // Second life: the same database opened again; the workers start; emails begin to go out.
    handle = await database.open();
    queue = await startNoticeQueue({ handle, send: send(), origin: ORIGIN, pollingIntervalSeconds: 0.5 });
    await waitFor(async () => smtp.received.length >= 1);
    // ... and stop again while the queue still holds emails, mid-batch.
    await queue.stop({ graceful: true });
    await handle.close();
    const sentBeforeSecondRestart = smtp.received.length;

    // Third life: the run is repeated (as the daily job would be) and the worker finishes.
    handle = await database.open();
    queue = await startNoticeQueue({ handle, send: send(), origin: ORIGIN, pollingIntervalSeconds: 0.5 });
    await runLadder({ today: day, enqueueEmail: queue.enqueueEmail });
    await waitFor(async () => {
      const rows = await selectRows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id
          WHERE d.channel = 'EMAIL' AND d.status <> 'SENT' AND n.for_date = ${day}`,
        handle.db,
      );
      return rows[0].n === 0;
    });
    await new Promise((r) => setTimeout(r, 1500));

    const itemIds = items.map((i) => i.id);
    const notices = await selectRows<{ item: number; user_id: number; kind: string }>(
      sql`SELECT action_item_id AS item, user_id, kind::text AS kind FROM notices
        WHERE action_item_id IN (${sql.join(
          itemIds.map((id) => sql`${id}`),
          sql`, `,
        )}) ORDER BY 1, 3`,
      handle.db,
    );
    // Every item: one notice to the Commissioner, one escalation to the secretariat user; none twice.
    expect(notices.filter((n) => n.kind === "OVERDUE_DIVISION").map((n) => n.item)).toEqual(itemIds);
    expect(notices.filter((n) => n.kind === "OVERDUE_ESCALATED").map((n) => n.item)).toEqual(itemIds);
    const escalated = await selectRows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM action_items WHERE id IN (${sql.join(
        itemIds.map((id) => sql`${id}`),
        sql`, `,
      )}) AND escalated_at IS NOT NULL`,
      handle.db,
    );
    expect(escalated[0].n).toBe(6);
    // The Commissioner's six emails about these items arrived, each exactly once, across three lives of the worker.
    const mine = smtp.received.filter((m) => m.to.includes(people.commissioner.email) && itemIds.some((id) => m.text.includes(`/actions/${id}\n`)));
    expect(mine).toHaveLength(6);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(6);
    expect(new Set(smtp.received.map((m) => m.messageId)).size, "no message sent twice").toBe(smtp.received.length);
    expect(sentBeforeSecondRestart).toBeGreaterThanOrEqual(1);
    expect(sentBeforeSecondRestart).toBeLessThan(6);
    expect((await deliveryStatuses(handle)).map((r) => r.status)).toEqual(["SENT"]);
  }, 180_000);
});
