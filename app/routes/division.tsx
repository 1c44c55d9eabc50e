import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FigureList } from "~/components/charts/FigureList";
import { DataTable } from "~/components/layout/DataTable";
import { PageHead } from "~/components/layout/PageHead";
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

// The counts shown for the division and again for each of its districts.
const COUNTS = ["total", "open", "overdue", "escalated", "completed"] as const;

export default function DivisionDashboard() {
  const { summary } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const division = pickText(locale, summary.division.nameEn, summary.division.nameHi);
  const figures = COUNTS.map((key) => ({
    key,
    label: t(`division.${key}`),
    value: summary.totals[key],
    bad: (key === "overdue" || key === "escalated") && summary.totals[key] > 0,
  }));
  return (
    <>
      <PageHead title={t("division.title", { division })}>
        <Link className="button button--secondary" to="/actions">
          {t("division.allItems")}
        </Link>
      </PageHead>
      <p>{t("division.intro", { side: t(`divisionSide.${summary.side}`) })}</p>
      <FigureList className="division-figures" items={figures.map((f) => ({ ...f, value: n(f.value) }))} />
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
        <DataTable
          head={
            <>
              <th scope="col">{t("division.district")}</th>
              {figures.map((f) => (
                <th key={f.key} scope="col" className="num">
                  {f.label}
                </th>
              ))}
            </>
          }
        >
          {summary.districts.map((d) => (
            <tr key={d.code}>
              <th scope="row">{pickText(locale, d.nameEn, d.nameHi)}</th>
              {figures.map((f) => (
                <td key={f.key} className="num">
                  {n(d[f.key])}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
