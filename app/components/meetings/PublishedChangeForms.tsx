// The forms of the published meeting's edit page (PublishedChanges): one change each, with the
// reason written to the history of every item it touches; a form's last result comes back to it.
import { FormErrorAlert, ReasonField } from "./DirectiveTextFields";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/utils/i18n";
import type { PickerMasterData } from "./AssigneePicker";
import { DueFieldset } from "./DueFieldset";
import { asMessageKey } from "./fields";
import { NewAssigneeFields } from "./NewAssigneeFields";
import type { ChangeableDirective, ChangeResult } from "./PublishedChanges";

const fe = (r: ChangeResult | undefined, field: string) => asMessageKey(r?.fieldErrors?.[field]);

export interface FormScope {
  intent: string;
  directiveId: number;
  assigneeId?: number;
}

/** The last posted change, if it was this form: its values and errors come back to it. */
export function resultFor(result: ChangeResult | undefined, scope: FormScope): ChangeResult | undefined {
  if (!result) return undefined;
  const v = result.values;
  if (v.intent !== scope.intent || v.directiveId !== String(scope.directiveId)) return undefined;
  if (scope.assigneeId !== undefined && v.assigneeId !== String(scope.assigneeId)) return undefined;
  return result;
}

export function ChangeForm({
  scope,
  result,
  submitLabel,
  danger,
  children,
}: {
  scope: FormScope;
  result: ChangeResult | undefined;
  submitLabel: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const busy = useNavigation().state === "submitting";
  const idBase = `c-${scope.intent}-${scope.directiveId}${scope.assigneeId ? `-${scope.assigneeId}` : ""}`;
  const reasonError = asMessageKey(result?.fieldErrors?.reason);
  return (
    <Form method="post" noValidate className="change-form">
      <input type="hidden" name="intent" value={scope.intent} />
      <input type="hidden" name="directiveId" value={scope.directiveId} />
      {scope.assigneeId !== undefined ? <input type="hidden" name="assigneeId" value={scope.assigneeId} /> : null}
      <FormErrorAlert error={result?.formError} />
      {children}
      <ReasonField id={`${idBase}-reason`} value={result?.values.reason ?? ""} error={reasonError} />
      <button type="submit" className={`button${danger ? " button--danger" : ""}`} disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}

/** Add a collector, SP or department to a published directive. */
export function AddAssigneeChange({
  directive: d,
  result,
  master,
}: {
  directive: Pick<ChangeableDirective, "id">;
  result: ChangeResult | undefined;
  master: PickerMasterData & { departments: { code: string; nameEn: string; nameHi: string }[] };
}) {
  const t = useT();
  const addScope = { intent: "add-assignee", directiveId: d.id };
  const addResult = resultFor(result, addScope);
  return (
    <details className="change" open={Boolean(addResult)}>
      <summary>{t("meetings.change.addAssignee")}</summary>
      <ChangeForm scope={addScope} result={addResult} submitLabel={t("meetings.change.addAssigneeSubmit")}>
        <NewAssigneeFields
          idPrefix={`c-add-${d.id}`}
          values={{
            assigneeKind: addResult?.values.assigneeKind ?? "",
            scope: addResult?.values.scope ?? "",
            divisions: addResult?.values.divisions ?? [],
            districts: addResult?.values.districts ?? [],
            departmentCode: addResult?.values.departmentCode ?? "",
          }}
          errorOf={(field) => fe(addResult, field)}
          master={master}
        />
      </ChangeForm>
    </details>
  );
}

/** A new due date for a published directive: days after the meeting, or a date. */
export function DueDateChange({
  directive: d,
  meetingDate,
  result,
}: {
  directive: Pick<ChangeableDirective, "id" | "dueDate" | "dueInDays">;
  meetingDate: string;
  result: ChangeResult | undefined;
}) {
  const t = useT();
  const dueScope = { intent: "change-due-date", directiveId: d.id };
  const dueResult = resultFor(result, dueScope);
  const dueMode = dueResult?.values.dueMode ?? (d.dueInDays != null ? "DAYS" : "DATE");
  return (
    <details className="change" open={Boolean(dueResult)}>
      <summary>{t("meetings.change.dueDate")}</summary>
      <ChangeForm scope={dueScope} result={dueResult} submitLabel={t("meetings.change.dueDateSubmit")}>
        <DueFieldset
          legend={t("meetings.change.newDueDate")}
          ids={{ DAYS: `c-due-${d.id}-days`, DATE: `c-due-${d.id}-date`, mode: `c-due-${d.id}-mode` }}
          errors={{ DAYS: fe(dueResult, "dueInDays"), DATE: fe(dueResult, "dueDate"), mode: fe(dueResult, "dueMode") }}
          radio={(mode) => ({ name: "dueMode", defaultChecked: dueMode === mode })}
          input={{
            DAYS: { name: "dueInDays", defaultValue: dueResult?.values.dueInDays ?? (d.dueInDays != null ? String(d.dueInDays) : "") },
            DATE: { name: "dueDate", min: meetingDate, defaultValue: dueResult?.values.dueDate ?? (d.dueInDays == null ? (d.dueDate ?? "") : "") },
          }}
        />
      </ChangeForm>
    </details>
  );
}
