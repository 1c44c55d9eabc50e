// Reminders, the escalation ladder and their delivery (issue 13, decisions 017 and 018).
import { sql } from "drizzle-orm";
import { bigserial, boolean, check, date, index, integer, pgEnum, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { actionItems } from "./actions";
import { users } from "./users";
import { refTo, optionalRef, moment, writtenAt } from "./columns";

/**
 * The ladder's steps, in order, and the weekly digest. Each step's day offset from the due date
 * is in ladder_steps (negative: before the due date).
 */
export const LADDER_STEPS = ["DUE_SOON", "DUE_TODAY", "OVERDUE_DIVISION", "OVERDUE_ESCALATED"] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];
/** DIRECTIVE_CORRECTED: a published directive's text was corrected (decision 022); never a ladder step. */
export const NOTICE_KINDS = [...LADDER_STEPS, "DIGEST", "DIRECTIVE_CORRECTED"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const noticeKindEnum = pgEnum("notice_kind", NOTICE_KINDS);

export const NOTICE_CHANNELS = ["IN_APP", "EMAIL"] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const noticeChannelEnum = pgEnum("notice_channel", NOTICE_CHANNELS);

/** QUEUED → SENDING → SENT, or FAILED (retried by the job queue until its retries run out). */
export const DELIVERY_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const deliveryStatusEnum = pgEnum("delivery_status", DELIVERY_STATUSES);

export const DIGEST_FREQUENCIES = ["WEEKLY", "OFF"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const digestFrequencyEnum = pgEnum("digest_frequency", DIGEST_FREQUENCIES);

/** The administrator's ladder: one row per step, seeded by the migration with 3 days before, the day, 7 and 15 after. */
export const ladderSteps = pgTable("ladder_steps", {
  step: noticeKindEnum("step").primaryKey(),
  /** Days from the due date: -3 is three days before, 7 is seven days overdue. */
  offsetDays: integer("offset_days").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  updatedAt: writtenAt("updated_at"),
  updatedById: optionalRef("updated_by_id", () => users.id),
});

/** A user's choices about notices; a user without a row gets the defaults. */
export const noticePreferences = pgTable("notice_preferences", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  email: text("email"),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  digestFrequency: digestFrequencyEnum("digest_frequency").notNull().default("WEEKLY"),
  /** The language messages are written in. */
  locale: text("locale").notNull().default("hi"),
  updatedAt: writtenAt("updated_at"),
});

/**
 * One message to one user, shown in their inbox. dedupe_key is unique: (step, item, due date,
 * recipient) for the ladder and (digest, recipient, week) for the digest, so a run repeated or
 * restarted midway inserts nothing twice, whatever the timing.
 */
export const notices = pgTable(
  "notices",
  {
    id: serial("id").primaryKey(),
    userId: refTo("user_id", () => users.id, { onDelete: "cascade" }),
    kind: noticeKindEnum("kind").notNull(),
    actionItemId: optionalRef("action_item_id", () => actionItems.id),
    /** The item's due date the step was computed from (a granted extension re-arms the ladder). */
    dueDate: date("due_date"),
    dedupeKey: text("dedupe_key").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** Path inside the app, e.g. /actions/12. */
    link: text("link").notNull(),
    /** The IST day of the run that made it. */
    forDate: date("for_date").notNull(),
    createdAt: writtenAt("created_at"),
    readAt: moment("read_at"),
  },
  (t) => [
    uniqueIndex("notices_dedupe_uq").on(t.dedupeKey),
    index("notices_user_idx").on(t.userId, t.createdAt),
    // The bell counts unread notices only.
    index("notices_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
  ],
);

/** How a notice reached (or failed to reach) its recipient: the audit the administrator reads. */
export const noticeDeliveries = pgTable(
  "notice_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    noticeId: refTo("notice_id", () => notices.id, { onDelete: "cascade" }),
    channel: noticeChannelEnum("channel").notNull(),
    /** The email address it was sent to (null in-app). */
    address: text("address"),
    status: deliveryStatusEnum("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    queuedAt: writtenAt("queued_at"),
    sentAt: moment("sent_at"),
  },
  (t) => [
    uniqueIndex("notice_deliveries_notice_channel_uq").on(t.noticeId, t.channel),
    index("notice_deliveries_queued_idx").on(t.queuedAt),
    check("notice_deliveries_email_has_address", sql`${t.channel} <> 'EMAIL' OR ${t.address} IS NOT NULL`),
  ],
);
