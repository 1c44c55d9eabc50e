import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReturnedBadge } from "~/components/actions/ReturnedBadge";
import { FigureList } from "~/components/charts/FigureList";
import { getStateOverview, listMostOverdueDistricts, listRecentPublishedMeetings } from "~/models/overview.server";
import { listReturnedItems } from "~/models/returned.server";
import { getViewer, homePathFor } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PageHandle } from "~/root";
import { can } from "~/utils/permissions";

// Read-only: sent without the app's script (decision 014).
export const handle: PageHandle = { scripts: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const today = todayInIndia();
  const [overview, recentMeetings, mostOverdue, returned] = await Promise.all([
    getStateOverview(today),
    listRecentPublishedMeetings(5),
    listMostOverdueDistricts(today, 5),
    viewer ? listReturnedItems(viewer) : Promise.resolve([]),
  ]);
  // A meeting is linked only for those who may open it: a district or department officer's
  // /meetings/N answers 403.
  return {
    overview,
    recentMeetings,
    mostOverdue,
    returned,
    workPath: viewer ? homePathFor(viewer) : null,
    meetingLinks: can(viewer?.role, "read:meeting:any"),
  };
}

export default function Home() {
  const { overview, recentMeetings, mostOverdue, returned, workPath, meetingLinks } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const stateName = overview.state ? pickText(locale, overview.state.nameEn, overview.state.nameHi) : t("app.name");
  return (
    <>
      <h1>{t("home.title", { state: stateName })}</h1>
      {returned.length > 0 ? (
        <section className="card returned-home" aria-labelledby="returned-home-title" data-testid="returned-home">
          <h2 id="returned-home-title">{t("returned.home.title")}</h2>
          <p className="muted">{t("returned.home.hint")}</p>
          <ul>
            {returned.map((item) => (
              <li key={item.id}>
                <ReturnedBadge />{" "}
                <Link to={`/actions/${item.id}`}>
                  {t("actions.list.directiveNo", { n: item.directiveNumber })}: {pickText(locale, item.textEn, item.textHi)}
                </Link>{" "}
                <span className="muted">{formatDate(item.returnedAt, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FigureList
        items={[
          { key: "meetings", label: t("home.meetingsHeld"), value: formatNumber(overview.meetingsPublished, locale) },
          { key: "directives", label: t("home.directives"), value: formatNumber(overview.directives, locale) },
          { key: "items", label: t("home.actionItems"), value: formatNumber(overview.actionItems, locale) },
          {
            key: "completion",
            testId: "completion-rate",
            label: t("home.completionRate"),
            value: formatPercent(overview.completionRate, locale),
            hint: t("home.completionHint"),
          },
          { key: "overdue", label: t("home.overdue"), value: formatNumber(overview.overdue, locale) },
        ]}
      />
      {workPath ? (
        <p>
          <Link className="button" to={workPath}>
            {t("home.continue")}
          </Link>
        </p>
      ) : (
        <p className="card">
          {t("home.signInPrompt")} <Link to="/login">{t("nav.signIn")}</Link>
        </p>
      )}
      <h2>{t("home.recentMeetings")}</h2>
      {recentMeetings.length === 0 ? (
        <p>{t("home.noMeetings")}</p>
      ) : (
        <ul className="meeting-list">
          {recentMeetings.map((meeting) => {
            const share = meeting.applicable > 0 ? meeting.done / meeting.applicable : null;
            const title = pickText(locale, meeting.titleEn, meeting.titleHi);
            return (
              <li key={meeting.id}>
                <span className="meeting-list__date">{formatDate(meeting.meetingDate, locale)}</span>
                <div>{meetingLinks ? <Link to={`/meetings/${meeting.id}`}>{title}</Link> : title}</div>
                <div className="muted">
                  {t("home.completionRate")}: {formatPercent(share, locale)}
                </div>
                <div className="progress" aria-hidden="true">
                  <div className="progress__bar" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {mostOverdue.length > 0 ? (
        <>
          <h2>{t("home.mostOverdue")}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("common.district")}</th>
                <th scope="col">{t("home.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              {mostOverdue.map((district) => (
                <tr key={district.code}>
                  <td>{pickText(locale, district.nameEn, district.nameHi)}</td>
                  <td>{formatNumber(district.overdue, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
