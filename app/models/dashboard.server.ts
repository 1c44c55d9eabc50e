// Everything the dashboard shows, its queries run side by side.
import { getComplianceSets } from "./compliance.server";
import { getHeatMap } from "./compliance-heat.server";
import { getWeeklyTrend } from "./compliance-trend.server";
import type { ComplianceFilters, ComplianceViewer } from "./compliance-filters.server";
import type { Figures, HeatMap, RankedDistrict, StatusMixRow, TrendSeries } from "~/domain/views";

export interface DashboardData {
  headline: Figures;
  ranking: RankedDistrict[];
  mix: StatusMixRow[];
  trend: TrendSeries[];
  heat: HeatMap;
}

/** Everything the dashboard shows, its queries run side by side. */
export async function getDashboard(
  viewer: ComplianceViewer,
  filters: ComplianceFilters,
  today: string,
  opts: { byDivision?: boolean; heatRows?: number } = {},
): Promise<DashboardData> {
  const [{ headline, ranking, mix }, trend, heat] = await Promise.all([
    getComplianceSets(viewer, filters, today),
    getWeeklyTrend(viewer, filters, today, opts),
    getHeatMap(viewer, filters, today, opts.heatRows),
  ]);
  return { headline, ranking, mix, trend, heat };
}
