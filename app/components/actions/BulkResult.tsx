import type { ActionStatus } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import { formatDateTime, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export interface BulkRefusal {
  id: number;
  label: { directiveNumber: number; meetingTitleEn: string; meetingTitleHi: string } | null;
  reason: string;
  status?: ActionStatus;
  change?: { at: string; actorName: string | null; actorNameHi: string | null; toStatus: ActionStatus };
}

/** Which items moved, and for each one that did not, why. */
export function BulkResult({ updated, refused }: { updated: number; refused: BulkRefusal[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className={refused.length > 0 ? "form-error bulk-result" : "flash bulk-result"} role="status" aria-labelledby="bulk-result-title">
      <h2 id="bulk-result-title" className="bulk-result__title">
        {t("actions.bulk.resultTitle")}
      </h2>
      <p>{t("actions.bulk.updated", { n: formatNumber(updated, locale) })}</p>
      {refused.length > 0 ? (
        <>
          <p>{t("actions.bulk.refusedTitle", { n: formatNumber(refused.length, locale) })}</p>
          <ul data-testid="bulk-refused">
            {refused.map((r) => (
              <li key={r.id}>
                <strong>
                  {r.label ? (
                    <a href={`/actions/${r.id}`}>
                      {t("actions.list.directiveNo", { n: r.label.directiveNumber })} ·{" "}
                      {pickText(locale, r.label.meetingTitleEn, r.label.meetingTitleHi)}
                    </a>
                  ) : (
                    t("actions.bulk.itemLabel", { id: r.id })
                  )}
                </strong>
                : {reasonText(r, t, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function reasonText(r: BulkRefusal, t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>): string {
  switch (r.reason) {
    case "conflict":
      return t("actions.refused.conflict", {
        who: r.change?.actorName ? pickText(locale, r.change.actorName, r.change.actorNameHi) : t("actions.history.system"),
        status: t(`status.${r.change?.toStatus ?? r.status ?? "PENDING"}`),
        when: formatDateTime(r.change?.at, locale),
      });
    case "not-pending":
      return t("actions.refused.not-pending", { status: t(`status.${r.status ?? "PENDING"}`) });
    case "not-allowed":
      return t("actions.refused.not-allowed", { from: t(`status.${r.status ?? "PENDING"}`), to: t("status.IN_PROGRESS") });
    default:
      return t(`actions.refused.${r.reason}` as MessageKey);
  }
}
