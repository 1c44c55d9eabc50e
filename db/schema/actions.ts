import { sql } from "drizzle-orm";
import { bigserial, boolean, check, customType, date, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { directiveCorrections } from "./corrections";
import { actionStatusEnum, districtRoleEnum, evidenceKindEnum, extensionStatusEnum, historyKindEnum } from "./enums";
import { departments, districts, divisions } from "./master";
import { directiveAssignees, directives, meetings } from "./meetings";
import { users } from "./users";
import { refTo, optionalRef, moment, writtenAt } from "./columns";

/** File bytes. postgres.js hands back a Buffer and PGlite a Uint8Array; both are normalised to Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * One per (directive × district × role) or (directive × department), created on publish.
 * meeting_id and division_id are copied from the directive and district (both never change
 * after publish) so the dashboard can group and filter without joins.
 */
export const actionItems = pgTable(
  "action_items",
  {
    id: serial("id").primaryKey(),
    directiveId: refTo("directive_id", () => directives.id),
    meetingId: refTo("meeting_id", () => meetings.id),
    assigneeId: optionalRef("assignee_id", () => directiveAssignees.id),
    districtId: optionalRef("district_id", () => districts.id),
    divisionId: optionalRef("division_id", () => divisions.id),
    districtRole: districtRoleEnum("district_role"),
    departmentId: optionalRef("department_id", () => departments.id),
    status: actionStatusEnum("status").notNull().default("PENDING"),
    /** The date overdue counts from: the directive's date, or a granted extension. */
    dueDate: date("due_date"),
    originalDueDate: date("original_due_date"),
    latestRemark: text("latest_remark"),
    /** When COMPLETED was first reported; the on-time rate compares it with the due date. */
    firstCompletedAt: moment("first_completed_at"),
    /**
     * firstCompletedAt as an Indian calendar date, kept by PostgreSQL: the on-time rate compares it
     * with the due date, and converting a million timestamps in every count was half of the
     * dashboard's scan (decision 007).
     */
    firstCompletedOn: date("first_completed_on").generatedAlwaysAs(sql`((first_completed_at AT TIME ZONE 'Asia/Kolkata')::date)`),
    completedAt: moment("completed_at"),
    verifiedAt: moment("verified_at"),
    withdrawnAt: moment("withdrawn_at"),
    /**
     * When the item was last reported on: the latest history row of kind STATUS_CHANGED, REMARK or
     * EXTENSION_REQUESTED, by anyone. Kept by a trigger on action_item_history
     * (db/migrations/0005_last_reported_trigger.sql); the ranking's "days since update" reads it.
     */
    lastReportedAt: moment("last_reported_at"),
    /**
     * Whether any evidence row points at the item. Kept by triggers on evidence
     * (db/migrations/0007_has_evidence_trigger.sql); the ranking's "completions with evidence" reads it.
     */
    hasEvidence: boolean("has_evidence").notNull().default(false),
    /**
     * When the secretariat returned the item, while it stays returned: set by a history row of kind
     * RETURNED, cleared by the next change of status. Kept by a trigger on action_item_history
     * (db/migrations/0013_first_day.sql); the officer's list puts returned items at the top.
     */
    returnedAt: moment("returned_at"),
    withdrawnReason: text("withdrawn_reason"),
    /** Set once when the escalation ladder's last step reaches the item (app/models/reminders.server.ts). */
    escalatedAt: moment("escalated_at"),
    /** Optimistic concurrency: every accepted change increments it by one. */
    version: integer("version").notNull().default(1),
    updatedAt: writtenAt("updated_at"),
    updatedById: optionalRef("updated_by_id", () => users.id),
    createdAt: writtenAt("created_at"),
  },
  (t) => [
    check(
      "action_items_one_assignee",
      sql`(${t.districtId} IS NOT NULL AND ${t.districtRole} IS NOT NULL AND ${t.departmentId} IS NULL)
       OR (${t.districtId} IS NULL AND ${t.districtRole} IS NULL AND ${t.departmentId} IS NOT NULL)`,
    ),
    // One item per directive and district role; partial because department items have no district.
    uniqueIndex("action_items_directive_district_uq")
      .on(t.directiveId, t.districtId, t.districtRole)
      .where(sql`${t.districtId} IS NOT NULL`),
    // One item per directive and department; partial because district items have no department.
    uniqueIndex("action_items_directive_department_uq")
      .on(t.directiveId, t.departmentId)
      .where(sql`${t.departmentId} IS NOT NULL`),
    // "My actions" of a district officer: live items of one district and role, by due date.
    // Partial: withdrawn items never appear in that list, and department items never match.
    index("action_items_my_district_idx")
      .on(t.districtId, t.districtRole, t.dueDate)
      .where(sql`${t.withdrawnAt} IS NULL AND ${t.districtId} IS NOT NULL`),
    // "My actions" of a department officer; partial for the same reasons.
    index("action_items_my_department_idx")
      .on(t.departmentId, t.dueDate)
      .where(sql`${t.withdrawnAt} IS NULL AND ${t.departmentId} IS NOT NULL`),
    // Dashboard and ATR group live items by meeting and status; withdrawn items leave the figures.
    index("action_items_meeting_status_idx")
      .on(t.meetingId, t.status)
      .where(sql`${t.withdrawnAt} IS NULL`),
    // Dashboard by division/district.
    index("action_items_division_district_idx")
      .on(t.divisionId, t.districtId, t.status)
      .where(sql`${t.withdrawnAt} IS NULL`),
    // Overdue counts only look at open items (PENDING/IN_PROGRESS) — a small share of all items.
    index("action_items_open_due_idx")
      .on(t.dueDate)
      .where(sql`${t.withdrawnAt} IS NULL AND ${t.status} IN ('PENDING', 'IN_PROGRESS')`),
    // The verification queue: only COMPLETED items, oldest report first.
    index("action_items_verify_queue_idx")
      .on(t.completedAt)
      .where(sql`${t.withdrawnAt} IS NULL AND ${t.status} = 'COMPLETED'`),
    index("action_items_directive_idx").on(t.directiveId),
  ],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const actionItemHistory = pgTable(
  "action_item_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actionItemId: refTo("action_item_id", () => actionItems.id),
    at: writtenAt("at"),
    actorId: optionalRef("actor_id", () => users.id),
    kind: historyKindEnum("kind").notNull(),
    fromStatus: actionStatusEnum("from_status"),
    toStatus: actionStatusEnum("to_status").notNull(),
    fromDueDate: date("from_due_date"),
    toDueDate: date("to_due_date"),
    remark: text("remark"),
    /** The item's version after this change. */
    version: integer("version").notNull(),
    /** TEXT_CORRECTED rows: the correction (old and new text, reason) they record. */
    directiveCorrectionId: optionalRef("directive_correction_id", () => directiveCorrections.id),
  },
  (t) => [
    index("action_item_history_item_idx").on(t.actionItemId, t.at),
    // The weekly trend replays status changes in time order.
    index("action_item_history_at_idx").on(t.at),
  ],
);

export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: serial("id").primaryKey(),
    actionItemId: refTo("action_item_id", () => actionItems.id),
    requestedById: refTo("requested_by_id", () => users.id),
    requestedAt: writtenAt("requested_at"),
    currentDueDate: date("current_due_date"),
    requestedDueDate: date("requested_due_date").notNull(),
    reason: text("reason").notNull(),
    status: extensionStatusEnum("status").notNull().default("PENDING"),
    decidedById: optionalRef("decided_by_id", () => users.id),
    decidedAt: moment("decided_at"),
    decisionRemark: text("decision_remark"),
  },
  (t) => [
    // The secretariat's queue holds only undecided requests.
    index("extension_requests_pending_idx")
      .on(t.requestedAt)
      .where(sql`${t.status} = 'PENDING'`),
    index("extension_requests_item_idx").on(t.actionItemId),
  ],
);

/** Files live in PostgreSQL so that one database backup holds everything. */
export const evidence = pgTable(
  "evidence",
  {
    id: serial("id").primaryKey(),
    actionItemId: refTo("action_item_id", () => actionItems.id),
    historyId: integer("history_id"),
    kind: evidenceKindEnum("kind").notNull(),
    fileName: text("file_name"),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    sha256: text("sha256"),
    content: bytea("content"),
    url: text("url"),
    uploadedById: optionalRef("uploaded_by_id", () => users.id),
    uploadedAt: writtenAt("uploaded_at"),
  },
  (t) => [
    check("evidence_file_or_link", sql`(${t.kind} = 'FILE' AND ${t.content} IS NOT NULL) OR (${t.kind} = 'LINK' AND ${t.url} IS NOT NULL)`),
    index("evidence_item_idx").on(t.actionItemId),
  ],
);

export type ActionItem = typeof actionItems.$inferSelect;
export type NewActionItem = typeof actionItems.$inferInsert;
export type ActionItemHistory = typeof actionItemHistory.$inferSelect;
export type NewActionItemHistory = typeof actionItemHistory.$inferInsert;
export type ExtensionRequest = typeof extensionRequests.$inferSelect;
