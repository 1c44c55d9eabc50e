// The compliance filters as a plain GET form: the URL it produces is the shareable view.
import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import type { FilterError } from "~/domain/views";
import type { FilterParam, FilterValues } from "~/domain/compliance-types";
import { formatDate } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { DateRangeFields } from "~/components/forms/DateRangeFields";
import { namedChoices, SelectField, type Choice } from "~/components/forms/SelectField";

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
  /** Filters fixed by the page (e.g. the district on a district's page); the two dates go together. */
  hide?: FilterParam[];
  /** Other params the form carries along (e.g. trend=division). */
  keep?: Record<string, string>;
}) {
  const t = useT();
  const locale = useLocale();
  const shown = (key: FilterParam) => !hide.includes(key);
  const errorKey = (key: FilterParam) => (errors[key] ? (`dash.filter.error.${errors[key]}` as MessageKey) : undefined);
  const errorOf = (key: FilterParam) => {
    const message = errorKey(key);
    return message ? t(message) : undefined;
  };
  const select = (key: FilterParam, label: string, choices: Choice[], className?: string) =>
    shown(key) ? (
      <SelectField
        id={`filter-${key}`}
        name={key}
        label={label}
        defaultValue={values[key] ?? ""}
        choices={choices}
        emptyLabel={t("dash.filter.any")}
        className={className}
        error={errorOf(key)}
      />
    ) : null;
  const meetings = options.meetings.map((m) => ({
    value: String(m.id),
    label: `${formatDate(m.meetingDate, locale)} — ${pickText(locale, m.titleEn, m.titleHi)}`,
  }));
  const roles = [
    { value: "COLLECTOR", label: t("districtRole.COLLECTOR") },
    { value: "SP", label: t("districtRole.SP") },
    { value: "DEPARTMENT", label: t("dash.filter.roleDepartments") },
  ];
  return (
    <Form method="get" action={action} className="filters card no-print" aria-label={t("dash.filters")}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="filters__grid">
        {select("meeting", t("dash.filter.meeting"), meetings, "filters__wide")}
        {select("review", t("review.filter"), meetings, "filters__wide")}
        {select("category", t("dash.filter.category"), namedChoices(options.categories, locale))}
        {select("division", t("dash.filter.division"), namedChoices(options.divisions, locale))}
        {select("district", t("dash.filter.district"), namedChoices(options.districts, locale))}
        {select("role", t("dash.filter.role"), roles)}
        {select("department", t("dash.filter.department"), namedChoices(options.departments, locale))}
        {shown("from") && shown("to") ? (
          <DateRangeFields
            idPrefix="filter-"
            labels={{ from: t("dash.filter.from"), to: t("dash.filter.to") }}
            values={values}
            errors={{ from: errorKey("from"), to: errorKey("to") }}
          />
        ) : null}
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
