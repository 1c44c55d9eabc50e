// "Find a district": the dashboard's ranking draws the top and the bottom districts; any other is
// found here by a part of its name (English or Hindi) or its code. One match opens its page.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getFilterOptions } from "~/models/compliance-filters.server";
import type { PageHandle } from "~/root";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const meta: MetaFunction = () => [{ title: "Districts · Anupalan" }];

const MAX_MATCHES = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:dashboard:any");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 80);
  const { districts, divisions } = await getFilterOptions();
  const needle = q.toLocaleLowerCase("en-IN");
  const matches = q
    ? districts.filter((d) => d.nameEn.toLocaleLowerCase("en-IN").includes(needle) || d.nameHi.includes(q) || d.code.toLowerCase() === needle)
    : [];
  if (matches.length === 1) {
    const lang = url.searchParams.get("lang");
    throw redirect(`/districts/${encodeURIComponent(matches[0].code)}${lang ? `?lang=${encodeURIComponent(lang)}` : ""}`);
  }
  const divisionNames = new Map(divisions.map((d) => [d.id, d]));
  return {
    q,
    total: matches.length,
    matches: matches.slice(0, MAX_MATCHES).map((d) => {
      const division = divisionNames.get(d.divisionId);
      return { code: d.code, nameEn: d.nameEn, nameHi: d.nameHi, divisionEn: division?.nameEn ?? "", divisionHi: division?.nameHi ?? "" };
    }),
  };
}

export default function FindDistrict() {
  const { q, total, matches } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <p className="breadcrumbs">
        <Link to="/dashboard">{t("nav.dashboard")}</Link>
      </p>
      <h1>{t("dash.find.title")}</h1>
      <form method="get" action="/districts" className="find-district card">
        <div className="field">
          <label htmlFor="find-district">{t("dash.ranking.find")}</label>
          <input id="find-district" name="q" type="search" defaultValue={q} autoComplete="off" aria-describedby="find-district-hint" />
          <span className="field__hint" id="find-district-hint">
            {t("dash.find.hint")}
          </span>
        </div>
        <button type="submit" className="button">
          {t("dash.ranking.findButton")}
        </button>
      </form>
      {q ? (
        <p role="status">
          {total === 0
            ? t("dash.find.none", { q })
            : total > matches.length
              ? t("dash.find.many", { shown: formatNumber(matches.length, locale), total: formatNumber(total, locale) })
              : t("dash.find.found", { n: formatNumber(total, locale) })}
        </p>
      ) : null}
      {matches.length > 0 ? (
        <ul className="meeting-list">
          {matches.map((d) => (
            <li key={d.code}>
              <Link to={`/districts/${encodeURIComponent(d.code)}`}>{pickText(locale, d.nameEn, d.nameHi)}</Link>{" "}
              <span className="muted">· {pickText(locale, d.divisionEn, d.divisionHi)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
