// Who may open what: every route module in app/routes, called as each role and as an anonymous
// visitor, answers the status this table expects. The route directory is read when the test
// runs, so a new route file without an entry here fails the test until someone decides who
// may use it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { BASE_URL, callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
const routesDir = path.resolve(__dirname, "../../app/routes");

// DIVISION_OFFICER is Ajmer division's Commissioner: the Ajmer collector's item is in their scope.
const WHO = ["anonymous", "ADMIN", "SECRETARIAT", "OFFICIAL", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "DIVISION_OFFICER"] as const;
type Who = (typeof WHO)[number];

/**
 * "login": a redirect to /login?redirectTo=<the page>; { redirect }: a redirect to exactly
 * that address; a number: that status.
 */
type Outcome = number | "login" | { redirect: string };
type Expectation = Record<Who, Outcome>;

interface Entry {
  /** The address, with :params filled from the fixture. */
  path: (f: Fixture) => string;
  params?: (f: Fixture) => Record<string, string>;
  loader: Expectation;
  /** Expected answers to a POST that changes nothing (an empty form); 405 when there is no action. */
  action: Expectation | 405;
  /** A route another engineer is adding: its entry waits until the file exists. */
  upcoming?: boolean;
}

interface Fixture {
  ajmerItemId: number;
  jaipurItemId: number;
  evidenceId: number;
  publishedMeetingId: number;
  draftMeetingId: number;
  directiveId: number;
  otherUserId: number;
}

// Shorthands for the usual shapes of a row.
function only(allowed: Who[], yes: Outcome, no: Outcome = 403): Expectation {
  return Object.fromEntries(WHO.map((w) => [w, w === "anonymous" ? "login" : allowed.includes(w) ? yes : no])) as Expectation;
}
function everyone(outcome: Outcome): Expectation {
  return Object.fromEntries(WHO.map((w) => [w, outcome])) as Expectation;
}
function signedIn(outcome: Outcome): Expectation {
  return { ...everyone(outcome), anonymous: "login" };
}

const READERS: Who[] = ["ADMIN", "SECRETARIAT", "OFFICIAL"];
const WRITERS: Who[] = ["ADMIN", "SECRETARIAT"];
const OFFICERS: Who[] = ["DISTRICT_OFFICER", "DEPARTMENT_OFFICER"];

const TABLE: Record<string, Entry> = {
  $: { path: () => "/no/such/page", params: () => ({ "*": "no/such/page" }), loader: everyone(404), action: 405 },
  _index: { path: () => "/", loader: everyone(200), action: 405 },
  healthz: { path: () => "/healthz", loader: everyone(200), action: 405 },
  login: {
    path: () => "/login",
    // A signed-in visitor is sent on to where they work.
    loader: {
      anonymous: 200,
      ADMIN: { redirect: "/meetings" },
      SECRETARIAT: { redirect: "/meetings" },
      OFFICIAL: { redirect: "/dashboard" },
      DISTRICT_OFFICER: { redirect: "/actions" },
      DEPARTMENT_OFFICER: { redirect: "/actions" },
      DIVISION_OFFICER: { redirect: "/division" },
    },
    action: everyone(400),
  },
  // A GET changes nothing; the POST signs out whoever sent it.
  logout: { path: () => "/logout", loader: everyone({ redirect: "/" }), action: everyone({ redirect: "/" }) },
  "account.password": { path: () => "/account/password", loader: signedIn(200), action: signedIn(400) },

  "actions._index": {
    path: () => "/actions",
    loader: signedIn(200),
    // Bulk "start work" is the officers' own.
    action: only(OFFICERS, 400),
  },
  "actions.$actionId": {
    path: (f) => `/actions/${f.ajmerItemId}`,
    params: (f) => ({ actionId: String(f.ajmerItemId) }),
    // The item is Ajmer's collector's: the DIPR officer meets it as if it did not exist.
    loader: { ...signedIn(200), DEPARTMENT_OFFICER: 404 },
    action: { ...only(["ADMIN", "SECRETARIAT", ...OFFICERS], 400), DEPARTMENT_OFFICER: 404 },
  },
  "actions.$actionId.update": {
    path: (f) => `/actions/${f.ajmerItemId}/update`,
    params: (f) => ({ actionId: String(f.ajmerItemId) }),
    // The GET only points at the item page, which has its own guard.
    loader: everyone({ redirect: "/actions/AJMER_ITEM" }),
    action: { ...only(["ADMIN", "SECRETARIAT", ...OFFICERS], 400), DEPARTMENT_OFFICER: 404 },
  },
  "actions.$actionId.evidence.$evidenceId": {
    path: (f) => `/actions/${f.ajmerItemId}/evidence/${f.evidenceId}`,
    params: (f) => ({ actionId: String(f.ajmerItemId), evidenceId: String(f.evidenceId) }),
    loader: { ...signedIn(200), DEPARTMENT_OFFICER: 404 },
    action: 405,
  },

  dashboard: { path: () => "/dashboard", loader: only(READERS, 200), action: 405 },
  "districts._index": { path: () => "/districts?q=a", loader: only(READERS, 200), action: 405 },
  verify: { path: () => "/verify", loader: only(WRITERS, 200), action: only(WRITERS, 400) },

  "meetings._index": { path: () => "/meetings", loader: only(READERS, 200), action: 405 },
  "meetings.new": { path: () => "/meetings/new", loader: only(WRITERS, 200), action: only(WRITERS, 400) },
  "meetings.$meetingId": {
    path: (f) => `/meetings/${f.publishedMeetingId}`,
    params: (f) => ({ meetingId: String(f.publishedMeetingId) }),
    loader: only(READERS, 200),
    // Closing or re-issuing a carried directive (issue 10); an empty form is refused field by field.
    action: only(WRITERS, 400),
  },
  // The review cycle (issue 10): the brief and its workbook for readers, the lists the secretariat keeps,
  // the editor's carry-over list, a grade's explanation (officers: their own district, like its record).
  "meetings.$meetingId_.brief": {
    path: (f) => `/meetings/${f.publishedMeetingId}/brief`,
    params: (f) => ({ meetingId: String(f.publishedMeetingId) }),
    loader: only(READERS, 200),
    action: 405,
  },
  "meetings.$meetingId.brief[.]xlsx": {
    path: (f) => `/meetings/${f.publishedMeetingId}/brief.xlsx`,
    params: (f) => ({ meetingId: String(f.publishedMeetingId) }),
    loader: only(READERS, 200),
    action: 405,
  },
  series: { path: () => "/series", loader: only(WRITERS, 200), action: only(WRITERS, 400) },
  "meetings.carry-candidates": { path: () => "/meetings/carry-candidates", loader: only(WRITERS, 200), action: 405 },
  "districts.$districtCode_.grade": {
    path: () => "/districts/AJMER/grade",
    params: () => ({ districtCode: "AJMER" }),
    loader: { ...only(READERS, 200), DISTRICT_OFFICER: 200, DEPARTMENT_OFFICER: 403 },
    action: 405,
  },
  "meetings.$meetingId_.edit": {
    path: (f) => `/meetings/${f.draftMeetingId}/edit`,
    params: (f) => ({ meetingId: String(f.draftMeetingId) }),
    loader: only(WRITERS, 200),
    action: only(WRITERS, 400),
  },
  // Correcting published minutes (issue 11 item 5): the secretariat's own pages.
  "meetings.$meetingId_.publish": {
    path: (f) => `/meetings/${f.draftMeetingId}/publish`,
    params: (f) => ({ meetingId: String(f.draftMeetingId) }),
    loader: only(WRITERS, 200),
    // An empty form confirms no count: refused as stale, nothing published.
    action: only(WRITERS, 409),
  },
  "meetings.$meetingId_.delete": {
    path: (f) => `/meetings/${f.draftMeetingId}/delete`,
    params: (f) => ({ meetingId: String(f.draftMeetingId) }),
    loader: only(WRITERS, 200),
    action: only(WRITERS, 400),
  },
  "meetings.$meetingId_.add-directive": {
    path: (f) => `/meetings/${f.publishedMeetingId}/add-directive`,
    params: (f) => ({ meetingId: String(f.publishedMeetingId) }),
    loader: only(WRITERS, 200),
    action: only(WRITERS, 400),
  },
  "meetings.$meetingId_.directives.$directiveId.correct": {
    path: (f) => `/meetings/${f.publishedMeetingId}/directives/${f.directiveId}/correct`,
    params: (f) => ({ meetingId: String(f.publishedMeetingId), directiveId: String(f.directiveId) }),
    loader: only(WRITERS, 200),
    action: only(WRITERS, 400),
  },

  "admin.users._index": { path: () => "/admin/users", loader: only(["ADMIN"], 200), action: 405 },
  "admin.users.new": { path: () => "/admin/users/new", loader: only(["ADMIN"], 200), action: only(["ADMIN"], 400) },
  "admin.users.import": { path: () => "/admin/users/import", loader: only(["ADMIN"], 200), action: only(["ADMIN"], 400) },
  "admin.users.$userId": {
    path: (f) => `/admin/users/${f.otherUserId}`,
    params: (f) => ({ userId: String(f.otherUserId) }),
    loader: only(["ADMIN"], 200),
    action: only(["ADMIN"], 400),
  },
  "admin.audit": { path: () => "/admin/audit", loader: only(["ADMIN"], 200), action: 405 },

  // Issue 13: the inbox and notice settings are everyone's own; the ladder and the delivery audit
  // the administrator's; the division dashboard and the remark the division officer's.
  notices: { path: () => "/notices", loader: signedIn(200), action: signedIn(400) },
  "account.notices": { path: () => "/account/notices", loader: signedIn(200), action: signedIn(400) },
  "admin.reminders": { path: () => "/admin/reminders", loader: only(["ADMIN"], 200), action: only(["ADMIN"], 400) },
  "admin.notices": { path: () => "/admin/notices", loader: only(["ADMIN"], 200), action: 405 },
  division: { path: () => "/division", loader: only(["DIVISION_OFFICER"], 200), action: 405 },
  "actions.$actionId.remark": {
    path: (f) => `/actions/${f.ajmerItemId}/remark`,
    params: (f) => ({ actionId: String(f.ajmerItemId) }),
    loader: everyone({ redirect: "/actions/AJMER_ITEM" }),
    // An empty remark is sent back to the form; it records nothing.
    action: only(["DIVISION_OFFICER"], { redirect: "/actions/AJMER_ITEM?remark=empty#remark-title" }),
  },

  // Being built alongside this test: the Action Taken Report and its downloads, a district's
  // record and a directive across districts. Officers read only their own items, so the
  // reports over every district are closed to them.
  ...Object.fromEntries(
    [
      ["meetings.$meetingId_.atr", ""],
      ["meetings.$meetingId.atr[.]xlsx", ".xlsx"],
      ["meetings.$meetingId.atr[.]csv", ".csv"],
    ].map(([id, suffix]): [string, Entry] => [
      id,
      {
        path: (f) => `/meetings/${f.publishedMeetingId}/atr${suffix}`,
        params: (f) => ({ meetingId: String(f.publishedMeetingId) }),
        loader: only(READERS, 200),
        action: 405,
        upcoming: true,
      },
    ]),
  ),
  "districts.$districtCode": {
    path: () => "/districts/AJMER",
    params: () => ({ districtCode: "AJMER" }),
    // The Ajmer collector may read their own district's record; a department officer may not.
    loader: { ...only(READERS, 200), DISTRICT_OFFICER: 200, DEPARTMENT_OFFICER: 403 },
    action: 405,
    upcoming: true,
  },
  "directives.$directiveId": {
    path: (f) => `/directives/${f.directiveId}`,
    params: (f) => ({ directiveId: String(f.directiveId) }),
    // Officers see a directive that was assigned to them (Ajmer's collector here, not DIPR); Ajmer
    // division's Commissioner sees it too, with only their division's rows.
    loader: { ...only(READERS, 200), DISTRICT_OFFICER: 200, DEPARTMENT_OFFICER: 403, DIVISION_OFFICER: 200 },
    action: 405,
    upcoming: true,
  },
};

/** Route ids as Remix derives them: file names without extension, and folders with a route file. */
function routeIdsOnDisk(): string[] {
  return fs
    .readdirSync(routesDir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) {
        const inner = ["route.tsx", "route.ts", "route.jsx", "route.js"].find((f) => fs.existsSync(path.join(routesDir, entry.name, f)));
        return inner ? [{ id: entry.name, file: path.join(entry.name, inner) }] : [];
      }
      // remix.config.js ignores tests and *.server.* (request handlers shared by routes).
      return /\.(tsx?|jsx?)$/.test(entry.name) && !/\.(test|spec|server)\./.test(entry.name)
        ? [{ id: entry.name.replace(/\.(tsx?|jsx?)$/, ""), file: entry.name }]
        : [];
    })
    .map((r) => r.id)
    .sort();
}

function routeFile(id: string): string {
  for (const candidate of [`${id}.tsx`, `${id}.ts`, `${id}.jsx`, `${id}.js`, `${id}/route.tsx`, `${id}/route.ts`]) {
    if (fs.existsSync(path.join(routesDir, candidate))) return path.join(routesDir, candidate);
  }
  throw new Error(`no file for route ${id}`);
}

const ON_DISK = routeIdsOnDisk();
const users: Partial<Record<Who, number>> = {};
let fixture: Fixture;

beforeAll(async () => {
  const db = t.db();
  await importRajasthan(db);
  users.ADMIN = (await createUser(db, { role: "ADMIN" })).id;
  users.SECRETARIAT = (await createUser(db, { role: "SECRETARIAT" })).id;
  users.OFFICIAL = (await createUser(db, { role: "OFFICIAL" })).id;
  users.DISTRICT_OFFICER = (await createUser(db, { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" })).id;
  users.DEPARTMENT_OFFICER = (await createUser(db, { role: "DEPARTMENT_OFFICER", departmentCode: "DIPR" })).id;
  users.DIVISION_OFFICER = (await createUser(db, { role: "DIVISION_OFFICER", divisionCode: "AJM", districtRole: "COLLECTOR" })).id;
  const other = await createUser(db, { role: "OFFICIAL", username: "someone.else" });

  const { meeting, directive, items } = await createPublishedMeeting(db, {
    items: [{ districtCode: "AJMER" }, { districtCode: "JAIPUR" }],
  });
  const [history] = await db
    .insert(schema.actionItemHistory)
    .values({ actionItemId: items[0].id, kind: "STATUS_CHANGED", fromStatus: "PENDING", toStatus: "IN_PROGRESS", version: 2, remark: "Started" })
    .returning();
  const pdf = Buffer.from("%PDF-1.4\n% evidence\n");
  const [file] = await db
    .insert(schema.evidence)
    .values({
      actionItemId: items[0].id,
      historyId: history.id,
      kind: "FILE",
      fileName: "report.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.length,
      sha256: crypto.createHash("sha256").update(pdf).digest("hex"),
      content: pdf,
    })
    .returning();
  const [draft] = await db
    .insert(schema.meetings)
    .values({ titleEn: "Draft review", titleHi: "प्रारूप समीक्षा", meetingDate: "2024-04-01", status: "DRAFT" })
    .returning();
  fixture = {
    ajmerItemId: items[0].id,
    jaipurItemId: items[1].id,
    evidenceId: file.id,
    publishedMeetingId: meeting.id,
    draftMeetingId: draft.id,
    directiveId: directive.id,
    otherUserId: other.id,
  };
});

async function cookieOf(who: Who): Promise<string | undefined> {
  // A fresh session per call: signing out (or a password form) must not spoil the next row.
  return who === "anonymous" ? undefined : sessionCookieFor(users[who]!);
}

function check(response: Response, expected: Outcome, requestPath: string, label: string) {
  const location = response.headers.get("location");
  if (expected === "login") {
    expect({ status: response.status, location }, label).toEqual({
      status: 302,
      location: `/login?${new URLSearchParams({ redirectTo: requestPath })}`,
    });
  } else if (typeof expected === "object") {
    const wanted = expected.redirect.replace("AJMER_ITEM", String(fixture.ajmerItemId));
    expect({ status: response.status, location }, label).toEqual({ status: 302, location: wanted });
  } else {
    expect(response.status, `${label} (location ${location})`).toBe(expected);
  }
}

/** Rows whose number a refused or empty POST must not change. */
async function rowCounts() {
  const db = t.db();
  const tables = {
    users: schema.users,
    meetings: schema.meetings,
    directives: schema.directives,
    actionItems: schema.actionItems,
    history: schema.actionItemHistory,
    evidence: schema.evidence,
    extensionRequests: schema.extensionRequests,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0].n] as const),
  );
  return Object.fromEntries(entries);
}

describe("the route table", () => {
  it("has an entry for every route module in app/routes", () => {
    const missing = ON_DISK.filter((id) => !(id in TABLE));
    expect(missing, "add these routes to TABLE in tests/integration/route-access.test.ts").toEqual([]);
  });

  it("has no entries for routes that are gone (except ones being built)", () => {
    const stale = Object.keys(TABLE).filter((id) => !ON_DISK.includes(id) && !TABLE[id].upcoming);
    expect(stale).toEqual([]);
  });
});

describe.each(ON_DISK.filter((id) => id in TABLE))("%s", (id) => {
  const entry = TABLE[id];

  it.each(WHO)("GET as %s", async (who) => {
    const mod = await import(routeFile(id));
    const requestPath = entry.path(fixture);
    if (!mod.loader) {
      // Without a loader Remix renders the component only; none of our routes does that.
      throw new Error(`${id} has no loader`);
    }
    const response = await callRoute(mod.loader, getRequest(requestPath, { cookie: await cookieOf(who) }), entry.params?.(fixture));
    check(response, entry.loader[who], requestPath, `GET ${requestPath} as ${who}`);
  });

  it.each(WHO)("POST as %s", async (who) => {
    const mod = await import(routeFile(id));
    const requestPath = entry.path(fixture);
    if (entry.action === 405) {
      // Remix answers 405 Method Not Allowed to a POST for a route without an action.
      expect(mod.action, `${id} has an action: give it expectations`).toBeUndefined();
      return;
    }
    expect(mod.action, `${id} has no action: expect 405`).toBeTypeOf("function");
    const before = await rowCounts();
    const request = postRequest(requestPath, {}, { cookie: await cookieOf(who), headers: { origin: BASE_URL } });
    const response = await callRoute(mod.action, request, entry.params?.(fixture));
    check(response, entry.action[who], requestPath, `POST ${requestPath} as ${who}`);
    expect(await rowCounts(), "an empty or refused POST changes nothing").toEqual(before);
  });
});

describe("denials are audited", () => {
  it("records who was refused what, and from where", async () => {
    const mod = await import(routeFile("admin.users._index"));
    const request = getRequest("/admin/users", {
      cookie: await sessionCookieFor(users.DISTRICT_OFFICER!),
      headers: { "x-anupalan-client-ip": "203.0.113.50", "user-agent": "route-access-test" },
    });
    expect((await callRoute(mod.loader, request)).status).toBe(403);
    const rows = await t.db().select().from(schema.auditLog);
    const denial = rows.find((r) => r.action === "access.denied" && r.ip === "203.0.113.50");
    expect(denial).toMatchObject({
      actorId: users.DISTRICT_OFFICER,
      targetType: "route",
      targetId: "GET /admin/users",
      userAgent: "route-access-test",
      details: { permission: "manage:users:any" },
    });
    expect(denial!.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
