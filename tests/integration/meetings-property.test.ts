// Property: whatever a browser (or anyone with curl) posts to the meeting editor, the answer is
// never a 5xx. fast-check builds the forms: known and unknown field names, directive paths with
// odd indexes, repeated fields where one value is expected, huge and strange strings, bogus
// intents and ids, for new meetings, drafts and published meetings.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { action as editAction } from "~/routes/meetings.$meetingId_.edit";
import { action as newAction } from "~/routes/meetings.new";
import { useTestDatabase } from "../support/database";
import { createUser, importRajasthan } from "../support/factories";
import { MEETING_TEXT_FIELDS } from "~/schemas/meeting-form-data";
import { simpleMeetingValues, toFormData, toFormFields } from "../support/factories-meetings";
import { callRoute, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let cookie: string;
let draftId: number;
let publishedId: number;

beforeAll(async () => {
  await importRajasthan(t.db());
  const secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
  cookie = await sessionCookieFor(secretariat.id);
  const post = async (intent: string) => {
    const response = await callRoute(newAction as never, postRequest("/meetings/new", toFormData(simpleMeetingValues(), intent), { cookie }));
    return Number(/\/meetings\/(\d+)/.exec(response.headers.get("location") ?? "")![1]);
  };
  draftId = await post("save-draft");
  publishedId = await post("publish");
});

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uFEFF",
    "\uD800",
    "<script>alert(1)</script>",
    "'; DROP TABLE meetings; --",
    "क़\u093C\u093C\u093C",
    "2021-02-30",
    "2024-03-01",
    "-1",
    "99999999999999999999",
    "NaN",
    "1e9",
    "0",
    "ALL",
    "DISTRICTS",
    "DIVISIONS",
    "NONE",
    "DATE",
    "DAYS",
    "AJMER",
    "AJM",
    "DIPR",
    "CYBER",
    "COLLECTOR",
    "DEPARTMENT",
    "__proto__",
    "constructor",
  ),
  fc.integer({ min: 4001, max: 60_000 }).map((n) => "अ".repeat(n)),
  fc.integer().map(String),
);

const index = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 99, 100, 499, 500, 501, 9999, 123456));
const directiveField = fc.constantFrom(
  "textEn",
  "textHi",
  "categoryCode",
  "priority",
  "dueMode",
  "dueDate",
  "dueInDays",
  "departments",
  "collector.scope",
  "collector.districts",
  "collector.divisions",
  "sp.scope",
  "sp.districts",
  "sp.divisions",
  "assignees",
  "__proto__.polluted",
  "constructor.prototype",
);
const key = fc.oneof(
  fc.constantFrom(
    "intent",
    ...MEETING_TEXT_FIELDS,
    "calledRoles",
    "pasteText",
    "directiveId",
    "assigneeId",
    "reason",
    "assigneeKind",
    "scope",
    "districts",
    "divisions",
    "departmentCode",
    "__proto__",
    "directives",
  ),
  fc.tuple(index, directiveField, fc.boolean()).map(([i, f, brackets]) => (brackets ? `directives[${i}].${f}` : `directives.${i}.${f}`)),
  fc.string({ maxLength: 30 }),
);
const intent = fc.constantFrom(
  "save-draft",
  "publish",
  "paste",
  "add-directive",
  "remove-directive:0",
  "move-up:0",
  "move-down:0",
  "move-down:9999",
  "remove-directive:-1",
  "change-due-date",
  "withdraw-directive",
  "withdraw-assignee",
  "add-assignee",
  "",
  "PUBLISH",
  "publish\u0000",
);

/** A form: sometimes a valid meeting with some fields spoiled, sometimes fields out of nowhere. */
const formFields = fc.oneof(
  fc.tuple(intent, fc.array(fc.tuple(key, weirdText), { maxLength: 25 })).map(([i, pairs]) => [["intent", i], ...pairs] as [string, string][]),
  fc.tuple(intent, fc.array(fc.tuple(key, weirdText), { maxLength: 8 }), fc.boolean()).map(([i, extra, dropSome]) => {
    const base = toFormFields(simpleMeetingValues(), i).filter((_, n) => !dropSome || n % 3 !== 1);
    return [...base, ...extra];
  }),
);

const target = fc.oneof(
  fc.constant({ kind: "new" as const }),
  fc.constant({ kind: "draft" as const }),
  fc.constant({ kind: "published" as const }),
  fc.constantFrom("0", "-5", "abc", "99999999", "2147483648", "1.5", "١٢").map((id) => ({ kind: "bogus" as const, id })),
);

describe("the meeting action under generated input", () => {
  it("never answers 5xx to 1000 generated forms", { timeout: 240_000 }, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(target, formFields, async (to, fields) => {
        const form = new FormData();
        for (const [name, value] of fields) form.append(name, value);
        let response: Response;
        if (to.kind === "new") {
          response = await callRoute(newAction as never, postRequest("/meetings/new", form, { cookie }));
        } else {
          const id = to.kind === "draft" ? String(draftId) : to.kind === "published" ? String(publishedId) : to.id;
          response = await callRoute(editAction as never, postRequest(`/meetings/${id}/edit`, form, { cookie }), { meetingId: id });
        }
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
    console.log(`statuses over 1000 generated forms: ${JSON.stringify(Object.fromEntries(statuses))}`);
    // The generator reaches both refusals and successful saves.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect([...statuses.keys()].some((s) => s === 200 || s === 302)).toBe(true);
  });
});
