// The meeting editor's action, shared by /meetings/new and /meetings/:meetingId/edit.
//
// intent=save-draft and intent=publish validate with the editor's one schema and then save
// (and publish) in one transaction (saveMeetingFromEditor), so a refusal leaves nothing half-saved. The other intents
// serve the form when JavaScript is off: paste the minutes, add, remove or move a directive —
// each answers with the form's values changed, for the user to carry on editing.
import { data, redirect } from "@remix-run/node";
import type { DroppedPassage } from "~/utils/minutes";
import { directivesFromPastedText } from "~/utils/minutes/to-directives";
import type { MessageKey } from "~/i18n";
import { directiveAudit, recordAudit, requestOrigin } from "~/models/audit.server";
import { saveMeetingFromEditor } from "~/models/meeting-save.server";
import { getMasterData, masterCodes } from "~/models/meeting-master.server";
import {
  addAssignee,
  changeDirectiveDueDate,
  withdrawAssignee,
  withdrawDirective,
  type AddAssigneeResult,
  type PublishedChangeResult,
} from "~/models/publish.server";
import { newAssigneeFrom } from "~/models/published-changes.server";
import { emptyDirective, fieldErrorsFrom, LIMITS, meetingFormSchema, type FieldErrors, type MeetingFormValues } from "~/schemas/meeting";
import { meetingValuesFromFormData } from "~/schemas/meeting-form-data";
import { publishedChangeSchema, publishedChangeValuesFromFormData, type PublishedChangeValues } from "~/schemas/published-change";
import { denyAccess, type Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { requireFormData } from "~/utils/parse-form";

export interface EditorActionData {
  values: MeetingFormValues;
  fieldErrors?: FieldErrors;
  formError?: MessageKey;
  notice?: { key: MessageKey; params?: Record<string, number> };
  /** What "paste the minutes" left out, and why. */
  dropped?: DroppedPassage[];
}

const MOVE_INTENT = /^(remove-directive|move-up|move-down):(\d{1,4})$/;

export async function meetingEditorAction(request: Request, viewer: Viewer, meetingId: number | null) {
  const form = await requireFormData(request);
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : "";
  const values = meetingValuesFromFormData(form);
  if (intent === "publish" && !can(viewer.role, "publish:meeting:any")) await denyAccess(request, viewer, "publish:meeting:any");

  // The editor's Publish button sends confirmStep: save, then the confirmation page with the item count (publish route).
  if (intent === "save-draft" || intent === "publish") return saveOrPublish(request, viewer, meetingId, values, form.get("confirmStep") === "1");
  if (intent === "paste") return paste(values, form);
  if (intent === "add-directive") {
    if (values.directives.length < LIMITS.directives) values.directives.push(emptyDirective());
    return data<EditorActionData>({ values });
  }
  const move = MOVE_INTENT.exec(intent);
  if (move && Number(move[2]) < values.directives.length) {
    const index = Number(move[2]);
    const list = values.directives;
    if (move[1] === "remove-directive") list.splice(index, 1);
    const target = move[1] === "move-up" ? index - 1 : move[1] === "move-down" ? index + 1 : -1;
    if (target >= 0 && target < list.length) [list[index], list[target]] = [list[target], list[index]];
    return data<EditorActionData>({ values });
  }
  return data<EditorActionData>({ values, formError: "meetings.error.unknownIntent" }, { status: 400 });
}

async function paste(values: MeetingFormValues, form: FormData) {
  const text = form.get("pasteText");
  const master = await getMasterData();
  const result = directivesFromPastedText(typeof text === "string" ? text : "", values.meetingDate, master, `${values.chairEn} ${values.chairHi}`);
  const room = LIMITS.directives - values.directives.length;
  values.directives.push(...result.directives.slice(0, Math.max(0, room)));
  const notice: EditorActionData["notice"] =
    result.directives.length === 0
      ? { key: "meetings.paste.nothingFound" }
      : {
          key: result.withoutAssignee > 0 ? "meetings.paste.addedUnassigned" : "meetings.paste.added",
          params: { n: Math.min(result.directives.length, room), unassigned: result.withoutAssignee },
        };
  return data<EditorActionData>({ values, notice, dropped: result.dropped });
}

async function saveOrPublish(request: Request, viewer: Viewer, meetingId: number | null, values: MeetingFormValues, confirmStep = false) {
  const master = await getMasterData();
  const parsed = meetingFormSchema(masterCodes(master)).safeParse(values);
  if (!parsed.success) {
    return data<EditorActionData>({ values, fieldErrors: fieldErrorsFrom(parsed.error), formError: "validation.fixErrors" }, { status: 400 });
  }
  const toConfirm = confirmStep && parsed.data.intent === "publish";
  const toSave = toConfirm ? { ...parsed.data, intent: "save-draft" as const } : parsed.data;
  const outcome = await saveMeetingFromEditor(viewer, { meetingId, values: toSave, origin: requestOrigin(request) });
  if (!outcome.ok) {
    if (outcome.reason === "incomplete") {
      const fieldErrors: FieldErrors = {};
      for (const n of outcome.directives) fieldErrors[`directives.${n - 1}.assignees`] = "meetings.error.assigneeRequired";
      return data<EditorActionData>({ values, formError: "meetings.error.incomplete", fieldErrors }, { status: 400 });
    }
    if (outcome.reason === "carried") {
      return data<EditorActionData>(
        { values, formError: "validation.fixErrors", fieldErrors: { carried: "review.error.notCandidate" } },
        { status: 400 },
      );
    }
    if (outcome.reason === "not-found") throw new Response("Not found", { status: 404 });
    return data<EditorActionData>({ values, formError: "meetings.error.alreadyPublished" }, { status: 409 });
  }
  if (outcome.items !== null) throw redirect(`/meetings/${outcome.meetingId}?published=${outcome.items}`);
  if (toConfirm) throw redirect(`/meetings/${outcome.meetingId}/publish`);
  throw redirect(`/meetings/${outcome.meetingId}/edit?saved=1`);
}

// ---------------------------------------------------------------------------------------------
// A published meeting's edit page: one change at a time, each with its reason.
// ---------------------------------------------------------------------------------------------

export interface PublishedChangeActionData {
  values: PublishedChangeValues;
  fieldErrors?: FieldErrors;
  formError?: MessageKey;
}

const REFUSALS: Record<string, MessageKey> = {
  "not-found": "meetings.change.refused.notFound",
  "not-published": "meetings.change.refused.notPublished",
  "directive-withdrawn": "meetings.change.refused.directiveWithdrawn",
  "assignee-withdrawn": "meetings.change.refused.assigneeWithdrawn",
  unchanged: "meetings.change.refused.unchanged",
  "unknown-code": "meetings.error.unknownDistrict",
};

export async function publishedChangeAction(request: Request, viewer: Viewer, meeting: { id: number; meetingDate: string }) {
  const form = await requireFormData(request);
  const values = publishedChangeValuesFromFormData(form);
  const master = await getMasterData();
  const parsed = publishedChangeSchema(masterCodes(master), meeting.meetingDate).safeParse(values);
  if (!parsed.success) {
    return data<PublishedChangeActionData>({ values, fieldErrors: fieldErrorsFrom(parsed.error) }, { status: 400 });
  }
  const change = parsed.data;
  const base = { meetingId: meeting.id, directiveId: Number(change.directiveId), reason: change.reason };
  let result: PublishedChangeResult | AddAssigneeResult;
  let done: string;
  switch (change.intent) {
    case "withdraw-directive":
      result = await withdrawDirective(viewer, base);
      done = "directive-withdrawn";
      break;
    case "withdraw-assignee":
      result = await withdrawAssignee(viewer, { ...base, assigneeId: Number(change.assigneeId) });
      done = "assignee-withdrawn";
      break;
    case "change-due-date":
      result = await changeDirectiveDueDate(
        viewer,
        change.dueMode === "DATE"
          ? { ...base, dueMode: "DATE", dueDate: change.dueDate }
          : { ...base, dueMode: "DAYS", dueInDays: Number(change.dueInDays) },
      );
      done = "due-date-changed";
      break;
    case "add-assignee":
      result = await addAssignee(viewer, { ...base, assignee: newAssigneeFrom(change) });
      done = "assignee-added";
      break;
  }
  if (!result.ok) {
    const status = result.reason === "not-found" ? 404 : 409;
    return data<PublishedChangeActionData>({ values, formError: REFUSALS[result.reason] ?? "validation.invalid" }, { status });
  }
  const count = "affected" in result ? result.affected : result.created + result.reinstated;
  await recordAudit({
    ...directiveAudit(viewer, change.directiveId, requestOrigin(request)),
    action: `meeting.${change.intent}`,
    details: { meetingId: meeting.id, reason: change.reason, items: count },
  });
  throw redirect(`/meetings/${meeting.id}/edit?done=${done}&n=${count}#directive-${change.directiveId}`);
}
