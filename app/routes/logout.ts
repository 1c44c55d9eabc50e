import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit, requestOrigin } from "~/models/audit.server";
import { deleteSession } from "~/models/session.server";
import { clearSessionCookieHeader, getViewer, sessionToken } from "~/utils/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  const token = sessionToken(request);
  if (token) {
    const viewer = await getViewer(request);
    await deleteSession(token);
    if (viewer) {
      await recordAudit({ action: "auth.logout", actorId: viewer.id, actorUsername: viewer.username, ...requestOrigin(request) });
    }
  }
  throw redirect("/", { headers: { "Set-Cookie": clearSessionCookieHeader(request) } });
}

// Signing out is a POST; a GET (a typed URL, a prefetch) changes nothing.
export function loader() {
  throw redirect("/");
}
