// "Paste the minutes": the parser's proposals turned into editor rows for the user to review.
// Pure, so the browser runs it on click and the server runs it for a form posted without JavaScript.
import { parseMinutes, WARNING_NO_ASSIGNEE, type ParsedDirective } from "~/utils/minutes-parser";
import { emptyDirective, isCalendarDate, LIMITS, type DirectiveFormValues, type RoleAssigneeValues } from "~/schemas/meeting";

export interface PasteMasterData {
  districts: { code: string; nameEn: string; nameHi: string; divisionCode: string }[];
  divisions: { code: string; nameEn: string; nameHi: string }[];
  departments: { code: string; nameEn: string; nameHi: string }[];
}

export interface PasteResult {
  directives: DirectiveFormValues[];
  /** How many of them the parser found no assignee for: the user must choose one. */
  withoutAssignee: number;
}

function roleValues(value: "ALL" | string[] | null): RoleAssigneeValues {
  if (value === "ALL") return { scope: "ALL", divisions: [], districts: [] };
  if (value && value.length > 0) return { scope: "DISTRICTS", divisions: [], districts: [...value] };
  return { scope: "NONE", divisions: [], districts: [] };
}

export function toDirectiveValues(parsed: ParsedDirective): DirectiveFormValues {
  const row = emptyDirective();
  const text = parsed.text.slice(0, LIMITS.directiveText);
  if (parsed.language === "hi") row.textHi = text;
  else row.textEn = text;
  row.collector = roleValues(parsed.assignees.collectors);
  row.sp = roleValues(parsed.assignees.sps);
  row.departments = [...parsed.assignees.departments];
  if (parsed.dueDate) {
    row.dueMode = "DATE";
    row.dueDate = parsed.dueDate;
  } else if (parsed.dueInDays != null) {
    row.dueMode = "DAYS";
    row.dueInDays = String(parsed.dueInDays);
  }
  return row;
}

export function directivesFromPastedText(text: string, meetingDate: string, master: PasteMasterData): PasteResult {
  if (!text.trim()) return { directives: [], withoutAssignee: 0 };
  const divisions = master.divisions.map((division) => ({
    ...division,
    districtCodes: master.districts.filter((d) => d.divisionCode === division.code).map((d) => d.code),
  }));
  const parsed = parseMinutes(text, {
    // The parser reads relative dates against the meeting; without one, today is as good a guess.
    meetingDate: isCalendarDate(meetingDate) ? meetingDate : new Date().toISOString().slice(0, 10),
    districts: master.districts,
    departments: master.departments,
    divisions,
  });
  return {
    directives: parsed.map(toDirectiveValues),
    withoutAssignee: parsed.filter((p) => p.warnings.includes(WARNING_NO_ASSIGNEE)).length,
  };
}
