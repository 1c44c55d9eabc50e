// The Action Taken Report of a meeting: printable (app/styles/atr.css) and downloadable as xlsx
// and csv (the two resource routes beside this file). Not nested in the meeting page (the `_`),
// which renders no outlet and whose loader this page does not need.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useNonce } from "~/utils/nonce";
import { parseId } from "~/utils/params";
import { getActionTakenReport } from "~/models/atr.server";
import { listReviewedDirectives } from "~/models/carry-over.server";
import { AtrDirectiveSection } from "~/components/atr/AtrDirectiveSection";
import { AtrSummary } from "~/components/atr/AtrSummary";
import { ReviewedDirectives } from "~/components/review/ReviewedDirectives";
import atrStyles from "~/styles/atr.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PageHandle } from "~/root";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: atrStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `ATR · ${data?.report.meeting.titleEn || data?.report.meeting.titleHi || "Meeting"} · Anupalan`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:report:any");
  const meetingId = parseId(params.meetingId);
  const report = meetingId ? await getActionTakenReport(viewer, meetingId, todayInIndia()) : null;
  if (!report) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  // "Exceptions only": the lines still open (pending or in progress: not yet complete, overdue,
  // or returned by the secretariat), for a review that goes through what is left to do.
  const exceptions = url.searchParams.get("only") === "exceptions";
  const printView = url.searchParams.get("print") === "1";
  // Each line repeats its directive's text; the page shows it once per directive.
  const directives = report.directives.map((d) => {
    const lines = d.lines.map(({ directiveTextEn: _en, directiveTextHi: _hi, ...line }) => line);
    return {
      ...d,
      allLines: lines.length,
      lines: exceptions ? lines.filter((l) => !l.withdrawn && (l.status === "PENDING" || l.status === "IN_PROGRESS")) : lines,
    };
  });
  const reviewed = await listReviewedDirectives(viewer, report.meeting.id, todayInIndia());
  return { report: { ...report, directives }, reviewed, exceptions, printView };
}

export default function ActionTakenReport() {
  const { report, reviewed, exceptions, printView } = useLoaderData<typeof loader>();
  const nonce = useNonce();
  const t = useT();
  const locale = useLocale();
  const { meeting } = report;
  const title = pickText(locale, meeting.titleEn, meeting.titleHi);
  const chair = pickText(locale, meeting.chairEn, meeting.chairHi);
  const langQuery = `?lang=${locale}`;
  const base = `/meetings/${meeting.id}/atr`;
  const viewQuery = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...(exceptions ? { only: "exceptions" } : {}), ...extra, lang: locale })}`;
  return (
    <article className={`atr${printView ? " atr--print-view" : ""}`}>
      <p className="breadcrumbs no-print">
        <Link to="/meetings">{t("nav.meetings")}</Link> › <Link to={`/meetings/${meeting.id}`}>{title}</Link>
      </p>
      <header className="atr-head">
        <h1>{t("atr.heading", { meeting: title })}</h1>
        <p className="atr-head__facts">
          <span>
            {t("atr.meetingOn", {
              date: formatDate(meeting.meetingDate, locale),
            })}
          </span>
          {chair ? <span>{t("atr.chair", { chair })}</span> : null}
          {meeting.referenceNo ? <span>{t("atr.reference", { ref: meeting.referenceNo })}</span> : null}
          <span>{t("atr.asOn", { date: formatDate(report.asOn, locale) })}</span>
        </p>
        <nav className="atr-actions no-print" aria-label={t("atr.downloads")}>
          <a className="button" href={`/meetings/${meeting.id}/atr.xlsx${langQuery}`} download>
            {t("atr.downloadXlsx")}
          </a>
          <a className="button button--secondary" href={`/meetings/${meeting.id}/atr.csv${langQuery}`} download>
            {t("atr.downloadCsv")}
          </a>
          {/* A link, not a script: the print view is the page as it prints (it asks the browser to print when it may run a script). */}
          <a className="button button--secondary" href={`${base}${viewQuery({ print: "1" })}`} data-print>
            {t("atr.print")}
          </a>
        </nav>
        <p className="atr-views no-print">
          {exceptions ? (
            <>
              {t("atr.showingExceptions")} <Link to={`${base}${langQuery}`}>{t("atr.showAll")}</Link>
            </>
          ) : (
            <Link to={`${base}${viewQuery({ only: "exceptions" })}`}>{t("atr.exceptionsOnly")}</Link>
          )}
        </p>
        {printView ? (
          <p className="atr-views no-print">
            <Link to={`${base}${viewQuery({})}`}>{t("atr.backFromPrint")}</Link>
          </p>
        ) : null}
      </header>

      <AtrSummary report={report} />

      <ReviewedDirectives directives={reviewed} />
      {report.directives.map((d) => (
        <AtrDirectiveSection key={d.id} directive={d} title={title} exceptions={exceptions} locale={locale} t={t} />
      ))}
      {exceptions ? <p className="atr-print-only atr-exceptions-note">{t("atr.showingExceptions")}</p> : null}
      {printView ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "window.print()" }} /> : null}
    </article>
  );
}
