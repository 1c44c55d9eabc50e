// The Action Taken Report of a meeting: printable (app/styles/atr.css) and downloadable as xlsx
// and csv (the two resource routes beside this file). Not nested in the meeting page (the `_`),
// which renders no outlet and whose loader this page does not need.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useNonce } from "~/utils/nonce";
import type { Locale, Translate } from "~/i18n";
import { parseId } from "~/utils/params";
import { getActionTakenReport, type AtrDirective, type AtrLine } from "~/models/atr.server";
import { listReviewedDirectives } from "~/models/carry-over.server";
import { ReviewedDirectives } from "~/components/review/ReviewedDirectives";
import atrStyles from "~/styles/atr.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PageHandle } from "~/root";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

/** A line as the page gets it: without its directive's text, which the section shows once. */
type PageLine = Omit<AtrLine, "directiveTextEn" | "directiveTextHi">;
type PageDirective = Omit<AtrDirective, "lines"> & { lines: PageLine[]; allLines: number };

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

function Assignee({ line, locale, t }: { line: PageLine; locale: Locale; t: Translate }) {
  if (!line.districtCode) {
    return (
      <>
        {pickText(locale, line.departmentNameEn, line.departmentNameHi)}
        <span className="atr-sub">{t("atr.department")}</span>
      </>
    );
  }
  return (
    <>
      {pickText(locale, line.districtNameEn, line.districtNameHi)}
      <span className="atr-sub">{pickText(locale, line.divisionNameEn, line.divisionNameHi)}</span>
    </>
  );
}

function Outcome({ line, locale, t }: { line: PageLine; locale: Locale; t: Translate }) {
  if (line.withdrawn) return <>{t("atr.withdrawnOn", { date: formatDate(line.withdrawnOn, locale) })}</>;
  if (line.daysOverdue != null) {
    return (
      <>
        <strong className="atr-overdue">{t("atr.daysOverdue", { n: formatNumber(line.daysOverdue, locale) })}</strong>
        {line.escalated ? <span className="escalated-flag">{t("escalated.badge")}</span> : null}
      </>
    );
  }
  if (line.completionDate) {
    return (
      <>
        {formatDate(line.completionDate, locale)}
        {line.completedLate ? <span className="atr-late"> ({t("atr.late")})</span> : null}
      </>
    );
  }
  return <>—</>;
}

/** One line of a directive's table: a row on screen and paper, a card on a phone (atr.css). */
function LineRow({ line, n, locale, t }: { line: PageLine; n: number; locale: Locale; t: Translate }) {
  return (
    <tr
      className={line.withdrawn ? "atr-row--withdrawn" : line.daysOverdue != null ? "atr-row--overdue" : undefined}
      data-item-id={line.id}
    >
      <td className="atr-col-sno">{formatNumber(n, locale)}</td>
      <td className="atr-cell-assignee">
        <Assignee line={line} locale={locale} t={t} />
      </td>
      <td data-label={t("atr.col.role")}>{line.districtRole ? t(`districtRole.${line.districtRole}`) : "—"}</td>
      <td data-label={t("atr.col.status")}>
        <span className={`atr-status atr-status--${line.status}`}>{t(`status.${line.status}`)}</span>
        {line.withdrawn ? <span className="atr-badge atr-badge--withdrawn">{t("atr.withdrawn")}</span> : null}
        {line.dueDate && line.originalDueDate && line.dueDate !== line.originalDueDate ? (
          <span className="atr-sub">
            {t("atr.dueOn", {
              date: formatDate(line.dueDate, locale),
            })}
            ,{" "}
            {t("atr.extendedFrom", {
              date: formatDate(line.originalDueDate, locale),
            })}
          </span>
        ) : null}
      </td>
      <td data-label={t("atr.col.completedOrOverdue")}>
        <Outcome line={line} locale={locale} t={t} />
      </td>
      <td className="atr-col-remark" data-label={t("atr.col.remark")}>
        {line.latestRemark || "—"}
      </td>
    </tr>
  );
}

function DirectiveSection({
  directive,
  title,
  exceptions,
  locale,
  t,
}: {
  directive: PageDirective;
  title: string;
  exceptions: boolean;
  locale: Locale;
  t: Translate;
}) {
  const text = pickText(locale, directive.textEn, directive.textHi);
  const textLang = (locale === "hi" ? directive.textHi : directive.textEn) ? locale : locale === "hi" ? "en" : "hi";
  const withdrawn = directive.withdrawnOn != null;
  const f = directive.figures;
  const headingId = `atr-directive-${directive.number}`;
  return (
    <section
      className={`atr-directive${withdrawn ? " atr-directive--withdrawn" : ""}`}
      aria-labelledby={headingId}
      data-directive-number={directive.number}
    >
      {directive.lines.length === 0 ? (
        // Pages with a table carry the title in its repeated header; this one has none.
        <p className="atr-print-only" aria-hidden="true">
          {title}
        </p>
      ) : null}
      <h2 id={headingId}>
        {t("atr.directiveHeading", { n: directive.number })}
        {withdrawn ? <span className="atr-badge atr-badge--withdrawn">{t("atr.withdrawn")}</span> : null}
      </h2>
      <p className="atr-directive__text" lang={textLang}>
        {text}
      </p>
      <p className="atr-directive__meta">
        {directive.dueDate ? <span>{t("atr.dueOn", { date: formatDate(directive.dueDate, locale) })}</span> : null}
        {directive.categoryEn || directive.categoryHi ? (
          <span>{pickText(locale, directive.categoryEn, directive.categoryHi)}</span>
        ) : null}
        {f ? (
          <span>
            {t("dash.figure.completion")}: <strong>{formatPercent(f.completionRate, locale)}</strong> (
            {formatNumber(f.done, locale)}/{formatNumber(f.applicable, locale)}) · {t("atr.col.overdue")}:{" "}
            <strong>{formatNumber(f.overdue, locale)}</strong>
          </span>
        ) : null}
      </p>
      {withdrawn ? (
        <p className="atr-withdrawn-note">
          {t("atr.withdrawnDirective", {
            date: formatDate(directive.withdrawnOn, locale),
            reason: directive.withdrawnReason ?? "—",
          })}
        </p>
      ) : null}
      {directive.lines.length === 0 ? (
        <p className="muted">{exceptions && directive.allLines > 0 ? t("atr.noExceptions") : t("atr.noItems")}</p>
      ) : (
        <div className="atr-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="atr-table atr-table--lines">
            <thead>
              {/* Repeated on every printed page with the column headers: the meeting title and directive. */}
              <tr className="atr-table__running" aria-hidden="true">
                <th colSpan={6}>
                  {title} · {t("atr.directiveHeading", { n: directive.number })}
                </th>
              </tr>
              <tr>
                <th scope="col" className="atr-col-sno">
                  {t("atr.sno")}
                </th>
                <th scope="col">{t("atr.col.assignee")}</th>
                <th scope="col">{t("atr.col.role")}</th>
                <th scope="col">{t("atr.col.status")}</th>
                <th scope="col">{t("atr.col.completedOrOverdue")}</th>
                <th scope="col" className="atr-col-remark">
                  {t("atr.col.remark")}
                </th>
              </tr>
            </thead>
            <tbody>
              {directive.lines.map((line, i) => (
                <LineRow key={line.id} line={line} n={i + 1} locale={locale} t={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function ActionTakenReport() {
  const { report, reviewed, exceptions, printView } = useLoaderData<typeof loader>();
  const nonce = useNonce();
  const t = useT();
  const locale = useLocale();
  const { meeting, summary } = report;
  const title = pickText(locale, meeting.titleEn, meeting.titleHi);
  const chair = pickText(locale, meeting.chairEn, meeting.chairHi);
  const n = (v: number) => formatNumber(v, locale);
  const langQuery = `?lang=${locale}`;
  const base = `/meetings/${meeting.id}/atr`;
  const viewQuery = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(exceptions ? { only: "exceptions" } : {}), ...extra, lang: locale })}`;
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

      <section className="atr-summary" aria-labelledby="atr-summary-heading">
        <h2 id="atr-summary-heading">{t("atr.summary")}</h2>
        <dl className="atr-figures">
          <div>
            <dt>{t("atr.directives")}</dt>
            <dd>{n(report.liveDirectives)}</dd>
          </div>
          <div>
            <dt>{t("dash.figure.items")}</dt>
            <dd>{n(summary.items)}</dd>
          </div>
          <div>
            <dt>{t("dash.figure.completion")}</dt>
            <dd>
              {formatPercent(summary.completionRate, locale)}
              <span className="atr-sub">
                {t("dash.figure.completionHint", {
                  done: n(summary.done),
                  applicable: n(summary.applicable),
                })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("dash.figure.onTime")}</dt>
            <dd>
              {formatPercent(summary.onTimeRate, locale)}
              <span className="atr-sub">
                {t("dash.figure.onTimeHint", {
                  onTime: n(summary.onTime),
                  duePassed: n(summary.duePassed),
                })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("dash.figure.overdue")}</dt>
            <dd>{n(summary.overdue)}</dd>
          </div>
        </dl>
        <p className="atr-note">{t("atr.overdueExplain", { date: formatDate(report.asOn, locale) })}</p>
        {report.withdrawnDirectives > 0 || report.withdrawnItems > 0 ? (
          <p className="atr-note">
            {t("atr.withdrawnNote", {
              directives: n(report.withdrawnDirectives),
              items: n(report.withdrawnItems),
            })}
          </p>
        ) : null}

        {report.directives.length === 0 ? (
          <p>{t("atr.noDirectives")}</p>
        ) : (
          <div className="atr-scroll" tabIndex={0} role="region" aria-labelledby="atr-directive-summary">
          <table className="atr-table atr-table--summary">
            <caption id="atr-directive-summary">{t("atr.directiveSummary")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("atr.directiveShort")}</th>
                <th scope="col">{t("atr.col.directiveText")}</th>
                <th scope="col" className="num">
                  {t("dash.col.items")}
                </th>
                <th scope="col" className="num">
                  {t("dash.col.done")}
                </th>
                <th scope="col" className="num">
                  {t("atr.col.overdue")}
                </th>
                <th scope="col" className="num">
                  {t("dash.col.notApplicable")}
                </th>
                <th scope="col" className="num">
                  {t("atr.col.rate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.directives.map((d) => (
                <tr key={d.id} className={d.withdrawnOn ? "atr-row--withdrawn" : undefined}>
                  <th scope="row">
                    <a href={`#atr-directive-${d.number}`}>{n(d.number)}</a>
                  </th>
                  <td>
                    {pickText(locale, d.textEn, d.textHi)}
                    {d.withdrawnOn ? <span className="atr-badge atr-badge--withdrawn">{t("atr.withdrawn")}</span> : null}
                  </td>
                  <td className="num" data-label={t("dash.col.items")}>{d.figures ? n(d.figures.items) : "—"}</td>
                  <td className="num" data-label={t("dash.col.done")}>{d.figures ? n(d.figures.done) : "—"}</td>
                  <td className="num" data-label={t("atr.col.overdue")}>{d.figures ? n(d.figures.overdue) : "—"}</td>
                  <td className="num" data-label={t("dash.col.notApplicable")}>{d.figures ? n(d.figures.notApplicable) : "—"}</td>
                  <td className="num" data-label={t("atr.col.rate")}>{d.figures ? formatPercent(d.figures.completionRate, locale) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      <ReviewedDirectives directives={reviewed} />
      {report.directives.map((d) => (
        <DirectiveSection key={d.id} directive={d} title={title} exceptions={exceptions} locale={locale} t={t} />
      ))}
      {exceptions ? <p className="atr-print-only atr-exceptions-note">{t("atr.showingExceptions")}</p> : null}
      {printView ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "window.print()" }} /> : null}
    </article>
  );
}
