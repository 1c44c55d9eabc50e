// Every compliance figure against values worked out by hand on the fixed dataset of
// tests/support/factories-compliance.ts (today = 2024-08-01, IST). The item numbers in the
// comments are the fixture's.
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { getFilterOptions, parseFilters, type ComplianceViewer } from "~/models/compliance-filters.server";
import { getDistrictRanking, getHeadline, getStatusMixByDivision } from "~/models/compliance.server";
import { getHeatMap } from "~/models/compliance-heat.server";
import { getWeeklyTrend } from "~/models/compliance-trend.server";
import { listItemLines } from "~/models/item-lines.server";
import { useTestDatabase } from "../support/database";
import { buildComplianceFixture, FIXTURE_TODAY, type ComplianceFixture } from "../support/factories-compliance";

const { db } = useTestDatabase();
const today = FIXTURE_TODAY;
const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
let fx: ComplianceFixture;

beforeAll(async () => {
  fx = await buildComplianceFixture(db());
});

async function filtersFrom(query: string) {
  const parsed = parseFilters(new URLSearchParams(query), await getFilterOptions());
  expect(parsed.errors).toEqual({});
  return parsed.filters;
}

describe("headline figures", () => {
  it("count live items only, and apply the domain's formulas", async () => {
    const f = await getHeadline(official, {}, today);
    // 17 items, of which no. 10 is withdrawn.
    expect(f.items).toBe(16);
    expect(f.notApplicable).toBe(1); // no. 4
    expect(f.applicable).toBe(15);
    expect(f.done).toBe(8); // 1, 2, 3, 9, 11, 13, 16, 18
    expect(f.verified).toBe(2); // 1, 13
    expect(f.completionRate).toBeCloseTo(8 / 15, 12);
    // 5, 6 (due 10 Feb), 12 (due 5 Jul), 19 (due moved to 25 Jul). Not 8 (extended to Sep), not 14 (due today).
    expect(f.overdue).toBe(4);
    // Due date before today, without NOT_APPLICABLE: 1, 2, 3, 5, 6, 9, 11, 12, 13, 16, 18, 19.
    expect(f.duePassed).toBe(12);
    // On time: 1, 2 (23:30 IST on the due date), 6 (first report on time, later returned), 9 (before the granted date), 11.
    // Late: 3 (00:30 IST the next day), 13, 16, 18. Never reported: 5, 12, 19.
    expect(f.onTime).toBe(5);
    expect(f.onTimeRate).toBeCloseTo(5 / 12, 12);
    expect(f.verifiedShare).toBeCloseTo(2 / 8, 12);
    // The grade counts items due or done (decision 010): 8 done of 8 + 4 overdue = 66.7 % (53.3 % of all).
    expect(f.graded).toBe(12);
    expect(f.gradeRate).toBeCloseTo(8 / 12, 12);
    expect(f.grade).toBe("C");
  });

  it("follow every filter given as search params", async () => {
    const rate = async (query: string) => {
      const f = await getHeadline(official, await filtersFrom(query), today);
      return [f.done, f.applicable];
    };
    expect(await rate(`meeting=${fx.meetings.M1}`)).toEqual([4, 7]); // 1,2,3,9 of 1,2,3,5,6,8,9
    expect(await rate("category=POLICING")).toEqual([1, 2]); // 9 of 8, 9
    expect(await rate("division=JPR")).toEqual([4, 6]); // 1,2,3,13 of 1,2,3,8,12,13
    expect(await rate("district=AJMER")).toEqual([1, 4]); // 9 of 5,6,9,14
    expect(await rate("role=SP")).toEqual([1, 2]); // 2 of 2, 6 (4 not applicable)
    expect(await rate("role=DEPARTMENT")).toEqual([1, 1]); // 11
    expect(await rate("department=DIPR")).toEqual([1, 1]);
    // The date range filters by meeting date: M2 (5 Jun) and M3 (15 Jul).
    expect(await rate("from=2024-06-01")).toEqual([4, 8]); // 11,13,16,18 of 11..19
    expect(await rate("from=2024-06-01&to=2024-06-30")).toEqual([2, 4]); // 11, 13 of 11..14
    expect(await rate("division=AJM&role=COLLECTOR&category=CYBER")).toEqual([0, 1]); // 5
  });

  it("are all zero, with no rate and no grade, when nothing is in the filter; and no district or division is listed", async () => {
    const nothing = await filtersFrom("from=2099-01-01");
    expect(await getHeadline(official, nothing, today)).toEqual({
      items: 0,
      notApplicable: 0,
      applicable: 0,
      done: 0,
      verified: 0,
      overdue: 0,
      duePassed: 0,
      onTime: 0,
      completionRate: null,
      onTimeRate: null,
      verifiedShare: null,
      grade: null,
      graded: 0,
      gradeRate: null,
    });
    expect(await getDistrictRanking(official, nothing, today)).toEqual([]);
    expect(await getStatusMixByDivision(official, nothing, today)).toEqual([]);
  });

  it("reports unknown codes and bad dates for their field, and ignores them", async () => {
    const parsed = parseFilters(new URLSearchParams("division=XXX&from=2024-02-30&to=2024-01-01&role=MAYOR"), await getFilterOptions());
    expect(parsed.errors).toEqual({ division: "unknown", from: "badDate", role: "unknown" });
    expect(parsed.filters).toEqual({ to: "2024-01-01" });
    const order = parseFilters(new URLSearchParams("from=2024-05-01&to=2024-01-01"), await getFilterOptions());
    expect(order.errors).toEqual({ to: "dateOrder" });
  });

  it("shows a district officer only their district and role, a department officer only their department", async () => {
    const ajmer = await db().query.districts.findFirst({ where: (d, { eq }) => eq(d.code, "AJMER") });
    const collector = await getHeadline(
      { role: "DISTRICT_OFFICER", districtId: ajmer!.id, districtRole: "COLLECTOR", departmentId: null },
      {},
      today,
    );
    expect([collector.items, collector.done, collector.overdue]).toEqual([3, 1, 1]); // 5, 9, 14
    const dipr = await db().query.departments.findFirst({ where: (d, { eq }) => eq(d.code, "DIPR") });
    const department = await getHeadline({ role: "DEPARTMENT_OFFICER", districtId: null, districtRole: null, departmentId: dipr!.id }, {}, today);
    expect([department.items, department.done]).toEqual([1, 1]); // 11
  });
});

describe("district ranking", () => {
  // Decision 010: ranked and graded on items due or done (done ÷ (done + overdue)); ties go to the completion
  // rate, then the on-time rate, then fewer overdue. Before it, Bikaner's item 17 (due 20 Aug) made it a C.
  it("ranks by grade rate, then completion rate, on-time rate and fewer overdue, with grades on items due or done", async () => {
    const ranking = await getDistrictRanking(official, {}, today);
    const summary = ranking.map((d) => [d.rank, d.code, d.done, d.applicable, d.onTime, d.duePassed, d.overdue, d.grade]);
    expect(summary).toEqual([
      [1, "ALWAR", 2, 2, 0, 2, 0, "A"], // 3, 13 (4 not applicable, 10 withdrawn): 2 of 2, completion 100 %
      [2, "BIKANER", 1, 2, 0, 1, 0, "A"], // 16 done; 17 is not yet due and leaves the grade: 1 of 1, completion 50 %
      [3, "JAIPUR", 2, 4, 2, 3, 1, "C"], // 1, 2 done; 12 overdue; 8 extended to September: 2 of 3
      [4, "CHURU", 1, 2, 0, 2, 1, "C"], // 18 done, 19 overdue: exactly 50 % is a C
      [5, "AJMER", 1, 4, 2, 3, 2, "D"], // 9 done; 5, 6 overdue; 14 due today is not yet due: 1 of 3
    ]);
    const jaipur = ranking.find((d) => d.code === "JAIPUR")!;
    expect(jaipur.evidenceShare).toBe(0.5); // 1 has evidence, 2 has not
    expect(jaipur.divisionCode).toBe("JPR");
    // Jaipur's last own report: no. 2 completed on 10 Feb (the verification of 1 is the secretariat's).
    expect(jaipur.daysSinceUpdate).toBe(173);
    expect(ranking.find((d) => d.code === "AJMER")!.daysSinceUpdate).toBe(134); // 9 completed 20 Mar
  });

  it("gives equal ranks to districts equal on all three keys", async () => {
    const ranking = await getDistrictRanking(official, { meetingId: fx.meetings.M3, districtId: undefined }, today);
    expect(ranking.map((d) => [d.rank, d.code])).toEqual([
      [1, "BIKANER"],
      [2, "CHURU"],
    ]);
    const d6 = await getDistrictRanking(official, await filtersFrom("category=CAMPAIGN&role=COLLECTOR&district=JAIPUR"), today);
    expect(d6.map((d) => [d.rank, d.code, d.grade])).toEqual([[1, "JAIPUR", "D"]]);
  });
});

describe("status mix by division", () => {
  it("partitions the live items, overdue split out of pending and in progress", async () => {
    const mix = await getStatusMixByDivision(official, {}, today);
    const byCode = Object.fromEntries(mix.map((m) => [m.divisionCode ?? "DEPARTMENTS", m.counts]));
    expect(byCode.JPR).toEqual({ OVERDUE: 1, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 2, VERIFIED: 2, NOT_APPLICABLE: 1 });
    expect(byCode.AJM).toEqual({ OVERDUE: 2, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 1, VERIFIED: 0, NOT_APPLICABLE: 0 });
    expect(byCode.BKN).toEqual({ OVERDUE: 1, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 2, VERIFIED: 0, NOT_APPLICABLE: 0 });
    expect(byCode.DEPARTMENTS).toEqual({ OVERDUE: 0, PENDING: 0, IN_PROGRESS: 0, COMPLETED: 1, VERIFIED: 0, NOT_APPLICABLE: 0 });
    expect(mix.reduce((n, m) => n + m.total, 0)).toBe(16);
  });
});

/** The trend recounted the plain way: at each week's end, each item's latest history row. */
async function recountTrend(weekEnds: string[], itemFilter: (item: typeof schema.actionItems.$inferSelect) => boolean) {
  const items = (await db().select().from(schema.actionItems)).filter(itemFilter);
  const history = await db().select().from(schema.actionItemHistory);
  return weekEnds.map((weekEnd) => {
    const end = new Date(`${weekEnd}T23:59:59.999+05:30`);
    let applicable = 0;
    let done = 0;
    for (const item of items) {
      if (item.withdrawnAt && item.withdrawnAt <= end) continue;
      const rows = history.filter((h) => h.actionItemId === item.id && h.at <= end).sort((a, b) => +a.at - +b.at || a.id - b.id);
      const latest = rows[rows.length - 1];
      if (!latest) continue;
      if (latest.toStatus !== "NOT_APPLICABLE") applicable += 1;
      if (latest.toStatus === "COMPLETED" || latest.toStatus === "VERIFIED") done += 1;
    }
    return { weekEnd, applicable, done };
  });
}

describe("weekly trend", () => {
  it("reconstructs the completion rate at the end of every week from history", async () => {
    const [series] = await getWeeklyTrend(official, {}, today);
    const points = series.points;
    // From the week of the first meeting (Mon 8 Jan 2024) to the week of today (Mon 29 Jul 2024).
    expect(points[0].weekStart).toBe("2024-01-08");
    expect(points[0].weekEnd).toBe("2024-01-14");
    expect(points[points.length - 1].weekStart).toBe("2024-07-29");
    expect(points.length).toBe(30);
    // Hand-checked weeks: end of 14 Jan: items 1–6, 8, 9, 10 exist, none done.
    expect(points[0]).toMatchObject({ applicable: 9, done: 0 });
    // End of 21 Jan: 10 was completed on 15 Jan (withdrawn only on 1 Feb).
    expect(points[1]).toMatchObject({ applicable: 9, done: 1 });
    // End of 4 Feb: 4 became not applicable (25 Jan), 10 withdrawn (1 Feb).
    expect(points[3]).toMatchObject({ weekEnd: "2024-02-04", applicable: 7, done: 0 });
    // End of 11 Feb (Sunday): 1 (5 Feb), 6 (8 Feb), 2 (10 Feb 23:30 IST) and 3 (11 Feb 00:30 IST) completed.
    expect(points[4]).toMatchObject({ weekEnd: "2024-02-11", applicable: 7, done: 4 });
    // End of 18 Feb: 1 verified (still done); 6 returned on 15 Feb.
    expect(points[5]).toMatchObject({ weekEnd: "2024-02-18", applicable: 7, done: 3 });
    // The last point is the rate as it stands now: the headline figure.
    expect(points[points.length - 1]).toMatchObject({ applicable: 15, done: 8 });
    expect(points.map(({ weekEnd, applicable, done }) => ({ weekEnd, applicable, done }))).toEqual(
      await recountTrend(
        points.map((p) => p.weekEnd),
        () => true,
      ),
    );
  });

  it("draws one line per division on request, each equal to a recount", async () => {
    const series = await getWeeklyTrend(official, {}, today, { byDivision: true });
    expect(series.map((s) => s.divisionCode)).toEqual(expect.arrayContaining(["JPR", "AJM", "BKN", null]));
    const jpr = series.find((s) => s.divisionCode === "JPR")!;
    const division = await db().query.divisions.findFirst({ where: (d, { eq }) => eq(d.code, "JPR") });
    const expected = await recountTrend(
      jpr.points.map((p) => p.weekEnd),
      (i) => i.divisionId === division!.id,
    );
    expect(jpr.points.map(({ weekEnd, applicable, done }) => ({ weekEnd, applicable, done }))).toEqual(expected);
  });
});

describe("heat map", () => {
  it("shows each district's worst state per directive of the chosen meeting", async () => {
    const map = await getHeatMap(official, { meetingId: fx.meetings.M1 }, today);
    expect(map.directives.map((d) => d.number)).toEqual([1, 2]);
    const cell = (code: string, d: "D1" | "D2") => map.rows.find((r) => r.code === code)?.cells[fx.directives[d]];
    expect(cell("JAIPUR", "D1")).toMatchObject({ state: "COMPLETED", items: 2, done: 2 }); // 1 verified, 2 completed
    expect(cell("AJMER", "D1")).toMatchObject({ state: "OVERDUE", items: 2, overdue: 2 });
    expect(cell("ALWAR", "D1")).toMatchObject({ state: "COMPLETED", items: 2, done: 1 }); // 4 is not applicable
    expect(cell("ALWAR", "D2")).toBeUndefined(); // 10 is withdrawn
    expect(cell("JAIPUR", "D2")).toMatchObject({ state: "PENDING", items: 1, itemId: fx.items.get(8) });
  });

  it("without a meeting filter, uses the latest meeting that has items in the filter", async () => {
    expect((await getHeatMap(official, {}, today)).meeting?.id).toBe(fx.meetings.M3);
    const campaign = await getHeatMap(official, await filtersFrom("category=CAMPAIGN"), today);
    expect(campaign.meeting?.id).toBe(fx.meetings.M2);
    expect(campaign.rows.map((r) => [r.kind, r.code])).toContainEqual(["department", "DIPR"]);
  });

  it("sends only the first rows the page draws, in order, and says how many there are", async () => {
    const all = await getHeatMap(official, { meetingId: fx.meetings.M1 }, today);
    expect(all.totalRows).toBe(all.rows.length);
    expect(all.rows.length).toBeGreaterThan(2);
    const two = await getHeatMap(official, { meetingId: fx.meetings.M1 }, today, 2);
    expect(two.totalRows).toBe(all.totalRows);
    expect(two.rows).toEqual(all.rows.slice(0, 2));
  });
});

describe("item lines", () => {
  it("give days overdue, completion dates in IST and the extension's original date", async () => {
    const lines = await listItemLines(official, { meetingId: fx.meetings.M1 }, today, { order: "assignee" });
    const byNo = (no: number) => lines.find((l) => l.id === fx.items.get(no))!;
    expect(lines).toHaveLength(8); // 1–6, 8, 9
    expect(byNo(5).daysOverdue).toBe(173);
    expect(byNo(3).completedOn).toBe("2024-02-11");
    expect(byNo(2).completedOn).toBe("2024-02-10");
    expect(byNo(8)).toMatchObject({ dueDate: "2024-09-01", originalDueDate: "2024-03-01", daysOverdue: null });
    expect(byNo(1).hasEvidence).toBe(true);
    const open = await listItemLines(official, { districtId: (await filtersFrom("district=AJMER")).districtId }, today, {
      order: "meeting",
      openOnly: true,
    });
    expect(open.map((l) => l.id)).toEqual([fx.items.get(14), fx.items.get(5), fx.items.get(6)]);
  });
});
