// The district and directive drill-downs, through their loaders, on the compliance fixture
// (tests/support/factories-compliance.ts). The clock is set to the fixture's "today" (1 Aug 2024,
// IST), so every figure is the hand-computed one of tests/integration/compliance.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "../../db/schema";
import { heatProps, mixBars, rankingBars } from "~/components/charts/build";
import { translator } from "~/i18n";
import { getDistrictRanking, getStatusMixByDivision } from "~/models/compliance.server";
import { getHeatMap } from "~/models/compliance-heat.server";
import { loader as directiveLoader } from "~/routes/directives.$directiveId";
import { loader as districtLoader } from "~/routes/districts.$districtCode";
import { useTestDatabase } from "../support/database";
import { districtByCode } from "../support/factories";
import { buildComplianceFixture, ist, type ComplianceFixture } from "../support/factories-compliance";
import { callRoute, fixtureReaderCookies, getRequest, type FixtureReader } from "../support/requests";

const { db } = useTestDatabase();
let fx: ComplianceFixture;
let cookies: Record<FixtureReader, string>;
let withdrawnDirectiveId: number;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ist("2024-08-01 12:00"));
  fx = await buildComplianceFixture(db());
  const d = db();
  // A directive of M3 withdrawn after publication, with its one (withdrawn) item.
  const jaipur = await districtByCode(d, "JAIPUR");
  const [directive] = await d
    .insert(schema.directives)
    .values({
      meetingId: fx.meetings.M3,
      number: 3,
      textEn: "Close the old check posts",
      textHi: "पुरानी चौकियाँ बंद करें",
      dueDate: "2024-07-20",
      withdrawnAt: ist("2024-07-18 10:00"),
      withdrawnReason: "Taken up by the Home department",
    })
    .returning();
  withdrawnDirectiveId = directive.id;
  await d.insert(schema.actionItems).values({
    directiveId: directive.id,
    meetingId: fx.meetings.M3,
    districtId: jaipur.id,
    divisionId: jaipur.divisionId,
    districtRole: "COLLECTOR",
    status: "PENDING",
    dueDate: "2024-07-20",
    originalDueDate: "2024-07-20",
    withdrawnAt: ist("2024-07-18 10:00"),
  });
  cookies = await fixtureReaderCookies(d);
});

afterAll(() => {
  vi.useRealTimers();
});

const itemNo = (id: number) => [...fx.items].find(([, itemId]) => itemId === id)?.[0];

async function district(code: string, who: keyof typeof cookies = "official", query = "") {
  return callRoute(districtLoader, getRequest(`/districts/${code}${query}`, { cookie: cookies[who] }), { districtCode: code });
}

async function directive(id: number | string, who: keyof typeof cookies = "official", query = "") {
  return callRoute(directiveLoader, getRequest(`/directives/${id}${query}`, { cookie: cookies[who] }), {
    directiveId: String(id),
  });
}

describe("/districts/:districtCode", () => {
  it("shows the district's figures, grade and rank as worked out by hand", async () => {
    const response = await district("JAIPUR");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.today).toBe("2024-08-01");
    // Jaipur: 1 (verified), 2 (completed 23:30 IST on the due date), 8 (extended to Sep), 12 (overdue).
    expect(body.record.figures).toMatchObject({
      items: 4,
      notApplicable: 0,
      applicable: 4,
      done: 2,
      verified: 1,
      overdue: 1,
      duePassed: 3,
      onTime: 2,
      completionRate: 0.5,
      grade: "C", // exactly 50 % is a C
    });
    expect(body.record.figures.onTimeRate).toBeCloseTo(2 / 3, 12);
    // Third since decision 010: Bikaner's one item not yet due no longer counts against it (compliance.test.ts).
    expect(body.record.rank).toEqual({ rank: 3, total: 5 });
    expect(body.district).toMatchObject({ code: "JAIPUR", divisionCode: "JPR" });
  });

  it("draws the district's weekly trend against the state's, both ending at today's figures", async () => {
    const body = await (await district("JAIPUR")).json();
    const last = (s: { points: { applicable: number; done: number }[] }) => s.points[s.points.length - 1];
    expect(last(body.record.trend.district)).toMatchObject({ applicable: 4, done: 2 });
    expect(last(body.record.trend.state)).toMatchObject({ applicable: 15, done: 8 }); // the headline
    // End of 11 Feb: 1 and 2 of Jaipur's three M1 items done; the state 4 of 7.
    const week = (s: { points: { weekEnd: string }[] }) => s.points.find((p) => p.weekEnd === "2024-02-11");
    expect(week(body.record.trend.district)).toMatchObject({ applicable: 3, done: 2 });
    expect(week(body.record.trend.state)).toMatchObject({ applicable: 7, done: 4 });
  });

  it("lists the open items by meeting, newest meeting first, with days overdue and extensions", async () => {
    const body = await (await district("JAIPUR")).json();
    const groups = body.record.openItems.map((g: { meeting: { id: number }; items: { id: number }[] }) => [
      g.meeting.id,
      g.items.map((i) => itemNo(i.id)),
    ]);
    expect(groups).toEqual([
      [fx.meetings.M2, [12]],
      [fx.meetings.M1, [8]],
    ]);
    const [item12] = body.record.openItems[0].items;
    expect(item12).toMatchObject({ daysOverdue: 27, dueDate: "2024-07-05" }); // 5 Jul → 1 Aug
    const [item8] = body.record.openItems[1].items;
    expect(item8).toMatchObject({ daysOverdue: null, dueDate: "2024-09-01", originalDueDate: "2024-03-01" });
    expect(body.record.openTotal).toBe(2);
  });

  it("applies the dashboard's filters from the search params, ranking within them", async () => {
    const body = await (await district("JAIPUR", "official", `?meeting=${fx.meetings.M1}`)).json();
    expect(body.record.figures).toMatchObject({ items: 3, done: 2, applicable: 3 }); // 1, 2 of 1, 2, 8
    // M1: Alwar 1/1 (4 not applicable, 10 withdrawn), Jaipur 2/3, Ajmer 1/3.
    expect(body.record.rank).toEqual({ rank: 2, total: 3 });
    const sp = await (await district("JAIPUR", "official", "?role=SP")).json();
    expect(sp.record.figures).toMatchObject({ items: 1, done: 1 }); // 2
    // The path fixes the place: a district in the query does not change it.
    const other = await (await district("JAIPUR", "official", "?district=AJMER")).json();
    expect(other.record.figures.items).toBe(4);
  });

  it("answers a bad filter with 400 and the field's error, and the figures without it", async () => {
    const response = await district("JAIPUR", "official", "?from=2024-13-01");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ from: "badDate" });
    expect(body.record.figures.items).toBe(4);
  });

  it("shows a district officer their own district and role only, and refuses another district", async () => {
    const own = await district("AJMER", "ajmerCollector");
    expect(own.status).toBe(200);
    const body = await own.json();
    // Ajmer's Collector items: 5 (overdue), 9 (completed), 14 (due today); not the SP's 6.
    expect(body.record.figures).toMatchObject({ items: 3, done: 1, overdue: 1 });
    expect(body.record.rank).toBeNull();
    expect(body.record.trend.state).toBeNull();
    expect(body.record.openItems.flatMap((g: { items: { id: number }[] }) => g.items.map((i) => itemNo(i.id)))).toEqual([14, 5]);

    expect((await district("JAIPUR", "ajmerCollector")).status).toBe(403);
    expect((await district("JAIPUR", "dipr")).status).toBe(403);
  });

  it("answers an unknown district code with 404, and matches a code in any case", async () => {
    expect((await district("NOWHERE")).status).toBe(404);
    expect((await district("jaipur")).status).toBe(200);
  });
});

describe("/directives/:directiveId", () => {
  it("counts every assignee of a directive, not applicable apart, overdue split out", async () => {
    const response = await directive(fx.directives.D1);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.record.directive).toMatchObject({ number: 1, meeting: { id: fx.meetings.M1 }, withdrawnOn: null });
    // D1: 1 verified, 2 and 3 completed, 4 not applicable, 5 and 6 in progress past 10 Feb.
    expect(body.record.figures).toMatchObject({ items: 6, done: 3, notApplicable: 1, applicable: 5, overdue: 2 });
    expect(body.record.counts).toEqual({ OVERDUE: 2, PENDING: 0, IN_PROGRESS: 0, COMPLETED: 2, VERIFIED: 1, NOT_APPLICABLE: 1 });
    const rows = body.record.rows.map(
      (r: { id: number; status: string; daysOverdue: number | null; completedOn: string | null; latestRemark: string | null }) => [
        itemNo(r.id),
        r.status,
        r.daysOverdue,
        // The page shows a completion date only for an item that stands completed.
        r.status === "COMPLETED" || r.status === "VERIFIED" ? r.completedOn : null,
      ],
    );
    // By division (Ajmer, Jaipur), district, then Collector before SP.
    expect(rows).toEqual([
      [5, "IN_PROGRESS", 173, null],
      [6, "IN_PROGRESS", 173, null], // completed on time, then returned: overdue again
      [3, "COMPLETED", null, "2024-02-11"], // 00:30 IST on 11 Feb
      [4, "NOT_APPLICABLE", null, null],
      [1, "VERIFIED", null, "2024-02-05"],
      [2, "COMPLETED", null, "2024-02-10"],
    ]);
    expect(body.record.rows.find((r: { id: number }) => r.id === fx.items.get(2)).latestRemark).toBe("हेल्पलाइन 1930 के पोस्टर सभी थानों में लगाए गए");
  });

  it("filters the rows by ?status= and keeps the counts", async () => {
    const rowsFor = async (status: string) => {
      const body = await (await directive(fx.directives.D1, "official", `?status=${status}`)).json();
      expect(body.record.counts.OVERDUE).toBe(2);
      return body.record.rows.map((r: { id: number }) => itemNo(r.id));
    };
    expect(await rowsFor("OVERDUE")).toEqual([5, 6]);
    expect(await rowsFor("NOT_APPLICABLE")).toEqual([4]);
    expect(await rowsFor("done")).toEqual([3, 1, 2]);
    expect(await rowsFor("PENDING")).toEqual([]);
    const bad = await directive(fx.directives.D1, "official", "?status=LOST");
    expect(bad.status).toBe(400);
    expect((await bad.json()).record.rows).toHaveLength(6);
  });

  it("lists a withdrawn assignee without counting it, and shows an extension's dates", async () => {
    const body = await (await directive(fx.directives.D2)).json();
    // D2: 8 (extended to 1 Sep, pending), 9 (completed before its granted date), 10 (withdrawn).
    expect(body.record.counts).toEqual({ OVERDUE: 0, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 1, VERIFIED: 0, NOT_APPLICABLE: 0 });
    expect(body.record.figures).toMatchObject({ items: 2, done: 1, onTime: 1, duePassed: 1 });
    expect(body.record.withdrawn).toBe(1);
    const rows = body.record.rows.map((r: { id: number; withdrawnOn: string | null; dueDate: string; originalDueDate: string }) => [
      itemNo(r.id),
      r.withdrawnOn,
      r.dueDate,
      r.originalDueDate,
    ]);
    expect(rows).toEqual([
      [9, null, "2024-04-01", "2024-03-01"],
      [8, null, "2024-09-01", "2024-03-01"],
      [10, "2024-02-01", "2024-03-01", "2024-03-01"], // withdrawn rows last
    ]);
  });

  it("narrows to one district or department from the heat map's link", async () => {
    const body = await (await directive(fx.directives.D1, "official", "?district=AJMER")).json();
    expect(body.place).toMatchObject({ kind: "district", code: "AJMER" });
    expect(body.record.rows.map((r: { id: number }) => itemNo(r.id))).toEqual([5, 6]);
    expect(body.record.counts.OVERDUE).toBe(2);
    const dipr = await (await directive(fx.directives.D3, "official", "?department=DIPR")).json();
    expect(dipr.record.rows.map((r: { id: number }) => itemNo(r.id))).toEqual([11]);
    expect((await directive(fx.directives.D1, "official", "?district=ATLANTIS")).status).toBe(400);
  });

  it("marks a withdrawn directive as withdrawn, with nothing counted", async () => {
    const response = await directive(withdrawnDirectiveId, "secretariat");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.record.directive).toMatchObject({ withdrawnOn: "2024-07-18", withdrawnReason: "Taken up by the Home department" });
    expect(body.record.figures.items).toBe(0);
    expect(body.record.withdrawn).toBe(1);
  });

  it("shows a district officer only their own item, and refuses a directive not theirs", async () => {
    const body = await (await directive(fx.directives.D1, "ajmerCollector")).json();
    expect(body.reader).toBe(false);
    expect(body.record.rows.map((r: { id: number }) => itemNo(r.id))).toEqual([5]);
    expect(body.record.figures).toMatchObject({ items: 1, overdue: 1 });
    // A place in the query cannot widen an officer's scope.
    const widened = await (await directive(fx.directives.D1, "ajmerCollector", "?district=JAIPUR")).json();
    expect(widened.record.rows.map((r: { id: number }) => itemNo(r.id))).toEqual([5]);
    expect((await directive(fx.directives.D5, "ajmerCollector")).status).toBe(403); // Bikaner and Churu only
    const dipr = await (await directive(fx.directives.D3, "dipr")).json();
    expect(dipr.record.rows.map((r: { id: number }) => itemNo(r.id))).toEqual([11]);
    expect((await directive(fx.directives.D1, "dipr")).status).toBe(403);
  });

  it("answers an unknown or malformed id with 404", async () => {
    expect((await directive(999999)).status).toBe(404);
    expect((await directive("abc")).status).toBe(404);
    expect((await directive("1e3")).status).toBe(404);
  });
});

describe("the dashboard's marks lead to the items behind them", () => {
  const t = translator("en");
  const official = { role: "OFFICIAL" as const, districtId: null, districtRole: null, departmentId: null };

  it("ranking bars open the district's page with the dashboard's filters", async () => {
    const values = { meeting: String(fx.meetings.M1), division: "JPR" };
    const bars = rankingBars(await getDistrictRanking(official, { meetingId: fx.meetings.M1 }, "2024-08-01"), values, t, "en");
    expect(bars.find((b) => b.key === "JAIPUR")!.href).toBe(`/districts/JAIPUR?meeting=${fx.meetings.M1}`);
  });

  it("heat map cells open the one item, or the directive narrowed to the district", async () => {
    const heat = heatProps(await getHeatMap(official, { meetingId: fx.meetings.M1 }, "2024-08-01"), {}, t, "en");
    const cell = (code: string, column: number) => heat.rows.find((r) => r.key === `district:${code}`)!.cells[column]!;
    expect(heat.columns.map((c) => c.href)).toEqual([`/directives/${fx.directives.D1}`, `/directives/${fx.directives.D2}`]);
    expect(cell("JAIPUR", 1).href).toBe(`/actions/${fx.items.get(8)}`); // one item
    const href = cell("AJMER", 0).href; // 5 and 6
    expect(href).toBe(`/directives/${fx.directives.D1}?district=AJMER`);
    const body = await (await directive(fx.directives.D1, "official", "?district=AJMER")).json();
    expect(body.record.rows.map((r: { id: number }) => itemNo(r.id))).toEqual([5, 6]);
  });

  it("status mix segments open the division's items of that status (counts checked in actions-filters.test.ts)", async () => {
    const mix = mixBars(await getStatusMixByDivision(official, {}, "2024-08-01"), { category: "CYBER" }, t, "en");
    expect(mix.find((m) => m.key === "JPR")!.hrefs.OVERDUE).toBe("/actions?category=CYBER&division=JPR&status=OVERDUE");
    expect(mix.find((m) => m.key === "departments")!.hrefs.COMPLETED).toBe("/actions?category=CYBER&role=DEPARTMENT&status=COMPLETED");
  });
});
