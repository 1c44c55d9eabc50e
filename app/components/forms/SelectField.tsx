// A labelled <select> of a GET filter form: an optional "any" first option, the choices, and the
// error (already in the viewer's language) tied to the control. One shape for the dashboard's
// filters, the meetings list and the series comparison.
import type { Locale } from "~/i18n";
import { pickText } from "~/utils/i18n";

export interface Choice {
  value: string;
  label: string;
}

/** Master data (code, English and Hindi names) as choices named in the viewer's language. */
export function namedChoices(list: { code: string; nameEn: string; nameHi: string }[], locale: Locale): Choice[] {
  return list.map((o) => ({ value: o.code, label: pickText(locale, o.nameEn, o.nameHi) }));
}

export function SelectField({
  id,
  name,
  label,
  defaultValue,
  choices,
  emptyLabel,
  className,
  error,
  required,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  choices: Choice[];
  /** The first option, with the empty value (e.g. "Any", "All"); none when omitted. */
  emptyLabel?: string;
  /** Added to "field" (e.g. "filters__wide"). */
  className?: string;
  error?: string;
  required?: boolean;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
