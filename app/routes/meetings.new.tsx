import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingEditor } from "~/components/meetings/MeetingEditor";
import { meetingEditorAction, type EditorActionData } from "~/models/meeting-editor.server";
import { getMasterData } from "~/models/meeting.server";
import { emptyMeeting } from "~/schemas/meeting";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { todayInIndia } from "~/utils/format";
import { useT } from "~/utils/i18n";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "New meeting · Anupalan" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "write:meeting:any");
  return { master: await getMasterData(), values: emptyMeeting(todayInIndia()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  return meetingEditorAction(request, viewer, null);
}

export default function NewMeeting() {
  const { master, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as EditorActionData | undefined;
  const t = useT();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link>
      </p>
      <h1 id="page-title">{t("meetings.new.title")}</h1>
      <MeetingEditor
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
