// Where the uncached dashboard's time goes: its SQL (getDashboard) alone, run in-process.
//   DATABASE_URL=… npx tsx tests/bench/time-dashboard.ts [runs]
import { openDatabase, setDatabaseHandle } from "../../db/client.server";
import { getDashboard } from "../../app/models/dashboard.server";
import { todayInIndia } from "../../app/utils/format";

const handle = openDatabase({ url: process.env.DATABASE_URL! });
setDatabaseHandle(handle);
const viewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null } as const;
const runs = Number(process.argv[2] ?? 5);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await getDashboard(viewer as never, {}, todayInIndia(), { heatRows: 20 });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`getDashboard: ${times.map((t) => t.toFixed(0)).join(", ")} ms (median ${times[Math.floor(times.length / 2)].toFixed(0)})`);
process.exit(0);
