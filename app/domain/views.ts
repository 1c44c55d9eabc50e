// What the models hand to routes and components: the shapes of query results as pages draw them.
// Browser-safe (types only), so components import them from here and never from app/models;
// the models re-export them for the routes.
import type { CellState, Grade, MixKey } from "./compliance-types";
import type { ActionStatus, DistrictRole } from "./vocabulary";

// ----- compliance -----

export interface Figures {
  items: number;
  notApplicable: number;
  /** items − NOT_APPLICABLE: what the completion rate divides by. */
  applicable: number;
  done: number;
  verified: number;
  overdue: number;
  /** Items (without NOT_APPLICABLE) whose due date is before today: what the on-time rate divides by. */
  duePassed: number;
  onTime: number;
  /** Items due or done (decision 010): what the grade rate divides by. */
  graded: number;
  /** done ÷ graded; null when nothing is due yet. */
  gradeRate: number | null;
  completionRate: number | null;
  onTimeRate: number | null;
  verifiedShare: number | null;
  grade: Grade | null;
}

export interface RankedDistrict extends Figures {
  rank: number;
  code: string;
  nameEn: string;
  nameHi: string;
  divisionCode: string;
  divisionNameEn: string;
  divisionNameHi: string;
  /** Completions (COMPLETED/VERIFIED) with at least one evidence file or link, ÷ completions. */
  evidenceShare: number | null;
  /** Days since the district last reported on any of these items (a status change, remark or extension request). */
  daysSinceUpdate: number | null;
}

export interface StatusMixRow {
  /** null: the state departments, which belong to no division. */
  divisionCode: string | null;
  nameEn: string;
  nameHi: string;
  counts: Record<MixKey, number>;
  total: number;
}

export interface TrendPoint {
  /** The Monday (IST) the week starts on, yyyy-mm-dd. */
  weekStart: string;
  /** The Sunday it ends on; the rate is as it stood at the end of that day (IST), or now for this week. */
  weekEnd: string;
  applicable: number;
  done: number;
  completionRate: number | null;
}

export interface TrendSeries {
  /** null: all items in the filter. */
  divisionCode: string | null;
  nameEn: string;
  nameHi: string;
  points: TrendPoint[];
}

export interface HeatMap {
  meeting: { id: number; titleEn: string; titleHi: string; meetingDate: string } | null;
  directives: { id: number; number: number; textEn: string; textHi: string }[];
  rows: {
    kind: "district" | "department";
    code: string;
    nameEn: string;
    nameHi: string;
    cells: Record<number, { state: CellState; items: number; done: number; overdue: number; itemId: number }>;
  }[];
  /** Rows beyond the limit are left out; the page says how many. */
  totalRows: number;
}

/** One action item as the drill-downs and the ATR list it. */
export interface ItemLine {
  id: number;
  meetingId: number;
  directiveId: number;
  directiveNumber: number;
  directiveTextEn: string;
  directiveTextHi: string;
  districtCode: string | null;
  districtNameEn: string | null;
  districtNameHi: string | null;
  divisionNameEn: string | null;
  divisionNameHi: string | null;
  districtRole: DistrictRole | null;
  departmentCode: string | null;
  departmentNameEn: string | null;
  departmentNameHi: string | null;
  status: ActionStatus;
  dueDate: string | null;
  originalDueDate: string | null;
  /** IST calendar dates. */
  firstCompletedOn: string | null;
  completedOn: string | null;
  verifiedOn: string | null;
  latestRemark: string | null;
  updatedAt: string;
  /** Positive when overdue, else null (also for a withdrawn item). */
  daysOverdue: number | null;
  hasEvidence: boolean;
  /** The escalation ladder's last step reached it (issue 13); shown while it is overdue. */
  escalated: boolean;
  /** IST calendar date; set only when listed with includeWithdrawn. */
  withdrawnOn: string | null;
  withdrawnReason: string | null;
}

// ----- compliance-filters -----

export type FilterError = "unknown" | "badDate" | "dateOrder";

// ----- verification -----

export interface QueueEvidence {
  id: number;
  kind: "FILE" | "LINK";
  fileName: string | null;
  url: string | null;
  sizeBytes: number | null;
}

export interface QueueItem {
  id: number;
  version: number;
  meetingId: number;
  meetingTitleEn: string;
  meetingTitleHi: string;
  meetingDate: string;
  directiveId: number;
  directiveNumber: number;
  textEn: string;
  textHi: string;
  districtEn: string | null;
  districtHi: string | null;
  districtRole: DistrictRole | null;
  departmentEn: string | null;
  departmentHi: string | null;
  remark: string | null;
  completedAt: string;
  dueDate: string | null;
  /** First reported COMPLETED after its due date (IST calendar days). */
  late: boolean;
  reportedByName: string | null;
  reportedByNameHi: string | null;
  evidence: QueueEvidence[];
}

// ----- extension -----

export interface PendingExtensionRequest {
  id: number;
  actionItemId: number;
  directiveNumber: number;
  textEn: string;
  textHi: string;
  meetingTitleEn: string;
  meetingTitleHi: string;
  districtEn: string | null;
  districtHi: string | null;
  districtRole: DistrictRole | null;
  departmentEn: string | null;
  departmentHi: string | null;
  status: ActionStatus;
  currentDueDate: string | null;
  originalDueDate: string | null;
  requestedDueDate: string;
  reason: string;
  requestedByName: string;
  requestedByNameHi: string | null;
  requestedAt: string;
}

export type ExtensionDecision = "GRANT" | "REFUSE";

export type ExtensionDecisionFormResult =
  | { ok: true; decision: ExtensionDecision; requestId: number }
  | { ok: false; requestId: number | null; fieldErrors: { remark?: string }; formError?: string };
