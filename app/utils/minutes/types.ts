// The minutes splitter's public types. Browser-safe: no server imports anywhere under minutes/.

export interface ParsedDirective {
  text: string;
  language: "hi" | "en";
  assignees: {
    collectors: "ALL" | string[] | null;
    sps: "ALL" | string[] | null;
    departments: string[];
  };
  dueDate: string | null;
  dueInDays: number | null;
  warnings: string[];
}

export interface ParseContext {
  meetingDate: string;
  districts: { code: string; nameEn: string; nameHi: string }[];
  departments: { code: string; nameEn: string; nameHi: string; aliases?: string[] }[];
  /** Optional: lets "जयपुर संभाग के कलेक्टर" resolve to the districts of that division. */
  divisions?: { code: string; nameEn: string; nameHi: string; districtCodes: string[] }[];
  /** Optional: the chair as typed in the meeting form ("अतिरिक्त मुख्य सचिव, गृह"); its department is never proposed. */
  chair?: string;
}

/** Why a passage of the pasted text did not become a directive. */
export const DROP_REASONS = ["furniture", "duplicate", "attendance", "heading", "narrative"] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface DroppedPassage {
  text: string;
  reason: DropReason;
}

export interface MinutesSplit {
  directives: ParsedDirective[];
  /** Everything left out, in the order it appeared, so that nothing is lost silently. */
  dropped: DroppedPassage[];
  /** Departments of the chair (never proposed as assignees). */
  chairDepartments: string[];
  /** Departments named only as present at the meeting. */
  attendeeDepartments: string[];
}

export const WARNING_NO_ASSIGNEE = "no assignee found";
export const WARNING_DUE_BEFORE_MEETING = "due date is before the meeting";
export const WARNING_CHAIR_DEPARTMENT = "the chair's department is not proposed as an assignee";
export const WARNING_DIVISION_ROLE = "a divisional officer (commissioner or IG) is named: not an assignee here; assign their districts by hand";
export const WARNING_DUE_FROM_START = "due date read from a start date; check it";
