// The top of the Action Taken Report (the ATR page): the meeting's figures and one row per
// directive, each linking to its section below.
import type { AtrPageReport } from "~/domain/atr-views";
import type { Figures } from "~/domain/views";
import { DataTable } from "~/components/layout/DataTable";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export function AtrSummary({ report }: { report: AtrPageReport }) {
  const t = useT();
  const locale = useLocale();
  const { summary } = report;
  const n = (v: number) => formatNumber(v, locale);
  const headline: { label: string; value: string; sub?: string }[] = [
    { label: t("atr.directives"), value: n(report.liveDirectives) },
    { label: t("dash.figure.items"), value: n(summary.items) },
    {
      label: t("dash.figure.completion"),
      value: formatPercent(summary.completionRate, locale),
      sub: t("dash.figure.completionHint", { done: n(summary.done), applicable: n(summary.applicable) }),
    },
    {
      label: t("dash.figure.onTime"),
      value: formatPercent(summary.onTimeRate, locale),
      sub: t("dash.figure.onTimeHint", { onTime: n(summary.onTime), duePassed: n(summary.duePassed) }),
    },
    { label: t("dash.figure.overdue"), value: n(summary.overdue) },
  ];
  // The directive table's count columns: heading, and the cell from a directive's figures.
  const columns: { label: string; cell: (f: Figures) => string }[] = [
    { label: t("dash.col.items"), cell: (f) => n(f.items) },
    { label: t("dash.col.done"), cell: (f) => n(f.done) },
    { label: t("atr.col.overdue"), cell: (f) => n(f.overdue) },
    { label: t("dash.col.notApplicable"), cell: (f) => n(f.notApplicable) },
    { label: t("atr.col.rate"), cell: (f) => formatPercent(f.completionRate, locale) },
  ];
  return (
    <section className="card atr-summary" aria-labelledby="atr-summary-heading">
      <h2 id="atr-summary-heading">{t("atr.summary")}</h2>
      <dl className="atr-figures">
        {headline.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>
              {f.value}
              {f.sub ? <span className="atr-sub">{f.sub}</span> : null}
            </dd>
          </div>
        ))}
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
        <DataTable
          wrapClassName="atr-scroll"
          className="atr-table atr-table--summary"
          labelledBy="atr-directive-summary"
          caption={<caption id="atr-directive-summary">{t("atr.directiveSummary")}</caption>}
          head={
            <>
              <th scope="col">{t("atr.directiveShort")}</th>
              <th scope="col">{t("atr.col.directiveText")}</th>
              {columns.map((c) => (
                <th key={c.label} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </>
          }
        >
          {report.directives.map((d) => (
            <tr key={d.id} className={d.withdrawnOn ? "atr-row--withdrawn" : undefined}>
              <th scope="row">
                <a href={`#atr-directive-${d.number}`}>{n(d.number)}</a>
              </th>
              <td>
                {pickText(locale, d.textEn, d.textHi)}
                {d.withdrawnOn ? <span className="atr-badge atr-badge--withdrawn">{t("atr.withdrawn")}</span> : null}
              </td>
              {columns.map((c) => (
                <td key={c.label} className="num" data-label={c.label}>
                  {d.figures ? c.cell(d.figures) : "—"}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
