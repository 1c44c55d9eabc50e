// The update form's status choice. Which statuses are offered comes from the lifecycle
// (app/utils/lifecycle.ts, via the route's `nextStatuses`); how each choice is worded is here.
import type { ActionStatus } from "~/domain/vocabulary";
import type { MessageKey, Translate } from "~/i18n";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useT } from "~/utils/i18n";
import { findTransition, type Actor } from "~/utils/lifecycle";

/** The status the form starts with: the one typed before a refused post, or the only choice. */
export function initialStatus(nextStatuses: readonly ActionStatus[], typed: string | undefined): string {
  if (typed && (nextStatuses as readonly string[]).includes(typed)) return typed;
  return nextStatuses.length === 1 ? nextStatuses[0] : "";
}

/** A choice's words: a remark on the same status, a verifier's decision, or the new status. */
export function optionLabel(t: Translate, currentStatus: ActionStatus, status: ActionStatus, actor: Actor): string {
  const kind = findTransition(currentStatus, status, actor)?.kind;
  if (kind === "REMARK") return t("actions.update.option.same", { status: t(`status.${status}`) });
  if (kind === "RETURNED") return t("actions.update.option.RETURNED");
  if (kind === "VERIFIED") return t("actions.update.option.VERIFIED");
  if (kind === "NOT_APPLICABLE_REJECTED") return t("actions.update.option.PENDING");
  return t(`actions.update.option.${status}` as MessageKey);
}

export function StatusChoice({
  currentStatus,
  actor,
  nextStatuses,
  defaultStatus,
  field,
  error,
}: {
  currentStatus: ActionStatus;
  actor: Actor;
  nextStatuses: readonly ActionStatus[];
  defaultStatus: string;
  field: UseFormRegisterReturn<"toStatus">;
  error: MessageKey | undefined;
}) {
  const t = useT();
  return (
    <fieldset aria-describedby={error ? "toStatus-error" : undefined}>
      <legend>{t("actions.update.toStatus")}</legend>
      {nextStatuses.map((status) => (
        <label key={status} className="choice">
          <input type="radio" value={status} defaultChecked={defaultStatus === status} {...field} />
          <span>{optionLabel(t, currentStatus, status, actor)}</span>
        </label>
      ))}
      {error ? (
        <span className="field__error" id="toStatus-error">
          {t(error)}
        </span>
      ) : null}
    </fieldset>
  );
}
