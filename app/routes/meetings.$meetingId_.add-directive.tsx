// Add a directive to a published meeting (issue 11 item 5, decision 022): numbered after the last one,
// its action items created at once exactly as publishing creates them, the reason in each item's history.
// "Who must act" is the same choice as "add an assignee" on the published meeting's edit page.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DirectiveTextFields, FormErrorAlert, ReasonField } from "~/components/meetings/DirectiveTextFields";
import { asMessageKey, describedBy, Field, NamedOptions } from "~/components/meetings/fields";
import { NewAssigneeFields } from "~/components/meetings/NewAssigneeFields";
import type { MessageKey } from "~/i18n";
import { requestOrigin } from "~/models/audit.server";
import { getMeeting } from "~/models/meeting.server";
import { getMasterData, masterCodes } from "~/models/meeting-master.server";
import { newAssigneeFrom } from "~/models/published-changes.server";
import { addPublishedDirective } from "~/models/published-corrections.server";
import type { FieldErrors } from "~/schemas/meeting";
import { addDirectiveValuesFromFormData, emptyAddDirective, parseAddDirective, type AddDirectiveValues } from "~/schemas/published-corrections";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { parseId } from "~/utils/params";
import { requireFormData } from "~/utils/parse-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Add a directive · Anupalan" }];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = parseId(params.meetingId);
  const meeting = meetingId ? await getMeeting(viewer, meetingId) : null;
  if (!meeting) throw new Response("Not found", { status: 404 });
  if (meeting.status !== "PUBLISHED") throw redirect(`/meetings/${meeting.id}/edit`);
  return { viewer, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting } = await load(request, params);
  return { meeting, master: await getMasterData() };
}

interface Answer {
  values: AddDirectiveValues;
  fieldErrors?: FieldErrors;
  formError?: MessageKey;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, meeting } = await load(request, params);
  const form = await requireFormData(request);
  const values = addDirectiveValuesFromFormData(form);
  const parsed = parseAddDirective(values, masterCodes(await getMasterData()), meeting.meetingDate);
  if (!parsed.ok) return data<Answer>({ values, fieldErrors: parsed.fieldErrors, formError: "validation.fixErrors" }, { status: 400 });
  const result = await addPublishedDirective(viewer, {
    meetingId: meeting.id,
    ...parsed.data,
    assignee: newAssigneeFrom(values),
    origin: requestOrigin(request),
  });
  if (result.ok) throw redirect(`/meetings/${meeting.id}/edit?done=directive-added&n=${result.items}#directive-${result.directiveId}`);
  if (result.reason === "not-found") throw new Response("Not found", { status: 404 });
  const formError: MessageKey = result.reason === "unknown-code" ? "meetings.error.unknownDistrict" : "meetings.change.refused.notPublished";
  return data<Answer>({ values, formError }, { status: 409 });
}

export default function AddDirective() {
  const { meeting, master } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const values = answer?.values ?? emptyAddDirective();
  const fe = (field: string) => asMessageKey(answer?.fieldErrors?.[field]);
  const title = pickText(locale, meeting.titleEn, meeting.titleHi);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link> › <Link to={`/meetings/${meeting.id}/edit`}>{title}</Link>
      </p>
      <h1 id="page-title">{t("corrections.add.title")}</h1>
      <p>{t("corrections.add.intro")}</p>
      <Form method="post" noValidate className="card change-form" data-testid="add-directive-form">
        <FormErrorAlert error={answer?.formError} />
        <DirectiveTextFields idPrefix="add" values={values} errorOf={fe} rows={3} />
        <Field id="add-category" label={t("corrections.add.category")} error={fe("categoryCode")}>
          <select name="categoryCode" defaultValue={values.categoryCode} {...describedBy("add-category", fe("categoryCode"))}>
            <option value="">—</option>
            <NamedOptions list={master.categories} />
          </select>
        </Field>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="priority" value="HIGH" defaultChecked={values.priority === "HIGH"} />
            <span>{t("corrections.add.priority")}</span>
          </label>
        </div>
        <Field id="add-due" label={t("corrections.add.due")} error={fe("dueDate")}>
          <input type="date" name="dueDate" min={meeting.meetingDate} defaultValue={values.dueDate} {...describedBy("add-due", fe("dueDate"))} />
        </Field>
        <NewAssigneeFields idPrefix="add" values={values} errorOf={fe} master={master} />
        <ReasonField id="add-reason" value={values.reason} error={fe("reason")} />
        <div className="editor-actions">
          <button type="submit" className="button" disabled={busy}>
            {t("corrections.add.submit")}
          </button>
          <Link to={`/meetings/${meeting.id}/edit`} className="button button--secondary">
            {t("publish.confirm.back")}
          </Link>
        </div>
      </Form>
    </>
  );
}
