// "Every mark on a chart leads to the items behind it": a segment of the dashboard's status mix
// (division × status) and a line of the trend by division link to /actions with the dashboard's
// filters, and the list there holds exactly the items the mark counts. On the compliance fixture
// (tests/support/factories-compliance.ts), with the clock at its "today" (1 Aug 2024, IST).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { divisionActionsHref, mixBars } from "~/components/charts/build";
import { translator } from "~/i18n";
import { getStatusMixByDivision } from "~/models/compliance.server";
import { MIX_KEYS, type MixKey } from "~/domain/compliance-types";
import { loader as actionsLoader } from "~/routes/actions._index";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { useTestDatabase } from "../support/database";

import { buildComplianceFixture, FIXTURE_TODAY, ist, type ComplianceFixture } from "../support/factories-compliance";
import { callRoute, fixtureReaderCookies, getRequest, type FixtureReader } from "../support/requests";

const { db } = useTestDatabase();
let fx: ComplianceFixture;
let cookies: Record<FixtureReader, string>;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ist("2024-08-01 12:00"));
  fx = await buildComplianceFixture(db());
  const d = db();
  cookies = await fixtureReaderCookies(d);
});

afterAll(() => {
  vi.useRealTimers();
});

interface ActionsBody {
  total: number;
  rows: { id: number; status: string; daysOverdue: number }[];
  counts: Record<MixKey | "ALL", number>;
  errors: Record<string, string>;
  place: { kind: string; en: string } | null;
}

async function actions(href: string, who: keyof typeof cookies = "official"): Promise<{ status: number; body: ActionsBody }> {
  const res = await callRoute(actionsLoader, getRequest(href, { cookie: cookies[who] }));
  return { status: res.status, body: (await res.json()) as ActionsBody };
}

const itemNos = (rows: { id: number }[]) => rows.map((r) => [...fx.items].find(([, id]) => id === r.id)?.[0]).sort((a, b) => a! - b!);

const official = { role: "OFFICIAL" as const, districtId: null, districtRole: null, departmentId: null };
const t = translator("en");

describe("a status-mix segment lists the items it counts", () => {
  it("for every division × status of the unfiltered mix, with the hand-counted figures", async () => {
    const mix = await getStatusMixByDivision(official, {}, FIXTURE_TODAY);
    const bars = mixBars(mix, {}, t, "en");
    // Hand count (items numbered as in the fixture; 10 is withdrawn):
    // Jaipur division: 1 V, 2 C, 3 C, 4 NA, 8 P (due 1 Sep), 12 overdue (due 5 Jul); 13 V.
    // Ajmer division: 5 overdue (in progress), 6 overdue (returned), 9 C, 14 P (due today).
    // Bikaner division: 16 C, 17 P, 18 C, 19 overdue. State departments: 11 C.
    const expected: Record<string, { counts: Record<MixKey, number>; items: Partial<Record<MixKey, number[]>> }> = {
      JPR: {
        counts: { OVERDUE: 1, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 2, VERIFIED: 2, NOT_APPLICABLE: 1 },
        items: { OVERDUE: [12], VERIFIED: [1, 13], COMPLETED: [2, 3] },
      },
      AJM: {
        counts: { OVERDUE: 2, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 1, VERIFIED: 0, NOT_APPLICABLE: 0 },
        items: { OVERDUE: [5, 6], PENDING: [14] },
      },
      BKN: {
        counts: { OVERDUE: 1, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 2, VERIFIED: 0, NOT_APPLICABLE: 0 },
        items: { OVERDUE: [19], PENDING: [17] },
      },
      departments: { counts: { OVERDUE: 0, PENDING: 0, IN_PROGRESS: 0, COMPLETED: 1, VERIFIED: 0, NOT_APPLICABLE: 0 }, items: { COMPLETED: [11] } },
    };
    expect(bars.map((b) => b.key).sort()).toEqual(Object.keys(expected).sort());
    let listed = 0;
    for (const bar of bars) {
      for (const key of MIX_KEYS) {
        expect(bar.counts[key], `${bar.key} ${key}`).toBe(expected[bar.key].counts[key]);
        const href = bar.hrefs[key];
        expect(href.startsWith("/actions?"), href).toBe(true);
        const { status, body } = await actions(href);
        expect(status, href).toBe(200);
        expect(body.total, href).toBe(bar.counts[key]);
        expect(body.rows, href).toHaveLength(bar.counts[key]);
        const want = expected[bar.key].items[key];
        if (want) expect(itemNos(body.rows), href).toEqual(want);
        listed += body.total;
      }
    }
    expect(listed).toBe(16); // every live item behind exactly one segment
  });

  it("the segment links keep the dashboard's filters, and the counts still agree", async () => {
    const queries = [
      "?category=CYBER",
      `?meeting=${fx.meetings.M1}`,
      "?from=2024-06-01&to=2024-07-31",
      "?from=2024-07-01",
      "?role=COLLECTOR",
      "?role=sp",
      "?district=AJMER",
      "?department=DIPR",
      "?division=BKN&category=LAW_AND_ORDER",
      "?to=2024-01-31&role=COLLECTOR",
    ];
    for (const query of queries) {
      const res = await callRoute(dashboardLoader, getRequest(`/dashboard${query}`, { cookie: cookies.official }));
      expect(res.status, query).toBe(200);
      const dash = (await res.json()) as { mix: Parameters<typeof mixBars>[0]; values: Record<string, string>; headline: { items: number } };
      let listed = 0;
      for (const bar of mixBars(dash.mix, dash.values, t, "en")) {
        for (const key of MIX_KEYS) {
          const href = bar.hrefs[key];
          // The dashboard's filters travel unchanged.
          const params = new URL(href, "http://x").searchParams;
          for (const [name, value] of Object.entries(dash.values)) expect(params.get(name), `${href} ${name}`).toBe(value);
          const { status, body } = await actions(href);
          expect(status, href).toBe(200);
          expect(body.total, href).toBe(bar.counts[key]);
          expect(body.rows, href).toHaveLength(bar.counts[key]);
          listed += body.total;
        }
      }
      expect(listed, query).toBe(dash.headline.items);
    }
  });

  it("a line of the trend by division lists the division's items", async () => {
    const mix = await getStatusMixByDivision(official, { categoryId: fx.categories.CYBER }, FIXTURE_TODAY);
    expect(mix.length).toBeGreaterThan(0);
    for (const row of mix) {
      const href = divisionActionsHref({ category: "CYBER" }, row.divisionCode);
      const { body } = await actions(href);
      expect(body.total, href).toBe(row.total);
      expect(body.counts.ALL, href).toBe(row.total);
      for (const key of MIX_KEYS) expect(body.counts[key], `${href} ${key}`).toBe(row.counts[key]);
    }
  });
});

describe("/actions for the reading roles", () => {
  it("narrows by division, role, department and meeting date, and names the place", async () => {
    const jpr = await actions("/actions?division=JPR");
    expect(itemNos(jpr.body.rows)).toEqual([1, 2, 3, 4, 8, 12, 13]);
    expect(jpr.body.place).toMatchObject({ kind: "division", en: "Jaipur" });
    expect(itemNos((await actions("/actions?division=JPR&role=SP", "secretariat")).body.rows)).toEqual([2, 4]);
    expect(itemNos((await actions("/actions?role=DEPARTMENT")).body.rows)).toEqual([11]);
    expect(itemNos((await actions("/actions?department=dipr")).body.rows)).toEqual([11]);
    // Meetings M2 (5 Jun) and M3 (15 Jul), by meeting date, both ends inclusive.
    expect(itemNos((await actions("/actions?from=2024-06-05&to=2024-07-15")).body.rows)).toEqual([11, 12, 13, 14, 16, 17, 18, 19]);
    expect(itemNos((await actions("/actions?to=2024-06-04&status=overdue")).body.rows)).toEqual([5, 6]);
  });

  it("answers an invalid value with 400 and says which, ignoring only that filter", async () => {
    const cases: [string, string, string][] = [
      ["?status=LATE", "status", "unknown"],
      ["?division=NOWHERE", "division", "unknown"],
      ["?district=GOTHAM", "district", "unknown"],
      ["?role=DGP", "role", "unknown"],
      ["?department=XYZ", "department", "unknown"],
      ["?meeting=abc", "meeting", "unknown"],
      ["?from=2024-02-30", "from", "badDate"],
      ["?to=yesterday", "to", "badDate"],
      ["?from=2024-07-01&to=2024-06-01", "to", "dateOrder"],
    ];
    for (const [query, field, error] of cases) {
      const { status, body } = await actions(`/actions${query}`);
      expect(status, query).toBe(400);
      expect(body.errors, query).toEqual({ [field]: error });
    }
    const bad = await actions("/actions?status=LATE&division=JPR");
    expect(bad.body.total).toBe(7); // the division still applies
  });
});

describe("/actions for an officer stays inside their scope", () => {
  it("ignores the place params, as it always ignored ?district=", async () => {
    for (const query of ["", "?division=JPR", "?district=JAIPUR", "?role=SP", "?department=DIPR", "?role=DEPARTMENT&division=BKN"]) {
      const { status, body } = await actions(`/actions${query}`, "ajmerCollector");
      expect(status, query).toBe(200);
      expect(body.errors, query).toEqual({});
      expect(itemNos(body.rows), query).toEqual([5, 9, 14]);
      expect(body.place, query).toBeNull();
    }
    const dipr = await actions("/actions?district=AJMER&role=COLLECTOR", "dipr");
    expect(itemNos(dipr.body.rows)).toEqual([11]);
  });

  it("still narrows their own items by status and meeting date", async () => {
    expect(itemNos((await actions("/actions?status=OVERDUE", "ajmerCollector")).body.rows)).toEqual([5]);
    expect(itemNos((await actions("/actions?status=PENDING", "ajmerCollector")).body.rows)).toEqual([14]);
    expect(itemNos((await actions("/actions?from=2024-06-01", "ajmerCollector")).body.rows)).toEqual([14]);
    const counts = (await actions("/actions", "ajmerCollector")).body.counts;
    expect(counts).toEqual({ ALL: 3, OVERDUE: 1, PENDING: 1, IN_PROGRESS: 0, COMPLETED: 1, VERIFIED: 0, NOT_APPLICABLE: 0 });
  });
});
