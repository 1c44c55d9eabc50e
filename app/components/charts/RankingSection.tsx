// The dashboard's district ranking: the bar chart (the top and bottom `half` when there are many),
// a search for any district, and the table with each district's grade, rates and last update.
import { Link } from "@remix-run/react";
import { filterQuery, type FilterValues } from "~/domain/compliance-types";
import type { RankedDistrict } from "~/domain/views";
import { formatNumber, formatPercent, pluralKey } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { actionsHref, districtHref, rankingBars } from "./build";
import { RankingChart } from "./RankingChart";
import { DataTable } from "~/components/layout/DataTable";

/** How the ranking was cut: to the top and bottom `half` of `total` districts when `partial`. */
export interface RankingCut {
  partial: boolean;
  total: number;
  half: number;
}

export function RankingSection({
  ranking,
  values,
  cut: { partial, total, half },
}: {
  /** The districts in rank order; `{ gap }` stands for those left out in the middle. */
  ranking: (RankedDistrict | { gap: number })[];
  values: FilterValues;
  cut: RankingCut;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const bars = rankingBars(
    ranking.filter((r): r is RankedDistrict => !("gap" in r)),
    values,
    t,
    locale,
  );
  return (
    <section className="card dash-section" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t("dash.ranking.title")}</h2>
      <p className="muted">{t("dash.ranking.explain")}</p>
      {partial ? (
        <p>
          {t("dash.ranking.partial", { top: n(half), bottom: n(half), total: n(total) })}{" "}
          <Link to={`/dashboard${filterQuery(values, { ranking: "all" })}`}>{t("dash.ranking.showAll")}</Link>
        </p>
      ) : null}
      <RankingChart
        bars={bars}
        label={t("dash.ranking.chartLabel")}
        gapAfter={partial ? half : undefined}
        gapText={partial ? t("dash.ranking.gap", { n: n(total - half * 2) }) : undefined}
      />
      <form method="get" action="/districts" className="find-district no-print">
        <div className="field">
          <label htmlFor="find-district">{t("dash.ranking.find")}</label>
          <input id="find-district" name="q" type="search" autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary">
          {t("dash.ranking.findButton")}
        </button>
      </form>
      <DataTable
        className="data ranking-table"
        head={
          <>
            <th scope="col">{t("dash.ranking.rank")}</th>
            <th scope="col">{t("common.district")}</th>
            <th scope="col">{t("dash.figure.grade")}</th>
            <th scope="col">{t("dash.figure.completion")}</th>
            <th scope="col">{t("dash.figure.onTime")}</th>
            <th scope="col">{t("dash.figure.overdue")}</th>
            <th scope="col">{t("dash.ranking.evidence")}</th>
            <th scope="col">{t("dash.ranking.lastUpdate")}</th>
          </>
        }
      >
        {ranking.map((r) =>
          "gap" in r ? (
            <tr key="gap" className="ranking-table__gap">
              <td colSpan={8}>… {t("dash.ranking.gap", { n: n(r.gap) })} …</td>
            </tr>
          ) : (
            <tr key={r.code}>
              <td>{n(r.rank)}</td>
              <th scope="row">
                <Link to={districtHref(r.code, values)}>{pickText(locale, r.nameEn, r.nameHi)}</Link>
                <span className="muted"> · {pickText(locale, r.divisionNameEn, r.divisionNameHi)}</span>
              </th>
              <td>
                <Link
                  to={`/districts/${encodeURIComponent(r.code)}/grade${filterQuery(values, { district: undefined, division: undefined })}`}
                  aria-label={`${t("review.grade.why")} ${pickText(locale, r.nameEn, r.nameHi)}`}
                >
                  <span className={`grade grade--${r.grade ?? "none"}`}>{r.grade ?? (r.applicable > 0 ? t("review.grade.notYetDue") : "—")}</span>
                </Link>
              </td>
              <td>
                {formatPercent(r.completionRate, locale)}{" "}
                <span className="muted">
                  ({n(r.done)}/{n(r.applicable)})
                </span>
              </td>
              <td>
                {formatPercent(r.onTimeRate, locale)}{" "}
                <span className="muted">
                  ({n(r.onTime)}/{n(r.duePassed)})
                </span>
              </td>
              <td>
                {r.overdue > 0 ? (
                  <Link to={actionsHref(values, { district: r.code, division: undefined, status: "OVERDUE" })}>{n(r.overdue)}</Link>
                ) : (
                  n(0)
                )}
              </td>
              <td>{formatPercent(r.evidenceShare, locale, 0)}</td>
              <td>
                {r.daysSinceUpdate == null
                  ? t("dash.ranking.never")
                  : r.daysSinceUpdate === 0
                    ? t("dash.ranking.today")
                    : t(pluralKey(r.daysSinceUpdate, locale, "dash.ranking.dayAgo", "dash.ranking.daysAgo"), { n: n(r.daysSinceUpdate) })}
              </td>
            </tr>
          ),
        )}
      </DataTable>
    </section>
  );
}
