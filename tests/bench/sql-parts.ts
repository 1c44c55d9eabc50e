// Times each query behind the dashboard separately (for finding the slow one):
//   npx tsx tests/bench/sql-parts.ts postgres://postgres@127.0.0.1:5432/anupalan_bench_1m [division=DV001]
import { openDatabase, setDatabaseHandle } from "../../db/client.server";
import { getFilterOptions, parseFilters } from "../../app/models/compliance-filters.server";
import * as compliance from "../../app/models/compliance.server";
import { getHeatMap } from "../../app/models/compliance-heat.server";
import { getWeeklyTrend } from "../../app/models/compliance-trend.server";
import { getDashboard } from "../../app/models/dashboard.server";
import { todayInIndia } from "../../app/utils/format";
import { fiveRuns, stateReader } from "./timing";

const c = { ...compliance, getWeeklyTrend, getHeatMap, getDashboard };

const url = process.argv[2];
const handle = openDatabase({ url });
setDatabaseHandle(handle);
const viewer = stateReader();
const today = todayInIndia();
const options = await getFilterOptions();
const { filters } = parseFilters(new URLSearchParams(process.argv[3] ?? ""), options);
const parts: Record<string, () => Promise<unknown>> = {
  filterOptions: () => getFilterOptions(),
  // Headline, ranking and status mix: one scan (getHeadline, getDistrictRanking and getStatusMixByDivision read it).
  sets: () => c.getComplianceSets(viewer, filters, today),
  trend: () => c.getWeeklyTrend(viewer, filters, today),
  // The replay of history that the summary replaces (and that every other filter still runs).
  trendReplay: () => c.getWeeklyTrend(viewer, filters, today, { replay: true }),
  heat: () => c.getHeatMap(viewer, filters, today),
  dashboard: () => c.getDashboard(viewer, filters, today),
};
for (const [name, run] of Object.entries(parts)) {
  const { p50, min } = await fiveRuns(run);
  console.log(`${name.padEnd(14)} p50 ${p50.toFixed(1)} ms  min ${min.toFixed(1)} ms`);
}
await handle.close();
