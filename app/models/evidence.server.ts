// Evidence for an action item: files (kept in PostgreSQL with their SHA-256) and links, always
// attached to the history row of the update they came with. Reading a file goes through the
// viewer's scope inside the query.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { schema, type DbOrTx } from "~/db.server";
import { EVIDENCE_TYPES, detectEvidenceType, type EvidenceType } from "~/schemas/action-update";
import type { Viewer } from "~/utils/auth.server";
import { actionItemScopeSql } from "./scope.server";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const FILE_ROW = z.object({
  id: col.int(),
  file_name: col.text().nullable(),
  content_type: col.text().nullable(),
  size_bytes: col.int().nullable(),
  sha256: col.text().nullable(),
  content: col.bytes(),
});

export interface EvidenceFileInput {
  name: string;
  bytes: Buffer;
}

/** Store files and links against one history row, inside the caller's transaction. */
export async function storeEvidence(
  tx: DbOrTx,
  viewer: Viewer,
  input: { actionItemId: number; historyId: number; files: EvidenceFileInput[]; links: string[]; at: Date },
): Promise<number[]> {
  const rows: (typeof schema.evidence.$inferInsert)[] = [];
  for (const file of input.files) {
    const type = detectEvidenceType(file.bytes.subarray(0, 8));
    // The caller has checked every file; this is the last line, not the first.
    if (!type || file.bytes.length === 0) throw new Error(`refusing to store ${file.name}: not a PDF, JPEG or PNG`);
    rows.push({
      actionItemId: input.actionItemId,
      historyId: input.historyId,
      kind: "FILE",
      fileName: storedFileName(file.name, type),
      contentType: type,
      sizeBytes: file.bytes.length,
      sha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
      content: file.bytes,
      uploadedById: viewer.id,
      uploadedAt: input.at,
    });
  }
  for (const url of input.links) {
    rows.push({
      actionItemId: input.actionItemId,
      historyId: input.historyId,
      kind: "LINK",
      url,
      uploadedById: viewer.id,
      uploadedAt: input.at,
    });
  }
  if (rows.length === 0) return [];
  const inserted = await tx.insert(schema.evidence).values(rows).returning({ id: schema.evidence.id });
  return inserted.map((r) => r.id);
}

/** The name as given, with the extension its content deserves (a PNG named .pdf becomes .png). */
export function storedFileName(name: string, type: EvidenceType): string {
  const extension = EVIDENCE_TYPES[type].extension;
  const base = name.replace(/\.[^.]{1,8}$/, "").trim() || "evidence";
  return `${base}.${extension}`;
}

export interface EvidenceFile {
  id: number;
  fileName: string;
  contentType: EvidenceType | "application/octet-stream";
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

/** A file of an item the viewer may see, or null (unknown, a link, or outside their scope). */
export async function findEvidenceFile(viewer: Viewer, actionItemId: number, evidenceId: number): Promise<EvidenceFile | null> {
  const [row] = await selectChecked(
    FILE_ROW,
    sql`
    SELECT e.id, e.file_name, e.content_type, e.size_bytes, e.sha256, e.content
    FROM evidence e
    JOIN action_items a ON a.id = e.action_item_id
    WHERE e.id = ${evidenceId} AND e.action_item_id = ${actionItemId} AND e.kind = 'FILE'
      AND ${actionItemScopeSql(viewer, "a")}
  `,
  );
  if (!row) return null;
  const content = row.content;
  // Trust the stored bytes over the stored label; anything unrecognised is served as opaque bytes.
  const type = detectEvidenceType(content.subarray(0, 8));
  return {
    id: row.id,
    fileName: row.file_name ?? `evidence-${row.id}${type ? `.${EVIDENCE_TYPES[type].extension}` : ""}`,
    contentType: type ?? "application/octet-stream",
    sizeBytes: content.length,
    sha256: row.sha256 ?? "",
    content,
  };
}

/**
 * A Content-Disposition that cannot break out of its header and keeps a readable name:
 * an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "_")
    .replace(/_+/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
