// The edit page of a published meeting: per directive, the changes still possible — a new due
// date, a new or withdrawn assignee, or withdrawing the directive — each a small form with the
// reason that is written to the history of every item it touches.
import type { MessageKey } from "~/i18n";
import type { PublishedChangeValues } from "~/schemas/published-change";
import { formatDate, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { PickerMasterData } from "./AssigneePicker";
import { describeAssignee, type AssigneeLineLike } from "./assignee-text";
import { AddAssigneeChange, ChangeForm, DueDateChange, resultFor } from "./PublishedChangeForms";

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
        const withdrawScope = { intent: "withdraw-directive", directiveId: d.id };
        const withdrawResult = resultFor(result, withdrawScope);
        return (
          <li key={d.id} id={`directive-${d.id}`} className={`card directive-editor${withdrawn ? " directive-editor--withdrawn" : ""}`}>
            <h2 className="directive-editor__title">
              {t("meetings.directive.heading", { n: d.number })}
              {withdrawn ? <span className="badge badge--withdrawn">{t("meetings.withdrawn")}</span> : null}
            </h2>
            <p lang={pickText(locale, d.textEn, d.textHi) === d.textHi ? "hi" : "en"}>{pickText(locale, d.textEn, d.textHi)}</p>
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

                <AddAssigneeChange directive={d} result={result} master={master} />

                <DueDateChange directive={d} meetingDate={meetingDate} result={result} />

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
