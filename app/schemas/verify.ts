// The verification queue's forms: accept one item, return one item (remark required), accept
// the selected ones. Each carries the version the secretariat saw, so a change made meanwhile
// is refused rather than overwritten. Messages are dictionary keys.
import { z } from "zod";

export const MAX_RETURN_REMARK = 2000;
export const MAX_BULK_ACCEPT = 200;

const id = z
  .string({ message: "validation.invalid" })
  .regex(/^\d{1,9}$/, "validation.invalid")
  .transform(Number);

/** "123:4" — an item and the version it was shown at. */
const itemAtVersion = z
  .string({ message: "validation.invalid" })
  .regex(/^\d{1,9}:\d{1,9}$/, "validation.invalid")
  .transform((value) => {
    const [itemId, version] = value.split(":").map(Number);
    return { itemId, version };
  });

export const verifySchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), actionItemId: id, version: id }),
  z.object({
    intent: z.literal("return"),
    actionItemId: id,
    version: id,
    remark: z
      .string({ message: "validation.invalid" })
      .max(MAX_RETURN_REMARK, "validation.tooLong")
      .transform((v) => v.trim())
      .refine((v) => v !== "", "verify.error.remarkRequired"),
  }),
  z.object({
    intent: z.literal("accept-selected"),
    selected: z.array(itemAtVersion).min(1, "verify.error.noneSelected").max(MAX_BULK_ACCEPT, "verify.error.tooMany"),
  }),
]);
export type VerifyInput = z.output<typeof verifySchema>;

/** The posted form as the schema reads it: `selected` is a repeated field. */
export function verifyValuesFromFormData(form: FormData): Record<string, unknown> {
  const one = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    intent: one("intent"),
    actionItemId: one("actionItemId"),
    version: one("version"),
    remark: one("remark") ?? "",
    selected: form.getAll("selected").filter((v): v is string => typeof v === "string"),
  };
}
