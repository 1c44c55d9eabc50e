// One directive of the Action Taken Report (the ATR page): its text, due date, figures and the
// table of its assignees' lines, a row on screen and paper and a card on a phone (atr.css).
import type { AtrPageDirective, AtrPageLine } from "~/domain/atr-views";
import type { Locale, Translate } from "~/i18n";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickText } from "~/utils/i18n";

function Assignee({ line, locale, t }: { line: AtrPageLine; locale: Locale; t: Translate }) {
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

function Outcome({ line, locale, t }: { line: AtrPageLine; locale: Locale; t: Translate }) {
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
function LineRow({ line, n, locale, t }: { line: AtrPageLine; n: number; locale: Locale; t: Translate }) {
  return (
    <tr className={line.withdrawn ? "atr-row--withdrawn" : line.daysOverdue != null ? "atr-row--overdue" : undefined} data-item-id={line.id}>
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

/** One directive of the report: its text, due date and figures, then its table of lines. */
export function AtrDirectiveSection({
  directive,
  title,
  exceptions,
  locale,
  t,
}: {
  directive: AtrPageDirective;
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
      className={`card atr-directive${withdrawn ? " atr-directive--withdrawn" : ""}`}
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
        {directive.categoryEn || directive.categoryHi ? <span>{pickText(locale, directive.categoryEn, directive.categoryHi)}</span> : null}
        {f ? (
          <span>
            {t("dash.figure.completion")}: <strong>{formatPercent(f.completionRate, locale)}</strong> ({formatNumber(f.done, locale)}/
            {formatNumber(f.applicable, locale)}) · {t("atr.col.overdue")}: <strong>{formatNumber(f.overdue, locale)}</strong>
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
