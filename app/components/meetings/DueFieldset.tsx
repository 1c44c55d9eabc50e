// A directive's due date as two choices, days after the meeting or a date, each with its input: shared by
// the meeting editor (DueFields, through react-hook-form) and the published meeting's "change the due date".
import type { ComponentProps } from "react";
import type { MessageKey } from "~/i18n";
import { LIMITS } from "~/schemas/meeting";
import { useT } from "~/utils/i18n";
import { describedBy, FieldError } from "./fields";

export type DueMode = "DAYS" | "DATE";

/** Each choice: the radio's value, its wording, its input's hidden label and its input's type and bounds. */
const DUE_MODES = [
  {
    mode: "DAYS",
    choice: "meetings.directive.dueInDays",
    label: "meetings.directive.daysLabel",
    input: { type: "number", min: 0, max: LIMITS.dueInDays },
  },
  { mode: "DATE", choice: "meetings.directive.dueOnDate", label: "meetings.directive.dateLabel", input: { type: "date" } },
] as const;

/** `radio` and `input` give each choice's form props (a name or register()), `hidden` hides an input not chosen. */
export function DueFieldset({
  legend,
  ids,
  errors,
  radio,
  input,
  hidden,
}: {
  legend: string;
  ids: Record<DueMode | "mode", string>;
  errors: Partial<Record<DueMode | "mode", MessageKey>>;
  radio: (mode: DueMode) => ComponentProps<"input">;
  input: Record<DueMode, ComponentProps<"input">>;
  hidden?: (mode: DueMode) => boolean;
}) {
  const t = useT();
  return (
    <fieldset className="due">
      <legend>{legend}</legend>
      <div className="due__options">
        {DUE_MODES.map((due) => (
          <div key={due.mode} className="due__option">
            <label className="choice">
              <input type="radio" value={due.mode} {...radio(due.mode)} />
              <span>{t(due.choice)}</span>
            </label>
            <div className="field field--inline" hidden={hidden?.(due.mode)}>
              <label htmlFor={ids[due.mode]} className="visually-hidden">
                {t(due.label)}
              </label>
              <input {...due.input} {...input[due.mode]} {...describedBy(ids[due.mode], errors[due.mode])} />
              {due.mode === "DAYS" ? <span aria-hidden="true">{t("meetings.directive.daysSuffix")}</span> : null}
              <FieldError id={ids[due.mode]} error={errors[due.mode]} />
            </div>
          </div>
        ))}
      </div>
      <FieldError id={ids.mode} error={errors.mode} />
    </fieldset>
  );
}
