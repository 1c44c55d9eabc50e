// Email deliveries of notices: claimed, sent and recorded one at a time by the job queue's worker
// (app/utils/notice-queue.server.ts, decision 018).
import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "~/db.server";
import { translator, type Locale } from "~/i18n";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const CLAIMED_ROW = z.object({
  id: col.int(),
  address: col.text(),
  notice_id: col.int(),
  subject: col.text(),
  body: col.text(),
  link: col.text(),
  locale: col.text(),
});
const STATUS_ROW = z.object({ status: col.text() });

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The same for every attempt, so a mail client can recognise a resend after a crash. */
  messageId: string;
  locale: Locale;
}

export type SendEmail = (email: OutgoingEmail) => Promise<void>;

export type DeliveryOutcome = "sent" | "already-sent" | "unknown";

/** The email text of a notice: its body, the link straight to the item, and where to change settings. */
export function emailFor(
  notice: { id: number; subject: string; body: string; link: string; locale: string },
  to: string,
  origin: string,
): OutgoingEmail {
  const locale: Locale = notice.locale === "en" ? "en" : "hi";
  const t = translator(locale);
  const link = new URL(notice.link, origin).toString();
  const settings = new URL("/account/notices", origin).toString();
  const host = new URL(origin).hostname || "anupalan";
  return {
    to,
    subject: notice.subject,
    text: `${notice.body}\n\n${t(notice.link.startsWith("/actions/") ? "notice.open" : "notice.openList")}: ${link}\n\n— ${t("notice.emailFooter", { link: settings })}\n`,
    messageId: `<notice-${notice.id}@${host}>`,
    locale,
  };
}

/**
 * Sends one EMAIL delivery unless it was sent already. The row is claimed (SENDING, attempts + 1)
 * before the SMTP conversation and marked SENT after it; a failure marks it FAILED with the error
 * and throws, so the queue retries. The queue hands a job to one worker at a time, so a row found
 * SENDING belongs to an attempt that died mid-conversation: it is sent again with the same
 * Message-ID (decision 018).
 */
export async function deliverEmail(deliveryId: number, send: SendEmail, origin: string, executor: DbOrTx = db()): Promise<DeliveryOutcome> {
  const [claimed] = await selectChecked(
    CLAIMED_ROW,
    sql`UPDATE notice_deliveries d SET status = 'SENDING', attempts = d.attempts + 1
      FROM notices n
      WHERE d.id = ${deliveryId} AND d.channel = 'EMAIL' AND d.status <> 'SENT' AND n.id = d.notice_id
      RETURNING d.id, d.address, n.id AS notice_id, n.subject, n.body, n.link, n.locale`,
    executor,
  );
  if (!claimed) {
    const [row] = await selectChecked(STATUS_ROW, sql`SELECT status::text AS status FROM notice_deliveries WHERE id = ${deliveryId}`, executor);
    return row ? "already-sent" : "unknown";
  }
  const email = emailFor(
    { id: claimed.notice_id, subject: claimed.subject, body: claimed.body, link: claimed.link, locale: claimed.locale },
    claimed.address,
    origin,
  );
  try {
    await send(email);
  } catch (error) {
    const message = (error as Error).message?.slice(0, 500) || String(error);
    await executor.execute(sql`UPDATE notice_deliveries SET status = 'FAILED', last_error = ${message} WHERE id = ${deliveryId}`);
    throw error;
  }
  await executor.execute(sql`UPDATE notice_deliveries SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = ${deliveryId}`);
  return "sent";
}
