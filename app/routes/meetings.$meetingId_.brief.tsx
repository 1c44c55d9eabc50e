// The pre-review brief (issue 10): what the chair reads the evening before the review — exceptions only,
// one phone screen of headline figures, A4 in print (app/styles/brief.css), the full lists in .xlsx.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BriefBlock, BriefRanking } from "~/components/review/BriefBlocks";
import { parseId } from "~/utils/params";
import { getBrief, type BriefPlace } from "~/models/brief.server";
import briefStyles from "~/styles/brief.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import type { PageHandle } from "~/root";
import { pickText, useLocale, useT } from "~/utils/i18n";

// Read-only: sent without the app's script (decision 014).
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: briefStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Brief · ${data?.brief.meeting.titleEn || data?.brief.meeting.titleHi || "Meeting"} · Anupalan` },
];

/** How many of each exception list the page shows; the workbook has all. */
const SHOWN = 5;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:report:any");
  const meetingId = parseId(params.meetingId);
  const brief = meetingId ? await getBrief(viewer, meetingId, todayInIndia()) : null;
  if (!brief) throw new Response("Not found", { status: 404 });
  // Only what the page shows goes to the browser.
  const cut = (list: BriefPlace[]) => ({ shown: list.slice(0, SHOWN), total: list.length });
  return {
    brief: {
      ...brief,
      overdue: cut(brief.overdue),
      returned: cut(brief.returned),
      silent: cut(brief.silent),
      changes: cut(brief.changes),
    },
  };
}

export default function BriefPage() {
  const { brief } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const s = brief.totals;
  return (
    <article className="brief">
      <p className="breadcrumbs">
        <Link to={`/meetings/${brief.meeting.id}`}>{pickText(locale, brief.meeting.titleEn, brief.meeting.titleHi)}</Link>
      </p>
      <h1>{t("review.brief.title")}</h1>
      <p className="brief__sub">
        {t("review.brief.for", { date: formatDate(brief.meeting.meetingDate, locale) })}
        {brief.seriesNameEn || brief.seriesNameHi ? ` · ${pickText(locale, brief.seriesNameEn, brief.seriesNameHi)}` : ""}
      </p>
      <p className="brief__sub">
        {t("review.brief.scope", { directives: n(brief.directives), carried: n(brief.carried), items: n(s.items) })}{" "}
        {brief.previous ? t("review.brief.previous", { date: formatDate(brief.previous.meetingDate, locale) }) : t("review.brief.noPrevious")}
      </p>
      <div className="brief__actions">
        <a className="button button--secondary" href={`/meetings/${brief.meeting.id}/brief.xlsx`} download>
          {t("review.brief.xlsx")}
        </a>
        <Link className="button button--secondary" to={`/dashboard?review=${brief.meeting.id}`}>
          {t("review.brief.dashboard")}
        </Link>
      </div>

      <ul className="brief__figures" aria-label={t("review.brief.headline")} data-testid="brief-figures">
        <li className="brief__figure">
          <span className="brief__figure-label">{t("review.brief.completion")}</span>
          <span className="brief__figure-value" data-figure="completion">
            {formatPercent(s.completionRate, locale)}
            {brief.previous ? <small> {t("review.brief.was", { value: formatPercent(s.thenCompletionRate, locale) })}</small> : null}
          </span>
        </li>
        <li className={`brief__figure${s.overdue > 0 ? " brief__figure--bad" : ""}`}>
          <span className="brief__figure-label">{t("review.brief.overdue")}</span>
          <span className="brief__figure-value" data-figure="overdue">
            {n(s.overdue)}
            {brief.previous ? <small> {t("review.brief.newShort", { n: n(s.newlyOverdue) })}</small> : null}
          </span>
        </li>
        <li className={`brief__figure${s.returned > 0 ? " brief__figure--bad" : ""}`}>
          <span className="brief__figure-label">{t("review.brief.returned")}</span>
          <span className="brief__figure-value" data-figure="returned">
            {n(s.returned)}
          </span>
        </li>
        <li className={`brief__figure${s.silentPlaces > 0 ? " brief__figure--bad" : ""}`}>
          <span className="brief__figure-label">{t("review.brief.silent")}</span>
          <span className="brief__figure-value" data-figure="silent">
            {n(s.silentPlaces)}
          </span>
        </li>
      </ul>
      <p className="brief__fine" data-testid="brief-fine">
        {t("review.brief.fine", { n: n(brief.fine) })}
      </p>

      <div className="brief__grid">
        <BriefBlock
          id="overdue"
          title="review.brief.overdueList"
          list={brief.overdue}
          line={(p) =>
            t("review.brief.overdueLine", { n: n(p.overdue), days: n(p.maxDaysOverdue ?? 0) }) +
            (p.escalated > 0 ? ` · ${t("review.brief.escalatedLine", { n: n(p.escalated) })}` : "")
          }
        />
        <BriefBlock
          id="returned"
          title="review.brief.returnedList"
          list={brief.returned}
          line={(p) => t("review.brief.returnedLine", { n: n(p.returned) })}
        />
        <BriefBlock
          id="silent"
          title="review.brief.silentList"
          list={brief.silent}
          line={(p) => t("review.brief.silentLine", { open: n(p.open), days: n(p.daysSinceUpdate ?? 0) })}
        />
        {brief.previous ? (
          <BriefBlock
            id="changes"
            title="review.brief.changes"
            list={brief.changes}
            line={(p) =>
              t("review.brief.changesLine", {
                then: formatPercent(p.then?.completionRate ?? null, locale, 0),
                now: formatPercent(p.completionRate, locale, 0),
                completed: n(p.newlyCompleted),
                overdue: n(p.newlyOverdue),
              })
            }
          />
        ) : null}
        <BriefRanking id="best" title="review.brief.best" list={brief.best} meetingId={brief.meeting.id} />
        <BriefRanking id="worst" title="review.brief.worst" list={brief.worst} meetingId={brief.meeting.id} />
      </div>
    </article>
  );
}
