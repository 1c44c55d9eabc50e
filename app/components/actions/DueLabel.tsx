import type { ActionStatus } from "~/domain/vocabulary";
import { daysBetween, formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { OPEN_STATUSES } from "~/utils/lifecycle";

/**
 * The due date as an officer thinks of it: "12 days overdue", "due in 3 days", or just the
 * date once the work is reported. daysOverdue comes from SQL; the rest from today's date in India.
 */
export function DueLabel({
  dueDate,
  status,
  daysOverdue,
  today,
}: {
  dueDate: string | null;
  status: ActionStatus;
  daysOverdue: number;
  today: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (!dueDate) return <span className="due due--none">{t("actions.due.none")}</span>;
  const date = formatDate(dueDate, locale);
  if (!OPEN_STATUSES.includes(status)) return <span className="due">{t("actions.due.on", { date })}</span>;
  if (daysOverdue > 0) {
    return (
      <span className="due due--overdue">
        <strong>{daysOverdue === 1 ? t("actions.due.overdueOne") : t("actions.due.overdue", { n: daysOverdue })}</strong>
        <span className="due__date"> · {date}</span>
      </span>
    );
  }
  const left = daysBetween(today, dueDate);
  const text = left === 0 ? t("actions.due.today") : left === 1 ? t("actions.due.inOneDay") : t("actions.due.inDays", { n: left });
  return (
    <span className={left <= 3 ? "due due--soon" : "due"}>
      {text}
      <span className="due__date"> · {date}</span>
    </span>
  );
}
