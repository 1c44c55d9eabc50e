import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingEditor } from "~/components/meetings/MeetingEditor";
import { useCarrySeries } from "~/components/review/use-carry-series";
import { listCarryCandidates } from "~/models/carry-over.server";
import { meetingEditorAction, type EditorActionData } from "./meetings.editor.server";
import { getMasterData } from "~/models/meeting-master.server";
import { emptyMeeting } from "~/schemas/meeting";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { todayInIndia } from "~/utils/format";
import { useT } from "~/utils/i18n";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "New meeting · Anupalan" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const master = await getMasterData();
  const values = emptyMeeting(todayInIndia());
  // /meetings/new?series=CODE (from /series): the series chosen, its chair, its open directives listed.
  const series = master.series.find((s) => s.code === new URL(request.url).searchParams.get("series"));
  if (series) {
    values.seriesCode = series.code;
    values.chairOffice = series.officeCode;
  }
  const candidates = series
    ? await listCarryCandidates(viewer, { seriesCode: series.code, meetingId: null, meetingDate: values.meetingDate, today: todayInIndia() })
    : [];
  return { master, values, candidates };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  return meetingEditorAction(request, viewer, null);
}

export default function NewMeeting() {
  const { master, values, candidates } = useLoaderData<typeof loader>();
  const series = useCarrySeries(master, candidates, null);
  const result = useActionData<typeof action>() as EditorActionData | undefined;
  const t = useT();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link>
      </p>
      <h1 id="page-title">{t("meetings.new.title")}</h1>
      <MeetingEditor
        series={series}
        master={master}
        initialValues={result?.values ?? values}
        serverErrors={result?.fieldErrors}
        formError={result?.formError}
        notice={result?.notice}
        dropped={result?.dropped}
      />
    </>
  );
}
