// Correcting published minutes (issue 11 item 5, decision 022), as an auditor checks it: a corrected
// directive's old and new text and reason in every live item's history, the officers who answer for
// those items told (and nobody else), a directive added after publishing with its items created as
// publishing creates them, publishing only the number of items the secretariat confirmed, and deleting
// drafts only — each refused to anyone but the secretariat, each leaving an audit row.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { ComplianceViewer } from "~/models/compliance-filters.server";
import { getWeeklyTrend } from "~/models/compliance-trend.server";
import { deleteDraftMeeting, previewPublish, publishConfirmed } from "~/models/draft-actions.server";
import { insertAssigneeLine } from "~/models/published-changes.server";
import { addPublishedDirective, correctDirectiveText, listCorrectionsForItem } from "~/models/published-corrections.server";
import { withdrawDirective } from "~/models/publish.server";
import { selectRows } from "~/models/sql.server";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, districtByCode, importRajasthan } from "../support/factories";

const t = useTestDatabase();
const origin = { ip: null, userAgent: null };
let secretariat: Viewer;
let collectorAjmer: Viewer;
let collectorJaipur: Viewer;
let dipr: Viewer;
let spAjmer: Viewer;
let collectorKota: Viewer;
let published: Awaited<ReturnType<typeof createPublishedMeeting>>;

beforeAll(async () => {
  const db = t.db();
  await importRajasthan(db);
  secretariat = await createUser(db, { role: "SECRETARIAT" });
  const ajmer = await districtByCode(db, "AJMER");
  collectorAjmer = await createUser(db, { role: "DISTRICT_OFFICER", districtId: ajmer.id, districtRole: "COLLECTOR" });
  collectorJaipur = await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "JAIPUR", districtRole: "COLLECTOR" });
  dipr = await createUser(db, { role: "DEPARTMENT_OFFICER", departmentCode: "DIPR" });
  spAjmer = await createUser(db, { role: "DISTRICT_OFFICER", districtId: ajmer.id, districtRole: "SP" });
  collectorKota = await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "KOTA", districtRole: "COLLECTOR" });
  published = await createPublishedMeeting(db, {
    meetingDate: "2024-03-01",
    dueDate: "2024-04-30",
    items: [{ districtCode: "AJMER" }, { districtCode: "JAIPUR" }, { departmentCode: "DIPR" }],
  });
});

const historyOf = (id: number) =>
  t.db().select().from(schema.actionItemHistory).where(eq(schema.actionItemHistory.actionItemId, id)).orderBy(schema.actionItemHistory.version);
const auditOf = (action: string) => t.db().select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
const noticesOf = (userId: number) =>
  t
    .db()
    .select()
    .from(schema.notices)
    .where(and(eq(schema.notices.userId, userId), eq(schema.notices.kind, "DIRECTIVE_CORRECTED")));

async function districtsInAjmerDivision() {
  const [{ n }] = await selectRows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM districts t JOIN divisions v ON v.id = t.division_id WHERE v.code = 'AJM'`,
  );
  return Number(n);
}

async function draftMeeting(title: string) {
  const db = t.db();
  const [meeting] = await db
    .insert(schema.meetings)
    .values({ titleEn: title, titleHi: "प्रारूप बैठक", meetingDate: "2024-05-02", status: "DRAFT" })
    .returning();
  const [d1] = await db
    .insert(schema.directives)
    .values({ meetingId: meeting.id, number: 1, textHi: "सभी जिलों में शिविर लगाएँ", dueDate: "2024-06-01" })
    .returning();
  const [d2] = await db
    .insert(schema.directives)
    .values({ meetingId: meeting.id, number: 2, textEn: "Publicise the camps", dueInDays: 10 })
    .returning();
  await insertAssigneeLine(db, d1.id, {
    kind: "district-role",
    districtRole: "COLLECTOR",
    scope: "DIVISIONS",
    divisionCodes: ["AJM"],
    districtCodes: [],
  });
  await insertAssigneeLine(db, d2.id, { kind: "department", departmentCode: "DIPR" });
  return meeting;
}

describe("correcting a published directive's text", () => {
  const correction = () => ({
    meetingId: published.meeting.id,
    directiveId: published.directive.id,
    textEn: "Publicise the cyber helpline 1930 in every school",
    textHi: "साइबर हेल्पलाइन 1930 का हर विद्यालय में प्रचार करें",
    reason: "कार्यवृत्त में 'विद्यालय' छूट गया था / 'schools' was left out of the minutes",
  });

  it("is refused to officers, and when nothing changes", async () => {
    expect(await correctDirectiveText(collectorAjmer, correction())).toEqual({ ok: false, reason: "not-found" });
    const same = { ...correction(), textEn: published.directive.textEn, textHi: published.directive.textHi };
    expect(await correctDirectiveText(secretariat, same)).toEqual({ ok: false, reason: "unchanged" });
    expect(await t.db().select().from(schema.directiveCorrections)).toEqual([]);
  });

  it("keeps old and new text and the reason, writes a TEXT_CORRECTED row on every live item and tells only their officers", async () => {
    const at = new Date("2024-03-05T06:00:00Z");
    const result = await correctDirectiveText(secretariat, { ...correction(), at, origin });
    expect(result).toMatchObject({ ok: true, items: 3, notified: 3 });

    const [directive] = await t.db().select().from(schema.directives).where(eq(schema.directives.id, published.directive.id));
    expect([directive.textEn, directive.textHi]).toEqual([correction().textEn, correction().textHi]);
    const [kept] = await t.db().select().from(schema.directiveCorrections);
    expect(kept).toMatchObject({
      oldTextEn: "Publicise the cyber helpline 1930",
      oldTextHi: "साइबर हेल्पलाइन 1930 का प्रचार करें",
      newTextEn: correction().textEn,
      reason: correction().reason,
      actorId: secretariat.id,
    });
    for (const item of published.items) {
      const rows = await historyOf(item.id);
      const last = rows[rows.length - 1];
      expect(last).toMatchObject({
        kind: "TEXT_CORRECTED",
        fromStatus: "PENDING",
        toStatus: "PENDING",
        remark: correction().reason,
        version: 2,
        actorId: secretariat.id,
        directiveCorrectionId: kept.id,
      });
      expect(last.at.getTime()).toBe(at.getTime());
    }

    // Each officer who answers for an item: one notice, in Hindi (no preference set), linking to their own item.
    const byItem = new Map(published.items.map((i) => [i.districtId ?? i.departmentId, i.id]));
    for (const [officer, key] of [
      [collectorAjmer, (await districtByCode(t.db(), "AJMER")).id],
      [collectorJaipur, (await districtByCode(t.db(), "JAIPUR")).id],
      [dipr, dipr.departmentId],
    ] as const) {
      const notices = await noticesOf(officer.id);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ link: `/actions/${byItem.get(key!)}`, locale: "hi" });
      expect(notices[0].subject).toBe("निर्देश 1 में सुधार: परीक्षण समीक्षा बैठक");
      expect(notices[0].body).toContain("हर विद्यालय");
      expect(notices[0].body).toContain(correction().reason);
    }
    expect(await noticesOf(spAjmer.id)).toEqual([]);
    expect(await noticesOf(collectorKota.id)).toEqual([]);

    // The item page's correction: its officer sees it, an officer of another district cannot read the item at all.
    const ajmerItem = published.items[0];
    const seen = await listCorrectionsForItem(collectorAjmer, ajmerItem.id);
    expect(seen.map((c) => [c.oldTextHi, c.newTextHi, c.reason])).toEqual([[kept.oldTextHi, kept.newTextHi, kept.reason]]);
    expect(await listCorrectionsForItem(collectorKota, ajmerItem.id)).toEqual([]);

    const [audit] = await auditOf("meeting.correct-text");
    expect(audit).toMatchObject({ actorId: secretariat.id, targetType: "directive", targetId: String(published.directive.id) });

    // A status change does not move the weekly trend: the summary still equals the replay.
    const official: ComplianceViewer = { role: "OFFICIAL", districtId: null, districtRole: null, departmentId: null };
    expect(await getWeeklyTrend(official, {}, "2024-03-10")).toEqual(await getWeeklyTrend(official, {}, "2024-03-10", { replay: true }));
  });

  it("leaves a withdrawn directive alone, and the corrections table is append-only", async () => {
    const other = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER" }] });
    await withdrawDirective(secretariat, { meetingId: other.meeting.id, directiveId: other.directive.id, reason: "दोहराव" });
    const refused = await correctDirectiveText(secretariat, {
      meetingId: other.meeting.id,
      directiveId: other.directive.id,
      textEn: "x",
      textHi: "य",
      reason: "r",
    });
    expect(refused).toEqual({ ok: false, reason: "directive-withdrawn" });
    await expect(t.db().execute(sql`UPDATE directive_corrections SET reason = 'changed'`)).rejects.toThrow();
    await expect(t.db().execute(sql`DELETE FROM directive_corrections`)).rejects.toThrow();
  });
});

describe("adding a directive to a published meeting", () => {
  const input = () => ({
    meetingId: published.meeting.id,
    textEn: "Hold a cyber-safety camp in every block",
    textHi: "हर ब्लॉक में साइबर सुरक्षा शिविर लगाएँ",
    categoryCode: "CYBER",
    priority: "HIGH" as const,
    dueDate: "2024-05-31",
    assignee: {
      kind: "district-role" as const,
      districtRole: "COLLECTOR" as const,
      scope: "DIVISIONS" as const,
      divisionCodes: ["AJM"],
      districtCodes: [],
    },
    reason: "बैठक में मौखिक रूप से दिया गया निर्देश छूट गया था",
  });

  it("creates its items for the assigned districts as publishing does, with the reason on each CREATED row", async () => {
    expect(await addPublishedDirective(collectorAjmer, input())).toEqual({ ok: false, reason: "not-found" });
    const result = await addPublishedDirective(secretariat, { ...input(), origin });
    if (!result.ok) throw new Error(result.reason);
    const expected = await districtsInAjmerDivision();
    expect(result).toMatchObject({ number: 2, items: expected });
    const items = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.directiveId, result.directiveId));
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((i) => [i.status, i.districtRole, i.dueDate, i.meetingId].join()))).toEqual(
      new Set([`PENDING,COLLECTOR,2024-05-31,${published.meeting.id}`]),
    );
    for (const item of items) {
      expect((await historyOf(item.id)).map((h) => [h.kind, h.toStatus, h.remark, h.actorId])).toEqual([
        ["CREATED", "PENDING", input().reason, secretariat.id],
      ]);
    }
    expect(await auditOf("meeting.add-directive")).toHaveLength(1);
  });

  it("writes nothing when a code is unknown, and is refused on a draft", async () => {
    const before = await t.db().select().from(schema.directives).where(eq(schema.directives.meetingId, published.meeting.id));
    const bad = await addPublishedDirective(secretariat, { ...input(), assignee: { ...input().assignee, divisionCodes: ["NOWHERE"] } });
    expect(bad).toEqual({ ok: false, reason: "unknown-code" });
    expect(await t.db().select().from(schema.directives).where(eq(schema.directives.meetingId, published.meeting.id))).toHaveLength(before.length);
    const draft = await draftMeeting("Draft for adding");
    expect(await addPublishedDirective(secretariat, { ...input(), meetingId: draft.id })).toEqual({ ok: false, reason: "not-published" });
  });
});

describe("publishing asks for the number of items", () => {
  it("shows the items per directive and publishes only the confirmed number", async () => {
    const draft = await draftMeeting("Draft to publish");
    const n = await districtsInAjmerDivision();
    const preview = await previewPublish(secretariat, draft.id);
    expect(preview?.directives.map((d) => [d.number, d.items])).toEqual([
      [1, n],
      [2, 1],
    ]);
    expect(preview).toMatchObject({ items: n + 1, incomplete: [] });
    expect(await previewPublish(collectorAjmer, draft.id)).toBeNull();

    expect(await publishConfirmed(secretariat, { meetingId: draft.id, expectedItems: n, origin })).toEqual({
      ok: false,
      reason: "changed",
      items: n + 1,
    });
    const [still] = await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, draft.id));
    expect(still.status).toBe("DRAFT");
    expect(await publishConfirmed(collectorAjmer, { meetingId: draft.id, expectedItems: n + 1, origin })).toEqual({ ok: false, reason: "not-found" });

    expect(await publishConfirmed(secretariat, { meetingId: draft.id, expectedItems: n + 1, origin })).toEqual({ ok: true, items: n + 1 });
    expect(await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.meetingId, draft.id))).toHaveLength(n + 1);
    const audits = (await auditOf("meeting.publish")).filter((a) => a.targetId === String(draft.id));
    expect(audits.map((a) => a.details)).toEqual([{ items: n + 1, confirmed: n + 1 }]);
    expect(await publishConfirmed(secretariat, { meetingId: draft.id, expectedItems: n + 1, origin })).toEqual({
      ok: false,
      reason: "already-published",
    });
  });
});

describe("deleting a draft", () => {
  it("deletes a draft with its directives and lines, with an audit row; refuses a published meeting and officers", async () => {
    const draft = await draftMeeting("Draft to delete");
    expect(await deleteDraftMeeting(collectorAjmer, { meetingId: draft.id, origin })).toEqual({ ok: false, reason: "not-found" });
    expect(await deleteDraftMeeting(secretariat, { meetingId: published.meeting.id, origin })).toEqual({ ok: false, reason: "not-draft" });
    expect(await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, published.meeting.id))).toHaveLength(1);

    expect(await deleteDraftMeeting(secretariat, { meetingId: draft.id, origin })).toEqual({ ok: true });
    expect(await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, draft.id))).toEqual([]);
    expect(await t.db().select().from(schema.directives).where(eq(schema.directives.meetingId, draft.id))).toEqual([]);
    const [audit] = (await auditOf("meeting.delete-draft")).filter((a) => a.targetId === String(draft.id));
    expect(audit).toMatchObject({ actorId: secretariat.id, details: { titleEn: "Draft to delete", directives: 2 } });
    expect(await deleteDraftMeeting(secretariat, { meetingId: draft.id, origin })).toEqual({ ok: false, reason: "not-found" });
  });
});
