import { and, count, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { NewAuditEntry } from "../../db/schema";
import { z } from "zod";
import { col, selectChecked } from "./rows.server";

const ACTION_ROW = z.object({ action: col.text() });

export type AuditInput = Omit<NewAuditEntry, "id" | "at">;

/** Append one row to the audit log. Rows are never updated or deleted. */
export async function recordAudit(entry: AuditInput, tx: DbOrTx = db()): Promise<void> {
  await tx.insert(schema.auditLog).values(entry);
}

/**
 * Append the row unless the same action from the same address was recorded in the last
 * minute: a flood of refused requests leaves one line a minute, not one per request.
 */
export async function recordAuditOncePerMinute(entry: AuditInput, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - 60_000);
  const [recent] = await db()
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.action, entry.action),
        gt(schema.auditLog.at, since),
        entry.ip ? eq(schema.auditLog.ip, entry.ip) : sql`${schema.auditLog.ip} IS NULL`,
      ),
    )
    .limit(1);
  if (!recent) await recordAudit(entry);
}

export function requestOrigin(request: Request): { ip: string | null; userAgent: string | null } {
  return {
    ip: request.headers.get("x-anupalan-client-ip") ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    userAgent: request.headers.get("user-agent"),
  };
}

/** The fields of every audit row of a change to a directive, but its action and details: who, which directive, from where. */
export function directiveAudit(
  viewer: Pick<Viewer, "id" | "username">,
  directiveId: number | string,
  origin: ReturnType<typeof requestOrigin> | undefined,
) {
  return {
    actorId: viewer.id,
    actorUsername: viewer.username,
    targetType: "directive",
    targetId: String(directiveId),
    ip: origin?.ip ?? null,
    userAgent: origin?.userAgent ?? null,
  };
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action?: string;
  /** The username as recorded (also for failed sign-ins with unknown names). */
  username?: string;
  /** Calendar dates in India, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export interface AuditPage {
  entries: {
    id: number;
    at: string;
    actorUsername: string | null;
    actorName: string | null;
    /** In Devanagari, for Hindi pages (decision 025). */
    actorNameHi: string | null;
    action: string;
    targetType: string | null;
    targetId: string | null;
    ip: string | null;
    userAgent: string | null;
    details: Record<string, unknown> | null;
  }[];
  total: number;
  page: number;
  pages: number;
  /** Every action name in the log, for the filter's choices. */
  actions: string[];
}

function assertCanReadAudit(viewer: Viewer): void {
  if (!can(viewer.role, "read:audit:any")) throw new Response("Forbidden", { status: 403 });
}

/** One page of the audit log, newest first. Reads only: the log is never changed. */
export async function listAuditEntries(viewer: Viewer, filters: AuditFilters): Promise<AuditPage> {
  assertCanReadAudit(viewer);
  const log = schema.auditLog;
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(log.action, filters.action));
  if (filters.username) conditions.push(eq(log.actorUsername, filters.username.trim().toLowerCase()));
  if (filters.from) conditions.push(sql`${log.at} >= (${filters.from}::date::timestamp AT TIME ZONE 'Asia/Kolkata')`);
  if (filters.to) {
    conditions.push(sql`${log.at} < ((${filters.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')`);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [{ total }] = await db().select({ total: count() }).from(log).where(where);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const rows = await db()
    .select({
      id: log.id,
      at: log.at,
      actorUsername: log.actorUsername,
      actorName: schema.users.displayName,
      actorNameHi: schema.users.displayNameHi,
      action: log.action,
      targetType: log.targetType,
      targetId: log.targetId,
      ip: log.ip,
      userAgent: log.userAgent,
      details: log.details,
    })
    .from(log)
    .leftJoin(schema.users, eq(schema.users.id, log.actorId))
    .where(where)
    .orderBy(desc(log.at), desc(log.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  // A loose index scan over (action, at): one index probe per distinct action, not a full scan.
  const actions = await selectChecked(
    ACTION_ROW,
    sql`
    WITH RECURSIVE a AS (
      SELECT min(action) AS action FROM audit_log
      UNION ALL
      SELECT (SELECT min(action) FROM audit_log WHERE action > a.action) FROM a WHERE a.action IS NOT NULL
    )
    SELECT action FROM a WHERE action IS NOT NULL
  `,
  );
  return {
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null })),
    total,
    page,
    pages,
    actions: actions.map((a) => a.action),
  };
}
