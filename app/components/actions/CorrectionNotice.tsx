import type { DirectiveCorrectionView } from "~/domain/correction-views";
import { formatDateTime } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

/**
 * On the item page, under the directive's text: it was corrected after publishing (decision 022) —
 * when, by whom, why, and the text it replaced, so the officer knows what changed.
 */
export function CorrectionNotice({ corrections }: { corrections: DirectiveCorrectionView[] }) {
  const t = useT();
  const locale = useLocale();
  if (corrections.length === 0) return null;
  return (
    <section className="correction-notice" aria-labelledby="correction-title" data-testid="correction-notice">
      <h2 id="correction-title" className="correction-notice__title">
        {t("corrections.item.title")}
      </h2>
      <ul className="correction-notice__list">
        {corrections.map((c) => (
          <li key={c.id}>
            <p>
              {t("corrections.item.line", { when: formatDateTime(c.at, locale), who: c.actorName ?? t("corrections.item.system"), reason: c.reason })}
            </p>
            <details>
              <summary>{t("corrections.item.before")}</summary>
              <p lang={locale === "hi" && c.oldTextHi ? "hi" : "en"}>{pickText(locale, c.oldTextEn, c.oldTextHi)}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
