// The verification queue through its route: the secretariat sees reported completions newest
// first (oldest first on request), accepts (→ VERIFIED) or returns them (→ IN_PROGRESS, remark required), one by one or
// the selected ones together; every decision is one history row.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify";
import type { Viewer } from "~/utils/auth.server";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
let secretariat: Viewer;
let colleague: Viewer;
let cookie: string;
const officers: Record<string, Viewer> = {};

beforeAll(async () => {
  await importRajasthan(t.db());
  secretariat = await createUser(t.db(), { role: "SECRETARIAT" });
  colleague = await createUser(t.db(), { role: "SECRETARIAT" });
  cookie = await sessionCookieFor(secretariat.id);
  for (const code of ["AJMER", "JAIPUR", "KOTA", "UDAIPUR", "BIKANER"]) {
    officers[code] = await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: code, districtRole: "COLLECTOR" });
  }
});

/** Items the districts report COMPLETED, in this order, a minute apart. */
async function reportedCompletions(codes: string[]) {
  const { items } = await createPublishedMeeting(t.db(), { items: codes.map((districtCode) => ({ districtCode, status: "IN_PROGRESS" as const })) });
  const start = Date.now() - 60 * 60_000;
  const reported = [];
  for (const [n, item] of items.entries()) {
    const code = codes[n];
    const result = await changeActionItemStatus(officers[code], {
      actionItemId: item.id,
      expectedVersion: item.version,
      toStatus: "COMPLETED",
      remark: `${code}: सभी थानों में कार्य पूर्ण`,
      at: new Date(start + n * 60_000),
    });
    if (!result.ok) throw new Error(`could not report ${code}: ${result.reason}`);
    reported.push(result.item);
  }
  return reported;
}

async function item(id: number) {
  const [row] = await t.db().select().from(schema.actionItems).where(eq(schema.actionItems.id, id));
  return row;
}
async function history(id: number) {
  return t.db().select().from(schema.actionItemHistory).where(eq(schema.actionItemHistory.actionItemId, id)).orderBy(schema.actionItemHistory.id);
}
function post(fields: Record<string, string | string[]>, as = cookie) {
  return callRoute(verifyAction as never, postRequest("/verify", fields, { cookie: as }));
}

describe("/verify", () => {
  it("lists reported completions newest first by default, oldest first on request, with the district's remark", async () => {
    const [a, b] = await reportedCompletions(["AJMER", "JAIPUR"]);
    const response = await callRoute(verifyLoader as never, getRequest("/verify", { cookie }));
    const { queue } = (await response.json()) as { queue: { items: { id: number; remark: string; districtEn: string }[] } };
    const ids = queue.items.map((i) => i.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const oldest = await callRoute(verifyLoader as never, getRequest("/verify?sort=oldest", { cookie }));
    const oldestIds = ((await oldest.json()) as { queue: { items: { id: number }[] } }).queue.items.map((i) => i.id);
    expect(oldestIds.indexOf(a.id)).toBeLessThan(oldestIds.indexOf(b.id));
    expect(queue.items.find((i) => i.id === a.id)).toMatchObject({ remark: "AJMER: सभी थानों में कार्य पूर्ण", districtEn: "Ajmer" });
  });

  it("accept → VERIFIED, with a VERIFIED history row by the secretariat", async () => {
    const [reported] = await reportedCompletions(["KOTA"]);
    const response = await post({ intent: "accept", actionItemId: String(reported.id), version: String(reported.version) });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/verify?done=accepted&n=1");
    const after = await item(reported.id);
    expect(after.status).toBe("VERIFIED");
    expect(after.verifiedAt).not.toBeNull();
    const last = (await history(reported.id)).at(-1)!;
    expect(last).toMatchObject({ kind: "VERIFIED", fromStatus: "COMPLETED", toStatus: "VERIFIED", actorId: secretariat.id });
  });

  it("return needs a remark; with one → IN_PROGRESS and the remark in the history", async () => {
    const [reported] = await reportedCompletions(["UDAIPUR"]);
    const rowsBefore = (await history(reported.id)).length;
    const refused = await post({ intent: "return", actionItemId: String(reported.id), version: String(reported.version), remark: "   " });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { item: { remarkError: string } }).item.remarkError).toBe("verify.error.remarkRequired");
    expect((await item(reported.id)).status).toBe("COMPLETED");
    expect(await history(reported.id)).toHaveLength(rowsBefore);

    const remark = "फोटो संलग्न नहीं हैं, कृपया साक्ष्य अपलोड करें";
    const returned = await post({ intent: "return", actionItemId: String(reported.id), version: String(reported.version), remark });
    expect(returned.status).toBe(302);
    const after = await item(reported.id);
    expect(after.status).toBe("IN_PROGRESS");
    expect(after.latestRemark).toBe(remark);
    const last = (await history(reported.id)).at(-1)!;
    expect(last).toMatchObject({ kind: "RETURNED", fromStatus: "COMPLETED", toStatus: "IN_PROGRESS", remark, actorId: secretariat.id });
  });

  it("bulk accept of the selected: one stale item is refused and reported, the others are verified", async () => {
    const reported = await reportedCompletions(["AJMER", "JAIPUR", "BIKANER"]);
    const selected = reported.map((r) => `${r.id}:${r.version}`);
    // A colleague accepted the Jaipur item after this page was loaded.
    const meanwhile = await changeActionItemStatus(colleague, {
      actionItemId: reported[1].id,
      expectedVersion: reported[1].version,
      toStatus: "VERIFIED",
    });
    expect(meanwhile.ok).toBe(true);

    const response = await post({ intent: "accept-selected", selected });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!, "http://x");
    expect(location.searchParams.get("n")).toBe("2");
    expect(location.searchParams.get("refused")).toBe(`${reported[1].id}:conflict`);
    for (const r of [reported[0], reported[2]]) {
      expect((await item(r.id)).status).toBe("VERIFIED");
      expect((await history(r.id)).at(-1)).toMatchObject({ kind: "VERIFIED", actorId: secretariat.id });
    }
    // The stale one keeps the colleague's decision, recorded once.
    const jaipur = await history(reported[1].id);
    expect(jaipur.filter((h) => h.kind === "VERIFIED").map((h) => h.actorId)).toEqual([colleague.id]);
  });

  it("refuses an empty selection and bad ids with 400", async () => {
    expect((await post({ intent: "accept-selected" })).status).toBe(400);
    expect((await post({ intent: "accept-selected", selected: ["12:x"] })).status).toBe(400);
    expect((await post({ intent: "accept", actionItemId: "abc", version: "1" })).status).toBe(400);
    expect((await post({ intent: "nonsense" })).status).toBe(400);
  });

  it("is the secretariat's: a district officer gets 403 and changes nothing", async () => {
    const [reported] = await reportedCompletions(["AJMER"]);
    const officerCookie = await sessionCookieFor(officers.AJMER.id);
    const response = await post({ intent: "accept", actionItemId: String(reported.id), version: String(reported.version) }, officerCookie);
    expect(response.status).toBe(403);
    expect((await item(reported.id)).status).toBe("COMPLETED");
  });
});
