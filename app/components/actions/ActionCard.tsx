import { Link } from "@remix-run/react";
import type { ActionListRow } from "~/domain/action-views";
import { formatDate } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { DueLabel } from "./DueLabel";
import { ReturnedBadge } from "./ReturnedBadge";
import { StatusBadge } from "./StatusBadge";

/** One item in "my actions": what was asked, in which meeting, by when, and where it stands. */
export function ActionCard({
  item,
  today,
  selectable,
  selected,
  showAssignee,
}: {
  item: ActionListRow;
  today: string;
  selectable: boolean;
  selected: boolean;
  showAssignee: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const overdue = item.daysOverdue > 0;
  const checkboxId = `select-${item.id}`;
  const assignee = item.districtEn
    ? `${pickText(locale, item.districtEn, item.districtHi)} · ${item.districtRole ? t(`districtRole.${item.districtRole}`) : ""}`
    : pickText(locale, item.departmentEn, item.departmentHi);
  return (
    <li
      className={`action-card${overdue ? " action-card--overdue" : ""}${item.returnedAt ? " action-card--returned" : ""}`}
      data-testid="action-card"
      data-status={item.status}
    >
      {selectable ? (
        <div className="action-card__select">
          <input type="checkbox" id={checkboxId} name="items" value={`${item.id}:${item.version}`} defaultChecked={selected} />
          <label htmlFor={checkboxId} className="visually-hidden">
            {t("actions.list.select")}: {t("actions.list.directiveNo", { n: item.directiveNumber })}
          </label>
        </div>
      ) : null}
      <div className="action-card__body">
        <p className="action-card__meta">
          {t("actions.list.directiveNo", { n: item.directiveNumber })} · {formatDate(item.meetingDate, locale)} ·{" "}
          {pickText(locale, item.meetingTitleEn, item.meetingTitleHi)}
        </p>
        <Link to={`/actions/${item.id}`} className="action-card__text" prefetch="intent">
          {pickText(locale, item.textEn, item.textHi)}
        </Link>
        <p className="action-card__foot">
          {item.returnedAt ? <ReturnedBadge /> : null}
          <StatusBadge status={item.status} />
          {overdue ? <StatusBadge status="OVERDUE" /> : null}
          <DueLabel dueDate={item.dueDate} status={item.status} daysOverdue={item.daysOverdue} today={today} />
        </p>
        <p className="action-card__tags">
          {item.priority === "HIGH" ? <span className="tag tag--high">{t("actions.item.priorityHigh")}</span> : null}
          {item.categoryEn ? <span className="tag">{pickText(locale, item.categoryEn, item.categoryHi)}</span> : null}
          {showAssignee ? <span className="tag">{assignee}</span> : null}
          {item.extensionPending ? <span className="tag tag--ext">{t("actions.list.extensionPending")}</span> : null}
        </p>
      </div>
    </li>
  );
}
