// The meeting editor's action as the browser posts it: drafts, publishing (every action item
// in one transaction), the changes still possible after publishing, and bad input.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { getHeadline } from "~/models/compliance.server";
import { action as editAction, loader as editLoader } from "~/routes/meetings.$meetingId_.edit";
import { action as newAction } from "~/routes/meetings.new";
import { emptyDirective, type MeetingFormValues } from "~/schemas/meeting";
import { todayInIndia } from "~/utils/format";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createUser, importRajasthan } from "../support/factories";
import { rj2021Values, simpleMeetingValues, toFormData } from "../support/factories-meetings";
import { callRoute, postRequest, getRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let secretariat: Viewer;
let cookie: string;

beforeAll(async () => {
  await importRajasthan(t.db());
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
  cookie = await sessionCookieFor(secretariat.id);
});

type Answer = {
  status: number;
  location: string | null;
  body: { values?: MeetingFormValues; fieldErrors?: Record<string, string>; formError?: string } | null;
};

async function answer(response: Response): Promise<Answer> {
  const text = response.status >= 300 && response.status < 400 ? "" : await response.text();
  return { status: response.status, location: response.headers.get("location"), body: text ? JSON.parse(text) : null };
}

async function postNew(form: FormData): Promise<Answer> {
  return answer(await callRoute(newAction as never, postRequest("/meetings/new", form, { cookie })));
}

async function postEdit(meetingId: number, form: FormData | Record<string, string | string[]>): Promise<Answer> {
  return answer(await callRoute(editAction as never, postRequest(`/meetings/${meetingId}/edit`, form, { cookie }), { meetingId: String(meetingId) }));
}

function meetingIdFrom(location: string | null): number {
  const match = /^\/meetings\/(\d+)/.exec(location ?? "");
  if (!match) throw new Error(`no meeting in redirect ${location}`);
  return Number(match[1]);
}

async function rowCounts() {
  const count = async (table: string) => {
    const rows = await t.db().execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
    const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows) as { n: number }[];
    return Number(list[0].n);
  };
  return {
    meetings: await count("meetings"),
    directives: await count("directives"),
    assignees: await count("directive_assignees"),
    items: await count("action_items"),
    history: await count("action_item_history"),
  };
}

/** Live items of a meeting per directive number and assignee kind. */
async function itemsByDirective(meetingId: number) {
  const rows = await t
    .db()
    .select({
      number: schema.directives.number,
      role: schema.actionItems.districtRole,
      department: schema.departments.code,
      n: sql<number>`count(*)::int`,
    })
    .from(schema.actionItems)
    .innerJoin(schema.directives, eq(schema.directives.id, schema.actionItems.directiveId))
    .leftJoin(schema.departments, eq(schema.departments.id, schema.actionItems.departmentId))
    .where(and(eq(schema.actionItems.meetingId, meetingId), sql`${schema.actionItems.withdrawnAt} IS NULL`))
    .groupBy(schema.directives.number, schema.actionItems.districtRole, schema.departments.code);
  const result: Record<string, number> = {};
  for (const r of rows) result[`${r.number}:${r.role ?? r.department}`] = Number(r.n);
  return result;
}

async function directivesOf(meetingId: number) {
  return t.db().select().from(schema.directives).where(eq(schema.directives.meetingId, meetingId)).orderBy(schema.directives.number);
}

describe("drafts", () => {
  it("saves a draft without action items, and edits it", async () => {
    const before = await rowCounts();
    const created = await postNew(toFormData(simpleMeetingValues(), "save-draft"));
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/meetings\/\d+\/edit\?saved=1$/);
    const meetingId = meetingIdFrom(created.location);
    const after = await rowCounts();
    expect(after.meetings).toBe(before.meetings + 1);
    expect(after.directives).toBe(before.directives + 1);
    expect(after.items).toBe(before.items);
    const [meeting] = await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, meetingId));
    expect(meeting.status).toBe("DRAFT");

    const values = simpleMeetingValues();
    values.titleEn = "Review of law and order (revised)";
    values.directives.push({ ...emptyDirective(), textHi: "दूसरा निर्देश", dueMode: "DAYS", dueInDays: "7" });
    const edited = await postEdit(meetingId, toFormData(values, "save-draft"));
    expect(edited.status).toBe(302);
    const [again] = await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, meetingId));
    expect(again.titleEn).toBe("Review of law and order (revised)");
    expect((await directivesOf(meetingId)).map((d) => d.textHi)).toEqual(["लंबित प्रकरणों की साप्ताहिक समीक्षा करें", "दूसरा निर्देश"]);
    expect((await rowCounts()).items).toBe(before.items);

    // The edit page gives the form back exactly what was saved.
    const page = await callRoute(editLoader as never, getRequest(`/meetings/${meetingId}/edit`, { cookie }), { meetingId: String(meetingId) });
    const loaded = (await page.json()) as { values: MeetingFormValues };
    expect(loaded.values.directives).toHaveLength(2);
    expect(loaded.values.directives[1].dueInDays).toBe("7");
  });
});

describe("publishing", () => {
  it("creates exactly one item per district × role, chosen division, chosen district and department", async () => {
    const values = simpleMeetingValues({}, "2024-03-01");
    const base = values.directives[0];
    values.directives = [
      {
        ...base,
        textEn: "All collectors and SPs",
        collector: { scope: "ALL", divisions: [], districts: [] },
        sp: { scope: "ALL", divisions: [], districts: [] },
      },
      { ...base, textEn: "Collectors of Ajmer and Kota divisions", collector: { scope: "DIVISIONS", divisions: ["AJM", "KOT"], districts: [] } },
      {
        ...base,
        textEn: "SPs of Ajmer and Jaipur",
        collector: { scope: "NONE", divisions: [], districts: [] },
        sp: { scope: "DISTRICTS", divisions: [], districts: ["AJMER", "JAIPUR"] },
      },
      { ...base, textEn: "DIPR and Energy", collector: { scope: "NONE", divisions: [], districts: [] }, departments: ["DIPR", "ENERGY"] },
      // Two lines covering the same district give it one item.
      {
        ...base,
        textEn: "Overlap",
        collector: { scope: "ALL", divisions: [], districts: [] },
        sp: { scope: "NONE", divisions: [], districts: [] },
        departments: [],
      },
    ];
    values.directives[4].collector = { scope: "ALL", divisions: [], districts: [] };
    const before = await rowCounts();
    const published = await postNew(toFormData(values, "publish"));
    expect(published.status).toBe(302);
    const meetingId = meetingIdFrom(published.location);
    expect(published.location).toBe(`/meetings/${meetingId}?published=${82 + 10 + 2 + 2 + 41}`);

    expect(await itemsByDirective(meetingId)).toEqual({
      "1:COLLECTOR": 41,
      "1:SP": 41,
      "2:COLLECTOR": 10,
      "3:SP": 2,
      "4:DIPR": 1,
      "4:ENERGY": 1,
      "5:COLLECTOR": 41,
    });
    const after = await rowCounts();
    expect(after.items - before.items).toBe(137);
    // Every item starts PENDING with its one CREATED history row and the directive's due date.
    expect(after.history - before.history).toBe(137);
    const items = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.meetingId, meetingId));
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(["PENDING"]));
    expect(new Set(items.map((i) => i.dueDate))).toEqual(new Set(["2024-03-31"]));
    const [meeting] = await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, meetingId));
    expect(meeting.status).toBe("PUBLISHED");
    expect(meeting.publishedAt).not.toBeNull();
  });

  it("publishes the RJ 2021-08-31 review with 41 Collector and 41 SP items where it says all districts", async () => {
    const published = await postNew(toFormData(rj2021Values("publish")));
    expect(published.status).toBe(302);
    const meetingId = meetingIdFrom(published.location);
    const counts = await itemsByDirective(meetingId);
    expect(counts).toEqual({
      "1:COLLECTOR": 41,
      "1:SP": 41,
      "2:SP": 41,
      "3:SP": 41,
      "4:SP": 41,
      "4:POLICE_HQ": 1,
      "5:SP": 41,
      "6:COLLECTOR": 41,
      "7:COLLECTOR": 41,
      "7:RDPR": 1,
      "8:LSG": 1,
    });
    const directives = await directivesOf(meetingId);
    expect(directives.map((d) => d.dueDate)).toEqual([
      "2021-09-30",
      "2021-09-15",
      "2021-09-07",
      "2021-09-30",
      "2021-09-10",
      "2021-10-30",
      "2021-10-01",
      "2021-10-01",
    ]);
  });

  it("publishes 41 districts × 2 roles × 8 directives in one go (timed)", async () => {
    const values = simpleMeetingValues({ sp: { scope: "ALL", divisions: [], districts: [] } }, "2024-05-01");
    values.directives = Array.from({ length: 8 }, (_, i) => ({ ...values.directives[0], textEn: `Directive ${i + 1}` }));
    const before = await rowCounts();
    const started = performance.now();
    const published = await postNew(toFormData(values, "publish"));
    const ms = performance.now() - started;
    console.log(`publish of 41 × 2 × 8 = 656 action items: ${ms.toFixed(0)} ms (save + publish in one request)`);
    expect(published.status).toBe(302);
    const after = await rowCounts();
    expect(after.items - before.items).toBe(656);
    expect(after.history - before.history).toBe(656);
  });
});

describe("changes after publishing", () => {
  let meetingId: number;
  let directiveIds: number[];

  beforeAll(async () => {
    const values = simpleMeetingValues({}, "2024-06-01");
    values.directives = [
      { ...values.directives[0], textEn: "Collectors everywhere" },
      { ...values.directives[0], textEn: "Collectors and SPs everywhere", sp: { scope: "ALL", divisions: [], districts: [] } },
    ];
    const published = await postNew(toFormData(values, "publish"));
    meetingId = meetingIdFrom(published.location);
    directiveIds = (await directivesOf(meetingId)).map((d) => d.id);
  });

  const figures = async () => (await getHeadline(secretariat, { meetingId }, todayInIndia())).items;
  const historyWith = async (remark: string) => t.db().select().from(schema.actionItemHistory).where(eq(schema.actionItemHistory.remark, remark));

  it("refuses a change without a reason and changes nothing", async () => {
    const before = await rowCounts();
    for (const intent of ["withdraw-directive", "change-due-date", "add-assignee"]) {
      const refused = await postEdit(meetingId, {
        intent,
        directiveId: String(directiveIds[0]),
        reason: "   ",
        dueMode: "DATE",
        dueDate: "2024-08-01",
        assigneeKind: "DEPARTMENT",
        departmentCode: "DIPR",
      });
      expect(refused.status).toBe(400);
      expect(refused.body?.fieldErrors?.reason).toBe("meetings.error.reasonRequired");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("adds an assignee: new items, each with the reason in its history", async () => {
    expect(await figures()).toBe(41 + 82);
    const reason = "अजमेर व जयपुर के एसपी भी जोड़े गए";
    const added = await postEdit(meetingId, {
      intent: "add-assignee",
      directiveId: String(directiveIds[0]),
      reason,
      assigneeKind: "SP",
      scope: "DISTRICTS",
      districts: ["AJMER", "JAIPUR"],
    });
    expect(added.status).toBe(302);
    expect(added.location).toContain("done=assignee-added&n=2");
    const rows = await historyWith(reason);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.kind === "CREATED")).toBe(true);
    expect(await figures()).toBe(41 + 82 + 2);
  });

  it("withdraws an assignee: its items leave the figures but stay in the record", async () => {
    const [line] = await t
      .db()
      .select()
      .from(schema.directiveAssignees)
      .where(and(eq(schema.directiveAssignees.directiveId, directiveIds[1]), eq(schema.directiveAssignees.districtRole, "SP")));
    const reason = "SP assignment was recorded in error";
    const withdrawn = await postEdit(meetingId, {
      intent: "withdraw-assignee",
      directiveId: String(directiveIds[1]),
      assigneeId: String(line.id),
      reason,
    });
    expect(withdrawn.status).toBe(302);
    expect(withdrawn.location).toContain("done=assignee-withdrawn&n=41");
    const rows = await historyWith(reason);
    expect(rows).toHaveLength(41);
    expect(rows.every((r) => r.kind === "WITHDRAWN")).toBe(true);
    expect(await figures()).toBe(41 + 82 + 2 - 41);
    const kept = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.directiveId, directiveIds[1]));
    expect(kept).toHaveLength(82);
    expect(kept.filter((i) => i.withdrawnAt !== null && i.withdrawnReason === reason)).toHaveLength(41);
  });

  it("changes a due date with the reason in every item's history", async () => {
    const reason = "Extended at the request of the districts";
    const changed = await postEdit(meetingId, {
      intent: "change-due-date",
      directiveId: String(directiveIds[1]),
      reason,
      dueMode: "DATE",
      dueDate: "2024-08-15",
    });
    expect(changed.status).toBe(302);
    const rows = await historyWith(reason);
    expect(rows).toHaveLength(41); // the live Collector items, not the withdrawn SP ones
    expect(rows.every((r) => r.kind === "DUE_DATE_CHANGED" && r.fromDueDate === "2024-07-01" && r.toDueDate === "2024-08-15")).toBe(true);
    const live = await t
      .db()
      .select()
      .from(schema.actionItems)
      .where(and(eq(schema.actionItems.directiveId, directiveIds[1]), sql`${schema.actionItems.withdrawnAt} IS NULL`));
    expect(new Set(live.map((i) => i.dueDate))).toEqual(new Set(["2024-08-15"]));

    const before = await rowCounts();
    const early = await postEdit(meetingId, {
      intent: "change-due-date",
      directiveId: String(directiveIds[1]),
      reason,
      dueMode: "DATE",
      dueDate: "2024-05-01",
    });
    expect(early.status).toBe(400);
    expect(early.body?.fieldErrors?.dueDate).toBe("meetings.error.dueBeforeMeeting");
    expect(await rowCounts()).toEqual(before);
  });

  it("withdraws a directive: all its items leave the figures, with the reason", async () => {
    const reason = "Covered by the next meeting's directive";
    const withdrawn = await postEdit(meetingId, { intent: "withdraw-directive", directiveId: String(directiveIds[0]), reason });
    expect(withdrawn.status).toBe(302);
    expect(await historyWith(reason)).toHaveLength(43);
    expect(await figures()).toBe(41);
    const [directive] = await t.db().select().from(schema.directives).where(eq(schema.directives.id, directiveIds[0]));
    expect(directive.withdrawnReason).toBe(reason);
    const again = await postEdit(meetingId, { intent: "withdraw-directive", directiveId: String(directiveIds[0]), reason });
    expect(again.status).toBe(409);
  });

  it("refuses a directive of another meeting", async () => {
    const [other] = await t
      .db()
      .select()
      .from(schema.directives)
      .where(sql`${schema.directives.meetingId} <> ${meetingId}`)
      .limit(1);
    const refused = await postEdit(meetingId, { intent: "withdraw-directive", directiveId: String(other.id), reason: "wrong meeting" });
    expect(refused.status).toBe(404);
  });
});

describe("bad input", () => {
  type Case = { name: string; intent: "save-draft" | "publish"; change: (v: MeetingFormValues) => void; field: string; message?: string };
  const cases: Case[] = [
    {
      name: "empty directive text",
      intent: "save-draft",
      change: (v) => {
        v.directives[0].textEn = " ";
        v.directives[0].textHi = "";
      },
      field: "directives.0.textEn",
      message: "meetings.error.textRequired",
    },
    {
      name: "empty title",
      intent: "save-draft",
      change: (v) => {
        v.titleEn = "";
        v.titleHi = "  ";
      },
      field: "titleEn",
      message: "meetings.error.titleRequired",
    },
    {
      name: "due date before the meeting",
      intent: "publish",
      change: (v) => {
        v.directives[0].dueMode = "DATE";
        v.directives[0].dueDate = "2024-02-28";
      },
      field: "directives.0.dueDate",
      message: "meetings.error.dueBeforeMeeting",
    },
    {
      name: "impossible due date",
      intent: "save-draft",
      change: (v) => {
        v.directives[0].dueMode = "DATE";
        v.directives[0].dueDate = "2024-02-30";
      },
      field: "directives.0.dueDate",
      message: "meetings.error.dateInvalid",
    },
    {
      name: "directive with no assignee",
      intent: "publish",
      change: (v) => {
        v.directives[0].collector.scope = "NONE";
      },
      field: "directives.0.assignees",
      message: "meetings.error.assigneeRequired",
    },
    {
      name: "unknown district code",
      intent: "save-draft",
      change: (v) => {
        v.directives[0].collector = { scope: "DISTRICTS", divisions: [], districts: ["AJMER", "ATLANTIS"] };
      },
      field: "directives.0.collector.districts",
      message: "meetings.error.unknownDistrict",
    },
    {
      name: "unknown department code",
      intent: "publish",
      change: (v) => {
        v.directives[0].departments = ["MINISTRY_OF_MAGIC"];
      },
      field: "directives.0.departments",
      message: "meetings.error.unknownDepartment",
    },
    {
      name: "10,000-character directive text",
      intent: "save-draft",
      change: (v) => {
        v.directives[0].textHi = "क".repeat(10_000);
      },
      field: "directives.0.textHi",
      message: "validation.tooLong",
    },
    {
      name: "10,000-character title",
      intent: "publish",
      change: (v) => {
        v.titleEn = "x".repeat(10_000);
      },
      field: "titleEn",
      message: "validation.tooLong",
    },
    {
      name: "NUL in text",
      intent: "save-draft",
      change: (v) => {
        v.minutes = "minutes\u0000";
      },
      field: "minutes",
      message: "validation.invalid",
    },
    {
      name: "no meeting date",
      intent: "save-draft",
      change: (v) => {
        v.meetingDate = "";
      },
      field: "meetingDate",
      message: "validation.required",
    },
    {
      name: "unknown mode",
      intent: "save-draft",
      change: (v) => {
        (v as { mode: string }).mode = "TELEPATHY";
      },
      field: "mode",
    },
    {
      name: "publish with no directives",
      intent: "publish",
      change: (v) => {
        v.directives = [];
      },
      field: "directives",
      message: "meetings.error.noDirectives",
    },
    {
      name: "chosen districts, none chosen",
      intent: "publish",
      change: (v) => {
        v.directives[0].collector = { scope: "DISTRICTS", divisions: [], districts: [] };
      },
      field: "directives.0.collector.districts",
      message: "meetings.error.chooseDistricts",
    },
  ];

  for (const c of cases) {
    it(`${c.name}: 400 with the field's error, the values kept, nothing saved`, async () => {
      const values = simpleMeetingValues();
      // HTML elsewhere in the form comes back exactly as typed, as text.
      values.agenda = `<script>alert("x")</script><b>agenda</b>`;
      c.change(values);
      const before = await rowCounts();
      const refused = await postNew(toFormData(values, c.intent));
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.body?.fieldErrors ?? {})).toContain(c.field);
      if (c.message) expect(refused.body?.fieldErrors?.[c.field]).toBe(c.message);
      expect(refused.body?.values?.agenda).toBe(values.agenda);
      expect(await rowCounts()).toEqual(before);
    });
  }

  it("an invalid edit of a draft leaves the saved draft as it was", async () => {
    const created = await postNew(toFormData(simpleMeetingValues(), "save-draft"));
    const meetingId = meetingIdFrom(created.location);
    const values = simpleMeetingValues();
    values.titleEn = "Changed title";
    values.directives.push({ ...emptyDirective(), textEn: "Second", collector: { scope: "DISTRICTS", divisions: [], districts: ["NOWHERE"] } });
    const before = await rowCounts();
    const refused = await postEdit(meetingId, toFormData(values, "publish"));
    expect(refused.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
    const [meeting] = await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, meetingId));
    expect(meeting.titleEn).toBe("Review of law and order");
    expect(meeting.status).toBe("DRAFT");
  });

  it("HTML and script in text are stored as the text typed", async () => {
    const values = simpleMeetingValues();
    const html = `<img src=x onerror="alert(1)"> & <script>document.cookie</script>`;
    values.directives[0].textEn = html;
    values.titleEn = `<b>Bold</b> review`;
    const saved = await postNew(toFormData(values, "save-draft"));
    expect(saved.status).toBe(302);
    const [directive] = await directivesOf(meetingIdFrom(saved.location));
    expect(directive.textEn).toBe(html);
  });

  it("Devanagari with combining marks round-trips byte for byte", async () => {
    const values = simpleMeetingValues();
    // Decomposed nukta (क + ़), ZWJ/ZWNJ conjunct controls, a combining candrabindu and vowel signs.
    const text = "ज़िला क़ानून क्‍ष क्‌ष हँसी \u0915\u093C\u093F \u0930\u094D\u200D\u092F — श्री";
    values.titleHi = text;
    values.directives[0].textHi = text;
    const saved = await postNew(toFormData(values, "save-draft"));
    expect(saved.status).toBe(302);
    const meetingId = meetingIdFrom(saved.location);
    const [meeting] = await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, meetingId));
    const [directive] = await directivesOf(meetingId);
    expect(Buffer.from(meeting.titleHi!, "utf8").equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(Buffer.from(directive.textHi!, "utf8").equals(Buffer.from(text, "utf8"))).toBe(true);
    const page = await callRoute(editLoader as never, getRequest(`/meetings/${meetingId}/edit`, { cookie }), { meetingId: String(meetingId) });
    const loaded = (await page.json()) as { values: MeetingFormValues };
    expect(loaded.values.directives[0].textHi).toBe(text);
  });

  it("an unknown intent answers 400", async () => {
    const refused = await postNew(toFormData(simpleMeetingValues(), "delete-everything"));
    expect(refused.status).toBe(400);
    expect(refused.body?.formError).toBe("meetings.error.unknownIntent");
  });

  it("a district officer cannot save or publish", async () => {
    const officer = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
    const before = await rowCounts();
    const response = await callRoute(
      newAction as never,
      postRequest("/meetings/new", toFormData(simpleMeetingValues(), "publish"), { cookie: await sessionCookieFor(officer.id) }),
    );
    expect(response.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });
});
