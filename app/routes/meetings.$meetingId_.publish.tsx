// The publish confirmation (issue 11 item 5): how many action items publishing will create, directive by
// directive, before anything is created. A server page, so it works the same with JavaScript and without;
// the form carries the number shown, and the server publishes only if that is still the number.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requestOrigin } from "~/models/audit.server";
import { previewPublish, publishConfirmed } from "~/models/draft-actions.server";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, pluralKey } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { parseId, requireId } from "~/utils/params";
import { requireFormData } from "~/utils/parse-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Publish the meeting · Anupalan" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "publish:meeting:any");
  const meetingId = parseId(params.meetingId);
  const preview = meetingId ? await previewPublish(viewer, meetingId) : null;
  if (!preview) throw new Response("Not found", { status: 404 });
  if (preview.meeting.status !== "DRAFT") throw redirect(`/meetings/${preview.meeting.id}`);
  return { preview };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "publish:meeting:any");
  const meetingId = requireId(params.meetingId);
  const form = await requireFormData(request);
  const raw = String(form.get("expectedItems") ?? "");
  const expectedItems = /^\d{1,7}$/.test(raw) ? Number(raw) : -1;
  const result = await publishConfirmed(viewer, { meetingId, expectedItems, origin: requestOrigin(request) });
  if (result.ok) throw redirect(`/meetings/${meetingId}?published=${result.items}`);
  if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
  if (result.reason === "already-published") throw redirect(`/meetings/${meetingId}`);
  return data({ refused: result }, { status: 409 });
}

export default function PublishMeeting() {
  const { preview } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const title = pickText(locale, preview.meeting.titleEn, preview.meeting.titleHi);
  const refused = answer?.refused;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link> › <Link to={`/meetings/${preview.meeting.id}/edit`}>{title}</Link>
      </p>
      <h1 id="page-title">{t("publish.confirm.title")}</h1>
      <p className="muted">
        {title} · {formatDate(preview.meeting.meetingDate, locale)}
      </p>
      {refused?.reason === "changed" ? (
        <p className="form-error" role="alert">
          {t("publish.confirm.changed", { n: n(refused.items) })}
        </p>
      ) : null}
      <section className="card" aria-labelledby="publish-summary" data-testid="publish-confirm">
        <h2 id="publish-summary">
          {t(pluralKey(preview.items, locale, "publish.confirm.intro.one", "publish.confirm.intro.other"), { n: n(preview.items) })}
        </h2>
        <ol className="publish-preview">
          {preview.directives.map((d) => (
            <li key={d.number} className={d.complete ? undefined : "publish-preview__incomplete"}>
              <strong>{t("publish.confirm.directive", { n: d.number })}</strong>:{" "}
              {t(pluralKey(d.items, locale, "publish.confirm.items.one", "publish.confirm.items.other"), { n: n(d.items) })}
              <br />
              <span className="muted">{pickText(locale, d.textEn, d.textHi)}</span>
            </li>
          ))}
        </ol>
        {preview.incomplete.length > 0 || preview.directives.length === 0 ? (
          <p className="form-error" role="alert">
            {t("publish.confirm.incomplete", { list: preview.incomplete.join(", ") || "—" })}
          </p>
        ) : (
          <Form method="post" className="editor-actions">
            <input type="hidden" name="expectedItems" value={preview.items} />
            <button type="submit" className="button" disabled={busy}>
              {t(pluralKey(preview.items, locale, "publish.confirm.submit.one", "publish.confirm.submit.other"), { n: n(preview.items) })}
            </button>
            <Link to={`/meetings/${preview.meeting.id}/edit`} className="button button--secondary">
              {t("publish.confirm.back")}
            </Link>
          </Form>
        )}
      </section>
    </>
  );
}
