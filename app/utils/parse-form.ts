// One way to check a posted form against its zod schema: the values, or the first message for
// each field. Messages in the schemas are dictionary keys, so the page shows them in the
// viewer's language. Browser-safe (no server imports): the same field errors can be made from
// a ZodError anywhere.
import type { z } from "zod";
import type { MessageKey } from "~/i18n";

/** The first message per field, keyed by its path ("remark", "directives.0.textEn"); "form" for the whole form. */
export type FieldErrors<F extends string = string> = Partial<Record<F, MessageKey>>;

export type FormParse<T, F extends string = string> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors<F> };

export interface ParseFormOptions<F extends string> {
  /** Only these fields are reported (messages about other paths, e.g. a hidden intent, are dropped). */
  fields?: readonly F[];
  /** Fields posted as several values (checkboxes): always read as a list, even of one or none. */
  lists?: readonly string[];
}

/** The first message per field of a failed parse. */
export function fieldErrorsOf<F extends string = string>(error: z.ZodError, fields?: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const path = (issue.path.join(".") || "form") as F;
    if (fields && !fields.includes(path)) continue;
    errors[path] ??= issue.message as MessageKey;
  }
  return errors;
}

/** A FormData as a plain object: one string (or File) per name, a list for the names in `lists`. */
export function formObject(form: FormData, lists: readonly string[] = []): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.fromEntries(form);
  for (const name of lists) out[name] = form.getAll(name);
  return out;
}

/** Check a posted form (or an object already read from one) against `schema`. */
export function parseForm<S extends z.ZodTypeAny, F extends string = string>(
  schema: S,
  input: FormData | Record<string, unknown>,
  options: ParseFormOptions<F> = {},
): FormParse<z.output<S>, F> {
  const raw = input instanceof FormData ? formObject(input, options.lists) : input;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: fieldErrorsOf<F>(parsed.error, options.fields) };
}

/** The posted form, or a 400 thrown when the body cannot be read as one (for actions). */
export async function requireFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read", { status: 400 });
  }
}
