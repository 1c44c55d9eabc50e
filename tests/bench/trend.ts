// The weekly trend at scale, from the summary and from the replay of history, for the views the summary
// serves (none, a division; the state and by division):
//   npx tsx tests/bench/trend.ts postgres://postgres@127.0.0.1:5432/anupalan_bench_1m [replay,summary]
import { openDatabase, setDatabaseHandle } from "../../db/client.server";
import { getFilterOptions, parseFilters } from "../../app/models/compliance-filters.server";
import * as c from "../../app/models/compliance-trend.server";
import { todayInIndia } from "../../app/utils/format";
import { fiveRuns, stateReader } from "./timing";
const url = process.argv[2];
const modes = (process.argv[3] ?? "replay,summary").split(",");
const handle = openDatabase({ url });
setDatabaseHandle(handle);
const viewer = stateReader();
const today = todayInIndia();
const options = await getFilterOptions();
for (const q of ["", "division=DV001"]) {
  const { filters } = parseFilters(new URLSearchParams(q), options);
  for (const byDivision of [false, true]) {
    const seen: string[] = [];
    for (const mode of modes) {
      const run = () => c.getWeeklyTrend(viewer, filters, today, { replay: mode === "replay", byDivision });
      const first = await run();
      seen.push(JSON.stringify(first));
      const { p50, min } = await fiveRuns(run);
      const same = seen.length > 1 ? (seen[0] === seen.at(-1) ? "  = identical to " + modes[0] : "  ≠ DIFFERS from " + modes[0]) : "";
      console.log(
        `${(q || "(none)").padEnd(16)} ${mode.padEnd(8)} byDivision=${byDivision ? "y" : "n"} p50 ${p50.toFixed(1)} ms min ${min.toFixed(1)} ms  series ${first.length} points ${first.reduce((n, s) => n + s.points.length, 0)} last ${JSON.stringify(first[0]?.points.at(-1))}${same}`,
      );
    }
  }
}
await handle.close();
