// Parts of one directive in the meeting editor (DirectiveFields): the move/remove buttons, the
// due date (days after the meeting, or a date) and who must act.
import type { UseFormRegisterReturn } from "react-hook-form";
import type { MessageKey } from "~/i18n";
import type { DirectiveFormValues } from "~/schemas/meeting";
import { LIMITS } from "~/schemas/meeting";
import { useT } from "~/utils/i18n";
import { AssigneePicker, DepartmentPicker, type InputProps, type PickerMasterData } from "./AssigneePicker";
import { describedBy, FieldError } from "./fields";

/** Submit buttons with an intent, so they work without JavaScript; with it, they change the field array in place. */
export function DirectiveTools({
  index,
  count,
  onRemove,
  onMove,
}: {
  index: number;
  count: number;
  onRemove: (index: number) => void;
  onMove: (from: number, to: number) => void;
}) {
  const t = useT();
  const withJs = (handler: () => void) => (event: React.MouseEvent) => {
    event.preventDefault();
    handler();
  };
  return (
    <div className="directive-editor__tools">
      <button
        type="submit"
        name="intent"
        value={`move-up:${index}`}
        className="button button--secondary button--small"
        disabled={index === 0}
        onClick={withJs(() => onMove(index, index - 1))}
        aria-label={t("meetings.directive.moveUpLabel", { n: index + 1 })}
      >
        ↑
      </button>
      <button
        type="submit"
        name="intent"
        value={`move-down:${index}`}
        className="button button--secondary button--small"
        disabled={index === count - 1}
        onClick={withJs(() => onMove(index, index + 1))}
        aria-label={t("meetings.directive.moveDownLabel", { n: index + 1 })}
      >
        ↓
      </button>
      <button
        type="submit"
        name="intent"
        value={`remove-directive:${index}`}
        className="button button--secondary button--small"
        onClick={withJs(() => onRemove(index))}
        aria-label={t("meetings.directive.removeLabel", { n: index + 1 })}
      >
        {t("meetings.directive.remove")}
      </button>
    </div>
  );
}

export function DueFields({
  base,
  id,
  defaults,
  errors,
  field,
  dueMode,
  hydrated,
}: {
  base: string;
  id: (path: string) => string;
  defaults: Pick<DirectiveFormValues, "dueMode" | "dueInDays" | "dueDate">;
  errors: { dueMode?: MessageKey; dueInDays?: MessageKey; dueDate?: MessageKey };
  field: (name: string) => UseFormRegisterReturn;
  dueMode: string | undefined;
  hydrated: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="due">
      <legend>{t("common.dueDate")}</legend>
      <div className="due__options">
        <div className="due__option">
          <label className="choice">
            <input type="radio" value="DAYS" defaultChecked={defaults.dueMode === "DAYS"} {...field(`${base}.dueMode`)} id={id("dueMode-DAYS")} />
            <span>{t("meetings.directive.dueInDays")}</span>
          </label>
          <div className="field field--inline" hidden={hydrated && dueMode !== "DAYS"}>
            <label htmlFor={id("dueInDays")} className="visually-hidden">
              {t("meetings.directive.daysLabel")}
            </label>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={LIMITS.dueInDays}
              defaultValue={defaults.dueInDays}
              {...field(`${base}.dueInDays`)}
              {...describedBy(id("dueInDays"), errors.dueInDays)}
            />
            <span aria-hidden="true">{t("meetings.directive.daysSuffix")}</span>
            <FieldError id={id("dueInDays")} error={errors.dueInDays} />
          </div>
        </div>
        <div className="due__option">
          <label className="choice">
            <input type="radio" value="DATE" defaultChecked={defaults.dueMode === "DATE"} {...field(`${base}.dueMode`)} id={id("dueMode-DATE")} />
            <span>{t("meetings.directive.dueOnDate")}</span>
          </label>
          <div className="field field--inline" hidden={hydrated && dueMode !== "DATE"}>
            <label htmlFor={id("dueDate")} className="visually-hidden">
              {t("meetings.directive.dateLabel")}
            </label>
            <input type="date" defaultValue={defaults.dueDate} {...field(`${base}.dueDate`)} {...describedBy(id("dueDate"), errors.dueDate)} />
            <FieldError id={id("dueDate")} error={errors.dueDate} />
          </div>
        </div>
      </div>
      <FieldError id={id("dueMode")} error={errors.dueMode} />
    </fieldset>
  );
}

type PickerErrors = { scope?: MessageKey; divisions?: MessageKey; districts?: MessageKey };

/** Who must act: the collector's and the SP's scope, and departments. */
export function AssigneesFieldset({
  base,
  id,
  defaults,
  errors,
  shownScopes,
  inputProps,
  master,
}: {
  base: string;
  id: (path: string) => string;
  defaults: Pick<DirectiveFormValues, "collector" | "sp" | "departments">;
  errors: { assignees?: MessageKey; collector: PickerErrors; sp: PickerErrors; departments?: MessageKey };
  shownScopes: { collector: string | null; sp: string | null };
  inputProps: InputProps;
  master: PickerMasterData & { departments: { code: string; nameEn: string; nameHi: string }[] };
}) {
  const t = useT();
  return (
    <fieldset className="assignees" aria-describedby={errors.assignees ? `${id("assignees")}-error` : undefined}>
      <legend>{t("meetings.directive.assignees")}</legend>
      <FieldError id={id("assignees")} error={errors.assignees} />
      <div className="grid-2">
        <AssigneePicker
          idPrefix={id("collector")}
          name={`${base}.collector`}
          legend={t("districtRole.COLLECTOR")}
          defaults={defaults.collector}
          shownScope={shownScopes.collector}
          inputProps={inputProps}
          master={master}
          errors={errors.collector}
        />
        <AssigneePicker
          idPrefix={id("sp")}
          name={`${base}.sp`}
          legend={t("districtRole.SP")}
          defaults={defaults.sp}
          shownScope={shownScopes.sp}
          inputProps={inputProps}
          master={master}
          errors={errors.sp}
        />
      </div>
      <DepartmentPicker
        idPrefix={id("departments")}
        name={`${base}.departments`}
        legend={t("meetings.directive.departments")}
        defaults={defaults.departments}
        inputProps={inputProps}
        departments={master.departments}
        error={errors.departments}
      />
    </fieldset>
  );
}
