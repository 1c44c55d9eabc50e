import { useT } from "~/utils/i18n";

/** The secretariat sent the item back: shown next to its status wherever the officer sees it. */
export function ReturnedBadge() {
  const t = useT();
  return (
    <span className="status status--RETURNED" data-testid="returned-badge">
      {t("returned.badge")}
    </span>
  );
}
