// The compliance filters as a plain GET form: the URL it produces is the shareable view.
import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import type { FilterError } from "~/domain/views";
import type { FilterParam, FilterValues } from "~/domain/compliance-types";
import { formatDate } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

interface Named {
  code: string;
  nameEn: string;
  nameHi: string;
}

export interface FilterFormOptions {
  meetings: { id: number; titleEn: string; titleHi: string; meetingDate: string }[];
  categories: Named[];
  divisions: Named[];
  districts: Named[];
  departments: Named[];
}

export function FilterForm({
  action,
  values,
  errors,
  options,
  hide = [],
  keep = {},
}: {
  action: string;
  values: FilterValues;
  errors: Partial<Record<FilterParam, FilterError>>;
  options: FilterFormOptions;
  /** Filters fixed by the page (e.g. the district on a district's page). */
  hide?: FilterParam[];
  /** Other params the form carries along (e.g. trend=division). */
  keep?: Record<string, string>;
}) {
  const t = useT();
  const locale = useLocale();
  const shown = (key: FilterParam) => !hide.includes(key);
  const errorOf = (key: FilterParam) =>
    errors[key] ? (
      <span className="field__error" id={`filter-${key}-error`}>
        {t(`dash.filter.error.${errors[key]}` as MessageKey)}
      </span>
    ) : null;
  const a11y = (key: FilterParam) =>
    errors[key] ? { "aria-invalid": true as const, "aria-describedby": `filter-${key}-error` } : {};
  const select = (key: FilterParam, label: MessageKey, list: Named[]) =>
    shown(key) ? (
      <div className="field">
        <label htmlFor={`filter-${key}`}>{t(label)}</label>
        <select id={`filter-${key}`} name={key} defaultValue={values[key] ?? ""} {...a11y(key)}>
          <option value="">{t("dash.filter.any")}</option>
          {list.map((o) => (
            <option key={o.code} value={o.code}>
              {pickText(locale, o.nameEn, o.nameHi)}
            </option>
          ))}
        </select>
        {errorOf(key)}
      </div>
    ) : null;
  return (
    <Form method="get" action={action} className="filters card no-print" aria-label={t("dash.filters")}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="filters__grid">
        {shown("meeting") ? (
          <div className="field filters__wide">
            <label htmlFor="filter-meeting">{t("dash.filter.meeting")}</label>
            <select id="filter-meeting" name="meeting" defaultValue={values.meeting ?? ""} {...a11y("meeting")}>
              <option value="">{t("dash.filter.any")}</option>
              {options.meetings.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {`${formatDate(m.meetingDate, locale)} — ${pickText(locale, m.titleEn, m.titleHi)}`}
                </option>
              ))}
            </select>
            {errorOf("meeting")}
          </div>
        ) : null}
        {shown("review") ? (
          <div className="field filters__wide">
            <label htmlFor="filter-review">{t("review.filter")}</label>
            <select id="filter-review" name="review" defaultValue={values.review ?? ""} {...a11y("review")}>
              <option value="">{t("dash.filter.any")}</option>
              {options.meetings.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {`${formatDate(m.meetingDate, locale)} — ${pickText(locale, m.titleEn, m.titleHi)}`}
                </option>
              ))}
            </select>
            {errorOf("review")}
          </div>
        ) : null}
        {select("category", "dash.filter.category", options.categories)}
        {select("division", "dash.filter.division", options.divisions)}
        {select("district", "dash.filter.district", options.districts)}
        {shown("role") ? (
          <div className="field">
            <label htmlFor="filter-role">{t("dash.filter.role")}</label>
            <select id="filter-role" name="role" defaultValue={values.role ?? ""} {...a11y("role")}>
              <option value="">{t("dash.filter.any")}</option>
              <option value="COLLECTOR">{t("districtRole.COLLECTOR")}</option>
              <option value="SP">{t("districtRole.SP")}</option>
              <option value="DEPARTMENT">{t("dash.filter.roleDepartments")}</option>
            </select>
            {errorOf("role")}
          </div>
        ) : null}
        {select("department", "dash.filter.department", options.departments)}
        {(["from", "to"] as const).map((key) =>
          shown(key) ? (
            <div className="field" key={key}>
              <label htmlFor={`filter-${key}`}>{t(key === "from" ? "dash.filter.from" : "dash.filter.to")}</label>
              <input id={`filter-${key}`} type="date" name={key} defaultValue={values[key] ?? ""} {...a11y(key)} />
              {errorOf(key)}
            </div>
          ) : null,
        )}
      </div>
      <p className="field__hint">{t("dash.filter.dateHint")}</p>
      <div className="filters__buttons">
        <button type="submit" className="button">
          {t("dash.filter.apply")}
        </button>
        <a className="button button--secondary" href={action}>
          {t("dash.filter.clear")}
        </a>
      </div>
    </Form>
  );
}
