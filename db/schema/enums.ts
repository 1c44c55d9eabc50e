// The PostgreSQL enums, built from the vocabulary lists in app/domain/vocabulary.ts (browser-safe;
// the forms and components import the lists from there). Re-exported so db code keeps one import.
import { pgEnum } from "drizzle-orm/pg-core";
import {
  ROLES,
  DISTRICT_ROLES,
  MEETING_STATUSES,
  MEETING_MODES,
  PRIORITIES,
  ASSIGNEE_SCOPES,
  ACTION_STATUSES,
  HISTORY_KINDS,
  EXTENSION_STATUSES,
  EVIDENCE_KINDS,
} from "../../app/domain/vocabulary";

export * from "../../app/domain/vocabulary";

export const roleEnum = pgEnum("role", ROLES);
export const districtRoleEnum = pgEnum("district_role", DISTRICT_ROLES);
export const meetingStatusEnum = pgEnum("meeting_status", MEETING_STATUSES);
export const meetingModeEnum = pgEnum("meeting_mode", MEETING_MODES);
export const priorityEnum = pgEnum("priority", PRIORITIES);
export const assigneeScopeEnum = pgEnum("assignee_scope", ASSIGNEE_SCOPES);
export const actionStatusEnum = pgEnum("action_status", ACTION_STATUSES);
export const historyKindEnum = pgEnum("history_kind", HISTORY_KINDS);
export const extensionStatusEnum = pgEnum("extension_status", EXTENSION_STATUSES);
export const evidenceKindEnum = pgEnum("evidence_kind", EVIDENCE_KINDS);
