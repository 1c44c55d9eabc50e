// Times each query behind the dashboard separately (for finding the slow one):
//   npx tsx tests/bench/sql-parts.ts postgres://postgres@127.0.0.1:5432/anupalan_bench_1m [division=DV001]
import { openDatabase, setDatabaseHandle } from "../../db/client.server";
import { getFilterOptions, parseFilters } from "../../app/models/compliance-filters.server";
import * as compliance from "../../app/models/compliance.server";
import { getHeatMap } from "../../app/models/compliance-heat.server";
import { getWeeklyTrend } from "../../app/models/compliance-trend.server";
import { getDashboard } from "../../app/models/dashboard.server";
import { todayInIndia } from "../../app/utils/format";
import type { Viewer } from "../../app/utils/auth.server";

const c = { ...compliance, getWeeklyTrend, getHeatMap, getDashboard };

const url = process.argv[2];
const handle = openDatabase({ url });
setDatabaseHandle(handle);
const viewer: Viewer = {
  id: 0,
  username: "x",
  displayName: "x",
  role: "OFFICIAL",
  districtId: null,
  districtRole: null,
  departmentId: null,
  divisionId: null,
  mustChangePassword: false,
};
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
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(14)} p50 ${times[2].toFixed(1)} ms  min ${times[0].toFixed(1)} ms`);
}
await handle.close();
