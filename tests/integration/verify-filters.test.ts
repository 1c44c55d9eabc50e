// The verification queue at scale: filters by meeting, series, division, district, department and reported
// on time or late, each option with its count under the other filters, and accepting every item of
// a filtered queue at once — refused, with nothing accepted, if the queue changed meanwhile.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan, itemOfficers } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let cookie: string;
let meetingA: number;
let meetingB: number;
const officerFor = itemOfficers(() => t.db());

interface LoaderData {
  queue: { total: number; items: { id: number; districtEn: string | null; departmentEn: string | null }[] };
  facets: {
    meetings: { value: string; n: number }[];
    series: { value: string; labelEn: string; n: number }[];
    divisions: { value: string; n: number }[];
    districts: { value: string; n: number }[];
    departments: { value: string; n: number }[];
    status: { ON_TIME: number; LATE: number };
    totals: Record<string, number>;
  };
}

async function report(items: (typeof schema.actionItems.$inferSelect)[], at: Date) {
  for (const item of items) {
    const result = await changeActionItemStatus(await officerFor(item), {
      actionItemId: item.id,
      expectedVersion: item.version,
      toStatus: "COMPLETED",
      remark: "कार्य पूर्ण",
      at,
    });
    if (!result.ok) throw new Error(result.reason);
  }
}

async function load(query: string): Promise<LoaderData> {
  const response = await callRoute(verifyLoader as never, getRequest(`/verify${query}`, { cookie }));
  return (await response.json()) as LoaderData;
}

beforeAll(async () => {
  await importRajasthan(t.db());
  const secretariat: Viewer = await createUser(t.db(), { role: "SECRETARIAT" });
  cookie = await sessionCookieFor(secretariat.id);
  // Meeting A: Ajmer, Jaipur and Kota collectors; due long ago, so reported late.
  const a = await createPublishedMeeting(t.db(), {
    dueDate: "2024-01-20",
    items: [
      { districtCode: "AJMER", status: "IN_PROGRESS" },
      { districtCode: "JAIPUR", status: "IN_PROGRESS" },
      { districtCode: "KOTA", status: "IN_PROGRESS" },
    ],
  });
  // Meeting B: the Alwar collector and DIPR; due far ahead, so on time.
  const b = await createPublishedMeeting(t.db(), {
    dueDate: "2099-01-01",
    items: [
      { districtCode: "ALWAR", status: "IN_PROGRESS" },
      { departmentCode: "DIPR", status: "IN_PROGRESS" },
    ],
  });
  meetingA = a.meeting.id;
  meetingB = b.meeting.id;
  // Meeting A is one of the Chief Secretary's monthly VCs; B belongs to no series.
  const [office] = await t.db().select().from(schema.offices).where(eq(schema.offices.code, "CS"));
  const [series] = await t
    .db()
    .insert(schema.meetingSeries)
    .values({ code: "CS_TEST_VC", nameEn: "CS monthly VC", nameHi: "मुख्य सचिव की मासिक वीसी", chairOfficeId: office.id })
    .returning();
  await t.db().update(schema.meetings).set({ seriesId: series.id }).where(eq(schema.meetings.id, meetingA));
  await report(a.items, new Date("2024-02-01T06:00:00Z"));
  await report(b.items, new Date("2024-02-02T06:00:00Z"));
});

describe("/verify filters", () => {
  it("counts every option under the other filters", async () => {
    const all = await load("");
    expect(all.queue.total).toBe(5);
    expect(all.facets.meetings).toEqual(
      expect.arrayContaining([{ value: String(meetingA), n: 3, labelEn: expect.any(String), labelHi: expect.any(String) }]),
    );
    expect(all.facets.status).toEqual({ ON_TIME: 2, LATE: 3 });
    expect(Object.fromEntries(all.facets.divisions.map((d) => [d.value, d.n]))).toEqual({ AJM: 1, JPR: 2, KOT: 1 });
    expect(all.facets.departments.map((d) => [d.value, d.n])).toEqual([["DIPR", 1]]);
    // "All" counts every waiting item, also those without a department or a district.
    expect(all.facets.totals).toEqual({ meeting: 5, series: 5, division: 5, district: 5, department: 5 });
    // A series lists the items of all its meetings; meetings outside any series are counted in "All" only.
    expect(all.facets.series.map((o) => [o.value, o.labelEn, o.n])).toEqual([["CS_TEST_VC", "CS monthly VC", 3]]);

    // Choosing Jaipur division narrows the districts and the meetings, not the divisions themselves.
    const jaipur = await load("?division=JPR");
    expect(jaipur.queue.total).toBe(2);
    expect(jaipur.queue.items.map((i) => i.districtEn).sort()).toEqual(["Alwar", "Jaipur"]);
    expect(Object.fromEntries(jaipur.facets.districts.map((d) => [d.value, d.n]))).toEqual({ ALWAR: 1, JAIPUR: 1 });
    expect(jaipur.facets.divisions.length).toBe(3);
    expect(jaipur.facets.status).toEqual({ ON_TIME: 1, LATE: 1 });
    expect(jaipur.facets.series.map((o) => [o.value, o.n])).toEqual([["CS_TEST_VC", 1]]);

    // Choosing the series narrows the other facets to its meetings' items.
    const cs = await load("?series=cs_test_vc");
    expect(cs.queue.total).toBe(3);
    expect(cs.facets.status).toEqual({ ON_TIME: 0, LATE: 3 });
    expect(cs.facets.departments).toEqual([]);
    expect(cs.facets.totals.series).toBe(5);
  });

  it.each([
    [`?meeting=MEETING_A`, 3],
    [`?district=KOTA`, 1],
    [`?department=DIPR`, 1],
    [`?status=LATE`, 3],
    [`?status=ON_TIME&meeting=MEETING_B`, 2],
    [`?district=NOWHERE`, 0],
    [`?series=CS_TEST_VC&district=KOTA`, 1],
    [`?series=NO_SUCH_SERIES`, 0],
  ])("%s shows %i", async (query, n) => {
    const data = await load(query.replace("MEETING_A", String(meetingA)).replace("MEETING_B", String(meetingB)));
    expect(data.queue.total).toBe(n);
    expect(data.queue.items).toHaveLength(n);
  });

  it("accepts every item of the filtered set, and only those", async () => {
    const refused = await callRoute(
      verifyAction as never,
      postRequest("/verify", { intent: "accept-filtered", meeting: String(meetingA), status: "LATE", expected: "2" }, { cookie }),
    );
    // The secretariat saw 2, there are 3: nothing is accepted.
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toContain("notice=changed");
    expect((await load(`?meeting=${meetingA}`)).queue.total).toBe(3);

    const response = await callRoute(
      verifyAction as never,
      postRequest("/verify", { intent: "accept-filtered", meeting: String(meetingA), status: "LATE", expected: "3" }, { cookie }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/done=accepted&n=3/);
    const verified = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.meetingId, meetingA));
    expect(verified.map((i) => i.status)).toEqual(["VERIFIED", "VERIFIED", "VERIFIED"]);
    const left = await load("");
    expect(left.queue.total).toBe(2);
  });
});
