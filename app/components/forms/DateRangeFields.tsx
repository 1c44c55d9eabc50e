// The "from" and "to" dates of a GET filter form: two labelled date boxes named from and to, each
// with its error. One shape for the actions list, the dashboard's filters, the meetings list and
// the audit log.
import type { MessageKey } from "~/i18n";
import { Field } from "./Field";

export function DateRangeFields({
  idPrefix = "",
  labels,
  values,
  errors = {},
  hintId,
}: {
  /** Put before "from" and "to" to make the boxes' ids (e.g. "filter-"). */
  idPrefix?: string;
  labels: { from: string; to: string };
  values: { from?: string; to?: string };
  errors?: { from?: MessageKey; to?: MessageKey };
  /** A hint outside the pair that both boxes point to while they have no error. */
  hintId?: string;
}) {
  return (
    <>
      {(["from", "to"] as const).map((key) => (
        <Field key={key} id={`${idPrefix}${key}`} label={labels[key]} error={errors[key]}>
          {(aria) => (
            <input {...aria} type="date" name={key} defaultValue={values[key] ?? ""} aria-describedby={aria["aria-describedby"] ?? hintId} />
          )}
        </Field>
      ))}
    </>
  );
}
