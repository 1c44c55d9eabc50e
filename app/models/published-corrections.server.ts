// Correcting published minutes (issue 11 item 5, decision 022): a directive's text corrected in place,
// with the old and new text, who, when and why kept in directive_corrections, a TEXT_CORRECTED row in
// the history of each of its live items and an in-app notice to each officer who answers for one; and
// a directive added to a published meeting, whose items are created exactly as publishing creates them
// (createMissingItems), the reason on each CREATED row. Each change is one transaction.
import { sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/db.server";
import { isLocale, translator } from "~/i18n";
import type { Viewer } from "~/utils/auth.server";
import { isoDateInIndia } from "~/utils/format";
import { can } from "~/utils/permissions";
import type { DirectiveCorrectionView } from "~/domain/correction-views";
import type { Priority } from "../../db/schema";
import { directiveAudit, recordAudit } from "./audit.server";
import { createMissingItems, inTransaction, lockDirective, timestamp } from "./publish-items.server";
import { insertAssigneeLine, type NewAssignee } from "./published-changes.server";
import { actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { MEETING_STATUSES } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";

const ID_ROW = z.object({ id: col.int() });
const COUNT_ROW = z.object({ n: col.int() });
const TEXT_ROW = z.object({ text_en: col.text(), text_hi: col.text() });
const NEXT_ROW = z.object({ next: col.int() });
const MEETING_ROW = z.object({ id: col.int(), status: col.oneOf(MEETING_STATUSES) });
const NOTICE_ROW = z.object({
  item_id: col.int(),
  user_id: col.int(),
  locale: col.text(),
  number: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  text_en: col.text(),
  text_hi: col.text(),
});
const CORRECTION_ROW = z.object({
  id: col.int(),
  at: col.timestamp(),
  reason: col.text(),
  old_text_en: col.text(),
  old_text_hi: col.text(),
  new_text_en: col.text(),
  new_text_hi: col.text(),
  actor_name: col.text().nullable(),
});
const TO_CORRECT_ROW = z.object({
  meeting_id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
  status: col.oneOf(MEETING_STATUSES),
  id: col.int(),
  number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  withdrawn: col.bool(),
  live_items: col.int(),
});

export type { DirectiveCorrectionView } from "~/domain/correction-views";

type Origin = { ip: string | null; userAgent: string | null };

export interface TextCorrection {
  meetingId: number;
  directiveId: number;
  textEn: string;
  textHi: string;
  reason: string;
  at?: Date;
  origin?: Origin;
}

export type CorrectionResult =
  | { ok: true; correctionId: number; items: number; notified: number }
  | { ok: false; reason: "not-found" | "not-published" | "directive-withdrawn" | "unchanged" };

/** Correct a published directive's text (both languages at once); see the file's head. */
export async function correctDirectiveText(viewer: Viewer, change: TextCorrection, tx?: DbOrTx): Promise<CorrectionResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return inTransaction(tx, async (t) => {
    const directive = await lockDirective(t, change.meetingId, change.directiveId);
    if ("ok" in directive) return directive;
    if (directive.withdrawn) return { ok: false, reason: "directive-withdrawn" };
    const [old] = await selectChecked(TEXT_ROW, sql`SELECT text_en, text_hi FROM directives WHERE id = ${directive.id}`, t);
    const textEn = change.textEn.trim();
    const textHi = change.textHi.trim();
    if (old.text_en === textEn && old.text_hi === textHi) return { ok: false, reason: "unchanged" };
    const at = change.at ?? new Date();
    const [correction] = await t
      .insert(schema.directiveCorrections)
      .values({
        directiveId: directive.id,
        meetingId: directive.meetingId,
        at,
        actorId: viewer.id,
        reason: change.reason,
        oldTextEn: old.text_en,
        oldTextHi: old.text_hi,
        newTextEn: textEn,
        newTextHi: textHi,
      })
      .returning({ id: schema.directiveCorrections.id });
    await t.execute(sql`UPDATE directives SET text_en = ${textEn}, text_hi = ${textHi}, updated_at = ${timestamp(at)} WHERE id = ${directive.id}`);
    // Every live item moves on a version, so a form opened on the old text meets a conflict naming the correction.
    const [row] = await selectChecked(
      COUNT_ROW,
      sql`
        WITH changed AS (
          UPDATE action_items a SET version = a.version + 1, updated_at = ${timestamp(at)}, updated_by_id = ${viewer.id}
          WHERE a.directive_id = ${directive.id} AND a.withdrawn_at IS NULL
          RETURNING a.id, a.status, a.version
        ),
        history AS (
          INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, remark, version, directive_correction_id)
          SELECT id, ${timestamp(at)}, ${viewer.id}, 'TEXT_CORRECTED', status, status, ${change.reason}, version, ${correction.id} FROM changed
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM history
      `,
      t,
    );
    const notified = await noticeOfCorrection(t, { correctionId: correction.id, directiveId: directive.id, at, reason: change.reason });
    await recordAudit(
      {
        ...directiveAudit(viewer, directive.id, change.origin),
        action: "meeting.correct-text",
        details: { meetingId: directive.meetingId, reason: change.reason, items: row.n, notified },
      },
      t,
    );
    return { ok: true, correctionId: correction.id, items: row.n, notified };
  });
}

/** One in-app notice per live item and officer who answers for it, in the officer's language. */
async function noticeOfCorrection(t: DbOrTx, input: { correctionId: number; directiveId: number; at: Date; reason: string }): Promise<number> {
  const rows = await selectChecked(
    NOTICE_ROW,
    sql`
      SELECT a.id AS item_id, u.id AS user_id, COALESCE(p.locale, 'hi') AS locale, d.number,
        m.title_en, m.title_hi, d.text_en, d.text_hi
      FROM action_items a
      JOIN directives d ON d.id = a.directive_id
      JOIN meetings m ON m.id = d.meeting_id
      JOIN users u ON u.disabled_at IS NULL AND (
        (u.role = 'DISTRICT_OFFICER' AND u.district_id = a.district_id AND u.district_role = a.district_role)
        OR (u.role = 'DEPARTMENT_OFFICER' AND u.department_id = a.department_id))
      LEFT JOIN notice_preferences p ON p.user_id = u.id
      WHERE a.directive_id = ${input.directiveId} AND a.withdrawn_at IS NULL
      ORDER BY a.id, u.id
    `,
    t,
  );
  if (rows.length === 0) return 0;
  const forDate = isoDateInIndia(input.at);
  const values = rows.map((r) => {
    const locale = isLocale(r.locale) ? r.locale : "hi";
    const tr = translator(locale);
    const hi = locale === "hi";
    const params = {
      n: r.number,
      meeting: (hi ? r.title_hi || r.title_en : r.title_en || r.title_hi).trim(),
      text: (hi ? r.text_hi || r.text_en : r.text_en || r.text_hi).replace(/\s+/g, " ").trim(),
      reason: input.reason,
    };
    return {
      userId: r.user_id,
      kind: "DIRECTIVE_CORRECTED" as const,
      actionItemId: r.item_id,
      dedupeKey: `correction:${input.correctionId}:${r.item_id}:${r.user_id}`,
      locale,
      subject: tr("corrections.notice.subject", params),
      body: tr("corrections.notice.body", params),
      link: `/actions/${r.item_id}`,
      forDate,
    };
  });
  const inserted = await t.insert(schema.notices).values(values).onConflictDoNothing().returning({ id: schema.notices.id });
  if (inserted.length > 0) {
    await t
      .insert(schema.noticeDeliveries)
      .values(inserted.map((n) => ({ noticeId: n.id, channel: "IN_APP" as const, status: "SENT" as const, sentAt: input.at })));
  }
  return inserted.length;
}

/** The corrections of the directive of an item the viewer may see, newest first (the item page). */
export async function listCorrectionsForItem(viewer: Viewer, actionItemId: number): Promise<DirectiveCorrectionView[]> {
  const rows = await selectChecked(
    CORRECTION_ROW,
    sql`
    SELECT c.id, c.at, c.reason, c.old_text_en, c.old_text_hi, c.new_text_en, c.new_text_hi, u.display_name AS actor_name
    FROM action_items a
    JOIN directive_corrections c ON c.directive_id = a.directive_id
    LEFT JOIN users u ON u.id = c.actor_id
    WHERE a.id = ${actionItemId} AND ${actionItemScopeSql(viewer, "a")}
    ORDER BY c.at DESC, c.id DESC
  `,
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    reason: r.reason,
    actorName: r.actor_name,
    oldTextEn: r.old_text_en,
    oldTextHi: r.old_text_hi,
    newTextEn: r.new_text_en,
    newTextHi: r.new_text_hi,
  }));
}

export interface NewPublishedDirective {
  meetingId: number;
  textEn: string;
  textHi: string;
  categoryCode: string | null;
  priority: Priority;
  dueDate: string;
  assignee: NewAssignee;
  reason: string;
  at?: Date;
  origin?: Origin;
}

export type AddDirectiveResult =
  { ok: true; directiveId: number; number: number; items: number } | { ok: false; reason: "not-found" | "not-published" | "unknown-code" };

/** Thrown inside the transaction to roll back what was written before a refusal. */
class Refusal {
  constructor(readonly reason: "unknown-code") {}
}

/** A new directive on a published meeting, numbered after the last, with its items as publishing makes them. */
export async function addPublishedDirective(viewer: Viewer, input: NewPublishedDirective, tx?: DbOrTx): Promise<AddDirectiveResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  try {
    return await inTransaction(tx, async (t) => {
      const [meeting] = await selectChecked(MEETING_ROW, sql`SELECT id, status FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`, t);
      if (!meeting) return { ok: false, reason: "not-found" } as const;
      if (meeting.status !== "PUBLISHED") return { ok: false, reason: "not-published" } as const;
      const [category] = input.categoryCode ? await selectChecked(ID_ROW, sql`SELECT id FROM categories WHERE code = ${input.categoryCode}`, t) : [];
      if (input.categoryCode && !category) throw new Refusal("unknown-code");
      const at = input.at ?? new Date();
      const [{ next }] = await selectChecked(
        NEXT_ROW,
        sql`SELECT coalesce(max(number), 0)::int + 1 AS next FROM directives WHERE meeting_id = ${meeting.id}`,
        t,
      );
      const [directive] = await t
        .insert(schema.directives)
        .values({
          meetingId: meeting.id,
          number: next,
          textEn: input.textEn.trim(),
          textHi: input.textHi.trim(),
          categoryId: category?.id ?? null,
          priority: input.priority,
          dueDate: input.dueDate,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: schema.directives.id, number: schema.directives.number });
      if (!(await insertAssigneeLine(t, directive.id, input.assignee))) throw new Refusal("unknown-code");
      const items = await createMissingItems(t, sql`d.id = ${directive.id}`, { id: viewer.id, at }, input.reason);
      await recordAudit(
        {
          ...directiveAudit(viewer, directive.id, input.origin),
          action: "meeting.add-directive",
          details: { meetingId: meeting.id, number: directive.number, reason: input.reason, items },
        },
        t,
      );
      return { ok: true, directiveId: directive.id, number: directive.number, items } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}

export interface DirectiveToCorrect {
  meetingId: number;
  meetingTitleEn: string;
  meetingTitleHi: string;
  meetingDate: string;
  published: boolean;
  id: number;
  number: number;
  textEn: string;
  textHi: string;
  withdrawn: boolean;
  liveItems: number;
}

/** The directive as the correction form shows it; null when the viewer may not correct it or it does not exist. */
export async function getDirectiveToCorrect(viewer: Viewer, meetingId: number, directiveId: number): Promise<DirectiveToCorrect | null> {
  if (!can(viewer.role, "write:meeting:any")) return null;
  const [r] = await selectChecked(
    TO_CORRECT_ROW,
    sql`
    SELECT m.id AS meeting_id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.status,
      d.id, d.number, d.text_en, d.text_hi, d.withdrawn_at IS NOT NULL AS withdrawn,
      (SELECT count(*)::int FROM action_items a WHERE a.directive_id = d.id AND a.withdrawn_at IS NULL) AS live_items
    FROM directives d JOIN meetings m ON m.id = d.meeting_id
    WHERE d.id = ${directiveId} AND d.meeting_id = ${meetingId}
  `,
  );
  if (!r) return null;
  return {
    meetingId: r.meeting_id,
    meetingTitleEn: r.title_en,
    meetingTitleHi: r.title_hi,
    meetingDate: r.meeting_date,
    published: r.status === "PUBLISHED",
    id: r.id,
    number: r.number,
    textEn: r.text_en,
    textHi: r.text_hi,
    withdrawn: r.withdrawn,
    liveItems: r.live_items,
  };
}
