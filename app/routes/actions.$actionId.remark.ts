// A division officer's remark on an item (issue 13): recorded in the item's history; the status,
// the due date and the version stay as they were.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { addReviewRemark } from "~/models/division.server";
import { reviewRemarkSchema } from "~/schemas/notices";
import { flashCookie } from "./actions.$actionId.update.server";
import { requirePermission } from "~/utils/auth.server";

function itemIdOf(params: LoaderFunctionArgs["params"]): number {
  const id = Number(params.actionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

/** The GET only points at the item page, which has its own guard. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/actions/${itemIdOf(params)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "remark:action-item:division");
  const id = itemIdOf(params);
  const form = await request.formData();
  const parsed = reviewRemarkSchema.safeParse({ remark: typeof form.get("remark") === "string" ? form.get("remark") : "" });
  if (!parsed.success) {
    const code = parsed.error.issues[0].message === "reviewRemark.tooLong" ? "too-long" : "empty";
    // Another division's item is "not found" whatever the form held.
    return redirect(`/actions/${id}?remark=${code}#remark-title`);
  }
  const result = await addReviewRemark(viewer, id, parsed.data.remark);
  if (!result) throw new Response("Not found", { status: 404 });
  return redirect(`/actions/${id}`, { headers: { "Set-Cookie": flashCookie(request, "remarked") } });
}
