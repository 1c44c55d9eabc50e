// Evidence files through the real update endpoint (multipart, as the page's script sends it)
// and the real download route: what is refused and how it is said, what is kept byte for byte,
// and who may fetch it.
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { translator, type MessageKey } from "~/i18n";
import { selectRows } from "~/models/sql.server";
import { action as itemPageAction } from "~/routes/actions.$actionId";
import { loader as downloadLoader } from "~/routes/actions.$actionId.evidence.$evidenceId";
import { action as updateAction } from "~/routes/actions.$actionId.update";
import { MAX_EVIDENCE_BYTES } from "~/schemas/action-update";
import { useTestDatabase } from "../support/database";
import { createPublishedMeeting, createUser, importRajasthan } from "../support/factories";
import { callRoute, getRequest, postRequest, sessionCookieFor } from "../support/requests";

const t = useTestDatabase();
const cookie: Record<"ajmerCollector" | "ajmerSp" | "jaipurCollector" | "official" | "secretariat", string> = {} as never;

beforeAll(async () => {
  await importRajasthan(t.db());
  const users = {
    ajmerCollector: await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" }),
    ajmerSp: await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "SP" }),
    jaipurCollector: await createUser(t.db(), { role: "DISTRICT_OFFICER", districtCode: "JAIPUR", districtRole: "COLLECTOR" }),
    official: await createUser(t.db(), { role: "OFFICIAL" }),
    secretariat: await createUser(t.db(), { role: "SECRETARIAT" }),
  };
  for (const [key, user] of Object.entries(users)) cookie[key as keyof typeof cookie] = await sessionCookieFor(user.id);
});

/** A small but real PDF: a page with one line of text. */
function realPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const stream = "BT /F1 12 Tf 20 50 Td (Helpline 1930 banners put up) Tj ET";
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out +=
      body === null ? `${i + 1} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n` : `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

async function pendingAjmerItem() {
  const { items } = await createPublishedMeeting(t.db(), { items: [{ districtCode: "AJMER" }] });
  return items[0];
}

function updateForm(files: File[], remark = "बैनर लगाए गए, फोटो संलग्न") {
  const form = new FormData();
  form.set("intent", "update");
  form.set("version", "1");
  form.set("toStatus", "IN_PROGRESS");
  form.set("remark", remark);
  for (const f of files) form.append("files", f);
  return form;
}

function postUpdate(itemId: number, form: FormData, who: keyof typeof cookie = "ajmerCollector") {
  return callRoute(updateAction, postRequest(`/actions/${itemId}/update`, form, { cookie: cookie[who] }), { actionId: String(itemId) });
}

async function counts(itemId: number) {
  const [row] = await selectRows<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM evidence WHERE action_item_id = ${itemId}) AS evidence,
           (SELECT count(*)::int FROM action_item_history WHERE action_item_id = ${itemId}) AS history,
           (SELECT version FROM action_items WHERE id = ${itemId}) AS version
  `);
  return { evidence: Number(row.evidence), history: Number(row.history), version: Number(row.version) };
}

describe("evidence that is refused", () => {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), crypto.randomBytes(2000)]);
  const mz = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), crypto.randomBytes(2000)]);
  const tooBig = Buffer.alloc(MAX_EVIDENCE_BYTES + 1);
  realPdf().copy(tooBig); // a real PDF's start: refused for its size, not its type

  it.each([
    ["10 MB + 1 byte", new File([tooBig], "scan.pdf", { type: "application/pdf" }), "evidence.error.tooLarge", "is larger than 10 MB"],
    ["an ELF executable named .pdf", new File([elf], "report.pdf", { type: "application/pdf" }), "evidence.error.type", "is not a PDF, JPEG or PNG"],
    [
      "a Windows executable named .pdf",
      new File([mz], "report.pdf", { type: "application/pdf" }),
      "evidence.error.type",
      "is not a PDF, JPEG or PNG",
    ],
    ["an empty file", new File([], "empty.pdf", { type: "application/pdf" }), "evidence.error.empty", "is empty"],
  ])("%s is refused with a clear message, and nothing is saved", async (_what, file, key, english) => {
    const item = await pendingAjmerItem();
    const before = await counts(item.id);
    const response = await postUpdate(item.id, updateForm([file]));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.outcome).toBe("invalid");
    expect(body.fileProblems).toEqual([{ name: file.name, error: key }]);
    expect(translator("en")(key as MessageKey, { name: file.name })).toContain(`${file.name} ${english}`);
    expect(translator("hi")(key as MessageKey, { name: file.name })).toContain(file.name);
    // The officer's words survive the refusal.
    expect(body.values.remark).toBe("बैनर लगाए गए, फोटो संलग्न");
    expect(await counts(item.id)).toEqual(before);
  });

  it("one bad file among good ones refuses the whole update (no half-saved evidence)", async () => {
    const item = await pendingAjmerItem();
    const before = await counts(item.id);
    const response = await postUpdate(item.id, updateForm([new File([PNG], "ok.png"), new File([elf], "bad.pdf")]));
    expect(response.status).toBe(400);
    expect((await response.json()).fileProblems).toEqual([{ name: "bad.pdf", error: "evidence.error.type" }]);
    expect(await counts(item.id)).toEqual(before);
  });

  it("the page's own form (without JavaScript) refuses the same file the same way", async () => {
    const item = await pendingAjmerItem();
    const response = await callRoute(
      itemPageAction,
      postRequest(`/actions/${item.id}`, updateForm([new File([elf], "report.pdf")]), { cookie: cookie.ajmerCollector }),
      { actionId: String(item.id) },
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.outcome.fileProblems).toEqual([{ name: "report.pdf", error: "evidence.error.type" }]);
    expect(body.outcome.filesDropped).toBe(1);
  });
});

describe("evidence that is kept", () => {
  it.each([
    ["a PDF", realPdf(), "प्रगति रिपोर्ट.pdf", "application/pdf", "प्रगति रिपोर्ट.pdf"],
    ["a PNG", PNG, "photo.png", "image/png", "photo.png"],
    // Named by content: a PNG sent as .pdf is stored and served as the PNG it is.
    ["a PNG named .pdf", PNG, "photo.pdf", "image/png", "photo.png"],
  ])("%s round-trips byte for byte; only those who may see the item can download it", async (_what, bytes, name, type, storedName) => {
    const item = await pendingAjmerItem();
    const response = await postUpdate(item.id, updateForm([new File([new Uint8Array(bytes)], name, { type: "application/octet-stream" })]));
    expect(response.status).toBe(200);
    expect(await counts(item.id)).toEqual({ evidence: 1, history: 2, version: 2 });
    const [row] = await t.db().select().from(schema.evidence).where(eq(schema.evidence.actionItemId, item.id));
    const [history] = await t
      .db()
      .select()
      .from(schema.actionItemHistory)
      .where(eq(schema.actionItemHistory.actionItemId, item.id))
      .orderBy(sql`version DESC`)
      .limit(1);
    expect(row).toMatchObject({ historyId: history.id, kind: "FILE", contentType: type, sizeBytes: bytes.length, fileName: storedName });
    expect(row.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));

    const download = (who: keyof typeof cookie) =>
      callRoute(downloadLoader, getRequest(`/actions/${item.id}/evidence/${row.id}`, { cookie: cookie[who] }), {
        actionId: String(item.id),
        evidenceId: String(row.id),
      });
    for (const who of ["ajmerCollector", "official", "secretariat"] as const) {
      const res = await download(who);
      expect(res.status, who).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
    // Another district's Collector, and the SP of the same district (a different assignee), get 404.
    for (const who of ["jaipurCollector", "ajmerSp"] as const) {
      const res = await download(who);
      expect(res.status, who).toBe(404);
      expect((await res.text()).length).toBeLessThan(50);
    }
  });

  it("the evidence id must belong to the item in the URL", async () => {
    const a = await pendingAjmerItem();
    const b = await pendingAjmerItem();
    expect((await postUpdate(a.id, updateForm([new File([PNG], "a.png")]))).status).toBe(200);
    const [row] = await t.db().select().from(schema.evidence).where(eq(schema.evidence.actionItemId, a.id));
    const res = await callRoute(downloadLoader, getRequest(`/actions/${b.id}/evidence/${row.id}`, { cookie: cookie.ajmerCollector }), {
      actionId: String(b.id),
      evidenceId: String(row.id),
    });
    expect(res.status).toBe(404);
  });
});
