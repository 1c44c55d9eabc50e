// Who must act, for one district role: nobody, every district, the districts of chosen divisions
// or chosen districts. Plain radios and checkboxes, so it works without JavaScript; with it, only
// the list that the chosen scope needs is shown.
import type { MessageKey } from "~/i18n";
import type { AssigneeChoice } from "~/schemas/meeting";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { FieldError } from "./fields";

export interface PickerMasterData {
  divisions: { code: string; nameEn: string; nameHi: string }[];
  districts: { code: string; nameEn: string; nameHi: string; divisionCode: string }[];
}

/** Props for an input of this name: react-hook-form's register() in the editor, a plain name elsewhere. */
export type InputProps = (name: string) => Record<string, unknown>;

const SCOPE_LABELS: Record<AssigneeChoice, MessageKey> = {
  NONE: "meetings.assignee.none",
  ALL: "meetings.assignee.all",
  DIVISIONS: "meetings.assignee.divisions",
  DISTRICTS: "meetings.assignee.districts",
};

export function AssigneePicker({
  idPrefix,
  name,
  legend,
  defaults,
  shownScope,
  inputProps,
  master,
  errors,
  choices = ["NONE", "ALL", "DIVISIONS", "DISTRICTS"],
}: {
  idPrefix: string;
  name: string;
  legend: string;
  defaults: { scope: string; divisions: string[]; districts: string[] };
  /** The scope chosen now, when JavaScript tracks it; null shows both lists (no JavaScript). */
  shownScope: string | null;
  inputProps: InputProps;
  master: PickerMasterData;
  errors: { scope?: MessageKey; divisions?: MessageKey; districts?: MessageKey };
  choices?: AssigneeChoice[];
}) {
  const t = useT();
  const locale = useLocale();
  const showDivisions = shownScope === null || shownScope === "DIVISIONS";
  const showDistricts = shownScope === null || shownScope === "DISTRICTS";
  return (
    <fieldset className="assignee" aria-describedby={errors.scope ? `${idPrefix}-scope-error` : undefined}>
      <legend>{legend}</legend>
      <div className="choice-row">
        {choices.map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              {...inputProps(`${name}.scope`)}
              value={choice}
              defaultChecked={defaults.scope === choice}
              id={`${idPrefix}-scope-${choice}`}
            />
            <span>{t(SCOPE_LABELS[choice])}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${idPrefix}-scope`} error={errors.scope} />
      <details
        className="picker"
        hidden={!showDivisions}
        open={shownScope === "DIVISIONS" || defaults.divisions.length > 0 || Boolean(errors.divisions)}
      >
        <summary>{t("meetings.assignee.chooseDivisions")}</summary>
        <fieldset className="picker__group" aria-describedby={errors.divisions ? `${idPrefix}-divisions-error` : undefined}>
          <legend className="visually-hidden">{t("meetings.assignee.chooseDivisions")}</legend>
          {master.divisions.map((division) => (
            <label key={division.code} className="choice">
              <input
                type="checkbox"
                {...inputProps(`${name}.divisions`)}
                value={division.code}
                defaultChecked={defaults.divisions.includes(division.code)}
              />
              <span>{pickText(locale, division.nameEn, division.nameHi)}</span>
            </label>
          ))}
        </fieldset>
        <FieldError id={`${idPrefix}-divisions`} error={errors.divisions} />
      </details>
      {!showDivisions ? <FieldError id={`${idPrefix}-divisions`} error={errors.divisions} /> : null}
      <details
        className="picker"
        hidden={!showDistricts}
        open={shownScope === "DISTRICTS" || defaults.districts.length > 0 || Boolean(errors.districts)}
      >
        <summary>{t("meetings.assignee.chooseDistricts")}</summary>
        <div aria-describedby={errors.districts ? `${idPrefix}-districts-error` : undefined}>
          {master.divisions.map((division) => (
            <fieldset key={division.code} className="picker__group">
              <legend>{pickText(locale, division.nameEn, division.nameHi)}</legend>
              {master.districts
                .filter((d) => d.divisionCode === division.code)
                .map((district) => (
                  <label key={district.code} className="choice">
                    <input
                      type="checkbox"
                      {...inputProps(`${name}.districts`)}
                      value={district.code}
                      defaultChecked={defaults.districts.includes(district.code)}
                    />
                    <span>{pickText(locale, district.nameEn, district.nameHi)}</span>
                  </label>
                ))}
            </fieldset>
          ))}
        </div>
        <FieldError id={`${idPrefix}-districts`} error={errors.districts} />
      </details>
      {!showDistricts ? <FieldError id={`${idPrefix}-districts`} error={errors.districts} /> : null}
    </fieldset>
  );
}

/** State departments as checkboxes (the editor) — one line each. */
export function DepartmentPicker({
  idPrefix,
  name,
  legend,
  defaults,
  inputProps,
  departments,
  error,
}: {
  idPrefix: string;
  name: string;
  legend: string;
  defaults: string[];
  inputProps: InputProps;
  departments: { code: string; nameEn: string; nameHi: string }[];
  error?: MessageKey;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <fieldset className="assignee" aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend>{legend}</legend>
      <details className="picker" open={defaults.length > 0 || Boolean(error)}>
        <summary>{t("meetings.assignee.chooseDepartments")}</summary>
        <div className="picker__group picker__group--columns">
          {departments.map((department) => (
            <label key={department.code} className="choice">
              <input type="checkbox" {...inputProps(name)} value={department.code} defaultChecked={defaults.includes(department.code)} />
              <span>{pickText(locale, department.nameEn, department.nameHi)}</span>
            </label>
          ))}
        </div>
      </details>
      <FieldError id={idPrefix} error={error} />
    </fieldset>
  );
}
