// The top of the Action Taken Report (the ATR page): the meeting's figures and one row per
// directive, each linking to its section below.
import type { AtrPageReport } from "~/domain/atr-views";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export function AtrSummary({ report }: { report: AtrPageReport }) {
  const t = useT();
  const locale = useLocale();
  const { summary } = report;
  const n = (v: number) => formatNumber(v, locale);
  return (
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
                  <td className="num" data-label={t("dash.col.items")}>
                    {d.figures ? n(d.figures.items) : "—"}
                  </td>
                  <td className="num" data-label={t("dash.col.done")}>
                    {d.figures ? n(d.figures.done) : "—"}
                  </td>
                  <td className="num" data-label={t("atr.col.overdue")}>
                    {d.figures ? n(d.figures.overdue) : "—"}
                  </td>
                  <td className="num" data-label={t("dash.col.notApplicable")}>
                    {d.figures ? n(d.figures.notApplicable) : "—"}
                  </td>
                  <td className="num" data-label={t("atr.col.rate")}>
                    {d.figures ? formatPercent(d.figures.completionRate, locale) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
