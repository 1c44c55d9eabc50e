import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { MeetingEditor } from "~/components/meetings/MeetingEditor";
import { useCarrySeries } from "~/components/review/use-carry-series";
import { listCarryCandidates } from "~/models/carry-over.server";
import { PublishedChanges, type ChangeResult } from "~/components/meetings/PublishedChanges";
import { MeetingFlash } from "~/components/meetings/MeetingFlash";
import { meetingEditorAction, publishedChangeAction, type EditorActionData } from "./meetings.editor.server";
import { getMeetingForEdit } from "~/models/meeting-draft.server";
import { getMasterData } from "~/models/meeting-master.server";
import { getMeeting, getMeetingPage } from "~/models/meeting.server";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { parseId } from "~/utils/params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Edit meeting · Anupalan" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = parseId(params.meetingId);
  const edit = meetingId ? await getMeetingForEdit(viewer, meetingId) : null;
  if (!edit) throw new Response("Not found", { status: 404 });
  const master = await getMasterData();
  if (edit.meeting.status === "DRAFT") {
    const candidates = edit.values.seriesCode
      ? await listCarryCandidates(viewer, {
          seriesCode: edit.values.seriesCode,
          meetingId: edit.meeting.id,
          meetingDate: edit.meeting.meetingDate,
          today: todayInIndia(),
        })
      : [];
    return { kind: "draft" as const, meeting: edit.meeting, values: edit.values, master, directives: [], candidates };
  }
  const page = await getMeetingPage(viewer, edit.meeting.id, todayInIndia());
  return { kind: "published" as const, meeting: edit.meeting, values: null, master, directives: page?.directives ?? [], candidates: [] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const meetingId = parseId(params.meetingId);
  const meeting = meetingId ? await getMeeting(viewer, meetingId) : null;
  if (!meeting) throw new Response("Not found", { status: 404 });
  if (meeting.status === "DRAFT") return meetingEditorAction(request, viewer, meeting.id);
  return publishedChangeAction(request, viewer, meeting);
}

export default function EditMeeting() {
  const loaderData = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const { meeting, master } = loaderData;
  const series = useCarrySeries(master, loaderData.candidates, meeting.id);
  const title = pickText(locale, meeting.titleEn, meeting.titleHi);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link> › <Link to={`/meetings/${meeting.id}`}>{title}</Link>
      </p>
      {loaderData.kind === "draft" ? (
        <>
          <h1 id="page-title">{t("meetings.edit.title")}</h1>
          <MeetingFlash searchParams={searchParams} />
          {/* Remounted after each save, so the form starts from what was saved. */}
          <MeetingEditor
            key={meeting.updatedAt}
            series={series}
            master={master}
            initialValues={(result as EditorActionData | undefined)?.values ?? loaderData.values}
            serverErrors={(result as EditorActionData | undefined)?.fieldErrors}
            formError={(result as EditorActionData | undefined)?.formError}
            notice={(result as EditorActionData | undefined)?.notice}
            dropped={(result as EditorActionData | undefined)?.dropped}
          />
        </>
      ) : (
        <>
          <h1 id="page-title">{t("meetings.edit.publishedTitle", { title })}</h1>
          <p>{t("meetings.edit.publishedIntro")}</p>
          <MeetingFlash searchParams={searchParams} />
          <PublishedChanges
            meetingDate={meeting.meetingDate}
            directives={loaderData.directives}
            master={master}
            result={result as ChangeResult | undefined}
          />
        </>
      )}
    </>
  );
}
