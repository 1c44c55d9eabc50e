// The review cycle (issue 10) against hand-counted fixtures: carry-over keeps one set of items; the brief's
// figures (overdue with days, returned, no update in 15 days, then → now, best and worst); grades ignore items
// not yet due; the chair and series filters list one office per entry. "Today" is 2024-08-01 (IST).
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { ActionStatus, HistoryKind } from "../../db/schema";
import { seedSeries } from "../../db/seed-series";
import { getBrief } from "~/models/brief.server";
import {
  closeCarriedDirective,
  listCarryCandidates,
  listReviewedDirectives,
  reissueCarriedDirective,
  saveReviewedDirectives,
} from "~/models/carry-over.server";
import type { ComplianceViewer } from "~/models/compliance-filters.server";
import { getDistrictRanking, getHeadline } from "~/models/compliance.server";
import { getGradeExplanation } from "~/models/grade.server";
import { listMeetings } from "~/models/meeting-list.server";
import { compareSeriesMeetings } from "~/models/series-compare.server";
import { listChairOffices, listSeries } from "~/models/series.server";
import { selectRows } from "~/models/sql.server";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { historyRowsOf, ist } from "../support/factories-compliance";
import { createUser, departmentByCode, districtByCode, importRajasthan } from "../support/factories";

const { db } = useTestDatabase();
const TODAY = "2024-08-01";
const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
let secretariat: Viewer;

type Event = [at: string, kind: HistoryKind, to: ActionStatus, extra?: { fromDue?: string; toDue?: string }];
interface Spec {
  key: string;
  directive: "D0" | "D1" | "D2";
  district?: string;
  department?: string;
  due: string;
  events: Event[];
}

// Series CS_MONTHLY_VC: O (1 Apr) → P (1 Jun) → M (25 Jul, the brief's meeting). M reviews D0 (of O) and D1 (of P).
const O = "2024-04-01 17:00";
const P = "2024-06-01 17:00";
const M = "2024-07-25 17:00";
const SPECS: Spec[] = [
  // Overdue 42 days; pending since P; never reported. Not overdue at P (due 20 Jun): newly overdue.
  { key: "i1", directive: "D1", district: "JAIPUR", due: "2024-06-20", events: [[P, "CREATED", "PENDING"]] },
  // Completed after P, then verified: newly completed.
  {
    key: "i2",
    directive: "D1",
    district: "JAIPUR",
    due: "2024-06-20",
    events: [
      [P, "CREATED", "PENDING"],
      ["2024-06-15 11:00", "STATUS_CHANGED", "COMPLETED"],
      ["2024-06-18 11:00", "VERIFIED", "VERIFIED"],
    ],
  },
  // Reported completed, returned, a remark 7 days ago: returned, overdue 42 days, newly overdue, not silent.
  {
    key: "i3",
    directive: "D1",
    district: "ALWAR",
    due: "2024-06-20",
    events: [
      [P, "CREATED", "PENDING"],
      ["2024-06-10 11:00", "STATUS_CHANGED", "COMPLETED"],
      ["2024-06-12 11:00", "RETURNED", "IN_PROGRESS"],
      ["2024-07-25 11:00", "REMARK", "IN_PROGRESS"],
    ],
  },
  // Started, then extended to 10 Aug: not yet due (its grade is "not yet due"); last report 3 Jun: silent 59 days.
  {
    key: "i4",
    directive: "D1",
    district: "AJMER",
    due: "2024-08-10",
    events: [
      [P, "CREATED", "PENDING"],
      ["2024-06-03 11:00", "STATUS_CHANGED", "IN_PROGRESS"],
      ["2024-06-04 11:00", "EXTENSION_GRANTED", "IN_PROGRESS", { fromDue: "2024-06-05", toDue: "2024-08-10" }],
    ],
  },
  // Overdue 93 days, already overdue at P; a remark 12 days ago.
  {
    key: "i5",
    directive: "D0",
    district: "BIKANER",
    due: "2024-04-30",
    events: [
      [O, "CREATED", "PENDING"],
      ["2024-07-20 11:00", "REMARK", "PENDING"],
    ],
  },
  // Completed before P: done then and now.
  {
    key: "i6",
    directive: "D0",
    district: "CHURU",
    due: "2024-04-30",
    events: [
      [O, "CREATED", "PENDING"],
      ["2024-04-20 11:00", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  // M's own directive, due 1 Sep: did not exist at P; open, not yet due, created 7 days ago (not silent).
  { key: "i7", directive: "D2", department: "DIPR", due: "2024-09-01", events: [[M, "CREATED", "PENDING"]] },
];

const ids = {
  meetings: {} as Record<"O" | "P" | "M" | "X", number>,
  directives: {} as Record<Spec["directive"], number>,
  items: {} as Record<string, number>,
};

beforeAll(async () => {
  await importRajasthan(db());
  secretariat = (await createUser(db(), { role: "SECRETARIAT" })) as unknown as Viewer;
  await db().transaction(async (tx) => {
    const meeting = async (at: string, chairEn: string, chairHi: string) => {
      const date = at.slice(0, 10);
      const [row] = await tx
        .insert(schema.meetings)
        .values({
          titleEn: `Review of ${date}`,
          titleHi: `${date} की समीक्षा`,
          meetingDate: date,
          chairEn,
          chairHi,
          status: "PUBLISHED",
          publishedAt: ist(at),
        })
        .returning();
      return row.id;
    };
    // Three spellings of one office, and another office's meeting.
    ids.meetings.O = await meeting(O, "Chief Secretary", "मुख्य सचिव");
    ids.meetings.P = await meeting(P, "chief  secretary ", "");
    ids.meetings.M = await meeting(M, "", "मुख्य सचिव");
    ids.meetings.X = await meeting("2024-05-01 17:00", "Chief Minister", "मुख्यमंत्री");
    const directive = async (meetingId: number, dueDate: string, textEn: string) =>
      (await tx.insert(schema.directives).values({ meetingId, number: 1, textEn, dueDate }).returning())[0].id;
    ids.directives.D0 = await directive(ids.meetings.O, "2024-04-30", "Publicise helpline 1930");
    ids.directives.D1 = await directive(ids.meetings.P, "2024-06-20", "Set up reception rooms");
    ids.directives.D2 = await directive(ids.meetings.M, "2024-09-01", "Run the awareness campaign");
    const meetingOf = { D0: ids.meetings.O, D1: ids.meetings.P, D2: ids.meetings.M };
    for (const spec of SPECS) {
      const district = spec.district ? await districtByCode(tx, spec.district) : null;
      const department = spec.department ? await departmentByCode(tx, spec.department) : null;
      const events = spec.events.map(([at, kind, to, extra]) => ({ at: ist(at), kind, to, extra }));
      const last = events[events.length - 1];
      const firstDone = events.find((e) => e.to === "COMPLETED");
      const [item] = await tx
        .insert(schema.actionItems)
        .values({
          directiveId: ids.directives[spec.directive],
          meetingId: meetingOf[spec.directive],
          districtId: district?.id ?? null,
          divisionId: district?.divisionId ?? null,
          // Two items of Jaipur: one per role.
          districtRole: district ? (spec.key === "i2" ? "SP" : "COLLECTOR") : null,
          departmentId: department?.id ?? null,
          status: last.to,
          dueDate: spec.due,
          originalDueDate: events.find((e) => e.extra?.fromDue)?.extra?.fromDue ?? spec.due,
          firstCompletedAt: firstDone?.at ?? null,
          completedAt: firstDone?.at ?? null,
          verifiedAt: events.find((e) => e.kind === "VERIFIED")?.at ?? null,
          version: events.length,
          createdAt: events[0].at,
          updatedAt: last.at,
        })
        .returning();
      ids.items[spec.key] = item.id;
      await tx.insert(schema.actionItemHistory).values(historyRowsOf(item.id, events));
    }
    // Chair offices from the typed chairs, and the series of each office (as the demo seed does); no carrying yet.
    await seedSeries(tx, { carryLimit: 0 });
  });
});

const itemCount = async () => Number((await selectRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM action_items`, db()))[0].n);

describe("chair offices and series", () => {
  it("map every spelling of a chair to one office, and the filters list it once", async () => {
    const offices = await listChairOffices(secretariat);
    expect(offices.map((o) => o.code)).toEqual(["CM", "CS"]);
    const cs = await listMeetings(secretariat, { chair: "CS" }, TODAY);
    expect(cs.rows.map((r) => r.id).sort()).toEqual([ids.meetings.O, ids.meetings.P, ids.meetings.M].sort());
    const series = await listSeries(secretariat);
    expect(series.find((s) => s.code === "CS_MONTHLY_VC")).toMatchObject({ officeCode: "CS", meetings: 3 });
    const inSeries = await listMeetings(secretariat, { series: "CS_MONTHLY_VC" }, TODAY);
    expect(inSeries.total).toBe(3);
    expect((await listMeetings(secretariat, { series: "CM_VC" }, TODAY)).rows.map((r) => r.id)).toEqual([ids.meetings.X]);
  });
});

describe("carry-over", () => {
  it("offers the still-open directives of earlier meetings of the series, with open count, age and times carried", async () => {
    const candidates = await listCarryCandidates(secretariat, {
      seriesCode: "CS_MONTHLY_VC",
      meetingId: ids.meetings.M,
      meetingDate: "2024-07-25",
      today: TODAY,
    });
    expect(candidates.map((c) => c.directiveId)).toEqual([ids.directives.D0, ids.directives.D1]);
    // D0: Bikaner open (overdue), Churu completed (awaiting verification). D1: i1, i3, i4 open; i1, i3 overdue.
    expect(candidates[0]).toMatchObject({ open: 1, overdue: 1, awaitingVerification: 1, ageDays: 122, timesCarried: 0 });
    expect(candidates[1]).toMatchObject({ open: 3, overdue: 2, awaitingVerification: 0, ageDays: 61, timesCarried: 0 });
  });

  it("carrying adds a link, never items: the directive keeps its one set of items and history", async () => {
    const before = await itemCount();
    const historyBefore = await selectRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM action_item_history`, db());
    await db().transaction((tx) =>
      saveReviewedDirectives(secretariat, { meetingId: ids.meetings.M, directiveIds: [ids.directives.D0, ids.directives.D1] }, tx),
    );
    // Saved again (the editor saves the whole list each time): still one link each.
    await db().transaction((tx) =>
      saveReviewedDirectives(secretariat, { meetingId: ids.meetings.M, directiveIds: [ids.directives.D0, ids.directives.D1] }, tx),
    );
    expect(await itemCount()).toBe(before);
    const historyAfter = await selectRows<{ n: number }>(sql`SELECT count(*)::int AS n FROM action_item_history`, db());
    expect(historyAfter[0].n).toBe(historyBefore[0].n);
    const reviewed = await listReviewedDirectives(official, ids.meetings.M, TODAY);
    expect(reviewed.map((r) => [r.directiveId, r.items, r.done, r.open, r.overdue, r.timesCarried])).toEqual([
      [ids.directives.D0, 2, 1, 1, 1, 1],
      [ids.directives.D1, 4, 1, 3, 2, 1],
    ]);
    // A later meeting of the series sees them carried once already.
    const later = await listCarryCandidates(secretariat, { seriesCode: "CS_MONTHLY_VC", meetingId: null, meetingDate: "2024-08-20", today: TODAY });
    expect(later.find((c) => c.directiveId === ids.directives.D1)?.timesCarried).toBe(1);
  });

  it("refuses a directive that is not of an earlier meeting of the series, and changes nothing", async () => {
    const otherSeries = await db().insert(schema.directives).values({ meetingId: ids.meetings.X, number: 1, textEn: "Other" }).returning();
    const result = await db()
      .transaction(async (tx) => {
        const r = await saveReviewedDirectives(secretariat, { meetingId: ids.meetings.M, directiveIds: [ids.directives.D0, otherSeries[0].id] }, tx);
        if (!r.ok) throw r;
        return r;
      })
      .catch((e) => e);
    expect(result).toEqual({ ok: false, reason: "not-candidate" });
    expect((await listReviewedDirectives(official, ids.meetings.M, TODAY)).length).toBe(2);
    await db().delete(schema.directives).where(eq(schema.directives.id, otherSeries[0].id));
  });
});

describe("the pre-review brief", () => {
  it("counts the escalated items among a place's overdue ones (issue 13)", async () => {
    await db()
      .update(schema.actionItems)
      .set({ escalatedAt: new Date("2024-07-15T04:00:00Z") })
      .where(eq(schema.actionItems.id, ids.items.i5));
    try {
      const brief = (await getBrief(official, ids.meetings.M, TODAY))!;
      expect(brief.totals.escalated).toBe(1);
      expect(brief.overdue.map((p) => [p.code, p.escalated])).toEqual([
        ["BIKANER", 1],
        ["ALWAR", 0],
        ["JAIPUR", 0],
      ]);
    } finally {
      await db().update(schema.actionItems).set({ escalatedAt: null }).where(eq(schema.actionItems.id, ids.items.i5));
    }
  });

  it("counts what was hand-counted", async () => {
    const brief = (await getBrief(official, ids.meetings.M, TODAY))!;
    expect(brief.previous?.meetingDate).toBe("2024-06-01");
    expect(brief.directives).toBe(3);
    expect(brief.carried).toBe(2);
    expect(brief.totals).toMatchObject({
      items: 7,
      applicable: 7,
      done: 2,
      overdue: 3,
      returned: 1,
      silentPlaces: 2,
      graded: 5,
      newlyCompleted: 1,
      newlyOverdue: 2,
      grade: "D",
    });
    // Then: the five items of D0 and D1 that existed at P's day's end; only Churu's was done.
    expect(brief.totals.thenCompletionRate).toBeCloseTo(1 / 6, 12);
    expect(brief.overdue.map((p) => [p.code, p.overdue, p.maxDaysOverdue])).toEqual([
      ["BIKANER", 1, 93],
      ["ALWAR", 1, 42],
      ["JAIPUR", 1, 42],
    ]);
    expect(brief.returned.map((p) => [p.code, p.returned])).toEqual([["ALWAR", 1]]);
    // No update in 15 days or more: Ajmer (last report 3 Jun) and Jaipur (15 Jun, its SP's completion).
    expect(brief.silent.map((p) => [p.code, p.daysSinceUpdate])).toEqual([
      ["AJMER", 59],
      ["JAIPUR", 47],
    ]);
    expect(brief.changes.map((p) => [p.code, p.then?.done, p.then?.applicable, p.done, p.applicable, p.newlyCompleted, p.newlyOverdue])).toEqual([
      ["ALWAR", 0, 1, 0, 1, 0, 1],
      ["JAIPUR", 0, 2, 1, 2, 1, 1],
    ]);
    // Churu and DIPR have nothing overdue, returned or silent: counted, not listed.
    expect(brief.fine).toBe(2);
    expect(brief.places).toBe(6);
    expect(brief.best.map((p) => [p.code, p.grade, p.then?.grade ?? null])).toEqual([
      ["CHURU", "A", "A"],
      ["JAIPUR", "C", null],
      ["ALWAR", "D", null],
      ["BIKANER", "D", "D"],
    ]);
    // Ajmer's one item is not yet due: not graded, so in neither list.
    expect([...brief.best, ...brief.worst].some((p) => p.code === "AJMER")).toBe(false);
  });

  it("equals the dashboard filtered to the directives under review", async () => {
    const brief = (await getBrief(official, ids.meetings.M, TODAY))!;
    const headline = await getHeadline(official, { reviewMeetingId: ids.meetings.M }, TODAY);
    expect([headline.items, headline.done, headline.overdue, headline.grade]).toEqual([
      brief.totals.items,
      brief.totals.done,
      brief.totals.overdue,
      brief.totals.grade,
    ]);
    expect(headline.completionRate).toBeCloseTo(brief.totals.completionRate!, 12);
  });

  it("shows a district officer only their own items", async () => {
    const jaipur = await districtByCode(db(), "JAIPUR");
    const brief = (await getBrief(
      { role: "DISTRICT_OFFICER", districtId: jaipur.id, districtRole: "COLLECTOR", departmentId: null },
      ids.meetings.M,
      TODAY,
    ))!;
    expect(brief.totals.items).toBe(1);
    expect(brief.overdue.map((p) => p.code)).toEqual(["JAIPUR"]);
  });
});

describe("fair grades", () => {
  it("leave items not yet due out: a district with nothing due is 'not yet due', not D", async () => {
    const ranking = await getDistrictRanking(official, { reviewMeetingId: ids.meetings.M }, TODAY);
    const ajmer = ranking.find((r) => r.code === "AJMER")!;
    expect(ajmer).toMatchObject({ applicable: 1, done: 0, graded: 0, grade: null, gradeRate: null });
    // Jaipur: 1 done of 2 due or done → 50 % → C (its completion rate is also 50 %).
    expect(ranking.find((r) => r.code === "JAIPUR")).toMatchObject({ graded: 2, grade: "C" });
    // Ranked last: no grade rate.
    expect(ranking[ranking.length - 1].code).toBe("AJMER");
  });

  it("explain themselves: the counts and the items that cost the most", async () => {
    const jaipur = await districtByCode(db(), "JAIPUR");
    const e = await getGradeExplanation(official, { reviewMeetingId: ids.meetings.M, districtId: jaipur.id }, TODAY);
    expect(e).toMatchObject({ done: 1, overdue: 1, notYetDue: 0, notApplicable: 0, graded: 2, grade: "C" });
    expect(e.costly.map((i) => [i.id, i.daysOverdue])).toEqual([[ids.items.i1, 42]]);
    const ajmer = await districtByCode(db(), "AJMER");
    const a = await getGradeExplanation(official, { reviewMeetingId: ids.meetings.M, districtId: ajmer.id }, TODAY);
    expect(a).toMatchObject({ done: 0, overdue: 0, notYetDue: 1, grade: null, costly: [] });
  });
});

describe("a district between two meetings of a series", () => {
  it("replays each figure as it stood at the end of each meeting's day", async () => {
    const jaipur = await districtByCode(db(), "JAIPUR");
    const c = await compareSeriesMeetings(official, {
      districtId: jaipur.id,
      seriesCode: "CS_MONTHLY_VC",
      fromDate: "2024-06-01",
      toDate: "2024-07-25",
    });
    expect(c.from).toMatchObject({ items: 2, applicable: 2, done: 0, overdue: 0 });
    // By 25 Jul: i2 verified (on time, 15 Jun ≤ 20 Jun); i1 overdue. M's own directive has no Jaipur item.
    expect(c.to).toMatchObject({ items: 2, done: 1, overdue: 1, duePassed: 2, onTime: 1 });
    // i2 changed twice between the two; i1 not at all.
    expect(c.changed).toBe(1);
  });
});

describe("closing and re-issuing a carried directive", () => {
  it("re-issues with a new due date: every open item, with a history row carrying the reason", async () => {
    const result = await reissueCarriedDirective(secretariat, {
      meetingId: ids.meetings.M,
      directiveId: ids.directives.D1,
      dueDate: "2024-08-31",
      reason: "Re-issued in the July review",
      today: TODAY,
    });
    expect(result).toEqual({ ok: true, affected: 3 });
    const rows = await selectRows<{ id: number; due: string; kind: string; remark: string; from_due: string }>(
      sql`
      SELECT a.id, to_char(a.due_date, 'YYYY-MM-DD') AS due, h.kind, h.remark, to_char(h.from_due_date, 'YYYY-MM-DD') AS from_due
      FROM action_items a JOIN action_item_history h ON h.action_item_id = a.id AND h.kind = 'DUE_DATE_CHANGED'
      WHERE a.directive_id = ${ids.directives.D1} ORDER BY a.id`,
      db(),
    );
    expect(rows.map((r) => [r.id, r.due, r.remark, r.from_due])).toEqual([
      [ids.items.i1, "2024-08-31", "Re-issued in the July review", "2024-06-20"],
      [ids.items.i3, "2024-08-31", "Re-issued in the July review", "2024-06-20"],
      [ids.items.i4, "2024-08-31", "Re-issued in the July review", "2024-08-10"],
    ]);
    const [i2] = await db().select().from(schema.actionItems).where(eq(schema.actionItems.id, ids.items.i2));
    expect(i2.dueDate).toBe("2024-06-20");
    expect(
      await reissueCarriedDirective(secretariat, {
        meetingId: ids.meetings.M,
        directiveId: ids.directives.D1,
        dueDate: "2024-07-01",
        reason: "x",
        today: TODAY,
      }),
    ).toEqual({ ok: false, reason: "due-in-past" });
  });

  it("closes: completed items verified, open ones not applicable, each with the reason; no longer offered", async () => {
    const result = await closeCarriedDirective(secretariat, {
      meetingId: ids.meetings.M,
      directiveId: ids.directives.D0,
      reason: "Closed by the CS",
    });
    expect(result).toEqual({ ok: true, affected: 2 });
    const items = await db().select().from(schema.actionItems).where(eq(schema.actionItems.directiveId, ids.directives.D0));
    expect(Object.fromEntries(items.map((i) => [i.id, i.status]))).toEqual({ [ids.items.i5]: "NOT_APPLICABLE", [ids.items.i6]: "VERIFIED" });
    const history = await selectRows<{ n: number }>(
      sql`
      SELECT count(*)::int AS n FROM action_item_history h JOIN action_items a ON a.id = h.action_item_id
      WHERE a.directive_id = ${ids.directives.D0} AND h.remark = 'Closed by the CS'`,
      db(),
    );
    expect(history[0].n).toBe(2);
    const candidates = await listCarryCandidates(secretariat, {
      seriesCode: "CS_MONTHLY_VC",
      meetingId: null,
      meetingDate: "2024-08-20",
      today: TODAY,
    });
    expect(candidates.map((c) => c.directiveId)).toEqual([ids.directives.D1, ids.directives.D2]);
    expect(await closeCarriedDirective(secretariat, { meetingId: ids.meetings.M, directiveId: ids.directives.D0, reason: "again" })).toEqual({
      ok: false,
      reason: "closed",
    });
    // Not under review in this meeting: refused, nothing changed.
    expect(await closeCarriedDirective(secretariat, { meetingId: ids.meetings.P, directiveId: ids.directives.D1, reason: "x" })).toEqual({
      ok: false,
      reason: "not-found",
    });
  });
});
