// The pages of item 5 as the browser posts them (no JavaScript needed): the editor's Publish goes to a
// confirmation page with the item count and publishes only that count; correcting a directive's text and
// adding a directive keep what was typed when refused; a draft is deleted after its confirmation page;
// every one of these pages answers 403 to anyone but the secretariat.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { action as correctAction, loader as correctLoader } from "~/routes/meetings.$meetingId_.directives.$directiveId.correct";
import { action as addAction, loader as addLoader } from "~/routes/meetings.$meetingId_.add-directive";
import { action as deleteAction, loader as deleteLoader } from "~/routes/meetings.$meetingId_.delete";
import { action as publishAction, loader as publishLoader } from "~/routes/meetings.$meetingId_.publish";
import { action as newAction } from "~/routes/meetings.new";
import { useTestDatabase } from "../support/database";
import { createUser, importRajasthan } from "../support/factories";
import { simpleMeetingValues, toFormData } from "../support/factories-meetings";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let secretariat: string;
let collector: string;
let official: string;
let meetingId: number;

beforeAll(async () => {
  await importRajasthan(t.db());
  secretariat = await sessionCookieFor((await createUser(t.db(), { role: "SECRETARIAT" })).id);
  collector = await sessionCookieFor((await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" })).id);
  official = await sessionCookieFor((await createUser(t.db(), { role: "OFFICIAL" })).id);
});

type Fn = Parameters<typeof callRoute>[0];
const get = (fn: unknown, path: string, cookie: string, params: Record<string, string>) => callRoute(fn as Fn, getRequest(path, { cookie }), params);
const post = (fn: unknown, path: string, cookie: string, params: Record<string, string>, body: Record<string, string | string[]> | FormData) =>
  callRoute(fn as Fn, postRequest(path, body, { cookie }), params);
const itemsOf = (id: number) => t.db().select().from(schema.actionItems).where(eq(schema.actionItems.meetingId, id));

describe("publishing through the confirmation page", () => {
  it("saves the draft and shows the count; publishes only the confirmed count", async () => {
    const form = toFormData(simpleMeetingValues(), "publish");
    form.append("confirmStep", "1");
    const saved = await post(newAction, "/meetings/new", secretariat, {}, form);
    expect(saved.status).toBe(302);
    const location = saved.headers.get("location") ?? "";
    expect(location).toMatch(/^\/meetings\/\d+\/publish$/);
    meetingId = Number(location.split("/")[2]);
    const params = { meetingId: String(meetingId) };
    expect(await itemsOf(meetingId)).toEqual([]);

    for (const cookie of [collector, official]) expect((await get(publishLoader, `/meetings/${meetingId}/publish`, cookie, params)).status).toBe(403);
    const page = await get(publishLoader, `/meetings/${meetingId}/publish`, secretariat, params);
    const { preview } = (await page.json()) as { preview: { items: number; directives: { number: number; items: number }[] } };
    expect(preview.items).toBeGreaterThan(0);
    expect(preview.items).toBe(preview.directives.reduce((s, d) => s + d.items, 0));

    expect((await post(publishAction, `/meetings/${meetingId}/publish`, collector, params, { expectedItems: String(preview.items) })).status).toBe(
      403,
    );
    const stale = await post(publishAction, `/meetings/${meetingId}/publish`, secretariat, params, { expectedItems: String(preview.items + 1) });
    expect(stale.status).toBe(409);
    expect(await itemsOf(meetingId)).toEqual([]);
    const done = await post(publishAction, `/meetings/${meetingId}/publish`, secretariat, params, { expectedItems: String(preview.items) });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/meetings/${meetingId}?published=${preview.items}`);
    expect(await itemsOf(meetingId)).toHaveLength(preview.items);
  });
});

describe("correcting and adding after publishing", () => {
  it("corrects the text; a refused form keeps what was typed", async () => {
    const [directive] = await t.db().select().from(schema.directives).where(eq(schema.directives.meetingId, meetingId));
    const params = { meetingId: String(meetingId), directiveId: String(directive.id) };
    const path = `/meetings/${meetingId}/directives/${directive.id}/correct`;
    expect((await get(correctLoader, path, collector, params)).status).toBe(403);
    expect((await post(correctAction, path, collector, params, { textEn: "x", textHi: "y", reason: "z" })).status).toBe(403);

    const typed = { textEn: "Corrected text", textHi: "सुधरा हुआ पाठ", reason: "" };
    const refused = await post(correctAction, path, secretariat, params, typed);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { values: typeof typed; fieldErrors: Record<string, string> };
    expect(body.values).toEqual(typed);
    expect(body.fieldErrors.reason).toBe("meetings.error.reasonRequired");

    const ok = await post(correctAction, path, secretariat, params, { ...typed, reason: "टंकण त्रुटि / typing error" });
    expect(ok.status).toBe(302);
    const items = await itemsOf(meetingId);
    const live = items.filter((i) => i.directiveId === directive.id).length;
    expect(ok.headers.get("location")).toBe(`/meetings/${meetingId}/edit?done=text-corrected&n=${live}#directive-${directive.id}`);
  });

  it("adds a directive with its items; a refused form keeps what was typed", async () => {
    const params = { meetingId: String(meetingId) };
    const path = `/meetings/${meetingId}/add-directive`;
    expect((await get(addLoader, path, official, params)).status).toBe(403);
    const typed = { textHi: "नया निर्देश", textEn: "", dueDate: "", reason: "छूट गया था", assigneeKind: "" };
    const refused = await post(addAction, path, secretariat, params, typed);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { values: Record<string, unknown>; fieldErrors: Record<string, string> };
    expect(body.values).toMatchObject(typed);
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["assigneeKind", "dueDate"]);

    const before = (await itemsOf(meetingId)).length;
    const ok = await post(addAction, path, secretariat, params, {
      ...typed,
      dueDate: "2024-12-31",
      assigneeKind: "DEPARTMENT",
      departmentCode: "DIPR",
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toMatch(new RegExp(`^/meetings/${meetingId}/edit\\?done=directive-added&n=1#directive-\\d+$`));
    expect(await itemsOf(meetingId)).toHaveLength(before + 1);
  });
});

describe("deleting a draft", () => {
  it("asks first, deletes drafts only, secretariat only", async () => {
    const draft = await post(newAction, "/meetings/new", secretariat, {}, toFormData(simpleMeetingValues(), "save-draft"));
    const draftId = Number((draft.headers.get("location") ?? "").split("/")[2]);
    const params = { meetingId: String(draftId) };
    expect((await get(deleteLoader, `/meetings/${draftId}/delete`, collector, params)).status).toBe(403);
    expect((await post(deleteAction, `/meetings/${draftId}/delete`, collector, params, { confirm: "delete" })).status).toBe(403);
    expect((await get(deleteLoader, `/meetings/${draftId}/delete`, secretariat, params)).status).toBe(200);

    expect((await post(deleteAction, `/meetings/${draftId}/delete`, secretariat, params, {})).status).toBe(400);
    const published = await post(deleteAction, `/meetings/${meetingId}/delete`, secretariat, { meetingId: String(meetingId) }, { confirm: "delete" });
    expect(published.status).toBe(409);
    const gone = await post(deleteAction, `/meetings/${draftId}/delete`, secretariat, params, { confirm: "delete" });
    expect(gone.status).toBe(302);
    expect(gone.headers.get("location")).toBe("/meetings?deleted=1");
    expect(await t.db().select().from(schema.meetings).where(eq(schema.meetings.id, draftId))).toEqual([]);
  });
});
