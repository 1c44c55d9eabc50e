// The edit page of a published meeting: per directive, the changes still possible — a new due
// date, a new or withdrawn assignee, or withdrawing the directive — each a small form with the
// reason that is written to the history of every item it touches.
import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import type { PublishedChangeValues } from "~/schemas/meeting";
import { LIMITS } from "~/schemas/meeting";
import { formatDate, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { AssigneePicker, type PickerMasterData } from "./AssigneePicker";
import { describeAssignee, type AssigneeLineLike } from "./assignee-text";
import { asMessageKey, describedBy, Field, FieldError } from "./fields";

export interface ChangeableDirective {
  id: number;
  number: number;
  textEn: string;
  textHi: string;
  dueDate: string | null;
  dueInDays: number | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  assignees: (AssigneeLineLike & { id: number; withdrawnAt: string | null; withdrawnReason: string | null })[];
  progress: { total: number; collectors: number; sps: number; departments: number; withdrawn: number };
}

export interface ChangeResult {
  values: PublishedChangeValues;
  fieldErrors?: Record<string, string>;
  formError?: MessageKey;
}

interface FormScope {
  intent: string;
  directiveId: number;
  assigneeId?: number;
}

/** The last posted change, if it was this form: its values and errors come back to it. */
function resultFor(result: ChangeResult | undefined, scope: FormScope): ChangeResult | undefined {
  if (!result) return undefined;
  const v = result.values;
  if (v.intent !== scope.intent || v.directiveId !== String(scope.directiveId)) return undefined;
  if (scope.assigneeId !== undefined && v.assigneeId !== String(scope.assigneeId)) return undefined;
  return result;
}

function ChangeForm({
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
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const idBase = `c-${scope.intent}-${scope.directiveId}${scope.assigneeId ? `-${scope.assigneeId}` : ""}`;
  const reasonError = asMessageKey(result?.fieldErrors?.reason);
  return (
    <Form method="post" noValidate className="change-form">
      <input type="hidden" name="intent" value={scope.intent} />
      <input type="hidden" name="directiveId" value={scope.directiveId} />
      {scope.assigneeId !== undefined ? <input type="hidden" name="assigneeId" value={scope.assigneeId} /> : null}
      {result?.formError ? (
        <p className="form-error" role="alert">
          {t(result.formError)}
        </p>
      ) : null}
      {children}
      <Field id={`${idBase}-reason`} label={t("meetings.change.reason")} error={reasonError} hint={t("meetings.change.reasonHint")}>
        <textarea
          name="reason"
          rows={2}
          maxLength={LIMITS.reason}
          required
          defaultValue={result?.values.reason ?? ""}
          {...describedBy(`${idBase}-reason`, reasonError, true)}
        />
      </Field>
      <button type="submit" className={`button${danger ? " button--danger" : ""}`} disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}

export function PublishedChanges({
  meetingDate,
  directives,
  master,
  result,
}: {
  meetingDate: string;
  directives: ChangeableDirective[];
  master: PickerMasterData & { departments: { code: string; nameEn: string; nameHi: string }[] };
  result: ChangeResult | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="directive-list">
      {directives.map((d) => {
        const withdrawn = Boolean(d.withdrawnAt);
        const dueScope = { intent: "change-due-date", directiveId: d.id };
        const dueResult = resultFor(result, dueScope);
        const addScope = { intent: "add-assignee", directiveId: d.id };
        const addResult = resultFor(result, addScope);
        const withdrawScope = { intent: "withdraw-directive", directiveId: d.id };
        const withdrawResult = resultFor(result, withdrawScope);
        const fe = (r: ChangeResult | undefined, field: string) => asMessageKey(r?.fieldErrors?.[field]);
        const dueMode = dueResult?.values.dueMode ?? (d.dueInDays != null ? "DAYS" : "DATE");
        const addKind = addResult?.values.assigneeKind ?? "";
        return (
          <li key={d.id} id={`directive-${d.id}`} className={`card directive-editor${withdrawn ? " directive-editor--withdrawn" : ""}`}>
            <h2 className="directive-editor__title">
              {t("meetings.directive.heading", { n: d.number })}
              {withdrawn ? <span className="badge badge--withdrawn">{t("meetings.withdrawn")}</span> : null}
            </h2>
            <p lang={pickText(locale, d.textEn, d.textHi) === d.textHi ? "hi" : "en"}>{pickText(locale, d.textEn, d.textHi)}</p>
            {withdrawn ? null : (
              <p>
                <Link to={`../directives/${d.id}/correct`} relative="path">
                  {t("corrections.correct.link")}
                </Link>
              </p>
            )}
            <p className="muted">
              {t("common.dueDate")}: {formatDate(d.dueDate, locale)} ·{" "}
              {t("meetings.progress.itemCounts", {
                collectors: formatNumber(d.progress.collectors, locale),
                sps: formatNumber(d.progress.sps, locale),
                departments: formatNumber(d.progress.departments, locale),
              })}
              {d.progress.withdrawn > 0 ? ` · ${t("meetings.progress.withdrawnItems", { n: formatNumber(d.progress.withdrawn, locale) })}` : null}
            </p>
            {withdrawn ? (
              <p className="withdrawn-note">
                {t("meetings.withdrawnOn", { date: formatDate(d.withdrawnAt, locale) })} — {d.withdrawnReason}
              </p>
            ) : (
              <>
                <h3>{t("meetings.directive.assignees")}</h3>
                <ul className="assignee-lines">
                  {d.assignees.map((line) => {
                    const scope = { intent: "withdraw-assignee", directiveId: d.id, assigneeId: line.id };
                    const lineResult = resultFor(result, scope);
                    return (
                      <li key={line.id} className={line.withdrawnAt ? "assignee-lines__withdrawn" : undefined}>
                        <span>{describeAssignee(line, t, locale)}</span>
                        {line.withdrawnAt ? (
                          <span className="muted">
                            {" "}
                            — {t("meetings.withdrawn")}: {line.withdrawnReason}
                          </span>
                        ) : (
                          <details className="change" open={Boolean(lineResult)}>
                            <summary>{t("meetings.change.withdrawAssignee")}</summary>
                            <ChangeForm scope={scope} result={lineResult} submitLabel={t("meetings.change.withdrawAssigneeSubmit")} danger />
                          </details>
                        )}
                      </li>
                    );
                  })}
                </ul>

                <details className="change" open={Boolean(addResult)}>
                  <summary>{t("meetings.change.addAssignee")}</summary>
                  <ChangeForm scope={addScope} result={addResult} submitLabel={t("meetings.change.addAssigneeSubmit")}>
                    <fieldset className="field" aria-describedby={fe(addResult, "assigneeKind") ? `c-add-${d.id}-kind-error` : undefined}>
                      <legend>{t("meetings.change.who")}</legend>
                      <div className="choice-row">
                        {(["COLLECTOR", "SP", "DEPARTMENT"] as const).map((kind) => (
                          <label key={kind} className="choice">
                            <input type="radio" name="assigneeKind" value={kind} defaultChecked={addKind === kind} />
                            <span>{kind === "DEPARTMENT" ? t("common.department") : t(`districtRole.${kind}`)}</span>
                          </label>
                        ))}
                      </div>
                      <FieldError id={`c-add-${d.id}-kind`} error={fe(addResult, "assigneeKind")} />
                    </fieldset>
                    <AssigneePicker
                      idPrefix={`c-add-${d.id}`}
                      name=""
                      legend={t("meetings.change.whichDistricts")}
                      defaults={{
                        scope: addResult?.values.scope ?? "",
                        divisions: addResult?.values.divisions ?? [],
                        districts: addResult?.values.districts ?? [],
                      }}
                      shownScope={null}
                      inputProps={(name) => ({ name: name.replace(/^\./, "") })}
                      master={master}
                      errors={{ scope: fe(addResult, "scope"), divisions: fe(addResult, "divisions"), districts: fe(addResult, "districts") }}
                      choices={["ALL", "DIVISIONS", "DISTRICTS"]}
                    />
                    <Field id={`c-add-${d.id}-department`} label={t("meetings.change.whichDepartment")} error={fe(addResult, "departmentCode")}>
                      <select
                        name="departmentCode"
                        defaultValue={addResult?.values.departmentCode ?? ""}
                        {...describedBy(`c-add-${d.id}-department`, fe(addResult, "departmentCode"))}
                      >
                        <option value="">—</option>
                        {master.departments.map((p) => (
                          <option key={p.code} value={p.code}>
                            {pickText(locale, p.nameEn, p.nameHi)}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </ChangeForm>
                </details>

                <details className="change" open={Boolean(dueResult)}>
                  <summary>{t("meetings.change.dueDate")}</summary>
                  <ChangeForm scope={dueScope} result={dueResult} submitLabel={t("meetings.change.dueDateSubmit")}>
                    <fieldset className="due">
                      <legend>{t("meetings.change.newDueDate")}</legend>
                      <div className="due__options">
                        <div className="due__option">
                          <label className="choice">
                            <input type="radio" name="dueMode" value="DAYS" defaultChecked={dueMode === "DAYS"} />
                            <span>{t("meetings.directive.dueInDays")}</span>
                          </label>
                          <div className="field field--inline">
                            <label htmlFor={`c-due-${d.id}-days`} className="visually-hidden">
                              {t("meetings.directive.daysLabel")}
                            </label>
                            <input
                              type="number"
                              name="dueInDays"
                              min={0}
                              max={LIMITS.dueInDays}
                              defaultValue={dueResult?.values.dueInDays ?? (d.dueInDays != null ? String(d.dueInDays) : "")}
                              {...describedBy(`c-due-${d.id}-days`, fe(dueResult, "dueInDays"))}
                            />
                            <span aria-hidden="true">{t("meetings.directive.daysSuffix")}</span>
                            <FieldError id={`c-due-${d.id}-days`} error={fe(dueResult, "dueInDays")} />
                          </div>
                        </div>
                        <div className="due__option">
                          <label className="choice">
                            <input type="radio" name="dueMode" value="DATE" defaultChecked={dueMode === "DATE"} />
                            <span>{t("meetings.directive.dueOnDate")}</span>
                          </label>
                          <div className="field field--inline">
                            <label htmlFor={`c-due-${d.id}-date`} className="visually-hidden">
                              {t("meetings.directive.dateLabel")}
                            </label>
                            <input
                              type="date"
                              name="dueDate"
                              min={meetingDate}
                              defaultValue={dueResult?.values.dueDate ?? (d.dueInDays == null ? (d.dueDate ?? "") : "")}
                              {...describedBy(`c-due-${d.id}-date`, fe(dueResult, "dueDate"))}
                            />
                            <FieldError id={`c-due-${d.id}-date`} error={fe(dueResult, "dueDate")} />
                          </div>
                        </div>
                      </div>
                      <FieldError id={`c-due-${d.id}-mode`} error={fe(dueResult, "dueMode")} />
                    </fieldset>
                  </ChangeForm>
                </details>

                <details className="change" open={Boolean(withdrawResult)}>
                  <summary>{t("meetings.change.withdrawDirective")}</summary>
                  <p className="field__hint">{t("meetings.change.withdrawDirectiveHint")}</p>
                  <ChangeForm scope={withdrawScope} result={withdrawResult} submitLabel={t("meetings.change.withdrawDirectiveSubmit")} danger />
                </details>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
