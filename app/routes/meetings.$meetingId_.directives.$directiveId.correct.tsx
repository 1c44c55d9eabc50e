// Correct a published directive's text (issue 11 item 5, decision 022): both languages and a required
// reason; the old and new text and the reason go into the history of every live item, and the officers
// who answer for them get a notice. The form keeps what was typed when it is refused.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DirectiveTextFields, FormErrorAlert, ReasonField } from "~/components/meetings/DirectiveTextFields";
import { asMessageKey } from "~/components/meetings/fields";
import type { MessageKey } from "~/i18n";
import { requestOrigin } from "~/models/audit.server";
import { correctDirectiveText, getDirectiveToCorrect } from "~/models/published-corrections.server";
import { fieldErrorsFrom, type FieldErrors } from "~/schemas/meeting";
import { correctTextSchema, correctTextValuesFromFormData, type CorrectTextValues } from "~/schemas/published-corrections";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { parseId } from "~/utils/params";
import { requireFormData } from "~/utils/parse-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Correct a directive · Anupalan" }];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = parseId(params.meetingId);
  const directiveId = parseId(params.directiveId);
  const directive = meetingId && directiveId ? await getDirectiveToCorrect(viewer, meetingId, directiveId) : null;
  if (!directive) throw new Response("Not found", { status: 404 });
  if (!directive.published) throw redirect(`/meetings/${directive.meetingId}/edit`);
  return { viewer, directive };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { directive } = await load(request, params);
  return { directive };
}

interface Answer {
  values: CorrectTextValues;
  fieldErrors?: FieldErrors;
  formError?: MessageKey;
}

const REFUSED: Record<string, MessageKey> = {
  unchanged: "corrections.error.unchanged",
  "directive-withdrawn": "meetings.change.refused.directiveWithdrawn",
  "not-published": "meetings.change.refused.notPublished",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, directive } = await load(request, params);
  const form = await requireFormData(request);
  const values = correctTextValuesFromFormData(form);
  const parsed = correctTextSchema.safeParse(values);
  if (!parsed.success)
    return data<Answer>({ values, fieldErrors: fieldErrorsFrom(parsed.error), formError: "validation.fixErrors" }, { status: 400 });
  const result = await correctDirectiveText(viewer, {
    meetingId: directive.meetingId,
    directiveId: directive.id,
    ...parsed.data,
    origin: requestOrigin(request),
  });
  if (result.ok) throw redirect(`/meetings/${directive.meetingId}/edit?done=text-corrected&n=${result.items}#directive-${directive.id}`);
  if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
  return data<Answer>({ values, formError: REFUSED[result.reason] ?? "validation.invalid" }, { status: 409 });
}

export default function CorrectDirective() {
  const { directive } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const values = answer?.values ?? { textEn: directive.textEn, textHi: directive.textHi, reason: "" };
  const error = (field: keyof CorrectTextValues) => asMessageKey(answer?.fieldErrors?.[field]);
  const title = pickText(locale, directive.meetingTitleEn, directive.meetingTitleHi);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link> › <Link to={`/meetings/${directive.meetingId}/edit#directive-${directive.id}`}>{title}</Link>
      </p>
      <h1 id="page-title">{t("corrections.correct.title", { n: directive.number })}</h1>
      <p>{t("corrections.correct.intro", { n: formatNumber(directive.liveItems, locale) })}</p>
      <Form method="post" noValidate className="card" data-testid="correct-form">
        <FormErrorAlert error={answer?.formError} />
        <DirectiveTextFields idPrefix="correct" values={values} errorOf={error} rows={4} />
        <ReasonField id="correct-reason" value={values.reason} error={error("reason")} />
        <div className="editor-actions">
          <button type="submit" className="button" disabled={busy || directive.withdrawn}>
            {t("corrections.correct.submit")}
          </button>
          <Link to={`/meetings/${directive.meetingId}/edit#directive-${directive.id}`} className="button button--secondary">
            {t("publish.confirm.back")}
          </Link>
        </div>
      </Form>
    </>
  );
}
