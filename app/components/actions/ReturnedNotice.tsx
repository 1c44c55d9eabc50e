import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

/** At the top of a returned item's page, above everything else: why the secretariat sent it back. */
export function ReturnedNotice({ at, by, reason }: { at: string; by: string | null; reason: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="returned-notice" role="note" aria-labelledby="returned-title" data-testid="returned-notice">
      <h2 id="returned-title">{t("returned.notice.title")}</h2>
      <p>{t("returned.notice.when", { when: formatDateTime(at, locale), who: by ?? t("actions.history.system") })}</p>
      {reason ? <blockquote data-testid="return-reason">{reason}</blockquote> : null}
      <p>{t("returned.notice.next")}</p>
    </section>
  );
}
