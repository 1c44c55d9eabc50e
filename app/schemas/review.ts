// Forms of the review cycle (issue 10): a series, an office, and closing or re-issuing a carried directive.
// Messages are dictionary keys; both the action and (where JavaScript runs) the browser use these schemas.
import { z } from "zod";

const CODE = /^[A-Z0-9_]{2,40}$/;
const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const officeSchema = z.object({
  code: z.string().trim().regex(CODE, "review.error.code"),
  nameEn: text(200).min(1, "review.error.name"),
  nameHi: text(200).min(1, "review.error.name"),
});

export const seriesSchema = officeSchema.extend({
  officeCode: z.string().trim().min(1, "review.error.unknownOffice"),
});

export const CARRIED_INTENTS = ["close-carried", "reissue-carried"] as const;

export const carriedChangeSchema = z
  .object({
    intent: z.enum(CARRIED_INTENTS),
    directiveId: z.string().regex(/^\d{1,9}$/, "validation.invalid"),
    reason: text(2000).min(1, "validation.required"),
    dueDate: z.string().trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "reissue-carried") return;
    if (!DATE.test(v.dueDate) || Number.isNaN(Date.parse(`${v.dueDate}T00:00:00Z`))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dueDate"], message: v.dueDate ? "meetings.error.dateInvalid" : "validation.required" });
    }
  });
