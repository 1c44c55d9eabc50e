// The domain's vocabulary in one browser-safe place: plain `as const` lists and their types.
// db/schema/enums.ts builds the PostgreSQL enums from these lists, and the forms' schemas and
// the components import them from here, so a value added to the database is known everywhere
// at once (no copies to fall out of step). No imports: this file runs in the browser too.

/** DIVISION_OFFICER: a Divisional Commissioner or a range IG, reading one division (decision 016). */
export const ROLES = ["ADMIN", "SECRETARIAT", "OFFICIAL", "DISTRICT_OFFICER", "DEPARTMENT_OFFICER", "DIVISION_OFFICER"] as const;
export type Role = (typeof ROLES)[number];

/** The officer roles a directive can be assigned to in every district. */
export const DISTRICT_ROLES = ["COLLECTOR", "SP"] as const;
export type DistrictRole = (typeof DISTRICT_ROLES)[number];

export const MEETING_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_MODES = ["VIDEO_CONFERENCE", "IN_PERSON", "HYBRID"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const PRIORITIES = ["NORMAL", "HIGH"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Which districts a district-role assignee covers. */
export const ASSIGNEE_SCOPES = ["ALL", "DIVISIONS", "DISTRICTS"] as const;
export type AssigneeScope = (typeof ASSIGNEE_SCOPES)[number];

export const ACTION_STATUSES = ["PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

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
  /** The secretariat corrected the published directive's text (old and new in directive_corrections; decision 022). */
  "TEXT_CORRECTED",
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const EXTENSION_STATUSES = ["PENDING", "GRANTED", "REFUSED"] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

export const EVIDENCE_KINDS = ["FILE", "LINK"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Officer roles that can be called to a meeting (departments.json: districtRoles + divisionRoles). */
export const CALLED_ROLES = ["COLLECTOR", "SP", "DIV_COMMISSIONER", "IG"] as const;
export type CalledRole = (typeof CALLED_ROLES)[number];
