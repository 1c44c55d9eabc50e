import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDivisionSummary } from "~/models/division.server";
import noticeStyles from "~/styles/notices.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PageHandle } from "~/root";
import { titleMeta } from "~/utils/meta";

// Read-only: sent without the app's script (decision 014).
export const handle: PageHandle = { scripts: false };

export const meta = titleMeta("nav.division");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: noticeStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:dashboard:division");
  const today = todayInIndia();
  const summary = await getDivisionSummary(viewer, today);
  if (!summary) throw new Response("Not found", { status: 404 });
  return { summary, today };
}

export default function DivisionDashboard() {
  const { summary } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const division = pickText(locale, summary.division.nameEn, summary.division.nameHi);
  const figures = [
    { label: t("division.total"), value: summary.totals.total },
    { label: t("division.open"), value: summary.totals.open },
    { label: t("division.overdue"), value: summary.totals.overdue, bad: true },
    { label: t("division.escalated"), value: summary.totals.escalated, bad: true },
    { label: t("division.completed"), value: summary.totals.completed },
  ];
  return (
    <>
      <div className="page-head">
        <h1>{t("division.title", { division })}</h1>
        <div className="page-head__actions">
          <Link className="button button--secondary" to="/actions">
            {t("division.allItems")}
          </Link>
        </div>
      </div>
      <p>{t("division.intro", { side: t(`divisionSide.${summary.side}`) })}</p>
      <ul className="figures division-figures">
        {figures.map((f) => (
          <li key={f.label} className={f.bad && f.value > 0 ? "figure figure--bad" : "figure"}>
            <span className="figure__label">{f.label}</span>
            <span className="figure__value">{n(f.value)}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t("division.mostOverdue")}</h2>
        {summary.mostOverdue.length === 0 ? (
          <p className="muted">{t("division.noneOverdue")}</p>
        ) : (
          <ul className="overdue-list">
            {summary.mostOverdue.map((item) => (
              <li key={item.id}>
                <Link to={`/actions/${item.id}`}>
                  {item.directiveNumber}. {pickText(locale, item.textEn, item.textHi)}
                </Link>
                <div className="overdue-list__meta">
                  <span>{pickText(locale, item.districtEn, item.districtHi)}</span>
                  <span>{formatDate(item.dueDate, locale)}</span>
                  <span className="overdue-list__days">{t("division.daysOverdue", { n: n(item.daysOverdue) })}</span>
                  {item.escalated ? <span className="badge badge--escalated">{t("escalated.badge")}</span> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="districts-title">
        <h2 id="districts-title">{t("division.byDistrict")}</h2>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("division.district")}</th>
                <th scope="col" className="num">
                  {t("division.total")}
                </th>
                <th scope="col" className="num">
                  {t("division.open")}
                </th>
                <th scope="col" className="num">
                  {t("division.overdue")}
                </th>
                <th scope="col" className="num">
                  {t("division.escalated")}
                </th>
                <th scope="col" className="num">
                  {t("division.completed")}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.districts.map((d) => (
                <tr key={d.code}>
                  <th scope="row">{pickText(locale, d.nameEn, d.nameHi)}</th>
                  <td className="num">{n(d.total)}</td>
                  <td className="num">{n(d.open)}</td>
                  <td className="num">{n(d.overdue)}</td>
                  <td className="num">{n(d.escalated)}</td>
                  <td className="num">{n(d.completed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
