// What the small benchmark scripts share: a state-wide reader, and the median and best of five runs
// after one warm-up.
import type { Viewer } from "../../app/utils/auth.server";

/** An OFFICIAL who reads the whole state (the dashboard's widest view). */
export function stateReader(id = 0, username = "bench.reader", displayName = "Benchmark reader"): Viewer {
  return {
    id,
    username,
    displayName,
    role: "OFFICIAL",
    districtId: null,
    districtRole: null,
    departmentId: null,
    divisionId: null,
    mustChangePassword: false,
  };
}

/** Runs `run` once to warm up, then five times; the median and the best, in ms. */
export async function fiveRuns(run: () => Promise<unknown>): Promise<{ p50: number; min: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[2], min: times[0] };
}
