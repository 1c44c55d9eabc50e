// Why a district has its grade (decision 010): the formula, the counts behind it and the overdue items
// that cost the most, under the same filters as the dashboard or brief the link came from.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getFilterOptions, parseFilters } from "~/models/compliance-filters.server";
import { filterQuery } from "~/domain/compliance-types";
import { findDistrictByCode } from "~/models/drilldown.server";
import { getGradeExplanation } from "~/models/grade.server";
import drillStyles from "~/styles/drill.css";
import { denyAccess, requireAnyPermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PageHandle } from "~/root";
import { can } from "~/utils/permissions";

// Read-only: sent without the app's script (decision 014).
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drillStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Grade · ${data?.district.nameEn ?? "District"} · Anupalan` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:dashboard:any", "read:action-item:own"]);
  const district = await findDistrictByCode(params.districtCode ?? "");
  if (!district) throw new Response("Not found", { status: 404 });
  if (!can(viewer.role, "read:dashboard:any") && !(viewer.role === "DISTRICT_OFFICER" && viewer.districtId === district.id)) {
    await denyAccess(request, viewer, "read:district:own");
  }
  const query = new URLSearchParams(new URL(request.url).searchParams);
  query.delete("district");
  query.delete("division");
  const { filters, values } = parseFilters(query, await getFilterOptions());
  const today = todayInIndia();
  const explanation = await getGradeExplanation(viewer, { ...filters, districtId: district.id }, today);
  return { district, values, explanation, today };
}

export default function GradePage() {
  const { district, values, explanation: e, today } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const name = pickText(locale, district.nameEn, district.nameHi);
  return (
    <div className="drill">
      <p className="breadcrumbs">
        <Link to={`/districts/${encodeURIComponent(district.code)}${filterQuery(values)}`}>{name}</Link>
      </p>
      <h1>{t("review.grade.title", { name })}</h1>
      <p className="drill-summary">
        <span className={`grade grade--${e.grade ?? "none"}`} data-testid="grade-letter">
          {e.grade ?? t("review.grade.notYetDue")}
        </span>{" "}
        {t("review.grade.rate")}: <strong data-testid="grade-rate">{formatPercent(e.gradeRate, locale)}</strong>
      </p>
      <p>{t("review.grade.formula")}</p>
      <section className="card" aria-labelledby="grade-counts">
        <h2 id="grade-counts">{t("review.grade.counts")}</h2>
        <table className="data">
          <tbody>
            <tr>
              <th scope="row">{t("review.grade.done")}</th>
              <td data-testid="grade-done">{n(e.done)}</td>
            </tr>
            <tr>
              <th scope="row">{t("review.grade.overdue")}</th>
              <td data-testid="grade-overdue">{n(e.overdue)}</td>
            </tr>
            <tr>
              <th scope="row">{t("review.grade.notDue")}</th>
              <td data-testid="grade-not-due">{n(e.notYetDue)}</td>
            </tr>
            <tr>
              <th scope="row">{t("review.grade.na")}</th>
              <td>{n(e.notApplicable)}</td>
            </tr>
            <tr>
              <th scope="row">{t("review.grade.rate")}</th>
              <td>
                {n(e.done)} ÷ ({n(e.done)} + {n(e.overdue)}) = {formatPercent(e.gradeRate, locale)}
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="grade-costly">
        <h2 id="grade-costly">{t("review.grade.costly")}</h2>
        <p className="muted">{t("review.grade.costlyHint")}</p>
        {e.costly.length === 0 ? (
          <p>{t("review.grade.noneCostly")}</p>
        ) : (
          <ol>
            {e.costly.map((item) => (
              <li key={item.id}>
                <Link to={`/actions/${item.id}`}>
                  {item.directiveNumber}. {pickText(locale, item.directiveTextEn, item.directiveTextHi)}
                </Link>{" "}
                <span className="muted">
                  {item.districtRole ? t(`districtRole.${item.districtRole}`) : ""} · {formatDate(item.dueDate, locale)} ·{" "}
                </span>
                <strong className="overdue-days">{t("review.grade.daysOverdue", { n: n(item.daysOverdue ?? 0) })}</strong>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="muted">{t("dash.intro", { today: formatDate(today, locale) })}</p>
    </div>
  );
}
