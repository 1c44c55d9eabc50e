// The status mix's counts as a table beside the chart: one row per division, each count a link
// to the items behind it.
import { MIX_KEYS, type MixKey } from "~/domain/compliance-types";
import { formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import type { MixBar } from "./StatusMixChart";
import { DataTable } from "~/components/layout/DataTable";

export function MixTable({ bars, labels }: { bars: MixBar[]; labels: Record<MixKey, string> }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <DataTable
      head={
        <>
          <th scope="col">{t("common.division")}</th>
          {MIX_KEYS.map((k) => (
            <th scope="col" key={k}>
              {labels[k]}
            </th>
          ))}
          <th scope="col">{t("dash.mix.total")}</th>
        </>
      }
    >
      {bars.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.label}</th>
          {MIX_KEYS.map((k) => (
            <td key={k}>{row.counts[k] > 0 ? <a href={row.hrefs[k]}>{n(row.counts[k])}</a> : n(0)}</td>
          ))}
          <td>{n(row.total)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
