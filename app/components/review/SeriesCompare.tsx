// A district between any two meetings of a series (/districts/:code): each figure at the end of each meeting's day.
import { Form } from "@remix-run/react";
import type { SeriesComparison } from "~/domain/review-views";
import type { SeriesOption } from "~/domain/review-views";
import { namedChoices, SelectField } from "~/components/forms/SelectField";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { DataTable } from "~/components/layout/DataTable";

export function SeriesCompare({
  action,
  series,
  seriesCode,
  meetings,
  comparison,
}: {
  action: string;
  series: SeriesOption[];
  seriesCode: string | null;
  meetings: { id: number; meetingDate: string; titleEn: string; titleHi: string }[];
  comparison: { fromId: number; toId: number; result: SeriesComparison } | null;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const meetingLabel = (m: { meetingDate: string; titleEn: string; titleHi: string }) =>
    `${formatDate(m.meetingDate, locale)} — ${pickText(locale, m.titleEn, m.titleHi)}`;
  const meetingChoices = meetings.map((m) => ({ value: String(m.id), label: meetingLabel(m) }));
  const from = meetings.find((m) => m.id === comparison?.fromId);
  const to = meetings.find((m) => m.id === comparison?.toId);
  return (
    <section className="card dash-section" aria-labelledby="compare-title" data-testid="series-compare">
      <h2 id="compare-title">{t("review.compare.title")}</h2>
      {series.length === 0 ? (
        <p className="muted">{t("review.compare.none")}</p>
      ) : (
        <>
          <Form method="get" action={action} className="filters">
            <SelectField
              id="cmp-series"
              name="cmpSeries"
              label={t("review.compare.series")}
              defaultValue={seriesCode ?? ""}
              choices={namedChoices(series, locale)}
            />
            {(["from", "to"] as const).map((end) => (
              <SelectField
                key={end}
                id={`cmp-${end}`}
                name={end === "from" ? "cmpFrom" : "cmpTo"}
                label={t(`review.compare.${end}`)}
                defaultValue={comparison ? String(end === "from" ? comparison.fromId : comparison.toId) : ""}
                choices={meetingChoices}
              />
            ))}
            <div className="filters__actions">
              <button type="submit" className="button button--secondary">
                {t("review.compare.show")}
              </button>
            </div>
          </Form>
          {comparison && from && to ? (
            <>
              <DataTable
                head={
                  <>
                    <th scope="col">{t("review.compare.measure")}</th>
                    <th scope="col">{formatDate(from.meetingDate, locale)}</th>
                    <th scope="col">{formatDate(to.meetingDate, locale)}</th>
                  </>
                }
              >
                <tr>
                  <th scope="row">{t("review.compare.completion")}</th>
                  <td data-testid="cmp-from-completion">
                    {formatPercent(comparison.result.from.completionRate, locale)} ({n(comparison.result.from.done)}/
                    {n(comparison.result.from.applicable)})
                  </td>
                  <td data-testid="cmp-to-completion">
                    {formatPercent(comparison.result.to.completionRate, locale)} ({n(comparison.result.to.done)}/{n(comparison.result.to.applicable)})
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("review.compare.onTime")}</th>
                  <td>{formatPercent(comparison.result.from.onTimeRate, locale)}</td>
                  <td>{formatPercent(comparison.result.to.onTimeRate, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("review.compare.overdue")}</th>
                  <td>{n(comparison.result.from.overdue)}</td>
                  <td>{n(comparison.result.to.overdue)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("review.compare.items")}</th>
                  <td>{n(comparison.result.from.items)}</td>
                  <td>{n(comparison.result.to.items)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("review.compare.changed")}</th>
                  <td colSpan={2} data-testid="cmp-changed">
                    {n(comparison.result.changed)}
                  </td>
                </tr>
              </DataTable>
              <p className="muted">{t("review.compare.hint")}</p>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
