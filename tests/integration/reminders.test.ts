// The reminder and escalation ladder, driven by a clock the test sets: which notices a day's run
// makes, to whom, in which language, with which link; that a second run makes none; that the
// administrator's ladder applies; and the weekly digest.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getActionTakenReport } from "~/models/atr.server";
import { runDigests, runLadder } from "~/models/reminders.server";
import { addDays } from "~/utils/format";
import * as schema from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";

const t = useTestDatabase();
const TODAY = "2026-03-18"; // a Wednesday

type Users = Record<
  "collectorAjmer" | "spAjmer" | "collectorJaipur" | "commissionerAjmer" | "igAjmer" | "commissionerJaipur" | "secretariat" | "dipr" | "official",
  number
>;
let users: Users;
let items: Record<"dueIn3" | "dueToday" | "overdue7" | "overdue15" | "completedLate" | "dueIn10" | "diprToday" | "jaipur7", number>;

async function setLocale(userId: number, locale: "en" | "hi", email?: string) {
  await t
    .db()
    .insert(schema.noticePreferences)
    .values({ userId, locale, email: email ?? null });
}

beforeAll(async () => {
  const db = t.db();
  await importRajasthan(db);
  const u = {
    collectorAjmer: await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" }),
    spAjmer: await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "SP" }),
    collectorJaipur: await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "JAIPUR", districtRole: "COLLECTOR" }),
    commissionerAjmer: await createUser(db, { role: "DIVISION_OFFICER", divisionCode: "AJM", districtRole: "COLLECTOR" }),
    igAjmer: await createUser(db, { role: "DIVISION_OFFICER", divisionCode: "AJM", districtRole: "SP" }),
    commissionerJaipur: await createUser(db, { role: "DIVISION_OFFICER", divisionCode: "JPR", districtRole: "COLLECTOR" }),
    secretariat: await createUser(db, { role: "SECRETARIAT" }),
    dipr: await createUser(db, { role: "DEPARTMENT_OFFICER", departmentCode: "DIPR" }),
    official: await createUser(db, { role: "OFFICIAL" }),
  };
  users = Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v.id])) as Users;
  // A disabled Ajmer collector account must hear nothing.
  await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR", disabledAt: new Date() });
  await setLocale(users.collectorAjmer, "en");
  await setLocale(users.spAjmer, "hi");
  await setLocale(users.commissionerAjmer, "hi");
  await setLocale(users.secretariat, "en");

  const { items: made } = await createPublishedMeeting(db, {
    items: [
      { districtCode: "AJMER", districtRole: "COLLECTOR", dueDate: addDays(TODAY, 3) },
      { districtCode: "AJMER", districtRole: "SP", dueDate: TODAY },
      { districtCode: "BHILWARA", districtRole: "COLLECTOR", dueDate: addDays(TODAY, -7) },
      { districtCode: "NAGAUR", districtRole: "SP", dueDate: addDays(TODAY, -15) },
      { districtCode: "TONK", districtRole: "COLLECTOR", dueDate: addDays(TODAY, -15), status: "COMPLETED" },
      { districtCode: "BEAWAR", districtRole: "COLLECTOR", dueDate: addDays(TODAY, 10) },
      { departmentCode: "DIPR", dueDate: TODAY },
      { districtCode: "JAIPUR", districtRole: "COLLECTOR", dueDate: addDays(TODAY, -7) },
    ],
  });
  const [dueIn3, dueToday, overdue7, overdue15, completedLate, dueIn10, diprToday, jaipur7] = made.map((i) => i.id);
  items = { dueIn3, dueToday, overdue7, overdue15, completedLate, dueIn10, diprToday, jaipur7 };
});

async function allNotices() {
  return t.db().select().from(schema.notices).orderBy(schema.notices.id);
}

describe("a day's run of the ladder", () => {
  it("makes exactly the expected notices, to the right people, once each", async () => {
    const result = await runLadder({ today: TODAY });
    const notices = await allNotices();
    const got = notices.map((n) => `${n.kind} item=${n.actionItemId} user=${n.userId}`).sort();
    const expected = [
      `DUE_SOON item=${items.dueIn3} user=${users.collectorAjmer}`,
      `DUE_TODAY item=${items.dueToday} user=${users.spAjmer}`,
      `DUE_TODAY item=${items.diprToday} user=${users.dipr}`,
      `OVERDUE_DIVISION item=${items.overdue7} user=${users.commissionerAjmer}`,
      `OVERDUE_DIVISION item=${items.overdue15} user=${users.igAjmer}`,
      `OVERDUE_DIVISION item=${items.jaipur7} user=${users.commissionerJaipur}`,
      `OVERDUE_ESCALATED item=${items.overdue15} user=${users.secretariat}`,
    ].sort();
    expect(got).toEqual(expected);
    expect(result.created).toEqual({ DUE_SOON: 1, DUE_TODAY: 2, OVERDUE_DIVISION: 3, OVERDUE_ESCALATED: 1, DIGEST: 0 });
    // Nobody outside an item's scope: no official, no other district's collector, no one for the completed or far items.
    const recipients = new Set(notices.map((n) => n.userId));
    for (const outsider of [users.official, users.collectorJaipur]) expect(recipients.has(outsider)).toBe(false);
    const itemsTold = new Set(notices.map((n) => n.actionItemId));
    expect(itemsTold.has(items.completedLate)).toBe(false);
    expect(itemsTold.has(items.dueIn10)).toBe(false);
  });

  it("writes each message in the recipient's language, with a link straight to the item", async () => {
    const notices = await allNotices();
    const byKind = (kind: string, user: number) => notices.find((n) => n.kind === kind && n.userId === user)!;
    const soon = byKind("DUE_SOON", users.collectorAjmer);
    expect(soon.locale).toBe("en");
    expect(soon.subject).toBe("Due in 3 days: 1. Publicise the cyber helpline 1930");
    expect(soon.body).toContain("Ajmer · Collector");
    expect(soon.body).toContain("21 Mar 2026");
    expect(soon.link).toBe(`/actions/${items.dueIn3}`);

    const today = byKind("DUE_TODAY", users.spAjmer);
    expect(today.locale).toBe("hi");
    expect(today.subject).toBe("आज नियत: 1. साइबर हेल्पलाइन 1930 का प्रचार करें");
    expect(today.body).toContain("अजमेर");
    expect(today.link).toBe(`/actions/${items.dueToday}`);

    const division = byKind("OVERDUE_DIVISION", users.commissionerAjmer);
    expect(division.subject).toMatch(/^आपके संभाग में 7 दिन विलंबित/);
    // Nobody chose a language: Hindi, the state's language, is the default.
    expect(byKind("OVERDUE_DIVISION", users.igAjmer).subject).toMatch(/^आपके संभाग में 15 दिन विलंबित/);
    expect(byKind("OVERDUE_ESCALATED", users.secretariat).subject).toMatch(/^Escalated, 15 days overdue/);
    // Every notice is delivered in the app; nobody is emailed without a queue and an address.
    const deliveries = await t.db().select().from(schema.noticeDeliveries);
    expect(deliveries.map((d) => `${d.channel}:${d.status}`)).toEqual(notices.map(() => "IN_APP:SENT"));
  });

  it("shows the escalated mark on the ATR's line of that item, and on no other", async () => {
    const [official] = await t.db().select().from(schema.users).where(eq(schema.users.id, users.official));
    const [item] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, items.overdue15));
    const report = await getActionTakenReport(official, item.meetingId, TODAY);
    const lines = report!.directives.flatMap((d) => d.lines);
    expect(lines.filter((l) => l.escalated).map((l) => l.id)).toEqual([items.overdue15]);
  });

  it("marks the 15-days-overdue item escalated, and only that one", async () => {
    const rows = await t.db().select({ id: schema.actionItems.id, escalatedAt: schema.actionItems.escalatedAt }).from(schema.actionItems);
    expect(rows.filter((r) => r.escalatedAt !== null).map((r) => r.id)).toEqual([items.overdue15]);
  });

  it("makes nothing more when run again the same day or the next", async () => {
    const before = (await allNotices()).length;
    const again = await runLadder({ today: TODAY });
    const nextDay = await runLadder({ today: addDays(TODAY, 1) });
    expect(Object.values(again.created).reduce((a, b) => a + b, 0)).toBe(0);
    expect(Object.values(nextDay.created).reduce((a, b) => a + b, 0)).toBe(0);
    expect(again.escalated + nextDay.escalated).toBe(0);
    expect((await allNotices()).length).toBe(before);
  });

  it("reminds on the due date itself when the clock reaches it, and escalates when 15 days pass", async () => {
    const dueDay = await runLadder({ today: addDays(TODAY, 3) });
    expect(dueDay.created).toMatchObject({ DUE_TODAY: 1, OVERDUE_ESCALATED: 0 });
    const [n] = await t
      .db()
      .select()
      .from(schema.notices)
      .where(sql`${schema.notices.kind} = 'DUE_TODAY' AND ${schema.notices.actionItemId} = ${items.dueIn3}`);
    expect(n.userId).toBe(users.collectorAjmer);
    // Bhilwara's collector item (7 days overdue today) reaches 15 days eight days on.
    const later = await runLadder({ today: addDays(TODAY, 8) });
    expect(later.created.OVERDUE_ESCALATED).toBeGreaterThanOrEqual(1);
    const escalated = await t
      .db()
      .select({ id: schema.actionItems.id })
      .from(schema.actionItems)
      .where(sql`${schema.actionItems.escalatedAt} IS NOT NULL`);
    expect(escalated.map((r) => r.id)).toContain(items.overdue7);
  });

  it("follows the administrator's ladder: a step moved or switched off", async () => {
    const db = t.db();
    const { items: made } = await createPublishedMeeting(db, {
      items: [
        { districtCode: "TONK", districtRole: "COLLECTOR", dueDate: addDays(TODAY, -5) },
        { districtCode: "TONK", districtRole: "SP", dueDate: addDays(TODAY, 2) },
      ],
    });
    await db.update(schema.ladderSteps).set({ offsetDays: 5 }).where(eq(schema.ladderSteps.step, "OVERDUE_DIVISION"));
    await db.update(schema.ladderSteps).set({ enabled: false }).where(eq(schema.ladderSteps.step, "DUE_SOON"));
    try {
      await runLadder({ today: TODAY });
      const told = await db
        .select()
        .from(schema.notices)
        .where(sql`${schema.notices.actionItemId} IN (${made[0].id}, ${made[1].id})`);
      expect(told.map((n) => `${n.kind}:${n.actionItemId}:${n.userId}`)).toEqual([`OVERDUE_DIVISION:${made[0].id}:${users.commissionerAjmer}`]);
    } finally {
      await db.update(schema.ladderSteps).set({ offsetDays: 7 }).where(eq(schema.ladderSteps.step, "OVERDUE_DIVISION"));
      await db.update(schema.ladderSteps).set({ enabled: true }).where(eq(schema.ladderSteps.step, "DUE_SOON"));
    }
  });
});

describe("the weekly digest", () => {
  it("tells each officer their open, due-soon and overdue items once a week, in their language", async () => {
    const monday = "2026-03-23";
    const created = await runDigests({ today: monday });
    const digests = await t.db().select().from(schema.notices).where(eq(schema.notices.kind, "DIGEST"));
    expect(created).toBe(digests.length);
    const recipients = digests.map((d) => d.userId).sort((a, b) => a - b);
    // Officers only: district, department and division officers (not the official or the secretariat).
    expect(recipients).toEqual(
      [users.collectorAjmer, users.spAjmer, users.collectorJaipur, users.commissionerAjmer, users.igAjmer, users.commissionerJaipur, users.dipr].sort(
        (a, b) => a - b,
      ),
    );
    const collector = digests.find((d) => d.userId === users.collectorAjmer)!;
    // Ajmer's collector: one open item, due 21 March — overdue by the 23rd.
    expect(collector.subject).toBe("Your week: 1 open, 0 due soon, 1 overdue");
    expect(collector.link).toBe("/actions");
    const ig = digests.find((d) => d.userId === users.igAjmer)!;
    expect(ig.locale).toBe("hi");
    expect(ig.link).toBe("/division");
    // Later in the same week: nothing more; a user who turned the digest off gets none next week.
    expect(await runDigests({ today: "2026-03-26" })).toBe(0);
    await t.db().update(schema.noticePreferences).set({ digestFrequency: "OFF" }).where(eq(schema.noticePreferences.userId, users.spAjmer));
    await runDigests({ today: "2026-03-30" });
    const next = await t
      .db()
      .select()
      .from(schema.notices)
      .where(sql`${schema.notices.kind} = 'DIGEST' AND ${schema.notices.forDate} = '2026-03-30'`);
    expect(next.map((d) => d.userId)).not.toContain(users.spAjmer);
    expect(next.map((d) => d.userId)).toContain(users.collectorAjmer);
  });
});
