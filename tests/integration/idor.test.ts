// A hostile district officer: the Collector of Ajmer forging URLs and forms for Jaipur's action
// items, for another role's item in their own district, for meeting drafts, for the verification
// queue and for the admin pages. Every attempt is answered 403 or 404, and afterwards the
// database holds exactly what it held before.
import crypto from "node:crypto";
import { asc, count } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { action as itemAction, loader as itemLoader } from "~/routes/actions.$actionId";
import { action as updateAction } from "~/routes/actions.$actionId.update";
import { loader as evidenceLoader } from "~/routes/actions.$actionId.evidence.$evidenceId";
import { action as listAction, loader as listLoader } from "~/routes/actions._index";
import { action as editAction, loader as editLoader } from "~/routes/meetings.$meetingId_.edit";
import { loader as meetingLoader } from "~/routes/meetings.$meetingId";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify";
import { loader as usersLoader } from "~/routes/admin.users._index";
import { action as newUserAction } from "~/routes/admin.users.new";
import { action as userAction, loader as userLoader } from "~/routes/admin.users.$userId";
import { action as importAction } from "~/routes/admin.users.import";
import { loader as auditLoader } from "~/routes/admin.audit";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();

let ajmerCollectorId: number;
let cookie: string;
let items: { ajmer: number; ajmerSp: number; jaipur: number; dipr: number };
let jaipurEvidenceId: number;
let draftMeetingId: number;
let publishedMeetingId: number;
let jaipurCollectorId: number;

async function addEvidence(actionItemId: number, name: string) {
  const db = t.db();
  const [history] = await db
    .insert(schema.actionItemHistory)
    .values({ actionItemId, kind: "REMARK", fromStatus: "PENDING", toStatus: "PENDING", version: 1, remark: "Photos attached" })
    .returning();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const [file] = await db
    .insert(schema.evidence)
    .values({
      actionItemId,
      historyId: history.id,
      kind: "FILE",
      fileName: name,
      contentType: "image/png",
      sizeBytes: png.length,
      sha256: crypto.createHash("sha256").update(png).digest("hex"),
      content: png,
    })
    .returning();
  return file.id;
}

beforeAll(async () => {
  const db = t.db();
  await importRajasthan(db);
  const collector = await createUser(db, {
    role: "DISTRICT_OFFICER",
    username: "idor.collector.ajmer",
    districtCode: "AJMER",
    districtRole: "COLLECTOR",
  });
  ajmerCollectorId = collector.id;
  jaipurCollectorId = (
    await createUser(db, { role: "DISTRICT_OFFICER", username: "idor.collector.jaipur", districtCode: "JAIPUR", districtRole: "COLLECTOR" })
  ).id;
  await createUser(db, { role: "ADMIN", username: "idor.admin" });
  const published = await createPublishedMeeting(db, {
    titleEn: "Cyber crime review",
    items: [
      { districtCode: "AJMER", districtRole: "COLLECTOR" },
      { districtCode: "AJMER", districtRole: "SP" },
      { districtCode: "JAIPUR", districtRole: "COLLECTOR", status: "COMPLETED" },
      { departmentCode: "DIPR" },
    ],
  });
  publishedMeetingId = published.meeting.id;
  const [ajmer, ajmerSp, jaipur, dipr] = published.items.map((i) => i.id);
  items = { ajmer, ajmerSp, jaipur, dipr };
  jaipurEvidenceId = await addEvidence(jaipur, "jaipur-camp.png");
  await addEvidence(ajmer, "ajmer-camp.png");
  const [draft] = await db
    .insert(schema.meetings)
    .values({ titleEn: "Draft: water supply review", titleHi: "प्रारूप: जल आपूर्ति समीक्षा", meetingDate: "2024-05-02", status: "DRAFT" })
    .returning();
  draftMeetingId = draft.id;
});

beforeEach(async () => {
  cookie = await sessionCookieFor(ajmerCollectorId);
});

/** Everything a forged request could change, row by row (the audit log only grows, and is checked apart). */
async function snapshot() {
  const db = t.db();
  const [history] = await db.select({ n: count() }).from(schema.actionItemHistory);
  return {
    items: await db
      .select({
        id: schema.actionItems.id,
        status: schema.actionItems.status,
        version: schema.actionItems.version,
        dueDate: schema.actionItems.dueDate,
        remark: schema.actionItems.latestRemark,
        updatedAt: schema.actionItems.updatedAt,
      })
      .from(schema.actionItems)
      .orderBy(asc(schema.actionItems.id)),
    history: history.n,
    evidence: (await db.select({ n: count() }).from(schema.evidence))[0].n,
    extensions: (await db.select({ n: count() }).from(schema.extensionRequests))[0].n,
    meetings: await db
      .select({ id: schema.meetings.id, status: schema.meetings.status, title: schema.meetings.titleEn, updatedAt: schema.meetings.updatedAt })
      .from(schema.meetings)
      .orderBy(asc(schema.meetings.id)),
    directives: (await db.select({ n: count() }).from(schema.directives))[0].n,
    users: await db
      .select({
        id: schema.users.id,
        username: schema.users.username,
        role: schema.users.role,
        districtId: schema.users.districtId,
        passwordHash: schema.users.passwordHash,
        disabledAt: schema.users.disabledAt,
      })
      .from(schema.users)
      .orderBy(asc(schema.users.id)),
  };
}

async function expectUnchanged(attempt: () => Promise<Response>, statuses: number[]) {
  const before = await snapshot();
  const response = await attempt();
  expect(statuses, `answered ${response.status}`).toContain(response.status);
  const body = await response.text();
  // Nothing of Jaipur leaks into the answer, not even in an error.
  expect(body).not.toMatch(/jaipur|जयपुर/i);
  expect(await snapshot()).toEqual(before);
  return { status: response.status, body };
}

const form = (fields: Record<string, string | string[]>) => fields;

describe("another district's action item", () => {
  it("cannot be read: the page and its evidence answer 404, as if they did not exist", async () => {
    await expectUnchanged(() => callRoute(itemLoader, getRequest(`/actions/${items.jaipur}`, { cookie }), { actionId: String(items.jaipur) }), [404]);
    await expectUnchanged(
      () =>
        callRoute(evidenceLoader, getRequest(`/actions/${items.jaipur}/evidence/${jaipurEvidenceId}`, { cookie }), {
          actionId: String(items.jaipur),
          evidenceId: String(jaipurEvidenceId),
        }),
      [404],
    );
    // Nor by pairing their own item's id with the other district's file.
    await expectUnchanged(
      () =>
        callRoute(evidenceLoader, getRequest(`/actions/${items.ajmer}/evidence/${jaipurEvidenceId}`, { cookie }), {
          actionId: String(items.ajmer),
          evidenceId: String(jaipurEvidenceId),
        }),
      [404],
    );
    // A department's item and the SP's item of their own district are just as closed.
    for (const id of [items.ajmerSp, items.dipr]) {
      await expectUnchanged(() => callRoute(itemLoader, getRequest(`/actions/${id}`, { cookie }), { actionId: String(id) }), [404]);
    }
  });

  it("cannot be updated through the page, the upload endpoint, an extension request or the bulk form", async () => {
    const update = form({ intent: "update", version: "1", toStatus: "IN_PROGRESS", remark: "Work started in Ajmer", links: "" });
    for (const id of [items.jaipur, items.ajmerSp, items.dipr]) {
      const params = { actionId: String(id) };
      await expectUnchanged(() => callRoute(itemAction, postRequest(`/actions/${id}`, update, { cookie }), params), [403, 404]);
      await expectUnchanged(() => callRoute(updateAction, postRequest(`/actions/${id}/update`, update, { cookie }), params), [403, 404]);
      await expectUnchanged(
        () =>
          callRoute(
            itemAction,
            postRequest(`/actions/${id}`, form({ intent: "request-extension", version: "1", requestedDueDate: "2030-01-31", reason: "More time" }), {
              cookie,
            }),
            params,
          ),
        [403, 404],
      );
    }
    // The Jaipur item is COMPLETED: a forged "verify" from the officer changes nothing either.
    await expectUnchanged(
      () =>
        callRoute(itemAction, postRequest(`/actions/${items.jaipur}`, form({ intent: "update", version: "1", toStatus: "VERIFIED" }), { cookie }), {
          actionId: String(items.jaipur),
        }),
      [403, 404],
    );

    // The bulk form on /actions answers in place; the forged ids are refused, not started.
    const bulk = await expectUnchanged(
      () =>
        callRoute(
          listAction,
          postRequest("/actions", form({ intent: "bulk-start", items: [`${items.jaipur}:1`, `${items.dipr}:1`], remark: "Started" }), { cookie }),
        ),
      [200],
    );
    const answer = JSON.parse(bulk.body) as { updated: number; refused: { id: number; label: unknown; reason: string }[] };
    expect(answer.updated).toBe(0);
    expect(answer.refused.map((r) => [r.id, r.label, r.reason])).toEqual([
      [items.jaipur, null, "not-found"],
      [items.dipr, null, "not-found"],
    ]);
  });

  it("is the only thing that changes when the officer updates their own item", async () => {
    // The control: the same request for their own item is accepted, so the refusals above are about scope.
    const response = await callRoute(
      itemAction,
      postRequest(`/actions/${items.ajmer}`, form({ intent: "update", version: "1", toStatus: "IN_PROGRESS", remark: "Camp held", links: "" }), {
        cookie,
      }),
      { actionId: String(items.ajmer) },
    );
    expect(response.status).toBe(302);
    const rows = await t.db().select().from(schema.actionItems).orderBy(asc(schema.actionItems.id));
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [items.ajmer, "IN_PROGRESS"],
      [items.ajmerSp, "PENDING"],
      [items.jaipur, "COMPLETED"],
      [items.dipr, "PENDING"],
    ]);
  });

  it("never appears in the officer's list, whatever the filters say", async () => {
    for (const query of ["", "?district=JAIPUR", "?status=COMPLETED", `?meeting=${publishedMeetingId}`, "?q=cyber", "?scope=all"]) {
      const response = await callRoute(listLoader, getRequest(`/actions${query}`, { cookie }));
      expect(response.status, query).toBe(200);
      const body = await response.text();
      expect(body, query).not.toMatch(/jaipur|जयपुर/i);
      expect(body, query).not.toContain(`"id":${items.jaipur},`);
      expect(body, query).not.toContain(`"id":${items.dipr},`);
    }
  });
});

describe("the secretariat's pages", () => {
  it("refuses a meeting draft, its editor and its publication", async () => {
    const params = { meetingId: String(draftMeetingId) };
    await expectUnchanged(() => callRoute(meetingLoader, getRequest(`/meetings/${draftMeetingId}`, { cookie }), params), [403, 404]);
    await expectUnchanged(() => callRoute(editLoader, getRequest(`/meetings/${draftMeetingId}/edit`, { cookie }), params), [403, 404]);
    for (const intent of ["save-draft", "publish"]) {
      await expectUnchanged(
        () =>
          callRoute(
            editAction,
            postRequest(`/meetings/${draftMeetingId}/edit`, form({ intent, titleEn: "Hijacked", titleHi: "", meetingDate: "2024-05-02" }), {
              cookie,
            }),
            params,
          ),
        [403, 404],
      );
    }
  });

  it("refuses the verification queue and a forged verification of Jaipur's completed item", async () => {
    await expectUnchanged(() => callRoute(verifyLoader, getRequest("/verify", { cookie })), [403]);
    await expectUnchanged(
      () =>
        callRoute(
          verifyAction,
          postRequest("/verify", form({ intent: "accept", actionItemId: String(items.jaipur), version: "1", remark: "" }), { cookie }),
        ),
      [403],
    );
  });
});

describe("the admin pages", () => {
  it("refuses reading users and the audit log", async () => {
    await expectUnchanged(() => callRoute(usersLoader, getRequest("/admin/users", { cookie })), [403]);
    await expectUnchanged(
      () => callRoute(userLoader, getRequest(`/admin/users/${jaipurCollectorId}`, { cookie }), { userId: String(jaipurCollectorId) }),
      [403],
    );
    await expectUnchanged(() => callRoute(auditLoader, getRequest("/admin/audit", { cookie })), [403]);
  });

  it("refuses creating an admin, promoting oneself, resetting or disabling another officer, and importing users", async () => {
    await expectUnchanged(
      () =>
        callRoute(newUserAction, postRequest("/admin/users/new", form({ displayName: "Me again", username: "my.admin", role: "ADMIN" }), { cookie })),
      [403],
    );
    await expectUnchanged(
      () =>
        callRoute(
          userAction,
          postRequest(`/admin/users/${ajmerCollectorId}`, form({ intent: "update", displayName: "Collector", role: "ADMIN" }), { cookie }),
          { userId: String(ajmerCollectorId) },
        ),
      [403],
    );
    for (const intent of ["reset-password", "disable"]) {
      await expectUnchanged(
        () =>
          callRoute(userAction, postRequest(`/admin/users/${jaipurCollectorId}`, form({ intent }), { cookie }), {
            userId: String(jaipurCollectorId),
          }),
        [403],
      );
    }
    await expectUnchanged(
      () =>
        callRoute(
          importAction,
          postRequest("/admin/users/import", form({ intent: "import", csv: "name,username,role\nEvil,evil.admin,ADMIN\n" }), { cookie }),
        ),
      [403],
    );
  });

  it("leaves a trail: each refusal is in the audit log under the officer's name", async () => {
    const denials = await t.db().select().from(schema.auditLog);
    const mine = denials.filter((r) => r.action === "access.denied" && r.actorId === ajmerCollectorId);
    const targets = new Set(mine.map((r) => r.targetId));
    for (const target of [
      "GET /admin/users",
      "POST /admin/users/new",
      `POST /admin/users/${jaipurCollectorId}`,
      "POST /admin/users/import",
      "GET /admin/audit",
      "POST /verify",
    ]) {
      expect(targets, target).toContain(target);
    }
  });
});
