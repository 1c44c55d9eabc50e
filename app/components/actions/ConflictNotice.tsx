import type { ActionStatus } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import type { ChangeSummary } from "~/schemas/action-update";
import { formatDate, formatDateTime } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

/** The update was refused because the item moved on: what happened meanwhile, and by whom. */
export function ConflictNotice({ changes, currentStatus }: { changes: ChangeSummary[]; currentStatus: ActionStatus }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t("actions.conflict.title")}</h2>
      <p>{t("actions.conflict.text")}</p>
      <ul>
        {changes.map((c, i) => (
          <li key={i}>
            <strong>{t(`actions.history.kind.${c.kind}` as MessageKey)}</strong> —{" "}
            {t("actions.conflict.change", {
              who: c.actorName ? pickText(locale, c.actorName, c.actorNameHi) : t("actions.history.system"),
              when: formatDateTime(c.at, locale),
              from: t(`status.${c.fromStatus ?? c.toStatus}`),
              to: t(`status.${c.toStatus}`),
            })}
            {c.toDueDate && c.toDueDate !== c.fromDueDate
              ? ` · ${t("actions.history.dueChange", { from: formatDate(c.fromDueDate, locale), to: formatDate(c.toDueDate, locale) })}`
              : ""}
            {c.remark ? (
              <>
                {" "}
                <q className="conflict__remark">{c.remark.replace(/^["'“”‘’]+|["'“”‘’]+$/g, "")}</q>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>{t("actions.conflict.now", { status: t(`status.${currentStatus}`) })}</p>
    </section>
  );
}
