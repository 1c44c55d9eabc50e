// A district's open items of one meeting (/districts/:code): directive, post, due date, status,
// days overdue and the latest remark, each row a link to the item.
import { Link } from "@remix-run/react";
import type { ItemLine } from "~/domain/views";
import { formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { ColumnHeads, DataTable } from "~/components/layout/DataTable";
import { DueDateCell, RemarkAndLinkCells, StatusCell, ViewItemHeader } from "./ItemCells";

export function OpenItemsTable({ items }: { items: ItemLine[] }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <DataTable
      className="data item-lines"
      head={
        <>
          <ColumnHeads keys={["common.directive", "drill.col.assignedTo", "common.dueDate", "common.status", "dash.col.overdue", "common.remark"]} />
          <ViewItemHeader />
        </>
      }
    >
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row" className="drill-directive">
            <Link to={`/directives/${item.directiveId}`}>
              {item.directiveNumber}. {pickText(locale, item.directiveTextEn, item.directiveTextHi)}
            </Link>
          </th>
          <td>{item.districtRole ? t(`districtRole.${item.districtRole}`) : "—"}</td>
          <DueDateCell item={item} />
          <StatusCell item={item} />
          <td>{item.daysOverdue != null ? <span className="overdue-days">{n(item.daysOverdue)}</span> : "—"}</td>
          <RemarkAndLinkCells
            item={item}
            label={
              <>
                {item.directiveNumber}, {item.districtRole ? t(`districtRole.${item.districtRole}`) : ""}
              </>
            }
          />
        </tr>
      ))}
    </DataTable>
  );
}
