// The meeting editor's write: save the draft and, when asked, publish it, with the audit row, in
// one transaction, so a refusal (already published, an assignee missing) leaves nothing half-saved.
import { db } from "~/db.server";
import type { ValidMeetingForm } from "~/schemas/meeting";
import type { Viewer } from "~/utils/auth.server";
import { recordAudit } from "./audit.server";
import { saveReviewedDirectives } from "./carry-over.server";
import { saveDraftMeeting } from "./meeting-draft.server";
import { publishMeeting } from "./publish.server";

export type EditorSaveResult =
  | { ok: true; meetingId: number; /** Items created by publishing; null for a draft. */ items: number | null }
  | { ok: false; reason: "not-found" | "published" }
  /** A ticked directive is not an open directive of an earlier meeting of the series. */
  | { ok: false; reason: "carried" }
  /** Publishing refused: these directives (numbered from 1) have no assignee. */
  | { ok: false; reason: "incomplete"; directives: number[] };

type Refused = Extract<EditorSaveResult, { ok: false }>;

/** Thrown inside the transaction to roll it back with the refusal. */
class Rollback {
  constructor(readonly result: Refused) {}
}

export async function saveMeetingFromEditor(
  viewer: Viewer,
  input: { meetingId: number | null; values: ValidMeetingForm; origin: { ip: string | null; userAgent: string | null } },
): Promise<EditorSaveResult> {
  try {
    return await db().transaction(async (tx) => {
      const saved = await saveDraftMeeting(viewer, { meetingId: input.meetingId, values: input.values }, tx);
      if (!saved.ok) throw new Rollback({ ok: false, reason: saved.reason });
      // Directives of earlier meetings of the series taken up in this one (decision 011).
      const carried = await saveReviewedDirectives(viewer, { meetingId: saved.meetingId, directiveIds: input.values.carried.map(Number) }, tx);
      if (!carried.ok) throw new Rollback({ ok: false, reason: "carried" });
      if (input.values.intent !== "publish") return { ok: true, meetingId: saved.meetingId, items: null };
      const published = await publishMeeting(viewer, { meetingId: saved.meetingId }, tx);
      if (!published.ok) {
        throw new Rollback(
          published.reason === "incomplete"
            ? { ok: false, reason: "incomplete", directives: published.directives }
            : { ok: false, reason: published.reason === "not-found" ? "not-found" : "published" },
        );
      }
      await recordAudit(
        {
          actorId: viewer.id,
          actorUsername: viewer.username,
          action: "meeting.publish",
          targetType: "meeting",
          targetId: String(saved.meetingId),
          details: { items: published.items },
          ...input.origin,
        },
        tx,
      );
      return { ok: true, meetingId: saved.meetingId, items: published.items };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
