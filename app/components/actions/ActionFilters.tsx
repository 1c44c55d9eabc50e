import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export interface FilterOption {
  id: number;
  code?: string;
  en: string;
  hi: string;
  date?: string;
}

export interface FilterValues {
  status: string;
  meeting: string;
  category: string;
  district: string;
  department: string;
}

const STATUS_OPTIONS = ["OVERDUE", "PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"] as const;

/** A GET form: the filters are the URL, so a filtered list can be pasted into a letter. */
export function ActionFilters({
  values,
  meetings,
  categories,
  districts,
  departments,
}: {
  values: FilterValues;
  meetings: FilterOption[];
  categories: FilterOption[];
  districts?: FilterOption[];
  departments?: FilterOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const anyActive = Object.values(values).some((v) => v !== "");
  return (
    <details className="filters card" open={anyActive || undefined}>
      <summary>{t("actions.filters.label")}</summary>
      <Form method="get" className="filters__form">
        <div className="field">
          <label htmlFor="filter-status">{t("actions.filters.status")}</label>
          <select id="filter-status" name="status" defaultValue={values.status}>
            <option value="">{t("actions.filters.any")}</option>
            {STATUS_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-meeting">{t("actions.filters.meeting")}</label>
          <select id="filter-meeting" name="meeting" defaultValue={values.meeting}>
            <option value="">{t("actions.filters.any")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.date, locale)} · {truncate(pickText(locale, m.en, m.hi), 60)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">{t("actions.filters.category")}</label>
          <select id="filter-category" name="category" defaultValue={values.category}>
            <option value="">{t("actions.filters.any")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.code}>
                {pickText(locale, c.en, c.hi)}
              </option>
            ))}
          </select>
        </div>
        {districts ? (
          <div className="field">
            <label htmlFor="filter-district">{t("actions.filters.district")}</label>
            <select id="filter-district" name="district" defaultValue={values.district}>
              <option value="">{t("actions.filters.any")}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.code}>
                  {pickText(locale, d.en, d.hi)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {departments ? (
          <div className="field">
            <label htmlFor="filter-department">{t("actions.filters.department")}</label>
            <select id="filter-department" name="department" defaultValue={values.department}>
              <option value="">{t("actions.filters.any")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.code}>
                  {pickText(locale, d.en, d.hi)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filters__buttons">
          <button type="submit" className="button">
            {t("actions.filters.apply")}
          </button>
          {anyActive ? (
            <Link to="/actions" className="button button--secondary">
              {t("actions.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
    </details>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
