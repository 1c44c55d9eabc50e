// View types of the review cycle (issue 10), shared by its models and its components; browser-safe.
import type { Grade } from "./compliance-types";

/** A directive of an earlier meeting and that meeting, as the carry-over lists show them. */
export interface CarriedDirectiveContext {
  directiveId: number;
  meetingId: number;
  meetingDate: string;
  meetingTitleEn: string;
  meetingTitleHi: string;
  number: number;
  textEn: string;
  textHi: string;
}

export interface CarryCandidate extends CarriedDirectiveContext {
  /** Districts' and departments' items still PENDING or IN_PROGRESS. */
  open: number;
  overdue: number;
  /** Reported COMPLETED, not yet verified. */
  awaitingVerification: number;
  /** Days since the meeting that first issued it. */
  ageDays: number;
  /** Meetings (other than this one) that already reviewed it. */
  timesCarried: number;
  /** Ticked for this meeting. */
  carried: boolean;
}

export interface ReviewedDirective extends CarriedDirectiveContext {
  dueDate: string | null;
  items: number;
  done: number;
  verified: number;
  notApplicable: number;
  open: number;
  overdue: number;
  ageDays: number;
  /** Meetings that reviewed it, this one included. */
  timesCarried: number;
  closedOn: string | null;
}

export interface PointFigures {
  items: number;
  applicable: number;
  done: number;
  overdue: number;
  duePassed: number;
  onTime: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

export interface SeriesComparison {
  from: PointFigures;
  to: PointFigures;
  /** Items with any history row after the first meeting's day and by the end of the second's. */
  changed: number;
}

export interface OfficeOption {
  code: string;
  nameEn: string;
  nameHi: string;
}

export interface SeriesOption {
  code: string;
  nameEn: string;
  nameHi: string;
  officeCode: string;
  officeNameEn: string;
  officeNameHi: string;
  /** Meetings in the series (drafts included only for the secretariat). */
  meetings: number;
  lastMeetingDate: string | null;
}

/** A district or state department in the pre-review brief (brief.server.ts). */
export interface BriefPlace {
  kind: "district" | "department";
  code: string;
  nameEn: string;
  nameHi: string;
  items: number;
  applicable: number;
  done: number;
  open: number;
  overdue: number;
  maxDaysOverdue: number | null;
  returned: number;
  /** Open items the escalation ladder's last step has reached (issue 13). */
  escalated: number;
  /** Days since the place last reported on any of these items (or since they were created). */
  daysSinceUpdate: number | null;
  silent: boolean;
  completionRate: number | null;
  graded: number;
  gradeRate: number | null;
  grade: Grade | null;
  /** As it stood at the previous meeting of the series; null without one. */
  then: { applicable: number; done: number; completionRate: number | null; gradeRate: number | null; grade: Grade | null } | null;
  newlyCompleted: number;
  newlyOverdue: number;
}
