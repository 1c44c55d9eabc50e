// The forms of an action item: the update (status, remark, evidence), several items at once,
// an extension request and the secretariat's decision on it. The same schemas check the form
// in the browser (react-hook-form) and again in the action. Messages are dictionary keys.
import { z } from "zod";
import { ACTION_STATUSES, type ActionStatus } from "~/domain/vocabulary";
import { findTransition, type Actor } from "~/utils/lifecycle";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 5;
export const MAX_LINKS = 5;
export const MAX_REMARK = 2000;
export const MAX_BULK_ITEMS = 100;

/** The file types accepted as evidence, recognised by their first bytes. */
export const EVIDENCE_TYPES = {
  "application/pdf": { extension: "pdf", magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] }, // %PDF-
  "image/jpeg": { extension: "jpg", magic: [[0xff, 0xd8, 0xff]] },
  "image/png": { extension: "png", magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;
/** How many leading bytes detectEvidenceType needs. */
export const EVIDENCE_HEAD_BYTES = 8;

export function detectEvidenceType(head: Uint8Array): EvidenceType | null {
  for (const [type, { magic }] of Object.entries(EVIDENCE_TYPES) as [EvidenceType, (typeof EVIDENCE_TYPES)[EvidenceType]][]) {
    if (magic.some((bytes) => bytes.every((b, i) => head[i] === b))) return type;
  }
  return null;
}

export type EvidenceFileError = "evidence.error.empty" | "evidence.error.tooLarge" | "evidence.error.type";

/** What is wrong with one file, or null. `head` is its first bytes. */
export function checkEvidenceFile(file: { size: number; head: Uint8Array }): EvidenceFileError | null {
  if (file.size === 0) return "evidence.error.empty";
  if (file.size > MAX_EVIDENCE_BYTES) return "evidence.error.tooLarge";
  if (!detectEvidenceType(file.head)) return "evidence.error.type";
  return null;
}

/** "one address per line" → the addresses; blank lines ignored. */
export function splitLinks(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** The update form for an item whose status is `from`, filled in by `actor`. */
export function actionUpdateSchema(context: { from: ActionStatus; actor: Actor }) {
  return z
    .object({
      intent: z.literal("update"),
      version: z.coerce.number({ invalid_type_error: "actions.error.stale" }).int().positive("actions.error.stale"),
      toStatus: z.enum(ACTION_STATUSES, { errorMap: () => ({ message: "actions.error.chooseStatus" }) }),
      remark: z.string().trim().max(MAX_REMARK, "actions.error.remarkTooLong").default(""),
      links: z
        .string()
        .default("")
        .refine((text) => splitLinks(text).length <= MAX_LINKS, "actions.error.tooManyLinks")
        .refine((text) => splitLinks(text).every((link) => link.length <= 1000 && isWebAddress(link)), "actions.error.badLink"),
    })
    .superRefine((value, ctx) => {
      const transition = findTransition(context.from, value.toStatus, context.actor);
      if (!transition) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["toStatus"], message: "actions.error.notAllowed" });
      } else if (transition.remarkRequired && value.remark === "") {
        const message = value.toStatus === "NOT_APPLICABLE" ? "actions.error.reasonRequired" : "actions.error.remarkRequired";
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["remark"], message });
      }
    });
}
export type ActionUpdateInput = z.infer<ReturnType<typeof actionUpdateSchema>>;
export type ActionUpdateField = "toStatus" | "remark" | "links" | "files" | "version";

/** Several items moved to IN_PROGRESS with one remark; each item travels as "id:version". */
export const bulkStartSchema = z.object({
  intent: z.literal("bulk-start"),
  items: z
    .array(z.string().regex(/^\d{1,9}:\d{1,9}$/, "validation.invalid"))
    .min(1, "actions.bulk.noneSelected")
    .max(MAX_BULK_ITEMS, "actions.bulk.tooMany"),
  remark: z.string().trim().min(1, "actions.error.remarkRequired").max(MAX_REMARK, "actions.error.remarkTooLong"),
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const extensionRequestSchema = z.object({
  intent: z.literal("request-extension"),
  version: z.coerce.number({ invalid_type_error: "actions.error.stale" }).int().positive("actions.error.stale"),
  requestedDueDate: z
    .string()
    .regex(isoDate, "extension.error.date")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "extension.error.date"),
  reason: z.string().trim().min(1, "extension.error.reasonRequired").max(MAX_REMARK, "actions.error.remarkTooLong"),
});

/** The secretariat's decision on /verify (fields of ExtensionRequestList's forms). */
export const extensionDecisionSchema = z
  .object({
    intent: z.enum(["grant-extension", "refuse-extension"]),
    requestId: z.coerce.number().int().positive(),
    remark: z.string().trim().max(MAX_REMARK, "actions.error.remarkTooLong").default(""),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "refuse-extension" && value.remark === "") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["remark"], message: "extension.error.refuseRemark" });
    }
  });

// ----- What the update endpoint answers (both the route action and the upload endpoint) -----

export interface ChangeSummary {
  at: string;
  actorName: string | null;
  /** The actor's name in Devanagari (null: the English name stands in on Hindi pages). */
  actorNameHi?: string | null;
  kind: string;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  fromDueDate: string | null;
  toDueDate: string | null;
  remark: string | null;
}

export interface FileProblem {
  name: string;
  error: EvidenceFileError;
}

export interface UpdateFormValues {
  toStatus: string;
  remark: string;
  links: string;
}

export type UpdateOutcome =
  | { outcome: "saved"; redirectTo: string }
  | {
      outcome: "invalid";
      fieldErrors: Partial<Record<ActionUpdateField, string>>;
      fileProblems: FileProblem[];
      /** Files that came with the request and were not kept (a form without JS cannot re-fill them). */
      filesDropped: number;
      values: UpdateFormValues;
    }
  | {
      outcome: "conflict";
      current: { status: ActionStatus; version: number };
      changes: ChangeSummary[];
      filesDropped: number;
      values: UpdateFormValues;
    }
  | { outcome: "refused"; reason: "not-found" | "withdrawn" | "forbidden"; values: UpdateFormValues };
