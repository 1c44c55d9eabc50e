import type { ActionStatus } from "~/domain/vocabulary";
import { useT } from "~/utils/i18n";

export function StatusBadge({ status }: { status: ActionStatus | "OVERDUE" }) {
  const t = useT();
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}
