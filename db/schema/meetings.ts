import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  time,
  timestamp,
  unique,
  boolean,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { assigneeScopeEnum, districtRoleEnum, meetingModeEnum, meetingStatusEnum, priorityEnum } from "./enums";
import { categories, departments, districts, divisions, offices } from "./master";
import { users } from "./users";

/** A recurring review ("CS monthly VC with collectors and SPs"), chaired by one office. */
export const meetingSeries = pgTable("meeting_series", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameHi: text("name_hi").notNull(),
  chairOfficeId: integer("chair_office_id")
    .notNull()
    .references(() => offices.id),
  createdById: integer("created_by_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const meetings = pgTable(
  "meetings",
  {
    id: serial("id").primaryKey(),
    titleEn: text("title_en").notNull().default(""),
    titleHi: text("title_hi").notNull().default(""),
    /** Calendar date in India (Asia/Kolkata). */
    meetingDate: date("meeting_date").notNull(),
    dateApproximate: boolean("date_approximate").notNull().default(false),
    startTime: time("start_time"),
    mode: meetingModeEnum("mode").notNull().default("VIDEO_CONFERENCE"),
    /** The chairing office's name as shown; set from chair_office_id when the editor saves. */
    chairEn: text("chair_en").notNull().default(""),
    chairHi: text("chair_hi").notNull().default(""),
    participantsEn: text("participants_en").notNull().default(""),
    participantsHi: text("participants_hi").notNull().default(""),
    /** Officer roles called to the meeting (COLLECTOR, SP, DIV_COMMISSIONER, IG…). */
    calledRoles: text("called_roles")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    agenda: text("agenda").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    referenceNo: text("reference_no"),
    /** The office that chairs it; chair_en/chair_hi hold its name as shown. */
    chairOfficeId: integer("chair_office_id").references(() => offices.id),
    /** The series it belongs to, if any. */
    seriesId: integer("series_id").references(() => meetingSeries.id),
    status: meetingStatusEnum("status").notNull().default("DRAFT"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedById: integer("published_by_id").references(() => users.id),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("meetings_has_title", sql`${t.titleEn} <> '' OR ${t.titleHi} <> ''`),
    index("meetings_date_idx").on(t.meetingDate.desc()),
    // The meetings of one series in date order (carry-over, the brief's previous meeting).
    index("meetings_series_date_idx").on(t.seriesId, t.meetingDate),
  ],
);

export const directives = pgTable(
  "directives",
  {
    id: serial("id").primaryKey(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** 1, 2, 3… within the meeting. */
    number: integer("number").notNull(),
    textEn: text("text_en").notNull().default(""),
    textHi: text("text_hi").notNull().default(""),
    categoryId: integer("category_id").references(() => categories.id),
    priority: priorityEnum("priority").notNull().default("NORMAL"),
    dueDate: date("due_date"),
    /** Set when the due date was given as "N days from the meeting". */
    dueInDays: integer("due_in_days"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    /** Closed in a review (carry-over): its open items were settled; it is no longer carried. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedInMeetingId: integer("closed_in_meeting_id").references((): AnyPgColumn => meetings.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("directives_meeting_number_uq").on(t.meetingId, t.number).nullsNotDistinct(),
    check("directives_has_text", sql`${t.textEn} <> '' OR ${t.textHi} <> ''`),
  ],
);

/**
 * One line of "who must act": a district role (Collector/SP) for all districts, for the
 * districts of chosen divisions or for chosen districts; or one state department.
 */
export const directiveAssignees = pgTable(
  "directive_assignees",
  {
    id: serial("id").primaryKey(),
    directiveId: integer("directive_id")
      .notNull()
      .references(() => directives.id, { onDelete: "cascade" }),
    districtRole: districtRoleEnum("district_role"),
    scope: assigneeScopeEnum("scope"),
    departmentId: integer("department_id").references(() => departments.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
  },
  (t) => [
    check(
      "directive_assignees_one_kind",
      sql`(${t.districtRole} IS NOT NULL AND ${t.scope} IS NOT NULL AND ${t.departmentId} IS NULL)
       OR (${t.districtRole} IS NULL AND ${t.scope} IS NULL AND ${t.departmentId} IS NOT NULL)`,
    ),
    index("directive_assignees_directive_idx").on(t.directiveId),
  ],
);

export const directiveAssigneeDivisions = pgTable(
  "directive_assignee_divisions",
  {
    assigneeId: integer("assignee_id")
      .notNull()
      .references(() => directiveAssignees.id, { onDelete: "cascade" }),
    divisionId: integer("division_id")
      .notNull()
      .references(() => divisions.id),
  },
  (t) => [primaryKey({ columns: [t.assigneeId, t.divisionId] })],
);

export const directiveAssigneeDistricts = pgTable(
  "directive_assignee_districts",
  {
    assigneeId: integer("assignee_id")
      .notNull()
      .references(() => directiveAssignees.id, { onDelete: "cascade" }),
    districtId: integer("district_id")
      .notNull()
      .references(() => districts.id),
  },
  (t) => [primaryKey({ columns: [t.assigneeId, t.districtId] })],
);

/**
 * A directive of an earlier meeting of the series, taken up again in this meeting ("directives under
 * review from earlier meetings"). Only this row is added: the directive keeps its one set of action
 * items and their history.
 */
export const meetingReviewedDirectives = pgTable(
  "meeting_reviewed_directives",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    directiveId: integer("directive_id")
      .notNull()
      .references(() => directives.id),
    addedById: integer("added_by_id").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.directiveId] }),
    // "Times carried" counts the rows of one directive.
    index("meeting_reviewed_directives_directive_idx").on(t.directiveId),
  ],
);

export type MeetingSeries = typeof meetingSeries.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type Directive = typeof directives.$inferSelect;
export type NewDirective = typeof directives.$inferInsert;
export type DirectiveAssignee = typeof directiveAssignees.$inferSelect;
