// Forms for correcting published minutes (decision 022): a directive's corrected text, and a directive
// added to a published meeting. Messages are dictionary keys. The new directive's "who must act" is
// checked by publishedChangeSchema's add-assignee rules, so the two forms cannot drift apart.
import { z } from "zod";
import type { PRIORITIES } from "~/domain/vocabulary";
import { fieldErrorsFrom, isCalendarDate, LIMITS, type FieldErrors, type MasterCodes } from "./meeting";
import { publishedChangeSchema, type PublishedChangeValues } from "./published-change";

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const text = (max: number) =>
  z
    .string({ message: "validation.invalid" })
    .max(max, "validation.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "validation.invalid")
    .transform((value) => value.trim());

export const correctTextSchema = z
  .object({
    textEn: text(LIMITS.directiveText),
    textHi: text(LIMITS.directiveText),
    reason: text(LIMITS.reason),
  })
  .superRefine((v, ctx) => {
    if (!v.textEn && !v.textHi) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["textHi"], message: "corrections.error.textRequired" });
    if (!v.reason) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["reason"], message: "meetings.error.reasonRequired" });
  });
export type CorrectTextValues = { textEn: string; textHi: string; reason: string };

export function correctTextValuesFromFormData(form: FormData): CorrectTextValues {
  const one = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  return { textEn: one("textEn"), textHi: one("textHi"), reason: one("reason") };
}

export interface AddDirectiveValues extends Pick<
  PublishedChangeValues,
  "reason" | "assigneeKind" | "scope" | "divisions" | "districts" | "departmentCode"
> {
  textEn: string;
  textHi: string;
  categoryCode: string;
  priority: string;
  dueDate: string;
}

export function emptyAddDirective(): AddDirectiveValues {
  return {
    textEn: "",
    textHi: "",
    categoryCode: "",
    priority: "NORMAL",
    dueDate: "",
    reason: "",
    assigneeKind: "",
    scope: "",
    divisions: [],
    districts: [],
    departmentCode: "",
  };
}

export function addDirectiveValuesFromFormData(form: FormData): AddDirectiveValues {
  const one = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const many = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    textEn: one("textEn"),
    textHi: one("textHi"),
    categoryCode: one("categoryCode"),
    priority: one("priority") === "HIGH" ? "HIGH" : "NORMAL",
    dueDate: one("dueDate").trim(),
    reason: one("reason"),
    assigneeKind: one("assigneeKind"),
    scope: one("scope"),
    divisions: many("divisions"),
    districts: many("districts"),
    departmentCode: one("departmentCode"),
  };
}

export type ValidAddDirective = {
  textEn: string;
  textHi: string;
  categoryCode: string | null;
  priority: (typeof PRIORITIES)[number];
  dueDate: string;
  reason: string;
};

/** Check the form; the errors are field → dictionary key, as the other meeting forms give them. */
export function parseAddDirective(
  values: AddDirectiveValues,
  master: MasterCodes,
  meetingDate: string,
): { ok: true; data: ValidAddDirective } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const texts = correctTextSchema.safeParse({ textEn: values.textEn, textHi: values.textHi, reason: values.reason });
  if (!texts.success) Object.assign(fieldErrors, fieldErrorsFrom(texts.error));
  if (!values.dueDate) fieldErrors.dueDate = "meetings.error.dueRequired";
  else if (!isCalendarDate(values.dueDate)) fieldErrors.dueDate = "meetings.error.dateInvalid";
  else if (values.dueDate < meetingDate) fieldErrors.dueDate = "meetings.error.dueBeforeMeeting";
  if (values.categoryCode && !master.categories.includes(values.categoryCode)) fieldErrors.categoryCode = "validation.invalid";
  const who = publishedChangeSchema(master, meetingDate).safeParse({
    ...values,
    intent: "add-assignee",
    directiveId: "1",
    assigneeId: "",
    dueMode: "",
    dueInDays: "",
  });
  if (!who.success) {
    for (const [field, key] of Object.entries(fieldErrorsFrom(who.error))) if (field !== "reason") fieldErrors[field] ??= key;
  }
  if (Object.keys(fieldErrors).length > 0 || !texts.success) return { ok: false, fieldErrors };
  return {
    ok: true,
    data: {
      textEn: texts.data.textEn,
      textHi: texts.data.textHi,
      reason: texts.data.reason,
      categoryCode: values.categoryCode || null,
      priority: values.priority === "HIGH" ? "HIGH" : "NORMAL",
      dueDate: values.dueDate,
    },
  };
}
