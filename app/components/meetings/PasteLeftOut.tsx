import type { MessageKey } from "~/i18n";
import type { DroppedPassage } from "~/utils/minutes";
import { useT } from "~/utils/i18n";

/** What "paste the minutes" did not turn into directives, each with its reason, so nothing is lost silently. */
export function PasteLeftOut({ dropped }: { dropped: DroppedPassage[] }) {
  const t = useT();
  if (dropped.length === 0) return null;
  return (
    <details className="left-out" open data-testid="paste-left-out">
      <summary>{t("minutes.leftOut.title", { n: dropped.length })}</summary>
      <p className="field__hint">{t("minutes.leftOut.hint")}</p>
      <ul className="left-out__list">
        {dropped.map((passage, index) => (
          <li key={index} className="left-out__item">
            <span className={`left-out__reason left-out__reason--${passage.reason}`}>
              {t(`minutes.leftOut.reason.${passage.reason}` as MessageKey)}
            </span>{" "}
            <span className="left-out__text">{passage.text}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
