import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { DateRangeFields } from "~/components/forms/DateRangeFields";
import { FilterButtons } from "~/components/forms/FilterButtons";
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
  const select = (key: keyof FilterErrors, label: MessageKey, options: ReactNode, upper = true) => (
    <FilterSelect name={key} label={t(label)} value={upper ? values[key]?.toUpperCase() : values[key]} error={errors[key]}>
      {options}
    </FilterSelect>
  );
  const coded = (list: FilterOption[]) =>
    list.map((d) => (
      <option key={d.id} value={d.code}>
        {pickText(locale, d.en, d.hi)}
      </option>
    ));
  return (
    <details className="filters card" open={anyActive || undefined}>
      <summary>{t("actions.filters.label")}</summary>
      <Form method="get" className="filters__form">
        {select(
          "status",
          "actions.filters.status",
          MIX_KEYS.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}` as MessageKey)}
            </option>
          )),
        )}
        {select(
          "meeting",
          "actions.filters.meeting",
          meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {formatDate(m.date, locale)} · {truncate(pickText(locale, m.en, m.hi), 60)}
            </option>
          )),
          false,
        )}
        {select("category", "actions.filters.category", coded(categories))}
        {divisions ? select("division", "dash.filter.division", coded(divisions)) : null}
        {districts ? select("district", "actions.filters.district", coded(districts)) : null}
        {reader
          ? select(
              "role",
              "dash.filter.role",
              <>
                <option value="COLLECTOR">{t("districtRole.COLLECTOR")}</option>
                <option value="SP">{t("districtRole.SP")}</option>
                <option value="DEPARTMENT">{t("dash.filter.roleDepartments")}</option>
              </>,
            )
          : null}
        {departments ? select("department", "actions.filters.department", coded(departments)) : null}
        {reader ? <DateRange values={values} errors={errors} /> : null}
        <FilterButtons applyLabel={t("actions.filters.apply")} clearLabel={t("actions.filters.clear")} clearTo="/actions" filtered={anyActive} />
      </Form>
    </details>
  );
}

function FilterError({ name, error }: { name: keyof FilterErrors; error: FilterErrors[keyof FilterErrors] }) {
  const t = useT();
  return error ? (
    <span className="field__error" id={`filter-${name}-error`}>
      {t(`dash.filter.error.${error}` as MessageKey)}
    </span>
  ) : null;
}

/** One filter: a select whose first option is "any", with its error under it. */
function FilterSelect({
  name,
  label,
  value,
  error,
  children,
}: {
  name: keyof FilterErrors;
  label: string;
  value: string | undefined;
  error: FilterErrors[keyof FilterErrors];
  children: ReactNode;
}) {
  const t = useT();
  const a11y = error ? { "aria-invalid": true as const, "aria-describedby": `filter-${name}-error` } : {};
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} {...a11y}>
        <option value="">{t("actions.filters.any")}</option>
        {children}
      </select>
      <FilterError name={name} error={error} />
    </div>
  );
}

/** The reading roles' date range, with the hint both dates point to; a date that is not one is not put back. */
function DateRange({ values, errors }: { values: FilterValues; errors: FilterErrors }) {
  const t = useT();
  const kept = (key: "from" | "to") => (errors[key] === "badDate" ? "" : values[key]);
  const errorKey = (key: "from" | "to") => (errors[key] ? (`dash.filter.error.${errors[key]}` as MessageKey) : undefined);
  return (
    <>
      <DateRangeFields
        idPrefix="filter-"
        labels={{ from: t("dash.filter.from"), to: t("dash.filter.to") }}
        values={{ from: kept("from"), to: kept("to") }}
        errors={{ from: errorKey("from"), to: errorKey("to") }}
        hintId="filter-date-hint"
      />
      <p className="field__hint filters__hint" id="filter-date-hint">
        {t("dash.filter.dateHint")}
      </p>
    </>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
