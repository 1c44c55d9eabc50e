// "Who must act" on a published directive: a collector, SP or department; for a post, which
// districts (AssigneePicker); for a department, which one. The same choice adds an assignee on the
// published meeting's edit page and a whole directive on the add-directive page.
import type { MessageKey } from "~/i18n";
import type { PublishedChangeValues } from "~/schemas/published-change";
import { useT } from "~/utils/i18n";
import { AssigneePicker, type PickerMasterData } from "./AssigneePicker";
import { describedBy, Field, FieldError, NamedOptions } from "./fields";

/** The fields' posted values (as typed, for a form shown again). */
export type NewAssigneeValues = Pick<PublishedChangeValues, "assigneeKind" | "scope" | "divisions" | "districts" | "departmentCode">;

export function NewAssigneeFields({
  idPrefix,
  values,
  errorOf,
  master,
}: {
  /** Ids of the fields start with it ("add", "c-add-12"). */
  idPrefix: string;
  values: NewAssigneeValues;
  errorOf: (field: string) => MessageKey | undefined;
  master: PickerMasterData & { departments: { code: string; nameEn: string; nameHi: string }[] };
}) {
  const t = useT();
  return (
    <>
      <fieldset className="field" aria-describedby={errorOf("assigneeKind") ? `${idPrefix}-kind-error` : undefined}>
        <legend>{t("meetings.change.who")}</legend>
        <div className="choice-row">
          {(["COLLECTOR", "SP", "DEPARTMENT"] as const).map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="assigneeKind" value={kind} defaultChecked={values.assigneeKind === kind} />
              <span>{kind === "DEPARTMENT" ? t("common.department") : t(`districtRole.${kind}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${idPrefix}-kind`} error={errorOf("assigneeKind")} />
      </fieldset>
      <AssigneePicker
        idPrefix={idPrefix}
        name=""
        legend={t("meetings.change.whichDistricts")}
        defaults={{ scope: values.scope, divisions: values.divisions, districts: values.districts }}
        shownScope={null}
        inputProps={(name) => ({ name: name.replace(/^\./, "") })}
        master={master}
        errors={{ scope: errorOf("scope"), divisions: errorOf("divisions"), districts: errorOf("districts") }}
        choices={["ALL", "DIVISIONS", "DISTRICTS"]}
      />
      <Field id={`${idPrefix}-department`} label={t("meetings.change.whichDepartment")} error={errorOf("departmentCode")}>
        <select name="departmentCode" defaultValue={values.departmentCode} {...describedBy(`${idPrefix}-department`, errorOf("departmentCode"))}>
          <option value="">—</option>
          <NamedOptions list={master.departments} />
        </select>
      </Field>
    </>
  );
}
