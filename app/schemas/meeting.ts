// The meeting editor's one schema: react-hook-form validates with it in the browser and the
// action re-checks the very same rules on the server. Messages are dictionary keys, so each
// side shows them in the viewer's language. The schema is built from the master data's codes
// (both sides have them), so an unknown district or department fails here too.
//
// Form values stay strings as the inputs hold them; turning them into rows is the model's job.
// The posted form is read by meeting-form-data.ts; changes to a published meeting are published-change.ts.
import { z } from "zod";
import { addDays } from "~/utils/format";
import { CALLED_ROLES, MEETING_MODES, PRIORITIES, type DistrictRole, type MeetingMode, type Priority } from "~/domain/vocabulary";
import { fieldErrorsOf } from "~/utils/parse-form";

export const LIMITS = {
  title: 500,
  chair: 300,
  participants: 4000,
  agenda: 8000,
  minutes: 50_000,
  referenceNo: 200,
  directiveText: 4000,
  directives: 100,
  reason: 2000,
  dueInDays: 3650,
  codes: 100,
} as const;

/** Who a district role covers in the form; NONE means the role is not assigned. */
export const ASSIGNEE_CHOICES = ["NONE", "ALL", "DIVISIONS", "DISTRICTS"] as const;
export type AssigneeChoice = (typeof ASSIGNEE_CHOICES)[number];
export const DUE_MODES = ["DATE", "DAYS"] as const;
export type DueMode = (typeof DUE_MODES)[number];
export const EDITOR_INTENTS = ["save-draft", "publish"] as const;
export type EditorIntent = (typeof EDITOR_INTENTS)[number];

export interface RoleAssigneeValues {
  scope: AssigneeChoice;
  divisions: string[];
  districts: string[];
}

export interface DirectiveFormValues {
  textEn: string;
  textHi: string;
  categoryCode: string;
  priority: Priority;
  dueMode: DueMode;
  /** yyyy-mm-dd when dueMode is DATE. */
  dueDate: string;
  /** Whole days from the meeting when dueMode is DAYS. */
  dueInDays: string;
  collector: RoleAssigneeValues;
  sp: RoleAssigneeValues;
  departments: string[];
}

export interface MeetingFormValues {
  intent: EditorIntent;
  titleEn: string;
  titleHi: string;
  meetingDate: string;
  startTime: string;
  mode: MeetingMode;
  /** The chair as typed in older forms; the editor now chooses an office (chairOffice). */
  chairEn: string;
  chairHi: string;
  /** A series code (meeting_series), or "". */
  seriesCode: string;
  /** An office code (offices), or "" to take the series' office. */
  chairOffice: string;
  /** Ids of directives of earlier meetings of the series reviewed in this one. */
  carried: string[];
  participantsEn: string;
  participantsHi: string;
  calledRoles: string[];
  agenda: string;
  minutes: string;
  referenceNo: string;
  directives: DirectiveFormValues[];
}

/** The form's role keys and the district role each stands for. */
export const ROLE_FIELDS = { collector: "COLLECTOR", sp: "SP" } as const satisfies Record<string, DistrictRole>;
export type RoleField = keyof typeof ROLE_FIELDS;

export interface MasterCodes {
  districts: readonly string[];
  divisions: readonly string[];
  departments: readonly string[];
  categories: readonly string[];
  /** Chair offices and series; when given, a code outside them is refused. */
  offices?: readonly string[];
  series?: readonly string[];
}

export function emptyRoleAssignee(): RoleAssigneeValues {
  return { scope: "NONE", divisions: [], districts: [] };
}

export function emptyDirective(): DirectiveFormValues {
  return {
    textEn: "",
    textHi: "",
    categoryCode: "",
    priority: "NORMAL",
    dueMode: "DAYS",
    dueDate: "",
    dueInDays: "",
    collector: emptyRoleAssignee(),
    sp: emptyRoleAssignee(),
    departments: [],
  };
}

export function emptyMeeting(meetingDate = ""): MeetingFormValues {
  return {
    intent: "save-draft",
    titleEn: "",
    titleHi: "",
    meetingDate,
    startTime: "",
    mode: "VIDEO_CONFERENCE",
    chairEn: "",
    chairHi: "",
    seriesCode: "",
    chairOffice: "",
    carried: [],
    participantsEn: "",
    participantsHi: "",
    calledRoles: [],
    agenda: "",
    minutes: "",
    referenceNo: "",
    directives: [],
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
// NUL cannot be stored in PostgreSQL text; the other C0 controls never belong in minutes.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A real calendar date (not 2021-02-30) within a sane range. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= "2000-01-01" && value <= "2099-12-31";
}

export const invalid = { message: "validation.invalid" };

export function text(max: number) {
  return z
    .string(invalid)
    .max(max, "validation.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "validation.invalid")
    .transform((value) => value.trim());
}

/** A list of checkbox values: the browser may send none, one or many. */
export const codeList = z.preprocess(
  (value) => (value == null || value === false || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string(invalid).max(50, "validation.invalid"), invalid).max(LIMITS.codes, "validation.invalid"),
);

export function enumOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { errorMap: () => invalid });
}

const roleAssignee = z.object({
  scope: enumOf(ASSIGNEE_CHOICES),
  divisions: codeList,
  districts: codeList,
});

/** A short field typed as text (a date, a number of days), trimmed. */
export const shortTrimmed = z
  .string(invalid)
  .max(20, "validation.invalid")
  .transform((v) => v.trim());

const directive = z.object({
  textEn: text(LIMITS.directiveText),
  textHi: text(LIMITS.directiveText),
  categoryCode: z.string(invalid).max(50, "validation.invalid"),
  priority: enumOf(PRIORITIES),
  dueMode: enumOf(DUE_MODES),
  dueDate: shortTrimmed,
  dueInDays: shortTrimmed,
  collector: roleAssignee,
  sp: roleAssignee,
  departments: codeList,
});

export function hasAnyAssignee(d: Pick<DirectiveFormValues, "collector" | "sp" | "departments">): boolean {
  return d.collector.scope !== "NONE" || d.sp.scope !== "NONE" || d.departments.length > 0;
}

/** The meeting editor's schema for this deployment's master data. */
export function meetingFormSchema(master: MasterCodes) {
  const known = {
    districts: new Set(master.districts),
    divisions: new Set(master.divisions),
    departments: new Set(master.departments),
    categories: new Set(master.categories),
  };
  return z
    .object({
      intent: enumOf(EDITOR_INTENTS),
      titleEn: text(LIMITS.title),
      titleHi: text(LIMITS.title),
      meetingDate: z
        .string(invalid)
        .max(20, "validation.invalid")
        .transform((v) => v.trim()),
      startTime: z
        .string(invalid)
        .max(10, "validation.invalid")
        .transform((v) => v.trim()),
      mode: enumOf(MEETING_MODES),
      chairEn: text(LIMITS.chair),
      chairHi: text(LIMITS.chair),
      seriesCode: z
        .string(invalid)
        .max(50, "validation.invalid")
        .transform((v) => v.trim()),
      chairOffice: z
        .string(invalid)
        .max(50, "validation.invalid")
        .transform((v) => v.trim()),
      carried: z.array(z.string(invalid).regex(/^\d{1,9}$/, "validation.invalid"), invalid).max(500, "validation.invalid"),
      participantsEn: text(LIMITS.participants),
      participantsHi: text(LIMITS.participants),
      calledRoles: codeList,
      agenda: text(LIMITS.agenda),
      minutes: text(LIMITS.minutes),
      referenceNo: text(LIMITS.referenceNo),
      directives: z.array(directive, invalid).max(LIMITS.directives, "meetings.error.tooManyDirectives"),
    })
    .superRefine((meeting, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
      const publishing = meeting.intent === "publish";

      if (!meeting.titleEn && !meeting.titleHi) issue(["titleEn"], "meetings.error.titleRequired");
      if (meeting.seriesCode && master.series && !master.series.includes(meeting.seriesCode)) issue(["seriesCode"], "review.error.unknownSeries");
      if (meeting.chairOffice && master.offices && !master.offices.includes(meeting.chairOffice))
        issue(["chairOffice"], "review.error.unknownOffice");
      if (meeting.carried.length > 0 && !meeting.seriesCode) issue(["carried"], "review.error.notCandidate");
      const meetingDateValid = isCalendarDate(meeting.meetingDate);
      if (!meeting.meetingDate) issue(["meetingDate"], "validation.required");
      else if (!meetingDateValid) issue(["meetingDate"], "meetings.error.dateInvalid");
      if (meeting.startTime && !TIME.test(meeting.startTime)) issue(["startTime"], "validation.invalid");
      for (const role of meeting.calledRoles) {
        if (!(CALLED_ROLES as readonly string[]).includes(role)) issue(["calledRoles"], "validation.invalid");
      }
      if (publishing && meeting.directives.length === 0) issue(["directives"], "meetings.error.noDirectives");

      meeting.directives.forEach((d, i) => {
        const at = (...rest: string[]) => ["directives", i, ...rest];
        if (!d.textEn && !d.textHi) issue(at("textEn"), "meetings.error.textRequired");
        if (d.categoryCode && !known.categories.has(d.categoryCode)) issue(at("categoryCode"), "meetings.error.unknownCategory");

        if (d.dueMode === "DATE") {
          if (!d.dueDate) {
            if (publishing) issue(at("dueDate"), "meetings.error.dueRequired");
          } else if (!isCalendarDate(d.dueDate)) {
            issue(at("dueDate"), "meetings.error.dateInvalid");
          } else if (meetingDateValid && d.dueDate < meeting.meetingDate) {
            issue(at("dueDate"), "meetings.error.dueBeforeMeeting");
          }
        } else if (!d.dueInDays) {
          if (publishing) issue(at("dueInDays"), "meetings.error.dueRequired");
        } else if (!/^\d{1,4}$/.test(d.dueInDays) || Number(d.dueInDays) > LIMITS.dueInDays) {
          issue(at("dueInDays"), "meetings.error.daysInvalid");
        }

        for (const field of Object.keys(ROLE_FIELDS) as RoleField[]) {
          const role = d[field];
          if (role.districts.some((code) => !known.districts.has(code))) issue(at(field, "districts"), "meetings.error.unknownDistrict");
          if (role.divisions.some((code) => !known.divisions.has(code))) issue(at(field, "divisions"), "meetings.error.unknownDivision");
          if (publishing && role.scope === "DISTRICTS" && role.districts.length === 0) {
            issue(at(field, "districts"), "meetings.error.chooseDistricts");
          }
          if (publishing && role.scope === "DIVISIONS" && role.divisions.length === 0) {
            issue(at(field, "divisions"), "meetings.error.chooseDivisions");
          }
        }
        if (d.departments.some((code) => !known.departments.has(code))) issue(at("departments"), "meetings.error.unknownDepartment");
        if (publishing && !hasAnyAssignee(d)) issue(at("assignees"), "meetings.error.assigneeRequired");
      });
    });
}

export type MeetingFormSchema = ReturnType<typeof meetingFormSchema>;
export type ValidMeetingForm = z.output<MeetingFormSchema>;

/** The due date a directive's values stand for, or null when none is given yet. */
export function resolveDueDate(meetingDate: string, d: Pick<DirectiveFormValues, "dueMode" | "dueDate" | "dueInDays">): string | null {
  if (d.dueMode === "DATE") return d.dueDate || null;
  if (!d.dueInDays || !isCalendarDate(meetingDate)) return null;
  return addDays(meetingDate, Number(d.dueInDays));
}

/** Field errors keyed by path ("directives.0.textEn"), first message per field. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error) as FieldErrors;
}
