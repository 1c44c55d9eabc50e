// The figures a trend chart was drawn from, folded under the chart: its text alternative.
import { formatDate, formatPercent } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import type { TrendLine } from "./TrendChart";
import { DataTable } from "~/components/layout/DataTable";

export function TrendTable({ weeks, lines }: { weeks: string[]; lines: TrendLine[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <details className="chart-table">
      <summary>{t("dash.trend.table")}</summary>
      <DataTable
        head={
          <>
            <th scope="col">{t("dash.trend.week")}</th>
            {lines.map((l) => (
              <th scope="col" key={l.key}>
                {l.name}
              </th>
            ))}
          </>
        }
      >
        {weeks.map((w, i) => (
          <tr key={w}>
            <th scope="row">{formatDate(w, locale)}</th>
            {lines.map((l) => (
              <td key={l.key}>{formatPercent(l.values[i], locale)}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}
