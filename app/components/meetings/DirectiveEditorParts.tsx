// Parts of one directive in the meeting editor (DirectiveFields): the move/remove buttons, the
// due date (days after the meeting, or a date) and who must act.
import type { UseFormRegisterReturn } from "react-hook-form";
import type { MessageKey } from "~/i18n";
import type { DirectiveFormValues } from "~/schemas/meeting";
import { useT } from "~/utils/i18n";
import { AssigneePicker, DepartmentPicker, type InputProps, type PickerMasterData } from "./AssigneePicker";
import { DueFieldset } from "./DueFieldset";
import { FieldError } from "./fields";

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

/** The due date of a directive in the editor, registered with react-hook-form. */
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
    <DueFieldset
      legend={t("common.dueDate")}
      ids={{ DAYS: id("dueInDays"), DATE: id("dueDate"), mode: id("dueMode") }}
      errors={{ DAYS: errors.dueInDays, DATE: errors.dueDate, mode: errors.dueMode }}
      radio={(mode) => ({ defaultChecked: defaults.dueMode === mode, ...field(`${base}.dueMode`), id: id(`dueMode-${mode}`) })}
      input={{
        DAYS: { inputMode: "numeric", defaultValue: defaults.dueInDays, ...field(`${base}.dueInDays`) },
        DATE: { defaultValue: defaults.dueDate, ...field(`${base}.dueDate`) },
      }}
      hidden={(mode) => hydrated && dueMode !== mode}
    />
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
