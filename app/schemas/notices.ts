// The forms of issue 13: a user's notice settings, the administrator's ladder, a division
// officer's remark. Shared by the forms and the actions; messages are dictionary keys.
import { z } from "zod";

const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal(""), z.undefined()]).transform((v) => v === "on" || v === "true");

export const noticePreferencesSchema = z.object({
  email: z
    .string()
    .trim()
    .max(200, "prefs.emailInvalid")
    .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "prefs.emailInvalid"),
  emailEnabled: checkbox,
  digestFrequency: z.enum(["WEEKLY", "OFF"]),
  locale: z.enum(["en", "hi"]),
});
export type NoticePreferencesData = z.output<typeof noticePreferencesSchema>;

const days = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: "ladder.offsetInvalid" })
    .int("ladder.offsetInvalid")
    .min(min, "ladder.offsetInvalid")
    .max(max, "ladder.offsetInvalid");

/** Days before the due date for the first reminder; days overdue for the division officer and for escalation. */
export const ladderSchema = z
  .object({
    dueSoonDays: days(1, 30),
    dueSoonEnabled: checkbox,
    dueTodayEnabled: checkbox,
    divisionDays: days(1, 90),
    divisionEnabled: checkbox,
    escalateDays: days(1, 90),
    escalateEnabled: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.divisionEnabled && v.escalateEnabled && v.escalateDays <= v.divisionDays) {
      ctx.addIssue({ code: "custom", path: ["escalateDays"], message: "ladder.orderInvalid" });
    }
  });
export type LadderData = z.output<typeof ladderSchema>;

export const REVIEW_REMARK_MAX = 2000;
export const reviewRemarkSchema = z.object({
  remark: z.string().trim().min(1, "reviewRemark.required").max(REVIEW_REMARK_MAX, "reviewRemark.tooLong"),
});
