// The meeting editor's wire format. Without JavaScript the browser posts the form's own fields;
// with it, the same form element is submitted. Names are paths: "titleEn", "directives.0.textEn"
// (what react-hook-form renders) or "directives[0].textEn"; checkbox groups repeat their name.
// Only known names are read, so a crafted key cannot reach anything else.
import { emptyDirective, emptyMeeting, type AssigneeChoice, type DirectiveFormValues, type DueMode, type MeetingFormValues } from "./meeting";

/** The meeting's one-value fields, and a directive's, as the form posts them. */
export const MEETING_TEXT_FIELDS = [
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
export const DIRECTIVE_TEXT_FIELDS = ["textEn", "textHi", "categoryCode", "priority", "dueMode", "dueDate", "dueInDays"] as const;
const DIRECTIVE_PATH = /^directives(?:\.(\d{1,4})|\[(\d{1,4})\])\.([A-Za-z]+)(?:\.([A-Za-z]+))?$/;
/** Directive rows beyond this index are ignored; the schema already refuses more than LIMITS.directives. */
const MAX_DIRECTIVE_INDEX = 500;

export function stringOf(value: FormDataEntryValue | null | undefined): string {
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
