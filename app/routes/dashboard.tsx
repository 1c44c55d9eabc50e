import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComplianceFigures } from "~/components/charts/ComplianceFigures";
import { FilterForm } from "~/components/charts/FilterForm";
import { HeatLegend, HeatMap } from "~/components/charts/HeatMap";
import { MixTable } from "~/components/charts/MixTable";
import { RankingSection } from "~/components/charts/RankingSection";
import { StatusMixChart } from "~/components/charts/StatusMixChart";
import { TrendChart } from "~/components/charts/TrendChart";
import { TrendTable } from "~/components/charts/TrendTable";
import { actionsHref, divisionActionsHref, heatProps, mixBars, trendProps } from "~/components/charts/build";
import type { MessageKey } from "~/i18n";
import { getFilterOptions, parseFilters } from "~/models/compliance-filters.server";
import { type RankedDistrict } from "~/models/compliance.server";
import { getDashboard } from "~/models/dashboard.server";
import { CELL_STATES, filterQuery, type MixKey } from "~/domain/compliance-types";
import dashboardStyles from "~/styles/dashboard.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PageHandle } from "~/root";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export const meta: MetaFunction = () => [{ title: "Dashboard · Anupalan" }];

/** Beyond twice this many districts the ranking shows the top and the bottom this many (a phone
 * reads 20 bars; any district is one search away, or all of them one link away). */
const RANKING_HALF = 10;
/** Beyond this many divisions the status mix shows those with the most overdue items. */
const MIX_ROWS = 12;
/** Heat-map rows on the first view, and with ?heat=all. */
const HEAT_ROWS = 20;
const HEAT_ROWS_ALL = 200;
const MAX_DISTRICT_OPTIONS = 100;
/** Division lines beyond this are unreadable. */
const MAX_TREND_LINES = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:dashboard:any");
  const url = new URL(request.url);
  const options = await getFilterOptions();
  const { filters, values, errors } = parseFilters(url.searchParams, options);
  const today = todayInIndia();
  const byDivision = url.searchParams.get("trend") === "division";
  const showAll = url.searchParams.get("ranking") === "all";
  const mixAll = url.searchParams.get("mix") === "all";
  const heatAll = url.searchParams.get("heat") === "all";
  const dashboard = await getDashboard(viewer, filters, today, { byDivision, heatRows: heatAll ? HEAT_ROWS_ALL : HEAT_ROWS });

  const total = dashboard.ranking.length;
  const partial = !showAll && total > RANKING_HALF * 2;
  const ranking: (RankedDistrict | { gap: number })[] = partial
    ? [...dashboard.ranking.slice(0, RANKING_HALF), { gap: total - RANKING_HALF * 2 }, ...dashboard.ranking.slice(-RANKING_HALF)]
    : dashboard.ranking;
  // Hundreds of districts make a list nobody scrolls (and tens of KB on every view): beyond
  // MAX_DISTRICT_OPTIONS the district filter lists a division's districts once one is chosen, and
  // "Find a district" reaches any of them.
  const districts = filters.divisionId
    ? options.districts.filter((d) => d.divisionId === filters.divisionId)
    : options.districts.length <= MAX_DISTRICT_OPTIONS
      ? options.districts
      : options.districts.filter((d) => d.code === values.district);
  // The page sends only what it draws: the divisions with the most overdue items first when there
  // are too many to read (the state departments' row stays), the rest one link away.
  const mixPartial = !mixAll && dashboard.mix.length > MIX_ROWS + 1;
  const mix = mixPartial
    ? dashboard.mix
        .filter((m) => m.divisionCode !== null)
        .sort((a, b) => b.counts.OVERDUE / Math.max(b.total, 1) - a.counts.OVERDUE / Math.max(a.total, 1) || b.total - a.total)
        .slice(0, MIX_ROWS)
        .concat(dashboard.mix.filter((m) => m.divisionCode === null))
    : dashboard.mix;
  return data(
    {
      today,
      values,
      errors,
      byDivision,
      options: { ...options, districts },
      headline: dashboard.headline,
      ranking,
      rankingTotal: total,
      rankingPartial: partial,
      mix,
      mixTotal: dashboard.mix.length,
      mixPartial,
      heatAll,
      trend: byDivision && dashboard.trend.length > MAX_TREND_LINES ? null : dashboard.trend,
      heat: dashboard.heat,
    },
    { status: Object.keys(errors).length > 0 ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const ranked = d.ranking.filter((r): r is RankedDistrict => !("gap" in r));
  const mix = mixBars(d.mix, d.values, t, locale);
  const stateLabels = Object.fromEntries(CELL_STATES.map((s) => [s, t(`dash.state.${s}` as MessageKey)])) as Record<MixKey, string>;
  const trend = d.trend
    ? trendProps(
        d.trend.map((s) => ({
          series: s,
          key: s.divisionCode ?? (d.byDivision ? "departments" : "all"),
          name: d.byDivision ? (s.divisionCode ? pickText(locale, s.nameEn, s.nameHi) : t("dash.mix.departments")) : t("dash.trend.all"),
          href: d.byDivision ? divisionActionsHref(d.values, s.divisionCode) : actionsHref(d.values),
        })),
        t,
        locale,
      )
    : null;
  const heat = heatProps(d.heat, d.values, t, locale);
  const empty = d.headline.items === 0;

  return (
    <div className="dashboard">
      <h1>{t("dash.title")}</h1>
      <p className="muted">{t("dash.intro", { today: formatDate(d.today, locale) })}</p>
      <FilterForm action="/dashboard" values={d.values} errors={d.errors} options={d.options} keep={d.byDivision ? { trend: "division" } : {}} />
      <ComplianceFigures figures={d.headline} />
      {empty ? <p className="card">{t("dash.empty")}</p> : null}

      {ranked.length > 0 ? (
        <RankingSection ranking={d.ranking} values={d.values} cut={{ partial: d.rankingPartial, total: d.rankingTotal, half: RANKING_HALF }} />
      ) : null}

      {!empty ? (
        <section className="card dash-section" aria-labelledby="trend-title">
          <h2 id="trend-title">{t("dash.trend.title")}</h2>
          <p className="muted">{t("dash.trend.explain")}</p>
          <p className="no-print">
            <Link to={`/dashboard${filterQuery(d.values, { trend: d.byDivision ? undefined : "division" })}`}>
              {t(d.byDivision ? "dash.trend.combined" : "dash.trend.byDivision")}
            </Link>
          </p>
          {trend ? (
            <>
              <TrendChart weeks={trend.weeks} weekLabels={trend.weekLabels} lines={trend.lines} label={t("dash.trend.chartLabel")} />
              <TrendTable weeks={trend.weeks} lines={trend.lines} />
            </>
          ) : (
            <p>{t("dash.trend.tooManyLines", { n: MAX_TREND_LINES })}</p>
          )}
        </section>
      ) : null}

      {mix.length > 0 ? (
        <section className="card dash-section" aria-labelledby="mix-title">
          <h2 id="mix-title">{t("dash.mix.title")}</h2>
          <p className="muted">{t("dash.mix.explain")}</p>
          {d.mixPartial ? (
            <p>
              {t("dash.mix.partial", { shown: n(d.mix.length - 1), total: n(d.mixTotal - 1) })}{" "}
              <Link to={`/dashboard${filterQuery(d.values, { mix: "all" })}`}>{t("dash.mix.showAll")}</Link>
            </p>
          ) : null}
          <StatusMixChart bars={mix} label={t("dash.mix.chartLabel")} legend={stateLabels} />
          <MixTable bars={mix} labels={stateLabels} />
        </section>
      ) : null}

      <section className="card dash-section" aria-labelledby="heat-title">
        <h2 id="heat-title">{t("dash.heat.title")}</h2>
        {d.heat.meeting ? (
          <>
            <p className="muted">
              {t("dash.heat.explain", {
                meeting: `${pickText(locale, d.heat.meeting.titleEn, d.heat.meeting.titleHi)} (${formatDate(d.heat.meeting.meetingDate, locale)})`,
              })}
            </p>
            {d.heat.totalRows > d.heat.rows.length ? (
              <p>
                {t("dash.heat.partial", { shown: n(d.heat.rows.length), total: n(d.heat.totalRows) })}
                {!d.heatAll ? (
                  <>
                    {" "}
                    <Link to={`/dashboard${filterQuery(d.values, { heat: "all" })}`}>
                      {t("dash.heat.showMore", { n: n(Math.min(d.heat.totalRows, HEAT_ROWS_ALL)) })}
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
            <HeatLegend title={t("dash.heat.legend")} labels={stateLabels} />
            <HeatMap
              caption={t("dash.heat.title")}
              columns={heat.columns}
              rows={heat.rows}
              rowHeader={t("dash.col.name")}
              emptyText={t("dash.heat.empty")}
            />
          </>
        ) : (
          <p>{t("dash.heat.none")}</p>
        )}
      </section>
    </div>
  );
}
