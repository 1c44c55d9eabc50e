// Meeting editor values for tests: the RJ 2021-08-31 review from db/seed-data/meetings.json as
// the form would post it, and helpers to turn values into the form's wire format.
import meetingsJson from "../../db/seed-data/meetings.json";
import { emptyDirective, emptyMeeting, type DirectiveFormValues, type MeetingFormValues } from "~/schemas/meeting";
import { DIRECTIVE_TEXT_FIELDS, MEETING_TEXT_FIELDS } from "~/schemas/meeting-form-data";

type AssigneeEntry = { role: "COLLECTOR" | "SP"; districts: "ALL" | string[] } | { department: string };
interface DirectiveEntry {
  text: { en: string; hi: string };
  category: string;
  assignees: AssigneeEntry[];
  dueInDays?: number;
  dueAbsolute?: string;
}

export const RJ_2021 = meetingsJson.meetings.find((m) => m.date === "2021-08-31")!;

export function directiveValuesFrom(entry: DirectiveEntry): DirectiveFormValues {
  const row = emptyDirective();
  row.textEn = entry.text.en;
  row.textHi = entry.text.hi;
  row.categoryCode = entry.category;
  if (entry.dueAbsolute) {
    row.dueMode = "DATE";
    row.dueDate = entry.dueAbsolute;
  } else {
    row.dueMode = "DAYS";
    row.dueInDays = String(entry.dueInDays ?? 30);
  }
  for (const a of entry.assignees) {
    if ("department" in a) row.departments.push(a.department);
    else {
      const field = a.role === "COLLECTOR" ? "collector" : "sp";
      row[field] =
        a.districts === "ALL" ? { scope: "ALL", divisions: [], districts: [] } : { scope: "DISTRICTS", divisions: [], districts: a.districts };
    }
  }
  return row;
}

/** The RJ 2021-08-31 meeting as complete editor values. */
export function rj2021Values(intent: MeetingFormValues["intent"] = "save-draft"): MeetingFormValues {
  return {
    ...emptyMeeting(RJ_2021.date!),
    intent,
    titleEn: RJ_2021.title.en,
    titleHi: RJ_2021.title.hi,
    chairEn: RJ_2021.chair.en,
    chairHi: RJ_2021.chair.hi,
    participantsEn: RJ_2021.participants.en,
    participantsHi: RJ_2021.participants.hi,
    mode: "VIDEO_CONFERENCE",
    calledRoles: ["COLLECTOR", "SP"],
    directives: (RJ_2021.directives as DirectiveEntry[]).map(directiveValuesFrom),
  };
}

/** A small complete meeting: one directive for the given assignees. */
export function simpleMeetingValues(overrides: Partial<DirectiveFormValues> = {}, meetingDate = "2024-03-01"): MeetingFormValues {
  return {
    ...emptyMeeting(meetingDate),
    titleEn: "Review of law and order",
    titleHi: "कानून व्यवस्था की समीक्षा",
    chairEn: "Chief Secretary",
    chairHi: "मुख्य सचिव",
    directives: [
      {
        ...emptyDirective(),
        textEn: "Hold a weekly review of pending cases",
        textHi: "लंबित प्रकरणों की साप्ताहिक समीक्षा करें",
        categoryCode: "LAW_AND_ORDER",
        dueMode: "DAYS",
        dueInDays: "30",
        collector: { scope: "ALL", divisions: [], districts: [] },
        ...overrides,
      },
    ],
  };
}

/** The values as the browser posts them: one field per input, checkbox groups repeated. */
export function toFormFields(values: MeetingFormValues, intent: string = values.intent): [string, string][] {
  const fields: [string, string][] = [["intent", intent]];
  for (const key of MEETING_TEXT_FIELDS) fields.push([key, values[key]]);
  for (const role of values.calledRoles) fields.push(["calledRoles", role]);
  values.directives.forEach((d, i) => {
    const p = `directives.${i}`;
    for (const key of DIRECTIVE_TEXT_FIELDS) {
      fields.push([`${p}.${key}`, d[key]]);
    }
    for (const role of ["collector", "sp"] as const) {
      fields.push([`${p}.${role}.scope`, d[role].scope]);
      for (const code of d[role].divisions) fields.push([`${p}.${role}.divisions`, code]);
      for (const code of d[role].districts) fields.push([`${p}.${role}.districts`, code]);
    }
    for (const code of d.departments) fields.push([`${p}.departments`, code]);
  });
  return fields;
}

export function toFormData(values: MeetingFormValues, intent?: string): FormData {
  const form = new FormData();
  for (const [key, value] of toFormFields(values, intent)) form.append(key, value);
  return form;
}
