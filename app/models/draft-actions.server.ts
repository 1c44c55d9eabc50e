// A draft's last steps (issue 11 item 5): the publish confirmation, which shows how many items each
// directive will create and publishes only if that is still the number the secretariat confirmed;
// and deleting a draft (drafts only), with its audit row. Each in one transaction.
import { sql } from "drizzle-orm";
import { db, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { recordAudit } from "./audit.server";
import { targetsSql } from "./publish-items.server";
import { publishMeeting } from "./publish.server";
import { z } from "zod";
import { MEETING_STATUSES } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";

const MEETING_ROW = z.object({
  id: col.int(),
  title_en: col.text(),
  title_hi: col.text(),
  meeting_date: col.date(),
  status: col.oneOf(MEETING_STATUSES),
});
const PREVIEW_ROW = z.object({ number: col.int(), text_en: col.text(), text_hi: col.text(), items: col.int(), has_due: col.bool() });
const SUMMARY_ROW = MEETING_ROW.extend({ directives: col.int() });
const COUNT_ROW = z.object({ n: col.int() });

type Origin = { ip: string | null; userAgent: string | null };

export interface PublishPreview {
  meeting: { id: number; titleEn: string; titleHi: string; meetingDate: string; status: string };
  directives: { number: number; textEn: string; textHi: string; items: number; complete: boolean }[];
  /** Items publishing would create now. */
  items: number;
  /** Numbers of directives without a due date or without anyone to act (publishing would refuse). */
  incomplete: number[];
}

/** What publishing the meeting would create, directive by directive; null if the viewer may not publish it. */
export async function previewPublish(viewer: Viewer, meetingId: number, tx: DbOrTx = db()): Promise<PublishPreview | null> {
  if (!can(viewer.role, "publish:meeting:any")) return null;
  const [meeting] = await selectChecked(
    MEETING_ROW,
    sql`SELECT id, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, status FROM meetings WHERE id = ${meetingId}`,
    tx,
  );
  if (!meeting) return null;
  // Drafts have no items yet, so every target is an item publishing creates (as createMissingItems does).
  const rows = await selectChecked(
    PREVIEW_ROW,
    sql`
      WITH targets AS (${targetsSql(sql`d.meeting_id = ${meetingId}`)})
      SELECT d.number, d.text_en, d.text_hi,
        (SELECT count(*)::int FROM targets t WHERE t.directive_id = d.id) AS items,
        (d.due_date IS NOT NULL OR d.due_in_days IS NOT NULL) AS has_due
      FROM directives d
      WHERE d.meeting_id = ${meetingId} AND d.withdrawn_at IS NULL
      ORDER BY d.number
    `,
    tx,
  );
  const directives = rows.map((r) => ({
    number: r.number,
    textEn: r.text_en,
    textHi: r.text_hi,
    items: r.items,
    complete: r.has_due && r.items > 0,
  }));
  return {
    meeting: { id: meeting.id, titleEn: meeting.title_en, titleHi: meeting.title_hi, meetingDate: meeting.meeting_date, status: meeting.status },
    directives,
    items: directives.reduce((sum, d) => sum + d.items, 0),
    incomplete: directives.filter((d) => !d.complete).map((d) => d.number),
  };
}

export type ConfirmedPublishResult =
  | { ok: true; items: number }
  | { ok: false; reason: "not-found" | "already-published" }
  | { ok: false; reason: "incomplete"; directives: number[] }
  /** The meeting would now create a different number of items than the one confirmed. */
  | { ok: false; reason: "changed"; items: number };

/** Publish, if the meeting would still create exactly the `expectedItems` the secretariat confirmed. */
export async function publishConfirmed(
  viewer: Viewer,
  input: { meetingId: number; expectedItems: number; origin: Origin; at?: Date },
): Promise<ConfirmedPublishResult> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`);
    const preview = await previewPublish(viewer, input.meetingId, tx);
    if (!preview) return { ok: false, reason: "not-found" } as const;
    if (preview.meeting.status !== "DRAFT") return { ok: false, reason: "already-published" } as const;
    if (preview.items !== input.expectedItems) return { ok: false, reason: "changed", items: preview.items } as const;
    const published = await publishMeeting(viewer, { meetingId: input.meetingId, at: input.at }, tx);
    if (!published.ok) return published;
    await recordAudit(
      {
        actorId: viewer.id,
        actorUsername: viewer.username,
        action: "meeting.publish",
        targetType: "meeting",
        targetId: String(input.meetingId),
        details: { items: published.items, confirmed: input.expectedItems },
        ...input.origin,
      },
      tx,
    );
    return { ok: true, items: published.items } as const;
  });
}

export interface DraftSummary {
  id: number;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  status: string;
  directives: number;
}

/** The meeting as the delete confirmation shows it; null if the viewer may not write meetings or it does not exist. */
export async function getDraftSummary(viewer: Viewer, meetingId: number): Promise<DraftSummary | null> {
  if (!can(viewer.role, "write:meeting:any")) return null;
  const [row] = await selectChecked(
    SUMMARY_ROW,
    sql`
    SELECT m.id, m.title_en, m.title_hi, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.status,
      (SELECT count(*)::int FROM directives d WHERE d.meeting_id = m.id) AS directives
    FROM meetings m WHERE m.id = ${meetingId}
  `,
  );
  return row
    ? { id: row.id, titleEn: row.title_en, titleHi: row.title_hi, meetingDate: row.meeting_date, status: row.status, directives: row.directives }
    : null;
}

export type DeleteDraftResult = { ok: true } | { ok: false; reason: "not-found" | "not-draft" };

/** Delete a draft with its directives and assignee lines (cascades); a published meeting is refused. */
export async function deleteDraftMeeting(viewer: Viewer, input: { meetingId: number; origin: Origin }): Promise<DeleteDraftResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return db().transaction(async (tx) => {
    const [meeting] = await selectChecked(
      MEETING_ROW,
      sql`SELECT id, status, title_en, title_hi, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`,
      tx,
    );
    if (!meeting) return { ok: false, reason: "not-found" } as const;
    if (meeting.status !== "DRAFT") return { ok: false, reason: "not-draft" } as const;
    const [{ n }] = await selectChecked(COUNT_ROW, sql`SELECT count(*)::int AS n FROM directives WHERE meeting_id = ${meeting.id}`, tx);
    await tx.execute(sql`DELETE FROM meetings WHERE id = ${meeting.id} AND status = 'DRAFT'`);
    await recordAudit(
      {
        actorId: viewer.id,
        actorUsername: viewer.username,
        action: "meeting.delete-draft",
        targetType: "meeting",
        targetId: String(meeting.id),
        details: { titleEn: meeting.title_en, titleHi: meeting.title_hi, meetingDate: meeting.meeting_date, directives: n },
        ...input.origin,
      },
      tx,
    );
    return { ok: true } as const;
  });
}
