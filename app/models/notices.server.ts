// The inbox, notice settings, the ladder's settings and the delivery audit. Every function takes
// the viewer: a user reads and marks only their own notices; the ladder and the audit are the
// administrator's.
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { NoticePreferencesData, LadderData } from "~/schemas/notices";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { DeliveryStatus, DigestFrequency, NoticeKind } from "../../db/schema/notifications";
import { getEnv } from "../../db/env";
import { recordAudit } from "./audit.server";
import { getLadder, type LadderStepSetting } from "./reminders.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const LAST_RUN_ROW = z.object({ last: col.date().nullable() });

function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/** Whether this server emails notices (SMTP_URL is set); the settings page says so when not. */
export function emailIsConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

export async function unreadNoticeCount(viewer: Pick<Viewer, "id">): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(schema.notices)
    .where(and(eq(schema.notices.userId, viewer.id), isNull(schema.notices.readAt)));
  return row?.n ?? 0;
}

export interface InboxNotice {
  id: number;
  kind: NoticeKind;
  subject: string;
  body: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

export const INBOX_LIMIT = 200;

export async function listNotices(viewer: Viewer, options: { unreadOnly: boolean }): Promise<InboxNotice[]> {
  if (!can(viewer.role, "read:notices:own")) forbidden();
  const rows = await db()
    .select({
      id: schema.notices.id,
      kind: schema.notices.kind,
      subject: schema.notices.subject,
      body: schema.notices.body,
      link: schema.notices.link,
      createdAt: schema.notices.createdAt,
      readAt: schema.notices.readAt,
    })
    .from(schema.notices)
    .where(and(eq(schema.notices.userId, viewer.id), options.unreadOnly ? isNull(schema.notices.readAt) : undefined))
    .orderBy(desc(schema.notices.createdAt), desc(schema.notices.id))
    .limit(INBOX_LIMIT);
  return rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null }));
}

/** Marks one of the viewer's notices (or all) read; another user's notice is left alone. */
export async function markNoticesRead(viewer: Viewer, noticeId: number | "all"): Promise<number> {
  if (!can(viewer.role, "read:notices:own")) forbidden();
  const mine = and(eq(schema.notices.userId, viewer.id), isNull(schema.notices.readAt));
  const rows = await db()
    .update(schema.notices)
    .set({ readAt: new Date() })
    .where(noticeId === "all" ? mine : and(mine, eq(schema.notices.id, noticeId)))
    .returning({ id: schema.notices.id });
  return rows.length;
}

export interface NoticePreferences {
  email: string;
  emailEnabled: boolean;
  digestFrequency: DigestFrequency;
  locale: "en" | "hi";
}

export async function getNoticePreferences(viewer: Viewer): Promise<NoticePreferences> {
  const [row] = await db().select().from(schema.noticePreferences).where(eq(schema.noticePreferences.userId, viewer.id));
  return {
    email: row?.email ?? "",
    emailEnabled: row?.emailEnabled ?? true,
    digestFrequency: row?.digestFrequency ?? "WEEKLY",
    locale: row?.locale === "en" ? "en" : "hi",
  };
}

export async function saveNoticePreferences(viewer: Viewer, input: NoticePreferencesData): Promise<void> {
  if (!can(viewer.role, "read:notices:own")) forbidden();
  const values = {
    email: input.email || null,
    emailEnabled: input.emailEnabled,
    digestFrequency: input.digestFrequency,
    locale: input.locale,
    updatedAt: new Date(),
  };
  await db()
    .insert(schema.noticePreferences)
    .values({ userId: viewer.id, ...values })
    .onConflictDoUpdate({ target: schema.noticePreferences.userId, set: values });
}

// ---------------------------------------------------------------------------------------------
// The ladder (administrator)
// ---------------------------------------------------------------------------------------------

export async function getLadderSettings(viewer: Viewer): Promise<{ steps: LadderStepSetting[]; lastRun: string | null }> {
  if (!can(viewer.role, "manage:reminders:any")) forbidden();
  const [last] = await selectChecked(LAST_RUN_ROW, sql`SELECT to_char(max(for_date), 'YYYY-MM-DD') AS last FROM notices`);
  return { steps: await getLadder(), lastRun: last?.last ?? null };
}

export async function saveLadderSettings(viewer: Viewer, input: LadderData, origin: { ip: string | null; userAgent: string | null }): Promise<void> {
  if (!can(viewer.role, "manage:reminders:any")) forbidden();
  await db().transaction(async (tx) => {
    const now = new Date();
    const set = (step: LadderStepSetting["step"], offsetDays: number, enabled: boolean) =>
      tx.update(schema.ladderSteps).set({ offsetDays, enabled, updatedAt: now, updatedById: viewer.id }).where(eq(schema.ladderSteps.step, step));
    await set("DUE_SOON", -input.dueSoonDays, input.dueSoonEnabled);
    await set("DUE_TODAY", 0, input.dueTodayEnabled);
    await set("OVERDUE_DIVISION", input.divisionDays, input.divisionEnabled);
    await set("OVERDUE_ESCALATED", input.escalateDays, input.escalateEnabled);
    await recordAudit(
      {
        action: "reminders.ladder_changed",
        actorId: viewer.id,
        actorUsername: viewer.username,
        targetType: "ladder",
        targetId: "ladder",
        details: input,
        ...origin,
      },
      tx,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The delivery audit (administrator)
// ---------------------------------------------------------------------------------------------

export interface DeliveryRow {
  id: number;
  at: Date;
  sentAt: Date | null;
  username: string;
  displayName: string;
  displayNameHi: string | null;
  kind: NoticeKind;
  subject: string;
  link: string;
  channel: "IN_APP" | "EMAIL";
  address: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
}

export const DELIVERY_PAGE = 200;

export async function listDeliveries(viewer: Viewer, filters: { status?: DeliveryStatus }): Promise<DeliveryRow[]> {
  if (!can(viewer.role, "read:notice-audit:any")) forbidden();
  return db()
    .select({
      id: schema.noticeDeliveries.id,
      at: schema.noticeDeliveries.queuedAt,
      sentAt: schema.noticeDeliveries.sentAt,
      username: schema.users.username,
      displayName: schema.users.displayName,
      displayNameHi: schema.users.displayNameHi,
      kind: schema.notices.kind,
      subject: schema.notices.subject,
      link: schema.notices.link,
      channel: schema.noticeDeliveries.channel,
      address: schema.noticeDeliveries.address,
      status: schema.noticeDeliveries.status,
      attempts: schema.noticeDeliveries.attempts,
      lastError: schema.noticeDeliveries.lastError,
    })
    .from(schema.noticeDeliveries)
    .innerJoin(schema.notices, eq(schema.notices.id, schema.noticeDeliveries.noticeId))
    .innerJoin(schema.users, eq(schema.users.id, schema.notices.userId))
    .where(filters.status ? eq(schema.noticeDeliveries.status, filters.status) : undefined)
    .orderBy(desc(schema.noticeDeliveries.queuedAt), desc(schema.noticeDeliveries.id))
    .limit(DELIVERY_PAGE);
}
