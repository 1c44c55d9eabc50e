// The reminder and escalation ladder, and the weekly digest (issue 13, decision 017).
//
// A run is a pure function of the database and "today" (an IST calendar date the caller passes;
// tests drive it). Every notice carries a dedupe key that is unique in the database, and each
// item's notices, their delivery rows, their email jobs and the item's escalation mark are written
// in one transaction: a run repeated, or stopped midway and started again, inserts nothing twice
// and leaves nothing half-done, however the runs are timed.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, schema, type DbOrTx, type Tx } from "~/db.server";
import { translator, type Locale, type MessageKey } from "~/i18n";
import { addDays, formatDate, formatNumber, isoDateInIndia } from "~/utils/format";
import { DISTRICT_ROLES } from "~/domain/vocabulary";
import type { LadderStep, NoticeKind } from "../../db/schema/notifications";
import { actionItemScopeSql } from "./scope.server";
import { col, selectChecked } from "./rows.server";

/** Puts one email delivery on the job queue inside the caller's transaction (app/utils/notice-queue.server.ts). */
export type EnqueueEmail = (tx: Tx, deliveryId: number) => Promise<void>;

export interface RunOptions {
  /** The IST date the run is for (yyyy-mm-dd). */
  today: string;
  /** When given, recipients who chose email get an EMAIL delivery queued with the notice. */
  enqueueEmail?: EnqueueEmail;
  /** Called after each item's transaction commits (tests stop a run midway here). */
  afterItem?: (itemId: number) => Promise<void> | void;
  executor?: DbOrTx;
}

export interface LadderStepSetting {
  step: LadderStep;
  offsetDays: number;
  enabled: boolean;
}

export async function getLadder(executor: DbOrTx = db()): Promise<LadderStepSetting[]> {
  const rows = await executor.select().from(schema.ladderSteps);
  const order: NoticeKind[] = ["DUE_SOON", "DUE_TODAY", "OVERDUE_DIVISION", "OVERDUE_ESCALATED"];
  return rows
    .filter((r) => r.step !== "DIGEST")
    .map((r) => ({ step: r.step as LadderStep, offsetDays: r.offsetDays, enabled: r.enabled }))
    .sort((a, b) => order.indexOf(a.step) - order.indexOf(b.step));
}

const ID_ROW = z.object({ id: col.int() });
const CANDIDATE_ROW = z.object({
  item_id: col.int(),
  due_date: col.date(),
  status: col.text(),
  /** today − due date, in days (negative before it). */
  rel: col.int(),
  user_id: col.int(),
  locale: col.text(),
  email: col.text().nullable(),
  email_enabled: col.bool(),
  directive_number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  unit_en: col.text(),
  unit_hi: col.text(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
});
type Candidate = z.output<typeof CANDIDATE_ROW>;

/** Who hears of each step: the officers who answer for the item, their division officer, the secretariat. */
function recipientCondition(step: LadderStep) {
  switch (step) {
    case "DUE_SOON":
    case "DUE_TODAY":
      return sql`((u.role = 'DISTRICT_OFFICER' AND u.district_id = a.district_id AND u.district_role = a.district_role)
        OR (u.role = 'DEPARTMENT_OFFICER' AND u.department_id = a.department_id))`;
    case "OVERDUE_DIVISION":
      return sql`(u.role = 'DIVISION_OFFICER' AND u.division_id = a.division_id AND u.district_role = a.district_role)`;
    case "OVERDUE_ESCALATED":
      return sql`(u.role = 'SECRETARIAT')`;
  }
}

/**
 * When a step applies, as a condition on rel = today − due date. A reminder before the due date is
 * sent on the first day of its window (and once only); "due today" only on the day itself; the
 * overdue steps from their day on, so an item that became overdue while the server was down is
 * still escalated.
 */
function windowCondition(step: LadderStep, offset: number) {
  switch (step) {
    case "DUE_SOON":
      return sql`(t.today - a.due_date) BETWEEN ${offset} AND -1`;
    case "DUE_TODAY":
      return sql`(t.today - a.due_date) = ${offset}`;
    case "OVERDUE_DIVISION":
    case "OVERDUE_ESCALATED":
      return sql`(t.today - a.due_date) >= ${offset}`;
  }
}

async function candidatesFor(step: LadderStep, offset: number, today: string, executor: DbOrTx): Promise<Candidate[]> {
  return selectChecked(
    CANDIDATE_ROW,
    sql`
      SELECT a.id AS item_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status::text AS status,
        (t.today - a.due_date) AS rel, u.id AS user_id,
        COALESCE(p.locale, 'hi') AS locale, p.email, COALESCE(p.email_enabled, true) AS email_enabled,
        d.number AS directive_number, d.text_en, d.text_hi,
        COALESCE(dist.name_en, dep.name_en, '') AS unit_en, COALESCE(dist.name_hi, dep.name_hi, '') AS unit_hi,
        a.district_role
      FROM (SELECT CAST(${today} AS date) AS today) t
      CROSS JOIN action_items a
      JOIN directives d ON d.id = a.directive_id
      LEFT JOIN districts dist ON dist.id = a.district_id
      LEFT JOIN departments dep ON dep.id = a.department_id
      JOIN users u ON u.disabled_at IS NULL AND ${recipientCondition(step)}
      LEFT JOIN notice_preferences p ON p.user_id = u.id
      WHERE a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date IS NOT NULL
        AND ${windowCondition(step, offset)}
        AND NOT EXISTS (
          SELECT 1 FROM notices n
          WHERE n.dedupe_key = ${step} || ':' || a.id || ':' || to_char(a.due_date, 'YYYY-MM-DD') || ':' || u.id
        )
      ORDER BY a.id, u.id`,
    executor,
  );
}

export function ladderDedupeKey(step: LadderStep, itemId: number, dueDate: string, userId: number): string {
  return `${step}:${itemId}:${dueDate}:${userId}`;
}

const STATUS_KEYS: Record<string, MessageKey> = {
  PENDING: "status.PENDING",
  IN_PROGRESS: "status.IN_PROGRESS",
  COMPLETED: "status.COMPLETED",
  VERIFIED: "status.VERIFIED",
  NOT_APPLICABLE: "status.NOT_APPLICABLE",
};

function asLocale(value: string): Locale {
  return value === "en" ? "en" : "hi";
}

/** Short directive text for a subject line, in the recipient's language where there is one. */
function directiveLabel(c: Pick<Candidate, "directive_number" | "text_en" | "text_hi">, locale: Locale): string {
  const text = (locale === "hi" ? c.text_hi || c.text_en : c.text_en || c.text_hi).replace(/\s+/g, " ").trim();
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `${c.directive_number}. ${short}`;
}

export function renderLadderNotice(step: LadderStep, c: Candidate): { locale: Locale; subject: string; body: string } {
  const locale = asLocale(c.locale);
  const t = translator(locale);
  const days = formatNumber(Math.abs(c.rel), locale);
  const unitName = locale === "hi" ? c.unit_hi || c.unit_en : c.unit_en || c.unit_hi;
  const unit = c.district_role ? `${unitName} · ${t(`districtRole.${c.district_role}`)}` : unitName;
  const params = {
    days,
    directive: directiveLabel(c, locale),
    unit,
    due: formatDate(c.due_date, locale),
    status: t(STATUS_KEYS[c.status] ?? "status.PENDING"),
  };
  return {
    locale,
    subject: t(`notice.${step}.subject`, params),
    body: t(`notice.${step}.body`, params),
  };
}

async function insertNotice(
  tx: Tx,
  input: {
    userId: number;
    kind: NoticeKind;
    actionItemId: number | null;
    dueDate: string | null;
    dedupeKey: string;
    locale: Locale;
    subject: string;
    body: string;
    link: string;
    forDate: string;
    email: string | null;
  },
  enqueueEmail: EnqueueEmail | undefined,
): Promise<boolean> {
  const { email, ...notice } = input;
  const [row] = await tx
    .insert(schema.notices)
    .values(notice)
    .onConflictDoNothing({ target: schema.notices.dedupeKey })
    .returning({ id: schema.notices.id });
  if (!row) return false;
  await tx.insert(schema.noticeDeliveries).values({ noticeId: row.id, channel: "IN_APP", status: "SENT", sentAt: new Date() });
  if (email && enqueueEmail) {
    const [delivery] = await tx
      .insert(schema.noticeDeliveries)
      .values({ noticeId: row.id, channel: "EMAIL", address: email, status: "QUEUED" })
      .returning({ id: schema.noticeDeliveries.id });
    await enqueueEmail(tx, delivery.id);
  }
  return true;
}

/** The notices the ladder and the digest make (a corrected directive's notice is not theirs, decision 022). */
type LadderKind = Exclude<NoticeKind, "DIRECTIVE_CORRECTED">;

export interface RunResult {
  /** Notices inserted by this run, by kind. */
  created: Record<LadderKind, number>;
  /** Items marked escalated by this run. */
  escalated: number;
}

function emptyCounts(): Record<LadderKind, number> {
  return { DUE_SOON: 0, DUE_TODAY: 0, OVERDUE_DIVISION: 0, OVERDUE_ESCALATED: 0, DIGEST: 0 };
}

/** Runs every enabled step of the ladder for `today`. */
export async function runLadder(options: RunOptions): Promise<RunResult> {
  const executor = options.executor ?? db();
  const result: RunResult = { created: emptyCounts(), escalated: 0 };
  const ladder = (await getLadder(executor)).filter((s) => s.enabled);
  const byItem = new Map<number, { step: LadderStep; c: Candidate }[]>();
  for (const { step, offsetDays } of ladder) {
    for (const c of await candidatesFor(step, offsetDays, options.today, executor)) {
      const list = byItem.get(c.item_id) ?? [];
      list.push({ step, c });
      byItem.set(c.item_id, list);
    }
  }
  // Escalation marks the item even when no secretariat user exists to tell.
  const escalation = ladder.find((s) => s.step === "OVERDUE_ESCALATED");
  const toEscalate = escalation
    ? await selectChecked(
        z.object({ id: col.int() }),
        sql`SELECT a.id FROM action_items a
          WHERE a.withdrawn_at IS NULL AND a.escalated_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS')
            AND a.due_date IS NOT NULL AND (CAST(${options.today} AS date) - a.due_date) >= ${escalation.offsetDays}`,
        executor,
      )
    : [];
  const escalateIds = new Set(toEscalate.map((r) => r.id));
  const itemIds = [...new Set([...byItem.keys(), ...escalateIds])].sort((a, b) => a - b);
  for (const itemId of itemIds) {
    await executor.transaction(async (tx) => {
      for (const { step, c } of byItem.get(itemId) ?? []) {
        const text = renderLadderNotice(step, c);
        const inserted = await insertNotice(
          tx,
          {
            userId: c.user_id,
            kind: step,
            actionItemId: c.item_id,
            dueDate: c.due_date,
            dedupeKey: ladderDedupeKey(step, c.item_id, c.due_date, c.user_id),
            ...text,
            link: `/actions/${c.item_id}`,
            forDate: options.today,
            email: c.email_enabled && c.email ? c.email : null,
          },
          options.enqueueEmail,
        );
        if (inserted) result.created[step] += 1;
      }
      if (escalateIds.has(itemId)) {
        const marked = await selectChecked(
          ID_ROW,
          sql`UPDATE action_items SET escalated_at = now() WHERE id = ${itemId} AND escalated_at IS NULL RETURNING id`,
          tx,
        );
        result.escalated += marked.length;
      }
    });
    await options.afterItem?.(itemId);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Weekly digest
// ---------------------------------------------------------------------------------------------

/** Monday of the ISO week that holds `date` (yyyy-mm-dd). */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((weekday + 6) % 7));
}

const DIGEST_RECIPIENT_ROW = z.object({
  id: col.int(),
  username: col.text(),
  display_name: col.text(),
  role: col.oneOf(["DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "DIVISION_OFFICER"]),
  district_id: col.int().nullable(),
  district_role: col.oneOf(DISTRICT_ROLES).nullable(),
  department_id: col.int().nullable(),
  division_id: col.int().nullable(),
  locale: col.text(),
  email: col.text().nullable(),
  email_enabled: col.bool(),
});
const DIGEST_COUNTS_ROW = z.object({ open: col.int(), due_soon: col.int(), overdue: col.int() });

/**
 * One digest per officer per ISO week (open, due in the next 7 days, overdue in their scope),
 * for those whose digest is WEEKLY. Sent on the first run of the week, so a Monday missed is made
 * up on Tuesday; the week in the dedupe key keeps it to one.
 */
export async function runDigests(options: RunOptions): Promise<number> {
  const executor = options.executor ?? db();
  const week = weekStart(options.today);
  const recipients = await selectChecked(
    DIGEST_RECIPIENT_ROW,
    sql`SELECT u.id, u.username, u.display_name, u.role::text AS role, u.district_id, u.district_role, u.department_id,
        u.division_id, COALESCE(p.locale, 'hi') AS locale, p.email, COALESCE(p.email_enabled, true) AS email_enabled
      FROM users u LEFT JOIN notice_preferences p ON p.user_id = u.id
      WHERE u.disabled_at IS NULL AND u.role IN ('DISTRICT_OFFICER', 'DEPARTMENT_OFFICER', 'DIVISION_OFFICER')
        AND COALESCE(p.digest_frequency, 'WEEKLY') = 'WEEKLY'
        AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.dedupe_key = 'DIGEST:' || u.id || ':' || ${week})
      ORDER BY u.id`,
    executor,
  );
  let created = 0;
  for (const r of recipients) {
    const scope = actionItemScopeSql(
      {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        districtId: r.district_id,
        districtRole: r.district_role,
        departmentId: r.department_id,
        divisionId: r.division_id,
        mustChangePassword: false,
      },
      "a",
    );
    const [counts] = await selectChecked(
      DIGEST_COUNTS_ROW,
      sql`SELECT count(*)::int AS open,
          count(*) FILTER (WHERE a.due_date BETWEEN CAST(${options.today} AS date) AND CAST(${options.today} AS date) + 7)::int AS due_soon,
          count(*) FILTER (WHERE a.due_date < CAST(${options.today} AS date))::int AS overdue
        FROM action_items a
        WHERE a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS') AND ${scope}`,
      executor,
    );
    const locale = asLocale(r.locale);
    const t = translator(locale);
    const params = {
      open: formatNumber(counts.open, locale),
      dueSoon: formatNumber(counts.due_soon, locale),
      overdue: formatNumber(counts.overdue, locale),
    };
    const inserted = await executor.transaction((tx) =>
      insertNotice(
        tx,
        {
          userId: r.id,
          kind: "DIGEST",
          actionItemId: null,
          dueDate: null,
          dedupeKey: `DIGEST:${r.id}:${week}`,
          locale,
          subject: t("notice.DIGEST.subject", params),
          body: t("notice.DIGEST.body", params),
          link: r.role === "DIVISION_OFFICER" ? "/division" : "/actions",
          forDate: options.today,
          email: r.email_enabled && r.email ? r.email : null,
        },
        options.enqueueEmail,
      ),
    );
    if (inserted) created += 1;
  }
  return created;
}

/** The daily job: the ladder, then the digests. `now` decides the IST date unless `today` is given. */
export async function runDailyNotices(options: Omit<RunOptions, "today"> & { today?: string; now?: Date }) {
  const today = options.today ?? isoDateInIndia(options.now ?? new Date());
  const ladder = await runLadder({ ...options, today });
  const digests = await runDigests({ ...options, today });
  return { today, ...ladder, digests };
}
