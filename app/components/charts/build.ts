// Turns compliance figures into chart props: labels in the viewer's language and, for every mark,
// the link to the items behind it (/actions takes the same filter params plus status).
import type { Locale, MessageKey, Translate } from "~/i18n";
import type { HeatMap, RankedDistrict, StatusMixRow, TrendSeries } from "~/domain/views";
import { filterQuery, MIX_KEYS, type FilterValues, type MixKey } from "~/domain/compliance-types";
import { formatDate, formatMonthYear, formatNumber, formatPercent } from "~/utils/format";
import { pickText } from "~/utils/i18n";
import type { HeatRow } from "./HeatMap";
import type { MixBar } from "./StatusMixChart";
import type { RankingBar } from "./RankingChart";
import type { TrendLine } from "./TrendChart";

/** The items behind a mark: /actions with the page's filters and the mark's own. */
export function actionsHref(values: FilterValues, extra: Record<string, string | undefined> = {}): string {
  return `/actions${filterQuery(values, extra)}`;
}

/**
 * The items of one row of the status mix or one line of the trend by division: a division's, or
 * the state departments' (they belong to no division), the page's other filters kept.
 */
export function divisionActionsHref(values: FilterValues, divisionCode: string | null, extra: Record<string, string | undefined> = {}): string {
  const place = divisionCode ? { division: divisionCode } : { role: "DEPARTMENT" };
  return actionsHref(values, { ...place, ...extra });
}

/** A district's page keeps the filters other than the place. */
export function districtHref(code: string, values: FilterValues): string {
  return `/districts/${encodeURIComponent(code)}${filterQuery(values, { district: undefined, division: undefined })}`;
}

export function rankingBars(ranking: RankedDistrict[], values: FilterValues, t: Translate, locale: Locale): RankingBar[] {
  return ranking.map((d) => {
    const name = pickText(locale, d.nameEn, d.nameHi);
    const rate = formatPercent(d.completionRate, locale);
    return {
      key: d.code,
      label: `${formatNumber(d.rank, locale)}. ${name}`,
      rate: d.completionRate,
      grade: d.grade,
      href: districtHref(d.code, values),
      valueText: `${d.grade ?? "—"} · ${rate}`,
      title: `${name}: ${t("dash.figure.completion")} ${rate} (${formatNumber(d.done, locale)}/${formatNumber(d.applicable, locale)}), ${t("dash.figure.onTime")} ${formatPercent(d.onTimeRate, locale)}, ${t("dash.figure.overdue")} ${formatNumber(d.overdue, locale)}`,
    };
  });
}

export function mixBars(mix: StatusMixRow[], values: FilterValues, t: Translate, locale: Locale): MixBar[] {
  return mix.map((row) => {
    const name = row.divisionCode ? pickText(locale, row.nameEn, row.nameHi) : t("dash.mix.departments");
    const hrefs = {} as Record<MixKey, string>;
    const titles = {} as Record<MixKey, string>;
    for (const k of MIX_KEYS) {
      // /actions takes the status mix's keys, so the list holds exactly the segment's items.
      hrefs[k] = divisionActionsHref(values, row.divisionCode, { status: k });
      titles[k] =
        `${name}: ${t(`dash.state.${k}` as MessageKey)} ${formatNumber(row.counts[k], locale)} (${formatPercent(row.total ? row.counts[k] / row.total : null, locale)})`;
    }
    return { key: row.divisionCode ?? "departments", label: name, counts: row.counts, total: row.total, hrefs, titles };
  });
}

export interface TrendProps {
  weeks: string[];
  weekLabels: string[];
  lines: TrendLine[];
}

/** Aligns the series on one list of weeks (they may start in different weeks). */
export function trendProps(
  series: { series: TrendSeries; key: string; name: string; href: string; dashed?: boolean }[],
  t: Translate,
  locale: Locale,
): TrendProps {
  const weeks = [...new Set(series.flatMap((s) => s.series.points.map((p) => p.weekEnd)))].sort();
  // Within a year the day and month say enough; over several years the axis needs the year.
  const spansYears = weeks.length > 0 && weeks[0].slice(0, 4) !== weeks[weeks.length - 1].slice(0, 4);
  const weekLabels = weeks.map((w) => (spansYears ? formatMonthYear(w, locale) : formatDate(w, locale).replace(/\s\d{4}$/, "")));
  const lines = series.map((s) => {
    const byWeek = new Map(s.series.points.map((p) => [p.weekEnd, p]));
    const values = weeks.map((w) => byWeek.get(w)?.completionRate ?? null);
    const titles = weeks.map((w) => {
      const p = byWeek.get(w);
      return `${s.name}, ${t("dash.trend.week")} ${formatDate(w, locale)}: ${formatPercent(p?.completionRate, locale)}${
        p ? ` (${formatNumber(p.done, locale)}/${formatNumber(p.applicable, locale)})` : ""
      }`;
    });
    return { key: s.key, name: s.name, href: s.href, values, titles, dashed: s.dashed };
  });
  return { weeks, weekLabels, lines };
}

export function heatProps(heat: HeatMap, values: FilterValues, t: Translate, locale: Locale) {
  const columns = heat.directives.map((d) => ({
    key: String(d.id),
    label: String(d.number),
    title: pickText(locale, d.textEn, d.textHi),
    href: `/directives/${d.id}`,
  }));
  const rows: HeatRow[] = heat.rows.map((r) => {
    const name = pickText(locale, r.nameEn, r.nameHi);
    return {
      key: `${r.kind}:${r.code}`,
      name,
      href: r.kind === "district" ? districtHref(r.code, values) : undefined,
      cells: heat.directives.map((d) => {
        const cell = r.cells[d.id];
        if (!cell) return null;
        const href =
          cell.items === 1
            ? `/actions/${cell.itemId}`
            : `/directives/${d.id}?${r.kind === "district" ? "district" : "department"}=${encodeURIComponent(r.code)}`;
        return {
          state: cell.state,
          href,
          text: t("dash.heat.cell", {
            name,
            number: d.number,
            state: t(`dash.state.${cell.state}` as MessageKey),
            done: formatNumber(cell.done, locale),
            items: formatNumber(cell.items, locale),
          }),
        };
      }),
    };
  });
  return { columns, rows };
}
