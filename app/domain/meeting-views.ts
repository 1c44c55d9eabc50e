// A meeting as its page shows it (app/models/meeting.server.ts builds it): the meeting, its
// directives with their assignee lines, items and progress; and a row of the meetings list.
// Types only, browser-safe.
import type { ActionStatus, AssigneeScope, DistrictRole, MeetingMode, MeetingStatus, Priority } from "./vocabulary";

export interface MeetingSummary {
  id: number;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  dateApproximate: boolean;
  startTime: string | null;
  mode: MeetingMode;
  chairEn: string;
  chairHi: string;
  participantsEn: string;
  participantsHi: string;
  calledRoles: string[];
  agenda: string;
  minutes: string;
  referenceNo: string | null;
  status: MeetingStatus;
  publishedAt: string | null;
  publishedByName: string | null;
  /** In Devanagari, for Hindi pages (decision 025). */
  publishedByNameHi: string | null;
  updatedAt: string;
}

export interface AssigneeLine {
  id: number;
  districtRole: DistrictRole | null;
  scope: AssigneeScope | null;
  department: { code: string; nameEn: string; nameHi: string } | null;
  divisions: { code: string; nameEn: string; nameHi: string }[];
  districts: { code: string; nameEn: string; nameHi: string }[];
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

export interface DirectiveProgress {
  /** Live items (withdrawn ones leave the figures). */
  total: number;
  done: number;
  inProgress: number;
  pending: number;
  overdue: number;
  notApplicable: number;
  collectors: number;
  sps: number;
  departments: number;
  withdrawn: number;
}

export interface DirectiveItem {
  id: number;
  status: ActionStatus;
  dueDate: string | null;
  districtRole: DistrictRole | null;
  district: { nameEn: string; nameHi: string } | null;
  department: { nameEn: string; nameHi: string } | null;
  overdue: boolean;
  withdrawn: boolean;
}

export interface DirectiveView {
  id: number;
  number: number;
  textEn: string;
  textHi: string;
  category: { code: string; nameEn: string; nameHi: string } | null;
  priority: Priority;
  dueDate: string | null;
  dueInDays: number | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  assignees: AssigneeLine[];
  progress: DirectiveProgress;
  items: DirectiveItem[];
}

export interface MeetingPage {
  meeting: MeetingSummary;
  directives: DirectiveView[];
}

/** A row of the meetings list (meeting-list.server.ts), with its items' progress. */
export interface MeetingListRow {
  id: number;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  mode: MeetingMode;
  chairEn: string;
  chairHi: string;
  status: MeetingStatus;
  referenceNo: string | null;
  seriesNameEn: string | null;
  seriesNameHi: string | null;
  directives: number;
  items: number;
  done: number;
  applicable: number;
  overdue: number;
}
