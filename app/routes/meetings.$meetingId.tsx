import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { CarriedActions } from "~/components/review/CarriedActions";
import { ReviewedDirectives } from "~/components/review/ReviewedDirectives";
import { directiveAudit, recordAudit, requestOrigin } from "~/models/audit.server";
import { closeCarriedDirective, listReviewedDirectives, reissueCarriedDirective } from "~/models/carry-over.server";
import { getMeetingSeriesInfo } from "~/models/series.server";
import { carriedChangeSchema } from "~/schemas/review";
import { fieldErrorsFrom, type FieldErrors } from "~/schemas/meeting";
import type { MessageKey } from "~/i18n";
import { DirectiveCard } from "~/components/meetings/DirectiveCard";
import { MeetingFacts } from "~/components/meetings/MeetingFacts";
import { MeetingFlash } from "~/components/meetings/MeetingFlash";
import { parseId } from "~/utils/params";
import { getMeetingPage } from "~/models/meeting.server";
import type { PageHandle, loader as rootLoader } from "~/root";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page.meeting.titleEn || data?.page.meeting.titleHi || "Meeting"} · Anupalan` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:meeting:any");
  const meetingId = parseId(params.meetingId);
  const page = meetingId ? await getMeetingPage(viewer, meetingId, todayInIndia()) : null;
  if (!page) throw new Response("Not found", { status: 404 });
  const [reviewed, series] = await Promise.all([
    listReviewedDirectives(viewer, page.meeting.id, todayInIndia()),
    getMeetingSeriesInfo(page.meeting.id),
  ]);
  return { page, reviewed, series };
}

export interface CarriedActionData {
  directiveId: string;
  intent: string;
  values: { reason: string; dueDate: string };
  fieldErrors?: FieldErrors;
  formError?: MessageKey;
}

const CARRIED_REFUSALS: Record<string, MessageKey> = {
  "not-found": "review.carry.error.notFound",
  closed: "review.carry.error.closed",
  unchanged: "review.carry.error.unchanged",
  "due-in-past": "review.carry.error.dueInPast",
};

/** Close or re-issue a directive under review (secretariat); each in its own transaction in the model. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = parseId(params.meetingId);
  if (!meetingId) throw new Response("Not found", { status: 404 });
  const form = await request.formData();
  const raw = {
    intent: String(form.get("intent") ?? ""),
    directiveId: String(form.get("directiveId") ?? ""),
    reason: String(form.get("reason") ?? ""),
    dueDate: String(form.get("dueDate") ?? ""),
  };
  const echo = { directiveId: raw.directiveId, intent: raw.intent, values: { reason: raw.reason, dueDate: raw.dueDate } };
  const parsed = carriedChangeSchema.safeParse(raw);
  if (!parsed.success) {
    return data<CarriedActionData>({ ...echo, fieldErrors: fieldErrorsFrom(parsed.error) }, { status: 400 });
  }
  const v = parsed.data;
  const input = { meetingId, directiveId: Number(v.directiveId), reason: v.reason };
  const result =
    v.intent === "close-carried"
      ? await closeCarriedDirective(viewer, input)
      : await reissueCarriedDirective(viewer, { ...input, dueDate: v.dueDate, today: todayInIndia() });
  if (!result.ok) {
    return data<CarriedActionData>({ ...echo, formError: CARRIED_REFUSALS[result.reason] }, { status: result.reason === "not-found" ? 404 : 409 });
  }
  await recordAudit({
    ...directiveAudit(viewer, v.directiveId, requestOrigin(request)),
    action: `meeting.${v.intent}`,
    details: { meetingId, reason: v.reason, items: result.affected, dueDate: v.dueDate || undefined },
  });
  throw redirect(`/meetings/${meetingId}?carried=${v.intent === "close-carried" ? "closed" : "reissued"}&n=${result.affected}#reviewed-title`);
}

export default function MeetingPage() {
  const { page, reviewed, series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CarriedActionData | undefined;
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const { meeting, directives } = page;
  const role = root?.viewer?.role;
  const published = meeting.status === "PUBLISHED";
  const live = directives.filter((d) => !d.withdrawnAt);
  const totals = live.reduce(
    (sum, d) => ({ items: sum.items + d.progress.total, done: sum.done + d.progress.done, overdue: sum.overdue + d.progress.overdue }),
    { items: 0, done: 0, overdue: 0 },
  );
  const title = pickText(locale, meeting.titleEn, meeting.titleHi);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link>
      </p>
      <div className="page-head">
        <h1>
          {title} <span className={`badge badge--${meeting.status}`}>{t(`meetingStatus.${meeting.status}`)}</span>
        </h1>
        <div className="page-head__actions">
          {can(role, "write:meeting:any") ? (
            <Link className="button button--secondary" to={`/meetings/${meeting.id}/edit`}>
              {published ? t("meetings.page.change") : t("meetings.page.continueEditing")}
            </Link>
          ) : null}
          {published && can(role, "read:report:any") ? (
            <>
              <Link className="button button--secondary" to={`/meetings/${meeting.id}/brief`}>
                {t("review.brief.link")}
              </Link>
              <Link className="button" to={`/meetings/${meeting.id}/atr`}>
                {t("meetings.page.atr")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <MeetingFlash searchParams={searchParams} />
      {searchParams.get("carried") ? (
        <p className="flash" role="status">
          {t(searchParams.get("carried") === "closed" ? "review.carry.closed" : "review.carry.reissued", {
            n: formatNumber(Number(searchParams.get("n") ?? 0), locale),
          })}
        </p>
      ) : null}

      <MeetingFacts meeting={meeting} series={series} />

      {published ? (
        <ul className="figures">
          <li className="figure">
            <span className="figure__label">{t("meetings.page.directives")}</span>
            <span className="figure__value">{formatNumber(live.length, locale)}</span>
          </li>
          <li className="figure">
            <span className="figure__label">{t("meetings.page.items")}</span>
            <span className="figure__value">{formatNumber(totals.items, locale)}</span>
          </li>
          <li className="figure">
            <span className="figure__label">{t("meetings.progress.done")}</span>
            <span className="figure__value">{formatNumber(totals.done, locale)}</span>
          </li>
          <li className="figure">
            <span className="figure__label">{t("meetings.progress.overdue")}</span>
            <span className="figure__value">{formatNumber(totals.overdue, locale)}</span>
          </li>
        </ul>
      ) : null}

      <ReviewedDirectives
        directives={reviewed}
        actions={
          can(role, "write:meeting:any") && published
            ? (d) =>
                d.closedOn ? null : (
                  <CarriedActions directive={d} result={actionData?.directiveId === String(d.directiveId) ? actionData : undefined} />
                )
            : undefined
        }
      />

      <h2>{t("meetings.page.directivesHeading")}</h2>
      {directives.length === 0 ? <p className="muted">{t("meetings.editor.noDirectivesYet")}</p> : null}
      <ol className="directive-list">
        {directives.map((d) => (
          <DirectiveCard key={d.id} directive={d} published={published} />
        ))}
      </ol>

      {meeting.agenda || meeting.minutes ? (
        <details className="card">
          <summary>{t("meetings.page.minutes")}</summary>
          {meeting.agenda ? (
            <>
              <h3>{t("meetings.field.agenda")}</h3>
              <p className="pre-wrap">{meeting.agenda}</p>
            </>
          ) : null}
          {meeting.minutes ? (
            <>
              <h3>{t("meetings.field.minutes")}</h3>
              <p className="pre-wrap">{meeting.minutes}</p>
            </>
          ) : null}
        </details>
      ) : null}
    </>
  );
}
