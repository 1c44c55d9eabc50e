// One directive on the meeting page: its text in both languages, due date, assignee lines,
// progress (once published) and the list of its items.
import { Link } from "@remix-run/react";
import type { DirectiveItem, DirectiveView } from "~/domain/meeting-views";
import { formatDate, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { ColumnHeads, DataTable } from "~/components/layout/DataTable";
import { describeAssignee } from "./assignee-text";
import { DirectiveProgress } from "./DirectiveProgress";

/** The text in the viewer's language first, the other below it (or the other alone when the first is empty). */
function Bilingual({ en, hi }: { en: string; hi: string }) {
  const locale = useLocale();
  const first = locale === "hi" ? { text: hi, lang: "hi" } : { text: en, lang: "en" };
  const second = locale === "hi" ? { text: en, lang: "en" } : { text: hi, lang: "hi" };
  const primary = first.text ? first : second;
  const other = first.text ? second : null;
  return (
    <>
      <p className="directive__text" lang={primary.lang}>
        {primary.text}
      </p>
      {other?.text ? (
        <p className="directive__text directive__text--other" lang={other.lang}>
          {other.text}
        </p>
      ) : null}
    </>
  );
}

function DirectiveItems({ items }: { items: DirectiveItem[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <details className="items">
      <summary>{t("meetings.page.itemsList", { n: formatNumber(items.length, locale) })}</summary>
      <DataTable head={<ColumnHeads keys={["meetings.page.assignee", "common.status", "common.dueDate"]} />}>
        {items.map((item) => (
          <tr key={item.id} className={item.withdrawn ? "row--withdrawn" : undefined}>
            <td>
              <Link to={`/actions/${item.id}`}>
                {item.district
                  ? `${pickText(locale, item.district.nameEn, item.district.nameHi)} · ${t(`districtRole.${item.districtRole!}`)}`
                  : pickText(locale, item.department?.nameEn, item.department?.nameHi)}
              </Link>
            </td>
            <td>
              <span className={`status status--${item.status}`}>{t(`status.${item.status}`)}</span>{" "}
              {item.overdue ? <span className="status status--OVERDUE">{t("status.OVERDUE")}</span> : null}
              {item.withdrawn ? <span className="muted"> {t("meetings.withdrawn")}</span> : null}
            </td>
            <td>{formatDate(item.dueDate, locale)}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

export function DirectiveCard({ directive: d, published }: { directive: DirectiveView; published: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li id={`directive-${d.id}`} className={`card directive${d.withdrawnAt ? " directive--withdrawn" : ""}`} data-directive-number={d.number}>
      <div className="directive__head">
        <h3>{t("meetings.directive.heading", { n: d.number })}</h3>
        {d.priority === "HIGH" ? <span className="badge badge--high">{t("priority.HIGH")}</span> : null}
        {d.category ? <span className="badge">{pickText(locale, d.category.nameEn, d.category.nameHi)}</span> : null}
        {d.withdrawnAt ? <span className="badge badge--withdrawn">{t("meetings.withdrawn")}</span> : null}
      </div>
      <Bilingual en={d.textEn} hi={d.textHi} />
      <p className="directive__meta">
        <span>
          {t("common.dueDate")}: <strong>{formatDate(d.dueDate, locale)}</strong>
          {d.dueInDays != null ? ` (${t("meetings.page.daysFromMeeting", { n: formatNumber(d.dueInDays, locale) })})` : ""}
        </span>
      </p>
      <ul className="assignee-lines">
        {d.assignees
          .filter((line) => !line.withdrawnAt)
          .map((line) => (
            <li key={line.id}>{describeAssignee(line, t, locale)}</li>
          ))}
      </ul>
      {d.withdrawnAt ? (
        <p className="withdrawn-note">
          {t("meetings.withdrawnOn", { date: formatDate(d.withdrawnAt, locale) })} — {d.withdrawnReason}
        </p>
      ) : null}
      {published && !d.withdrawnAt ? (
        <>
          <p className="directive__counts" data-testid={`directive-${d.number}-counts`}>
            {t("meetings.progress.itemCounts", {
              collectors: formatNumber(d.progress.collectors, locale),
              sps: formatNumber(d.progress.sps, locale),
              departments: formatNumber(d.progress.departments, locale),
            })}
          </p>
          <DirectiveProgress counts={d.progress} />
          <p>
            <Link to={`/directives/${d.id}`}>{t("meetings.page.acrossDistricts")}</Link>
          </p>
        </>
      ) : null}
      {d.items.length > 0 ? <DirectiveItems items={d.items} /> : null}
    </li>
  );
}
