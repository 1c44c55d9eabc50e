// The administrator's side of access: the CSV import (all or nothing, errors by line), a
// password reset shown once, and the audit log — filtered, and never changed.
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { action as importAction } from "~/routes/admin.users.import";
import { action as userAction, loader as userLoader } from "~/routes/admin.users.$userId";
import { loader as auditLoader } from "~/routes/admin.audit";
import { verifyLogin } from "~/models/user.server";
import { useTestDatabase } from "../support/database";
import { createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let adminCookie: string;

beforeAll(async () => {
  await importRajasthan(t.db());
  const admin = await createUser(t.db(), { role: "ADMIN", username: "users.admin" });
  adminCookie = await sessionCookieFor(admin.id);
});

async function userCount() {
  return (await t.db().select({ n: count() }).from(schema.users))[0].n;
}

function importCsv(csv: string) {
  return callRoute(
    importAction,
    postRequest("/admin/users/import", { intent: "import", csv }, { cookie: adminCookie, headers: { "x-anupalan-client-ip": "10.1.2.3" } }),
  );
}

describe("importing users from CSV", () => {
  const header = "name,username,role,district_or_department,district_role";

  it("imports nothing when any row is wrong, and names each wrong line", async () => {
    const before = await userCount();
    const csv = [
      header,
      '"Collector, Alwar",csv.collector.alwar,DISTRICT_OFFICER,ALWAR,COLLECTOR',
      '"SP, Alwar",csv.sp.alwar,DISTRICT_OFFICER,NOWHERE,SP', // line 3: unknown district
      '"Nodal officer,\nDoIT",csv.doit,DEPARTMENT_OFFICER,DOIT,', // lines 4-5: a quoted line break
      "Someone,csv.collector.alwar,OFFICIAL,,", // line 6: the same username again
      "No role,csv.norole,,,", // line 7
    ].join("\n");
    const response = await importCsv(csv);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { line: number; messages: { key: string }[] }[] };
    expect(body.errors.map((e) => [e.line, e.messages.map((m) => m.key)])).toEqual([
      [3, ["import.districtUnknown"]],
      [6, ["import.duplicateInFile"]],
      [7, ["import.fieldError"]],
    ]);
    expect(await userCount()).toBe(before);
  });

  it("creates every row of a valid file, each with a one-time password that must be changed", async () => {
    const before = await userCount();
    const csv = [
      header,
      '"Collector, Alwar",csv.collector.alwar,DISTRICT_OFFICER,ALWAR,COLLECTOR',
      '"SP, Alwar",csv.sp.alwar,DISTRICT_OFFICER,ALWAR,SP',
      '"Nodal officer, DoIT",csv.doit,DEPARTMENT_OFFICER,DOIT,',
    ].join("\r\n");
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { created: { username: string; password: string }[]; csv: string };
    expect(body.created.map((u) => u.username)).toEqual(["csv.collector.alwar", "csv.sp.alwar", "csv.doit"]);
    expect(await userCount()).toBe(before + 3);
    for (const user of body.created) {
      const signedIn = await verifyLogin(user.username, user.password);
      expect(signedIn?.mustChangePassword, user.username).toBe(true);
      expect(body.csv).toContain(`${user.username},`);
    }
    const [sp] = await t.db().select().from(schema.users).where(eq(schema.users.username, "csv.sp.alwar"));
    expect(sp).toMatchObject({ role: "DISTRICT_OFFICER", districtRole: "SP" });
    // Importing the same file again creates nothing: every username is taken.
    const again = await importCsv(csv);
    expect(again.status).toBe(400);
    expect(await userCount()).toBe(before + 3);
  });
});

describe("resetting a password", () => {
  it("shows the new password in the answer only, ends the user's sessions, and is audited", async () => {
    const officer = await createUser(t.db(), { role: "OFFICIAL", username: "reset.me" });
    await sessionCookieFor(officer.id);
    const params = { userId: String(officer.id) };
    const response = await callRoute(
      userAction,
      postRequest(`/admin/users/${officer.id}`, { intent: "reset-password" }, { cookie: adminCookie }),
      params,
    );
    expect(response.status).toBe(200);
    const { password } = (await response.json()) as { password: string };
    expect((await verifyLogin("reset.me", password))?.id).toBe(officer.id);
    const [row] = await t.db().select().from(schema.users).where(eq(schema.users.id, officer.id));
    expect(row.passwordHash).not.toContain(password);
    expect(row.mustChangePassword).toBe(true);
    // The user page afterwards does not carry it.
    const page = await callRoute(userLoader, getRequest(`/admin/users/${officer.id}`, { cookie: adminCookie }), params);
    expect(await page.text()).not.toContain(password);
    const [sessions] = await t.db().select({ n: count() }).from(schema.sessions).where(eq(schema.sessions.userId, officer.id));
    expect(sessions.n).toBe(0);
  });
});

describe("the audit log", () => {
  it("lets an admin filter by action and user", async () => {
    const response = await callRoute(auditLoader, getRequest("/admin/audit?action=user.create&user=users.admin", { cookie: adminCookie }));
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      entries: { action: string; actorUsername: string; ip: string | null; details: { username?: string } }[];
      total: number;
    };
    expect(page.total).toBe(3);
    expect(page.entries.every((e) => e.action === "user.create" && e.actorUsername === "users.admin" && e.ip === "10.1.2.3")).toBe(true);
    expect(page.entries.map((e) => e.details.username).sort()).toEqual(["csv.collector.alwar", "csv.doit", "csv.sp.alwar"]);

    const resets = (await (await callRoute(auditLoader, getRequest("/admin/audit?action=user.password_reset", { cookie: adminCookie }))).json()) as {
      total: number;
    };
    expect(resets.total).toBe(1);
  });

  it("names the actor in Hindi too, for Hindi pages", async () => {
    await t.db().update(schema.users).set({ displayNameHi: "प्रशासक" }).where(eq(schema.users.username, "users.admin"));
    const response = await callRoute(auditLoader, getRequest("/admin/audit?action=user.create&user=users.admin&lang=hi", { cookie: adminCookie }));
    const page = (await response.json()) as { entries: { actorName: string | null; actorNameHi: string | null }[] };
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.actorNameHi === "प्रशासक")).toBe(true);
    await t.db().update(schema.users).set({ displayNameHi: null }).where(eq(schema.users.username, "users.admin"));
  });

  it("cannot be changed or emptied, even with SQL", async () => {
    const [{ n }] = await t.db().select({ n: count() }).from(schema.auditLog);
    expect(n).toBeGreaterThan(0);
    await expect(t.db().execute(sql`UPDATE audit_log SET action = 'nothing'`)).rejects.toThrow();
    await expect(t.db().execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.db().execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const [{ n: after }] = await t.db().select({ n: count() }).from(schema.auditLog);
    expect(after).toBe(n);
  });
});

// Last: its imports add user.create entries the audit-log test above counts.
describe("names in Hindi (issue 11 item 6)", () => {
  it("imports the optional name_hi column, and a file without it still imports", async () => {
    const withHindi = [
      "name,username,role,district_or_department,district_role,name_hi",
      '"District Collector, Alwar",hi.collector.alwar,DISTRICT_OFFICER,ALWAR,COLLECTOR,"जिला कलेक्टर, अलवर"',
      '"SP, Alwar",hi.sp.alwar,DISTRICT_OFFICER,ALWAR,SP,',
    ].join("\n");
    expect((await importCsv(withHindi)).status).toBe(200);
    const rows = await t
      .db()
      .select({ username: schema.users.username, displayNameHi: schema.users.displayNameHi })
      .from(schema.users)
      .where(sql`${schema.users.username} LIKE 'hi.%'`)
      .orderBy(schema.users.username);
    expect(rows).toEqual([
      { username: "hi.collector.alwar", displayNameHi: "जिला कलेक्टर, अलवर" },
      { username: "hi.sp.alwar", displayNameHi: null },
    ]);
    const withoutHindi = ["name,username,role,district_or_department,district_role", "Official,hi.none,OFFICIAL,,"].join("\n");
    expect((await importCsv(withoutHindi)).status).toBe(200);
  });

  it("an admin sets and clears a user's Hindi name in the edit form; the change is audited, the sessions stay", async () => {
    const user = await createUser(t.db(), { role: "OFFICIAL", displayName: "Secretary, Home" });
    const userCookie = await sessionCookieFor(user.id);
    const post = (displayNameHi: string) =>
      callRoute(
        userAction,
        postRequest(
          `/admin/users/${user.id}`,
          { intent: "update", displayName: "Secretary, Home", displayNameHi, role: "OFFICIAL" },
          { cookie: adminCookie },
        ),
        { userId: String(user.id) },
      );
    expect((await post("  सचिव, गृह  ")).status).toBe(302);
    const stored = async () => (await t.db().select().from(schema.users).where(eq(schema.users.id, user.id)))[0].displayNameHi;
    expect(await stored()).toBe("सचिव, गृह");
    const page = await callRoute(userLoader, getRequest(`/admin/users/${user.id}?lang=hi`, { cookie: adminCookie }), { userId: String(user.id) });
    expect(((await page.json()) as { user: { displayNameHi: string } }).user.displayNameHi).toBe("सचिव, गृह");
    const sessions = await t.db().select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(sessions.length, "a name change is not an access change").toBe(1);
    expect(userCookie).toBeTruthy();
    expect((await post("")).status).toBe(302);
    expect(await stored()).toBeNull();
  });
});
