import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { MIX_KEYS, type FilterParam } from "~/domain/compliance-types";
import { formatDate } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export interface FilterOption {
  id: number;
  code?: string;
  en: string;
  hi: string;
  date?: string;
}

/** The dashboard's filter params plus the status; values are the raw URL text. */
export type FilterValues = Partial<Record<FilterParam | "status", string>>;
export type FilterErrors = Partial<Record<FilterParam | "status", "unknown" | "badDate" | "dateOrder">>;

/**
 * A GET form: the filters are the URL, so a filtered list can be pasted into a letter. The place
 * filters (division, district, role, department) and the date range are the reading roles' only;
 * an officer's account fixes the place.
 */
export function ActionFilters({
  values,
  errors = {},
  meetings,
  categories,
  divisions,
  districts,
  departments,
}: {
  values: FilterValues;
  errors?: FilterErrors;
  meetings: FilterOption[];
  categories: FilterOption[];
  divisions?: FilterOption[];
  districts?: FilterOption[];
  departments?: FilterOption[];
}) {
  const t = useT();
  const locale = useLocale();
  const anyActive = Object.values(values).some((v) => v);
  const reader = Boolean(divisions);
  const a11y = (key: keyof FilterErrors) =>
    errors[key] ? { "aria-invalid": true as const, "aria-describedby": `filter-${key}-error` } : {};
  const errorOf = (key: keyof FilterErrors) =>
    errors[key] ? (
      <span className="field__error" id={`filter-${key}-error`}>
        {t(`dash.filter.error.${errors[key]}` as MessageKey)}
      </span>
    ) : null;
  const placeSelect = (key: "division" | "district" | "department", label: MessageKey, list: FilterOption[] | undefined) =>
    list ? (
      <div className="field">
        <label htmlFor={`filter-${key}`}>{t(label)}</label>
        <select id={`filter-${key}`} name={key} defaultValue={values[key]?.toUpperCase() ?? ""} {...a11y(key)}>
          <option value="">{t("actions.filters.any")}</option>
          {list.map((d) => (
            <option key={d.id} value={d.code}>
              {pickText(locale, d.en, d.hi)}
            </option>
          ))}
        </select>
        {errorOf(key)}
      </div>
    ) : null;
  return (
    <details className="filters card" open={anyActive || undefined}>
      <summary>{t("actions.filters.label")}</summary>
      <Form method="get" className="filters__form">
        <div className="field">
          <label htmlFor="filter-status">{t("actions.filters.status")}</label>
          <select id="filter-status" name="status" defaultValue={values.status?.toUpperCase() ?? ""} {...a11y("status")}>
            <option value="">{t("actions.filters.any")}</option>
            {MIX_KEYS.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          {errorOf("status")}
        </div>
        <div className="field">
          <label htmlFor="filter-meeting">{t("actions.filters.meeting")}</label>
          <select id="filter-meeting" name="meeting" defaultValue={values.meeting ?? ""} {...a11y("meeting")}>
            <option value="">{t("actions.filters.any")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.date, locale)} · {truncate(pickText(locale, m.en, m.hi), 60)}
              </option>
            ))}
          </select>
          {errorOf("meeting")}
        </div>
        <div className="field">
          <label htmlFor="filter-category">{t("actions.filters.category")}</label>
          <select id="filter-category" name="category" defaultValue={values.category?.toUpperCase() ?? ""} {...a11y("category")}>
            <option value="">{t("actions.filters.any")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.code}>
                {pickText(locale, c.en, c.hi)}
              </option>
            ))}
          </select>
          {errorOf("category")}
        </div>
        {placeSelect("division", "dash.filter.division", divisions)}
        {placeSelect("district", "actions.filters.district", districts)}
        {reader ? (
          <div className="field">
            <label htmlFor="filter-role">{t("dash.filter.role")}</label>
            <select id="filter-role" name="role" defaultValue={values.role?.toUpperCase() ?? ""} {...a11y("role")}>
              <option value="">{t("actions.filters.any")}</option>
              <option value="COLLECTOR">{t("districtRole.COLLECTOR")}</option>
              <option value="SP">{t("districtRole.SP")}</option>
              <option value="DEPARTMENT">{t("dash.filter.roleDepartments")}</option>
            </select>
            {errorOf("role")}
          </div>
        ) : null}
        {placeSelect("department", "actions.filters.department", departments)}
        {reader
          ? (["from", "to"] as const).map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`filter-${key}`}>{t(key === "from" ? "dash.filter.from" : "dash.filter.to")}</label>
                <input id={`filter-${key}`} type="date" name={key} defaultValue={errors[key] === "badDate" ? "" : (values[key] ?? "")} aria-describedby={errors[key] ? `filter-${key}-error` : "filter-date-hint"} aria-invalid={errors[key] ? true : undefined} />
                {errorOf(key)}
              </div>
            ))
          : null}
        {reader ? (
          <p className="field__hint filters__hint" id="filter-date-hint">
            {t("dash.filter.dateHint")}
          </p>
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
