import { Form, Link } from "@remix-run/react";
import { MAX_BULK_ACCEPT } from "~/schemas/verify";
import { hasVerifyFilter, verifyFilterParams, type FacetOption, type VerifyFacets, type VerifyFilters } from "~/schemas/verify-filters";
import { formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

/**
 * The queue's filters as a GET form (a filtered queue is a link), each option with how many items
 * choosing it would show, and the accept-all button for the filtered set. Native controls only:
 * Tab moves through them, Enter applies.
 */
export function VerifyFilterForm({ filters, facets, total }: { filters: VerifyFilters; facets: VerifyFacets; total: number }) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const select = (name: "meeting" | "series" | "division" | "district" | "department", label: string, options: FacetOption[]) => {
    const current = filters[name] === undefined ? "" : String(filters[name]);
    const shown =
      options.some((o) => o.value === current) || current === ""
        ? options
        : [...options, { value: current, labelEn: current, labelHi: current, n: 0 }];
    return (
      <div className="field">
        <label htmlFor={`vf-${name}`}>{label}</label>
        <select id={`vf-${name}`} name={name} defaultValue={current}>
          <option value="">{t("verify.filter.any", { n: n(facets.totals[name]) })}</option>
          {shown.map((option) => (
            <option key={option.value} value={option.value}>
              {pickText(locale, option.labelEn, option.labelHi)} ({n(option.n)})
            </option>
          ))}
        </select>
      </div>
    );
  };
  const filtered = hasVerifyFilter(filters);
  return (
    <section className="card verify-filters" aria-labelledby="verify-filters-title">
      <h2 id="verify-filters-title">{t("verify.filter.title")}</h2>
      <Form method="get" className="filters" data-testid="verify-filters">
        {select("meeting", t("verify.filter.meeting"), facets.meetings)}
        {select("series", t("verify.filter.series"), facets.series)}
        {select("division", t("common.division"), facets.divisions)}
        {select("district", t("common.district"), facets.districts)}
        {select("department", t("verify.filter.department"), facets.departments)}
        <div className="field">
          <label htmlFor="vf-status">{t("verify.filter.status")}</label>
          <select id="vf-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("verify.filter.any", { n: n(facets.status.ON_TIME + facets.status.LATE) })}</option>
            <option value="ON_TIME">
              {t("verify.filter.onTime")} ({n(facets.status.ON_TIME)})
            </option>
            <option value="LATE">
              {t("verify.filter.late")} ({n(facets.status.LATE)})
            </option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="vf-sort">{t("verify.filter.sort")}</label>
          <select id="vf-sort" name="sort" defaultValue={filters.sort}>
            <option value="newest">{t("verify.filter.newest")}</option>
            <option value="oldest">{t("verify.filter.oldest")}</option>
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("verify.filter.apply")}
          </button>
          {filtered ? <Link to="/verify">{t("verify.filter.clear")}</Link> : null}
        </div>
      </Form>
      {total > 0 ? (
        total <= MAX_BULK_ACCEPT ? (
          <Form method="post" className="verify-filters__accept">
            {verifyFilterParams(filters).map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
            <input type="hidden" name="expected" value={total} />
            <button type="submit" name="intent" value="accept-filtered" className="button button--secondary" data-testid="accept-filtered">
              {t(filtered ? "verify.filtered.acceptFiltered" : "verify.filtered.acceptAll", { n: n(total) })}
            </button>
          </Form>
        ) : (
          <p className="muted">{t("verify.filtered.narrow", { n: n(MAX_BULK_ACCEPT) })}</p>
        )
      ) : null}
    </section>
  );
}
