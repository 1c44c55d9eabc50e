// Deleting a draft meeting (issue 11 item 5): a confirmation page, then the deletion with its audit row.
// Only drafts: a published meeting's record stays, and its directives can only be withdrawn.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requestOrigin } from "~/models/audit.server";
import { deleteDraftMeeting, getDraftSummary } from "~/models/draft-actions.server";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { parseId, requireId } from "~/utils/params";
import { requireFormData } from "~/utils/parse-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Delete the draft · Anupalan" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = parseId(params.meetingId);
  const draft = meetingId ? await getDraftSummary(viewer, meetingId) : null;
  if (!draft) throw new Response("Not found", { status: 404 });
  return { draft };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = requireId(params.meetingId);
  const form = await requireFormData(request);
  // Only the confirmation page's own button deletes: a POST without it changes nothing.
  if (form.get("confirm") !== "delete") return data({ refused: false }, { status: 400 });
  const result = await deleteDraftMeeting(viewer, { meetingId, origin: requestOrigin(request) });
  if (result.ok) throw redirect("/meetings?deleted=1");
  if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
  return data({ refused: true }, { status: 409 });
}

export default function DeleteDraft() {
  const { draft } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const title = pickText(locale, draft.titleEn, draft.titleHi);
  const isDraft = draft.status === "DRAFT";
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link> › <Link to={`/meetings/${draft.id}`}>{title}</Link>
      </p>
      <h1 id="page-title">{t("draft.delete.title")}</h1>
      <section className="card">
        {isDraft && !answer?.refused ? (
          <>
            <p>{t("draft.delete.intro", { title, date: formatDate(draft.meetingDate, locale), n: formatNumber(draft.directives, locale) })}</p>
            <Form method="post" className="editor-actions">
              <input type="hidden" name="confirm" value="delete" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("draft.delete.submit")}
              </button>
              <Link to={`/meetings/${draft.id}/edit`} className="button button--secondary">
                {t("draft.delete.cancel")}
              </Link>
            </Form>
          </>
        ) : (
          <p className="form-error" role="alert">
            {t("draft.delete.notDraft")}
          </p>
        )}
      </section>
    </>
  );
}
