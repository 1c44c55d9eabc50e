// Table cells the item tables share (drill-downs, the meeting page): the column headers, an item's due
// date (with the date it was extended from), its completion date or days overdue, and its latest remark
// with the link to the item.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/actions/StatusBadge";
import type { ItemLine } from "~/domain/views";
import { formatDate, formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export function DueDateCell({ item }: { item: Pick<ItemLine, "dueDate" | "originalDueDate"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <td className="drill-date">
      {item.dueDate ? formatDate(item.dueDate, locale) : "—"}
      {item.originalDueDate && item.originalDueDate !== item.dueDate ? (
        <span className="muted drill-extended"> ({t("dash.extendedFrom", { date: formatDate(item.originalDueDate, locale) })})</span>
      ) : null}
    </td>
  );
}

/** The status badge; an overdue item shows Overdue, not its stored status. */
export function StatusCell({ item }: { item: Pick<ItemLine, "status" | "daysOverdue" | "escalated"> }) {
  const t = useT();
  return (
    <td>
      <StatusBadge status={item.daysOverdue != null ? "OVERDUE" : item.status} />
      {item.escalated && item.daysOverdue != null ? (
        <>
          {" "}
          <span className="escalated-flag">{t("escalated.badge")}</span>
        </>
      ) : null}
    </td>
  );
}

export function CompletedOrOverdueCell({
  item,
}: {
  item: Pick<ItemLine, "completedOn" | "firstCompletedOn" | "dueDate" | "daysOverdue" | "status">;
}) {
  const t = useT();
  const locale = useLocale();
  if (item.daysOverdue != null) {
    return (
      <td>
        <span className="overdue-days">{t("common.daysOverdue", { n: formatNumber(item.daysOverdue, locale) })}</span>
      </td>
    );
  }
  if ((item.status === "COMPLETED" || item.status === "VERIFIED") && item.completedOn) {
    const late = item.firstCompletedOn && item.dueDate && item.firstCompletedOn > item.dueDate;
    return (
      <td className="drill-date">
        {formatDate(item.completedOn, locale)}
        {late ? <span className="muted"> ({t("drill.completedLate")})</span> : null}
      </td>
    );
  }
  return <td>—</td>;
}

/** The last column's header: the links to the items, named for screen readers only. */
export function ViewItemHeader() {
  const t = useT();
  return (
    <th scope="col">
      <span className="visually-hidden">{t("dash.viewItem")}</span>
    </th>
  );
}

/** The latest remark and the link to the item; `label` tells a screen reader which item it opens. */
export function RemarkAndLinkCells({ item, label }: { item: Pick<ItemLine, "id" | "latestRemark">; label: ReactNode }) {
  const t = useT();
  return (
    <>
      <td className="remark">{item.latestRemark ?? "—"}</td>
      <td>
        <Link to={`/actions/${item.id}`}>
          {t("dash.viewItem")}
          <span className="visually-hidden"> {label}</span>
        </Link>
      </td>
    </>
  );
}
