import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition, findEvidenceFile } from "~/models/evidence.server";
import { requireAnyPermission } from "~/utils/auth.server";
import { parseId } from "~/utils/params";

// An evidence file, for those who may see its item (the scope is inside the query: another
// district's file answers 404 as if it did not exist). Always a download, never rendered
// inline, and the browser is told not to guess the type.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:action-item:own", "read:action-item:any"]);
  const actionItemId = parseId(params.actionId);
  const evidenceId = parseId(params.evidenceId);
  const file = actionItemId && evidenceId ? await findEvidenceFile(viewer, actionItemId, evidenceId) : null;
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.content), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      ETag: `"${file.sha256}"`,
    },
  });
}
