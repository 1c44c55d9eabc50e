// The head of an action item's page: what was asked (with the other language and any published
// correction), where it stands, by when, in which meeting, for whom, and who last updated it.
import type { ActionItemDetail } from "~/domain/action-views";
import type { DirectiveCorrectionView } from "~/domain/correction-views";
import { formatDate, formatDateTime } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { CorrectionNotice } from "./CorrectionNotice";
import { DueLabel } from "./DueLabel";
import { ReturnedBadge } from "./ReturnedBadge";
import { StatusBadge } from "./StatusBadge";

export function ItemSummary({ item, corrections, today }: { item: ActionItemDetail; corrections: DirectiveCorrectionView[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  const text = pickText(locale, item.textEn, item.textHi);
  const otherText = locale === "hi" ? item.textEn : item.textHi;
  return (
    <article className="card" aria-labelledby="item-title">
      <p className="item-header__meta">
        {pickText(locale, item.categoryEn, item.categoryHi)}
        {item.priority === "HIGH" ? ` · ${t("actions.item.priorityHigh")}` : ""}
      </p>
      <h1 id="item-title">{t("actions.item.title", { n: item.directiveNumber })}</h1>
      <p className="directive-text" lang={locale === "hi" && item.textHi ? "hi" : item.textEn ? "en" : "hi"}>
        {text}
      </p>
      <CorrectionNotice corrections={corrections} />
      {otherText && otherText !== text ? (
        <details className="other-language">
          <summary>{t("actions.item.otherLanguage")}</summary>
          <p lang={locale === "hi" ? "en" : "hi"}>{otherText}</p>
        </details>
      ) : null}
      <ItemFacts item={item} today={today} />
      {item.updatedByName ? (
        <p className="muted">
          {t("actions.item.lastUpdate", {
            who: pickText(locale, item.updatedByName, item.updatedByNameHi),
            when: formatDateTime(item.updatedAt, locale),
          })}
        </p>
      ) : null}
      {item.pendingExtension ? (
        <p className="tag tag--ext" data-testid="extension-pending">
          {t("actions.item.extensionPending", {
            date: formatDate(item.pendingExtension.requestedDueDate, locale),
            when: formatDateTime(item.pendingExtension.requestedAt, locale),
          })}
        </p>
      ) : null}
    </article>
  );
}

/** Status (with returned, overdue and escalated flags), due date, meeting and assignee. */
function ItemFacts({ item, today }: { item: ActionItemDetail; today: string }) {
  const t = useT();
  const locale = useLocale();
  const assignee = item.districtEn
    ? `${pickText(locale, item.districtEn, item.districtHi)} · ${item.districtRole ? t(`districtRole.${item.districtRole}`) : ""}`
    : pickText(locale, item.departmentEn, item.departmentHi);
  const extended = item.originalDueDate && item.dueDate && item.originalDueDate !== item.dueDate;
  return (
    <dl className="item-facts">
      <div>
        <dt>{t("actions.item.status")}</dt>
        <dd data-testid="item-status">
          {item.returnedAt ? <ReturnedBadge /> : null} <StatusBadge status={item.status} />{" "}
          {item.daysOverdue > 0 ? <StatusBadge status="OVERDUE" /> : null}
          {item.escalatedAt ? (
            <span className="escalated-flag" data-testid="item-escalated">
              {t("escalated.badge")}
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t("actions.item.dueDate")}</dt>
        <dd>
          {formatDate(item.dueDate, locale)}
          <DueLabel dueDate={item.dueDate} status={item.status} daysOverdue={item.daysOverdue} today={today} />
          {extended ? (
            <span className="muted" data-testid="original-due-date">
              {t("actions.item.originalDueDate", { date: formatDate(item.originalDueDate, locale) })}
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t("actions.item.meeting")}</dt>
        <dd>
          {pickText(locale, item.meetingTitleEn, item.meetingTitleHi)}
          <span className="muted"> · {formatDate(item.meetingDate, locale)}</span>
        </dd>
      </div>
      <div>
        <dt>{t("actions.item.assignedTo")}</dt>
        <dd>{assignee}</dd>
      </div>
    </dl>
  );
}
