// The meeting editor's one schema: react-hook-form validates with it in the browser and the
// action re-checks the very same rules on the server. Messages are dictionary keys, so each
// side shows them in the viewer's language. The schema is built from the master data's codes
// (both sides have them), so an unknown district or department fails here too.
//
// Form values stay strings as the inputs hold them; turning them into rows is the model's job.
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

const invalid = { message: "validation.invalid" };

function text(max: number) {
  return z
    .string(invalid)
    .max(max, "validation.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "validation.invalid")
    .transform((value) => value.trim());
}

/** A list of checkbox values: the browser may send none, one or many. */
const codeList = z.preprocess(
  (value) => (value == null || value === false || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string(invalid).max(50, "validation.invalid"), invalid).max(LIMITS.codes, "validation.invalid"),
);

function enumOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { errorMap: () => invalid });
}

const roleAssignee = z.object({
  scope: enumOf(ASSIGNEE_CHOICES),
  divisions: codeList,
  districts: codeList,
});

const directive = z.object({
  textEn: text(LIMITS.directiveText),
  textHi: text(LIMITS.directiveText),
  categoryCode: z.string(invalid).max(50, "validation.invalid"),
  priority: enumOf(PRIORITIES),
  dueMode: enumOf(DUE_MODES),
  dueDate: z.string(invalid).max(20, "validation.invalid").transform((v) => v.trim()),
  dueInDays: z.string(invalid).max(20, "validation.invalid").transform((v) => v.trim()),
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
      meetingDate: z.string(invalid).max(20, "validation.invalid").transform((v) => v.trim()),
      startTime: z.string(invalid).max(10, "validation.invalid").transform((v) => v.trim()),
      mode: enumOf(MEETING_MODES),
      chairEn: text(LIMITS.chair),
      chairHi: text(LIMITS.chair),
      seriesCode: z.string(invalid).max(50, "validation.invalid").transform((v) => v.trim()),
      chairOffice: z.string(invalid).max(50, "validation.invalid").transform((v) => v.trim()),
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
      if (meeting.chairOffice && master.offices && !master.offices.includes(meeting.chairOffice)) issue(["chairOffice"], "review.error.unknownOffice");
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

// ---------------------------------------------------------------------------------------------
// The wire format. Without JavaScript the browser posts the form's own fields; with it, the
// same form element is submitted. Names are paths: "titleEn", "directives.0.textEn" (what
// react-hook-form renders) or "directives[0].textEn"; checkbox groups repeat their name.
// Only known names are read, so a crafted key cannot reach anything else.
// ---------------------------------------------------------------------------------------------

const MEETING_TEXT_FIELDS = [
  "titleEn",
  "titleHi",
  "meetingDate",
  "startTime",
  "mode",
  "chairEn",
  "chairHi",
  "seriesCode",
  "chairOffice",
  "participantsEn",
  "participantsHi",
  "agenda",
  "minutes",
  "referenceNo",
] as const;
const DIRECTIVE_TEXT_FIELDS = ["textEn", "textHi", "categoryCode", "priority", "dueMode", "dueDate", "dueInDays"] as const;
const DIRECTIVE_PATH = /^directives(?:\.(\d{1,4})|\[(\d{1,4})\])\.([A-Za-z]+)(?:\.([A-Za-z]+))?$/;
/** Directive rows beyond this index are ignored; the schema already refuses more than LIMITS.directives. */
const MAX_DIRECTIVE_INDEX = 500;

function stringOf(value: FormDataEntryValue | null | undefined): string {
  return typeof value === "string" ? value : "";
}

/**
 * The editor's values as posted. Missing fields take their empty value, so the result always
 * has the schema's shape and every problem is reported as a field error, never a crash.
 */
export function meetingValuesFromFormData(form: FormData): MeetingFormValues {
  const values = emptyMeeting();
  for (const field of MEETING_TEXT_FIELDS) {
    (values as unknown as Record<string, string>)[field] = stringOf(form.get(field));
  }
  values.mode = stringOf(form.get("mode")) as MeetingFormValues["mode"];
  values.calledRoles = form.getAll("calledRoles").map(stringOf);
  values.carried = form.getAll("carried").map(stringOf);
  const intent = stringOf(form.get("intent"));
  values.intent = intent === "publish" ? "publish" : "save-draft";

  const rows = new Map<number, DirectiveFormValues>();
  for (const [key, raw] of form.entries()) {
    const match = DIRECTIVE_PATH.exec(key);
    if (!match) continue;
    const index = Number(match[1] ?? match[2]);
    if (index > MAX_DIRECTIVE_INDEX) continue;
    const [field, sub] = [match[3], match[4]];
    let row = rows.get(index);
    if (!row) {
      row = emptyDirective();
      // A posted row carries every field it has; missing ones are empty, not defaults.
      row.dueMode = "" as DueMode;
      row.priority = "" as DirectiveFormValues["priority"];
      row.collector.scope = "" as AssigneeChoice;
      row.sp.scope = "" as AssigneeChoice;
      rows.set(index, row);
    }
    const value = stringOf(raw);
    if (!sub && (DIRECTIVE_TEXT_FIELDS as readonly string[]).includes(field)) {
      (row as unknown as Record<string, string>)[field] = value;
    } else if (!sub && field === "departments") {
      row.departments.push(value);
    } else if ((field === "collector" || field === "sp") && sub) {
      if (sub === "scope") row[field].scope = value as AssigneeChoice;
      else if (sub === "divisions" || sub === "districts") row[field][sub].push(value);
    }
  }
  values.directives = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return values;
}

/** Field errors keyed by path ("directives.0.textEn"), first message per field. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error) as FieldErrors;
}

// ---------------------------------------------------------------------------------------------
// Changes to a published meeting: each names its directive and needs a reason, which lands in
// the history of every item it touches.
// ---------------------------------------------------------------------------------------------

export const PUBLISHED_CHANGE_INTENTS = ["change-due-date", "withdraw-directive", "withdraw-assignee", "add-assignee"] as const;
export type PublishedChangeIntent = (typeof PUBLISHED_CHANGE_INTENTS)[number];
export const NEW_ASSIGNEE_KINDS = ["COLLECTOR", "SP", "DEPARTMENT"] as const;

export interface PublishedChangeValues {
  intent: string;
  directiveId: string;
  assigneeId: string;
  reason: string;
  dueMode: string;
  dueDate: string;
  dueInDays: string;
  assigneeKind: string;
  scope: string;
  divisions: string[];
  districts: string[];
  departmentCode: string;
}

const idText = z.string(invalid).regex(/^\d{1,9}$/, "validation.invalid");

export function publishedChangeSchema(master: MasterCodes, meetingDate: string) {
  const known = {
    districts: new Set(master.districts),
    divisions: new Set(master.divisions),
    departments: new Set(master.departments),
  };
  return z
    .object({
      intent: enumOf(PUBLISHED_CHANGE_INTENTS),
      directiveId: idText,
      assigneeId: z.string(invalid).max(12, "validation.invalid"),
      reason: text(LIMITS.reason),
      dueMode: z.string(invalid).max(10, "validation.invalid"),
      dueDate: z.string(invalid).max(20, "validation.invalid").transform((v) => v.trim()),
      dueInDays: z.string(invalid).max(20, "validation.invalid").transform((v) => v.trim()),
      assigneeKind: z.string(invalid).max(20, "validation.invalid"),
      scope: z.string(invalid).max(20, "validation.invalid"),
      divisions: codeList,
      districts: codeList,
      departmentCode: z.string(invalid).max(50, "validation.invalid"),
    })
    .superRefine((change, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
      if (!change.reason) issue("reason", "meetings.error.reasonRequired");
      if (change.intent === "withdraw-assignee" && !/^\d{1,9}$/.test(change.assigneeId)) issue("assigneeId", "validation.invalid");
      if (change.intent === "change-due-date") {
        if (change.dueMode === "DATE") {
          if (!change.dueDate) issue("dueDate", "meetings.error.dueRequired");
          else if (!isCalendarDate(change.dueDate)) issue("dueDate", "meetings.error.dateInvalid");
          else if (change.dueDate < meetingDate) issue("dueDate", "meetings.error.dueBeforeMeeting");
        } else if (change.dueMode === "DAYS") {
          if (!change.dueInDays) issue("dueInDays", "meetings.error.dueRequired");
          else if (!/^\d{1,4}$/.test(change.dueInDays) || Number(change.dueInDays) > LIMITS.dueInDays) {
            issue("dueInDays", "meetings.error.daysInvalid");
          }
        } else {
          issue("dueMode", "validation.invalid");
        }
      }
      if (change.intent === "add-assignee") {
        if (!(NEW_ASSIGNEE_KINDS as readonly string[]).includes(change.assigneeKind)) {
          issue("assigneeKind", "meetings.error.chooseAssignee");
        } else if (change.assigneeKind === "DEPARTMENT") {
          if (!change.departmentCode) issue("departmentCode", "meetings.error.chooseDepartment");
          else if (!known.departments.has(change.departmentCode)) issue("departmentCode", "meetings.error.unknownDepartment");
        } else if (!["ALL", "DIVISIONS", "DISTRICTS"].includes(change.scope)) {
          issue("scope", "meetings.error.chooseScope");
        } else if (change.scope === "DIVISIONS" && change.divisions.length === 0) {
          issue("divisions", "meetings.error.chooseDivisions");
        } else if (change.scope === "DISTRICTS" && change.districts.length === 0) {
          issue("districts", "meetings.error.chooseDistricts");
        }
        if (change.districts.some((c) => !known.districts.has(c))) issue("districts", "meetings.error.unknownDistrict");
        if (change.divisions.some((c) => !known.divisions.has(c))) issue("divisions", "meetings.error.unknownDivision");
      }
    });
}

export function publishedChangeValuesFromFormData(form: FormData): PublishedChangeValues {
  const one = (name: string) => stringOf(form.get(name));
  return {
    intent: one("intent"),
    directiveId: one("directiveId"),
    assigneeId: one("assigneeId"),
    reason: one("reason"),
    dueMode: one("dueMode"),
    dueDate: one("dueDate"),
    dueInDays: one("dueInDays"),
    assigneeKind: one("assigneeKind"),
    scope: one("scope"),
    divisions: form.getAll("divisions").map(stringOf),
    districts: form.getAll("districts").map(stringOf),
    departmentCode: one("departmentCode"),
  };
}
