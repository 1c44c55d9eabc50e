import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export type CountKey = "ALL" | "OVERDUE" | "PENDING" | "IN_PROGRESS" | "COMPLETED" | "VERIFIED" | "NOT_APPLICABLE";
const ORDER: CountKey[] = ["ALL", "OVERDUE", "PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"];

/** The counts per status, each a link that filters the list by it (the other filters stay). */
export function StatusCounts({
  counts,
  active,
  searchParams,
}: {
  counts: Record<CountKey, number>;
  active: string | null;
  searchParams: URLSearchParams;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <nav aria-label={t("actions.counts.label")}>
      <ul className="status-counts">
        {ORDER.map((key) => {
          const params = new URLSearchParams(searchParams);
          params.delete("page");
          if (key === "ALL") params.delete("status");
          else params.set("status", key);
          const current = key === "ALL" ? !active : active === key;
          const label: MessageKey = key === "ALL" ? "actions.counts.all" : `status.${key}`;
          return (
            <li key={key}>
              <Link to={`?${params}`} className={`status-count status-count--${key}`} aria-current={current ? "true" : undefined} preventScrollReset>
                <span className="status-count__value" data-testid={`count-${key}`}>
                  {formatNumber(counts[key], locale)}
                </span>
                <span className="status-count__label">{t(label)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
