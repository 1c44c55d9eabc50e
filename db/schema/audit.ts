import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./users";
import { optionalRef, writtenAt } from "./columns";

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: writtenAt("at"),
    actorId: optionalRef("actor_id", () => users.id),
    /** Kept as typed, also for failed sign-ins with an unknown name. */
    actorUsername: text("actor_username"),
    /** e.g. auth.login, auth.login_failed, auth.logout, user.create, access.denied */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_at_idx").on(t.action, t.at)],
);

export type NewAuditEntry = typeof auditLog.$inferInsert;
