import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { flashCookie, handleActionUpdate, readActionForm } from "./actions.$actionId.update.server";
import { requireAnyPermission } from "~/utils/auth.server";
import { parseId } from "~/utils/params";

// The item page's script posts its update here with XMLHttpRequest (for upload progress) and
// reads the answer as JSON; the same handler serves the page's own action for forms without
// JavaScript, so both paths validate and save identically.

export async function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/actions/${encodeURIComponent(params.actionId ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["update:action-item:own", "verify:action-item:any"]);
  const id = parseId(params.actionId);
  if (id === null) return json(404, { outcome: "refused", reason: "not-found" });
  const answer = await handleActionUpdate(viewer, id, await readActionForm(request));
  const headers: Record<string, string> = {};
  if (answer.body.outcome === "saved") headers["Set-Cookie"] = flashCookie(request, "saved");
  return json(answer.status, answer.body, headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
