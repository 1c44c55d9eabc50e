// One officer's (or the secretariat's) update of one action item, from the request to the
// answer. Shared by the item page's action (a form without JavaScript) and the upload endpoint
// the page's script posts to with progress. Nothing is written unless everything is valid, and
// the status change, its history row and its evidence go in one transaction.
import { changesSince, getActionItemState, updateActionItem } from "~/models/action-item.server";
import {
  actionUpdateSchema,
  checkEvidenceFile,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  splitLinks,
  type ActionUpdateField,
  type FileProblem,
  type UpdateFormValues,
  type UpdateOutcome,
} from "~/schemas/action-update";
import type { Viewer } from "~/utils/auth.server";
import { serializeCookie } from "~/utils/cookies.server";
import { actorFor } from "~/utils/lifecycle";
import { firstField, isMultipart, readMultipartForm, readPlainForm, type UploadedFile } from "~/utils/multipart.server";
import { parseForm } from "~/utils/parse-form";

export const FLASH_COOKIE = "anupalan_action_flash";
export type ActionFlash = "saved" | "extension-requested" | "remarked";

export function flashCookie(request: Request, flash: ActionFlash): string {
  return serializeCookie(FLASH_COOKIE, flash, { request, maxAgeSeconds: 60 });
}

export function clearFlashCookie(request: Request): string {
  return serializeCookie(FLASH_COOKIE, "", { request, maxAgeSeconds: 0 });
}

export interface UpdateAnswer {
  status: number;
  body: UpdateOutcome;
}

/** Read the form: multipart with files (limits applied while streaming), or a plain one. */
export async function readActionForm(request: Request): Promise<{ fields: Map<string, string[]>; files: UploadedFile[]; truncated: boolean }> {
  if (isMultipart(request)) {
    return readMultipartForm(request, { maxFileBytes: MAX_EVIDENCE_BYTES, maxFiles: MAX_EVIDENCE_FILES });
  }
  return { fields: await readPlainForm(request), files: [], truncated: false };
}

export async function handleActionUpdate(
  viewer: Viewer,
  actionItemId: number,
  form: { fields: Map<string, string[]>; files: UploadedFile[]; truncated: boolean },
  at: Date = new Date(),
): Promise<UpdateAnswer> {
  const raw = {
    intent: firstField(form.fields, "intent") ?? "",
    version: firstField(form.fields, "version") ?? "",
    toStatus: firstField(form.fields, "toStatus") ?? "",
    remark: firstField(form.fields, "remark") ?? "",
    links: firstField(form.fields, "links") ?? "",
  };
  const values: UpdateFormValues = { toStatus: raw.toStatus, remark: raw.remark, links: raw.links };
  const filesDropped = form.files.length;
  const invalid = (fieldErrors: Partial<Record<ActionUpdateField, string>>, fileProblems: FileProblem[] = [], status = 400): UpdateAnswer => ({
    status,
    body: { outcome: "invalid", fieldErrors, fileProblems, filesDropped, values },
  });

  const actor = actorFor(viewer.role);
  const state = await getActionItemState(viewer, actionItemId);
  if (!state || !actor) return { status: 404, body: { outcome: "refused", reason: "not-found", values } };
  if (state.withdrawn) return { status: 409, body: { outcome: "refused", reason: "withdrawn", values } };
  if (form.truncated) return invalid({ files: "actions.error.tooMuch" }, [], 413);

  // Someone changed the item since the form was filled: show what, before judging the form
  // against a status the user never saw.
  const version = Number(raw.version);
  if (Number.isInteger(version) && version > 0 && version !== state.version) {
    return conflictAnswer(viewer, actionItemId, version, values, filesDropped);
  }

  const parsed = parseForm<ReturnType<typeof actionUpdateSchema>, ActionUpdateField | "intent">(
    actionUpdateSchema({ from: state.status, actor }),
    raw,
  );
  const { intent: badIntent, ...fieldErrors }: Partial<Record<ActionUpdateField | "intent", string>> = parsed.ok ? {} : parsed.fieldErrors;
  // A form without the update intent is an old page: say so as a stale version.
  if (badIntent) fieldErrors.version ??= "actions.error.stale";
  const fileProblems: FileProblem[] = [];
  for (const file of form.files) {
    const error = checkEvidenceFile(file);
    if (error) fileProblems.push({ name: file.name, error });
  }
  if (form.files.length > MAX_EVIDENCE_FILES) fieldErrors.files = "evidence.error.tooMany";
  if (!parsed.ok || fileProblems.length > 0 || fieldErrors.files) {
    return invalid(fieldErrors, fileProblems, fieldErrors.files === "evidence.error.tooMany" ? 413 : 400);
  }

  const input = parsed.data;
  const links = splitLinks(input.links);
  const result = await updateActionItem(
    viewer,
    { actionItemId, expectedVersion: input.version, toStatus: input.toStatus, remark: input.remark, at },
    { files: form.files.map((f) => ({ name: f.name, bytes: f.bytes! })), links },
  );
  if (result.ok) return { status: 200, body: { outcome: "saved", redirectTo: `/actions/${actionItemId}` } };
  switch (result.reason) {
    case "conflict":
      return conflictAnswer(viewer, actionItemId, input.version, values, filesDropped);
    case "not-found":
      return { status: 404, body: { outcome: "refused", reason: "not-found", values } };
    case "withdrawn":
      return { status: 409, body: { outcome: "refused", reason: "withdrawn", values } };
    case "not-allowed":
      return invalid({ toStatus: "actions.error.notAllowed" });
    case "remark-required":
      return invalid({ remark: input.toStatus === "NOT_APPLICABLE" ? "actions.error.reasonRequired" : "actions.error.remarkRequired" });
  }
}

async function conflictAnswer(
  viewer: Viewer,
  actionItemId: number,
  sinceVersion: number,
  values: UpdateFormValues,
  filesDropped: number,
): Promise<UpdateAnswer> {
  const since = await changesSince(viewer, actionItemId, sinceVersion);
  if (!since) return { status: 404, body: { outcome: "refused", reason: "not-found", values } };
  return { status: 409, body: { outcome: "conflict", current: since.current, changes: since.changes, filesDropped, values } };
}
