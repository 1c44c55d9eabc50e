import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, serial, text, time, unique, boolean, type AnyPgColumn } from "drizzle-orm/pg-core";
import { assigneeScopeEnum, districtRoleEnum, meetingModeEnum, meetingStatusEnum, priorityEnum } from "./enums";
import { categories, departments, districts, divisions, offices } from "./master";
import { users } from "./users";
import { refTo, optionalRef, moment, writtenAt } from "./columns";

/** A recurring review ("CS monthly VC with collectors and SPs"), chaired by one office. */
export const meetingSeries = pgTable("meeting_series", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameHi: text("name_hi").notNull(),
  chairOfficeId: refTo("chair_office_id", () => offices.id),
  createdById: optionalRef("created_by_id", () => users.id),
  createdAt: writtenAt("created_at"),
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
    chairOfficeId: optionalRef("chair_office_id", () => offices.id),
    /** The series it belongs to, if any. */
    seriesId: optionalRef("series_id", () => meetingSeries.id),
    status: meetingStatusEnum("status").notNull().default("DRAFT"),
    publishedAt: moment("published_at"),
    publishedById: optionalRef("published_by_id", () => users.id),
    createdById: optionalRef("created_by_id", () => users.id),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
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
    meetingId: refTo("meeting_id", () => meetings.id, { onDelete: "cascade" }),
    /** 1, 2, 3… within the meeting. */
    number: integer("number").notNull(),
    textEn: text("text_en").notNull().default(""),
    textHi: text("text_hi").notNull().default(""),
    categoryId: optionalRef("category_id", () => categories.id),
    priority: priorityEnum("priority").notNull().default("NORMAL"),
    dueDate: date("due_date"),
    /** Set when the due date was given as "N days from the meeting". */
    dueInDays: integer("due_in_days"),
    withdrawnAt: moment("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    /** Closed in a review (carry-over): its open items were settled; it is no longer carried. */
    closedAt: moment("closed_at"),
    closedInMeetingId: optionalRef("closed_in_meeting_id", (): AnyPgColumn => meetings.id),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
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
    directiveId: refTo("directive_id", () => directives.id, { onDelete: "cascade" }),
    districtRole: districtRoleEnum("district_role"),
    scope: assigneeScopeEnum("scope"),
    departmentId: optionalRef("department_id", () => departments.id),
    withdrawnAt: moment("withdrawn_at"),
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
    assigneeId: refTo("assignee_id", () => directiveAssignees.id, { onDelete: "cascade" }),
    divisionId: refTo("division_id", () => divisions.id),
  },
  (t) => [primaryKey({ columns: [t.assigneeId, t.divisionId] })],
);

export const directiveAssigneeDistricts = pgTable(
  "directive_assignee_districts",
  {
    assigneeId: refTo("assignee_id", () => directiveAssignees.id, { onDelete: "cascade" }),
    districtId: refTo("district_id", () => districts.id),
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
    meetingId: refTo("meeting_id", () => meetings.id, { onDelete: "cascade" }),
    directiveId: refTo("directive_id", () => directives.id),
    addedById: optionalRef("added_by_id", () => users.id),
    addedAt: writtenAt("added_at"),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.directiveId] }),
    // "Times carried" counts the rows of one directive.
    index("meeting_reviewed_directives_directive_idx").on(t.directiveId),
  ],
);
