// Publishing a meeting: every live assignee line becomes action items — (directive × district × role)
// and (directive × department) — each with its CREATED history row, in set-based SQL inside the
// caller's transaction (publish-items.server.ts). The changes possible after publishing are in
// published-changes.server.ts (re-exported here) and published-corrections.server.ts.
import { eq, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { z } from "zod";
import { MEETING_STATUSES } from "~/domain/vocabulary";
import { createMissingItems, targetsSql } from "./publish-items.server";
import { col, selectChecked } from "./rows.server";

export {
  addAssignee,
  changeDirectiveDueDate,
  withdrawAssignee,
  withdrawDirective,
  type AddAssigneeResult,
  type ChangeBase,
  type DueDateChange,
  type NewAssignee,
  type PublishedChangeResult,
} from "./published-changes.server";

const { meetings } = schema;

const MEETING_ROW = z.object({ id: col.int(), status: col.oneOf(MEETING_STATUSES) });
const NUMBER_ROW = z.object({ number: col.int() });
const COUNT_ROW = z.object({ n: col.int() });

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

export type PublishResult =
  | { ok: true; items: number }
  | { ok: false; reason: "not-found" | "already-published" }
  /** Directive numbers without a due date or without anyone to act: the form should have caught them. */
  | { ok: false; reason: "incomplete"; directives: number[] };

/**
 * DRAFT → PUBLISHED: create every action item of the meeting and stamp the publication.
 * Runs in the caller's transaction, so a refusal or an error leaves nothing behind.
 */
export async function publishMeeting(viewer: Viewer, input: { meetingId: number; at?: Date }, tx: DbOrTx): Promise<PublishResult> {
  if (!can(viewer.role, "publish:meeting:any")) return { ok: false, reason: "not-found" };
  const actor = { id: viewer.id, at: input.at ?? new Date() };
  const [meeting] = await selectChecked(MEETING_ROW, sql`SELECT id, status FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`, tx);
  if (!meeting) return { ok: false, reason: "not-found" };
  if (meeting.status !== "DRAFT") return { ok: false, reason: "already-published" };

  // "N days from the meeting" is counted from the meeting date as it stands now.
  await tx.execute(sql`
    UPDATE directives d SET due_date = m.meeting_date + d.due_in_days
    FROM meetings m WHERE m.id = d.meeting_id AND d.meeting_id = ${meeting.id} AND d.due_in_days IS NOT NULL
  `);
  const incomplete = await selectChecked(
    NUMBER_ROW,
    sql`
      WITH targets AS (${targetsSql(sql`d.meeting_id = ${meeting.id}`)})
      SELECT d.number FROM directives d
      WHERE d.meeting_id = ${meeting.id} AND d.withdrawn_at IS NULL
        AND (d.due_date IS NULL OR NOT EXISTS (SELECT 1 FROM targets t WHERE t.directive_id = d.id))
      ORDER BY d.number
    `,
    tx,
  );
  const [{ n: directiveCount }] = await selectChecked(COUNT_ROW, sql`SELECT count(*)::int AS n FROM directives WHERE meeting_id = ${meeting.id}`, tx);
  if (incomplete.length > 0 || directiveCount === 0) {
    return { ok: false, reason: "incomplete", directives: incomplete.map((d) => d.number) };
  }

  const items = await createMissingItems(tx, sql`d.meeting_id = ${meeting.id}`, actor, null);
  await tx
    .update(meetings)
    .set({ status: "PUBLISHED", publishedAt: actor.at, publishedById: viewer.id, updatedAt: actor.at })
    .where(eq(meetings.id, meeting.id));
  return { ok: true, items };
}
