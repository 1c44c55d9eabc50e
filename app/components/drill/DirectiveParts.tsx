// Parts of a directive's drill-down (/directives/:id): its text in the viewer's language (the
// other one a click away), and the table of its assignees' items.
import { Link } from "@remix-run/react";
import type { ItemLine } from "~/domain/views";
import { formatDate } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { CompletedOrOverdueCell, DueDateCell, RemarkAndLinkCells, StatusCell, ViewItemHeader } from "./ItemCells";
import { ColumnHeads, DataTable } from "~/components/layout/DataTable";

export function DrillText({ en, hi }: { en: string; hi: string }) {
  const t = useT();
  const locale = useLocale();
  const primary = locale === "hi" ? { text: hi, lang: "hi" } : { text: en, lang: "en" };
  const secondary = locale === "hi" ? { text: en, lang: "en" } : { text: hi, lang: "hi" };
  const shown = primary.text ? primary : secondary;
  const other = primary.text && secondary.text ? secondary : null;
  return (
    <>
      <p className="drill-text" lang={shown.lang}>
        {shown.text}
      </p>
      {other ? (
        <details className="drill-other-language">
          <summary>{t("drill.directive.showOther")}</summary>
          <p className="drill-text drill-text--other" lang={other.lang}>
            {other.text}
          </p>
        </details>
      ) : null}
    </>
  );
}

/** One row per assignee's item; a reader (dashboard role) may follow a district to its drill-down. */
export function DirectiveAssigneesTable({ rows, reader }: { rows: ItemLine[]; reader: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      className="data item-lines"
      testId="assignees"
      head={
        <>
          <ColumnHeads keys={["dash.col.assignee", "common.status", "common.dueDate", "drill.col.completedOrOverdue", "common.remark"]} />
          <ViewItemHeader />
        </>
      }
    >
      {rows.map((row) => {
        const assignee = row.districtCode
          ? `${pickText(locale, row.districtNameEn, row.districtNameHi)}${row.districtRole ? ` · ${t(`districtRole.${row.districtRole}`)}` : ""}`
          : pickText(locale, row.departmentNameEn, row.departmentNameHi);
        return (
          <tr key={row.id} className={row.withdrawnOn ? "drill-withdrawn" : undefined} data-item={row.id}>
            <th scope="row">
              {row.districtCode && reader ? <Link to={`/districts/${encodeURIComponent(row.districtCode)}`}>{assignee}</Link> : assignee}
              {row.divisionNameEn ? <span className="muted"> · {pickText(locale, row.divisionNameEn, row.divisionNameHi)}</span> : null}
            </th>
            {row.withdrawnOn ? (
              <td colSpan={3}>
                <span className="drill-withdrawn__note">{t("drill.directive.itemWithdrawn", { date: formatDate(row.withdrawnOn, locale) })}</span>
              </td>
            ) : (
              <>
                <StatusCell item={row} />
                <DueDateCell item={row} />
                <CompletedOrOverdueCell item={row} />
              </>
            )}
            <RemarkAndLinkCells item={row} label={assignee} />
          </tr>
        );
      })}
    </DataTable>
  );
}
