// /verify's extension decisions: the form read and checked here, beside the route (the model,
// decideExtension, takes plain values).
import { decideExtension } from "~/models/extension.server";
import { extensionDecisionSchema } from "~/schemas/action-update";
import type { ExtensionDecision, ExtensionDecisionFormResult } from "~/domain/views";
import type { Viewer } from "~/utils/auth.server";

/**
 * For /verify's action: read the ExtensionRequestList form (intent grant-extension or
 * refuse-extension, requestId, remark), decide, and say what to show. Messages are dictionary keys.
 */
export async function decideExtensionFromForm(viewer: Viewer, form: FormData): Promise<ExtensionDecisionFormResult> {
  const parsed = extensionDecisionSchema.safeParse(Object.fromEntries(form));
  const rawId = Number(form.get("requestId"));
  const requestId = Number.isInteger(rawId) && rawId > 0 ? rawId : null;
  if (!parsed.success) {
    const remarkIssue = parsed.error.issues.find((i) => i.path[0] === "remark");
    return remarkIssue
      ? { ok: false, requestId, fieldErrors: { remark: remarkIssue.message } }
      : { ok: false, requestId, fieldErrors: {}, formError: "validation.invalid" };
  }
  const decision: ExtensionDecision = parsed.data.intent === "grant-extension" ? "GRANT" : "REFUSE";
  const result = await decideExtension(viewer, { requestId: parsed.data.requestId, decision, remark: parsed.data.remark });
  if (result.ok) return { ok: true, decision, requestId: parsed.data.requestId };
  const formError: Record<typeof result.reason, string> = {
    forbidden: "actions.refused.forbidden",
    "not-found": "actions.refused.not-found",
    "already-decided": "extension.error.alreadyDecided",
    "remark-required": "extension.error.refuseRemark",
    withdrawn: "actions.refused.withdrawn",
  };
  return result.reason === "remark-required"
    ? { ok: false, requestId, fieldErrors: { remark: formError[result.reason] } }
    : { ok: false, requestId, fieldErrors: {}, formError: formError[result.reason] };
}
