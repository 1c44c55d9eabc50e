import { pgEnum } from "drizzle-orm/pg-core";

/** DIVISION_OFFICER: a Divisional Commissioner or a range IG, reading one division (decision 016). */
export const ROLES = ["ADMIN", "SECRETARIAT", "OFFICIAL", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "DIVISION_OFFICER"] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

/** The officer roles a directive can be assigned to in every district. */
export const DISTRICT_ROLES = ["COLLECTOR", "SP"] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];
export const districtRoleEnum = pgEnum("district_role", DISTRICT_ROLES);

export const MEETING_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const meetingStatusEnum = pgEnum("meeting_status", MEETING_STATUSES);

export const MEETING_MODES = ["VIDEO_CONFERENCE", "IN_PERSON", "HYBRID"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const meetingModeEnum = pgEnum("meeting_mode", MEETING_MODES);

export const PRIORITIES = ["NORMAL", "HIGH"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const priorityEnum = pgEnum("priority", PRIORITIES);

/** Which districts a district-role assignee covers. */
export const ASSIGNEE_SCOPES = ["ALL", "DIVISIONS", "DISTRICTS"] as const;
export type AssigneeScope = (typeof ASSIGNEE_SCOPES)[number];
export const assigneeScopeEnum = pgEnum("assignee_scope", ASSIGNEE_SCOPES);

export const ACTION_STATUSES = ["PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const actionStatusEnum = pgEnum("action_status", ACTION_STATUSES);

/** What one history row records. Every row also carries the status before and after. */
export const HISTORY_KINDS = [
  "CREATED",
  "STATUS_CHANGED",
  "REMARK",
  "VERIFIED",
  "RETURNED",
  "NOT_APPLICABLE_REJECTED",
  "DUE_DATE_CHANGED",
  "EXTENSION_REQUESTED",
  "EXTENSION_GRANTED",
  "EXTENSION_REFUSED",
  "WITHDRAWN",
  /** A division officer's remark: recorded, the status and version unchanged (decision 016). */
  "REVIEW_REMARK",
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const historyKindEnum = pgEnum("history_kind", HISTORY_KINDS);

export const EXTENSION_STATUSES = ["PENDING", "GRANTED", "REFUSED"] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const extensionStatusEnum = pgEnum("extension_status", EXTENSION_STATUSES);

export const EVIDENCE_KINDS = ["FILE", "LINK"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const evidenceKindEnum = pgEnum("evidence_kind", EVIDENCE_KINDS);
