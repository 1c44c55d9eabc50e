// Changes to a published meeting: each names its directive and needs a reason, which lands in
// the history of every item it touches.
import { z } from "zod";
import { codeList, enumOf, invalid, isCalendarDate, LIMITS, shortTrimmed, text, type MasterCodes } from "./meeting";
import { stringOf } from "./meeting-form-data";

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
      dueDate: shortTrimmed,
      dueInDays: shortTrimmed,
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
