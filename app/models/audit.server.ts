import { db, schema, type DbOrTx } from "~/db.server";
import type { NewAuditEntry } from "../../db/schema";

export type AuditInput = Omit<NewAuditEntry, "id" | "at">;

/** Append one row to the audit log. Rows are never updated or deleted. */
export async function recordAudit(entry: AuditInput, tx: DbOrTx = db()): Promise<void> {
  await tx.insert(schema.auditLog).values(entry);
}

export function requestOrigin(request: Request): { ip: string | null; userAgent: string | null } {
  return {
    ip: request.headers.get("x-anupalan-client-ip") ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    userAgent: request.headers.get("user-agent"),
  };
}
