import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComplianceFigures } from "~/components/charts/ComplianceFigures";
import { FilterForm } from "~/components/charts/FilterForm";
import { TrendChart } from "~/components/charts/TrendChart";
import { TrendTable } from "~/components/charts/TrendTable";
import { actionsHref, trendProps } from "~/components/charts/build";
import { OpenItemsTable } from "~/components/drill/OpenItemsTable";
import { getFilterOptions, parseFilters } from "~/models/compliance-filters.server";
import { filterQuery } from "~/domain/compliance-types";
import { findDistrictByCode, getDistrictRecord } from "~/models/drilldown.server";
import { compareSeriesMeetings, type SeriesComparison } from "~/models/series-compare.server";
import { listSeries, listSeriesMeetings } from "~/models/series.server";
import { SeriesCompare } from "~/components/review/SeriesCompare";
import dashboardStyles from "~/styles/dashboard.css";
import drillStyles from "~/styles/drill.css";
import { denyAccess, requireAnyPermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import type { PageHandle } from "~/root";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dashboardStyles },
  { rel: "stylesheet", href: drillStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.district.nameEn ?? "District"} · Anupalan` }];

// Readers (read:dashboard:any) see any district. A district officer sees only their own district,
// and within it only their own role's items (the scope inside every query); any other district is
// refused with 403 — district codes are public master data, so the refusal reveals nothing.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:dashboard:any", "read:action-item:own"]);
  const district = await findDistrictByCode(params.districtCode ?? "");
  if (!district) throw new Response("Not found", { status: 404 });
  const reader = can(viewer.role, "read:dashboard:any");
  if (!reader && !(viewer.role === "DISTRICT_OFFICER" && viewer.districtId === district.id)) {
    await denyAccess(request, viewer, "read:district:own");
  }
  const url = new URL(request.url);
  const options = await getFilterOptions();
  // The place is the path's; division/district in the query would contradict it.
  const params_ = new URLSearchParams(url.searchParams);
  params_.delete("district");
  params_.delete("division");
  const { filters, values, errors } = parseFilters(params_, options);
  const today = todayInIndia();
  const record = await getDistrictRecord(viewer, district, filters, today, { compareWithState: reader });
  // Between two meetings of a series (cmpSeries, cmpFrom, cmpTo: meeting ids); defaults to the last two.
  const seriesList = (await listSeries(viewer)).filter((s) => s.meetings >= 2);
  const cmpSeries = seriesList.find((s) => s.code === url.searchParams.get("cmpSeries")) ?? seriesList[0] ?? null;
  const seriesMeetings = cmpSeries ? await listSeriesMeetings(cmpSeries.code) : [];
  let comparison: { fromId: number; toId: number; result: SeriesComparison } | null = null;
  if (cmpSeries && seriesMeetings.length >= 2) {
    const pick = (param: string, fallback: number) =>
      seriesMeetings.find((m) => String(m.id) === url.searchParams.get(param)) ?? seriesMeetings[fallback];
    const from = pick("cmpFrom", seriesMeetings.length - 2);
    const to = pick("cmpTo", seriesMeetings.length - 1);
    const [a, b] = from.meetingDate <= to.meetingDate ? [from, to] : [to, from];
    comparison = {
      fromId: a.id,
      toId: b.id,
      result: await compareSeriesMeetings(viewer, {
        districtId: district.id,
        seriesCode: cmpSeries.code,
        fromDate: a.meetingDate,
        toDate: b.meetingDate,
      }),
    };
  }
  const compare = { series: seriesList, seriesCode: cmpSeries?.code ?? null, meetings: seriesMeetings, comparison };
  return data(
    { today, district, values, errors, reader, options: { ...options, districts: [] }, record, compare },
    { status: Object.keys(errors).length > 0 ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function DistrictPage() {
  const { today, district, values, errors, reader, options, record, compare } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const name = pickText(locale, district.nameEn, district.nameHi);
  const ownItems = reader ? actionsHref(values, { district: district.code, division: undefined }) : "/actions";
  const series = [
    record.trend.district ? { series: record.trend.district, key: "district", name, href: ownItems } : null,
    record.trend.state ? { series: record.trend.state, key: "state", name: t("dash.district.state"), href: actionsHref(values), dashed: true } : null,
  ].filter((s): s is NonNullable<typeof s> => s !== null);
  const trend = series.length > 0 ? trendProps(series, t, locale) : null;
  const { figures } = record;

  return (
    <div className="dashboard drill">
      {reader ? (
        <p className="breadcrumbs">
          <Link to={`/dashboard${filterQuery(values)}`}>{t("dash.backToDashboard")}</Link>
        </p>
      ) : null}
      <h1>{t("dash.district.title", { name })}</h1>
      <p className="drill-summary">
        <span>{t("dash.district.division", { division: pickText(locale, district.divisionNameEn, district.divisionNameHi) })}</span>
        {figures.applicable > 0 ? (
          <span>
            <Link to={`/districts/${encodeURIComponent(district.code)}/grade${filterQuery(values)}`} aria-label={t("review.grade.why")}>
              <span className={`grade grade--${figures.grade ?? "none"}`}>{figures.grade ?? t("review.grade.notYetDue")}</span>
            </Link>{" "}
            {formatPercent(figures.completionRate, locale)}
          </span>
        ) : null}
        {record.rank ? (
          <span data-testid="district-rank">{t("dash.district.rank", { rank: n(record.rank.rank), total: n(record.rank.total) })}</span>
        ) : null}
      </p>
      {!reader ? <p className="muted">{t("dash.district.ownScope")}</p> : null}
      <p className="muted">{t("dash.intro", { today: formatDate(today, locale) })}</p>
      <FilterForm
        action={`/districts/${encodeURIComponent(district.code)}`}
        values={values}
        errors={errors}
        options={options}
        hide={["division", "district"]}
      />
      <h2 className="visually-hidden">{t("drill.district.figures")}</h2>
      <ComplianceFigures figures={figures} showGrade gradeHref={`/districts/${encodeURIComponent(district.code)}/grade${filterQuery(values)}`} />
      <p className="page-actions">
        <Link to={ownItems}>{t("drill.district.allItems")}</Link>
      </p>

      {trend && figures.items > 0 ? (
        <section className="card dash-section" aria-labelledby="trend-title">
          <h2 id="trend-title">{t("dash.district.trend", { name })}</h2>
          <p className="muted">{t("drill.district.trendExplain")}</p>
          <TrendChart weeks={trend.weeks} weekLabels={trend.weekLabels} lines={trend.lines} label={t("drill.district.trendChartLabel")} />
          <TrendTable weeks={trend.weeks} lines={trend.lines} />
        </section>
      ) : null}

      <SeriesCompare action={`/districts/${encodeURIComponent(district.code)}`} {...compare} />

      <section className="card dash-section" aria-labelledby="open-title" id="open-items">
        <h2 id="open-title">{t("dash.openItems")}</h2>
        <p className="muted">{t("drill.district.openExplain")}</p>
        {record.openShown < record.openTotal ? <p>{t("dash.openItems.limited", { n: n(record.openShown) })}</p> : null}
        {record.openItems.length === 0 ? <p>{t("dash.openItems.none")}</p> : null}
        {record.openItems.map((group) => (
          <section key={group.meeting.id} className="drill-meeting" aria-labelledby={`meeting-${group.meeting.id}`}>
            <h3 id={`meeting-${group.meeting.id}`}>
              {t("drill.district.meetingItems", {
                meeting: pickText(locale, group.meeting.titleEn, group.meeting.titleHi),
                date: formatDate(group.meeting.meetingDate, locale),
              })}
            </h3>
            <OpenItemsTable items={group.items} />
          </section>
        ))}
      </section>
    </div>
  );
}
