// The one client form hook (issue 14): react-hook-form with the form's zod schema and the server's
// field errors. The browser checks the fields with the same schema the action uses; the server's
// answer (from actionData, or from a fetch the form made itself) is shown before React runs and
// without JavaScript, and after hydration it lives in react-hook-form's errors, so a field's own
// check replaces it. Messages are dictionary keys.
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import {
  get,
  set,
  useForm,
  type DefaultValues,
  type FieldErrors as RhfFieldErrors,
  type FieldValues,
  type Mode,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormRegister,
} from "react-hook-form";
import type { ZodTypeAny } from "zod";
import type { MessageKey } from "~/i18n";
import { looksLikeMessageKey } from "~/i18n/format";

/** Field path ("directives.0.textEn") → message key, as the server answers. */
export type ServerFieldErrors = Partial<Record<string, string>>;

/** False during the server render and the first client render, true once React runs in the browser. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A message from a schema or the server, as a dictionary key (anything unknown reads "invalid"). */
export function asMessageKey(message: unknown): MessageKey | undefined {
  if (typeof message !== "string" || message === "") return undefined;
  return looksLikeMessageKey(message) ? (message as MessageKey) : "validation.invalid";
}

/** Flat server errors in react-hook-form's nested shape; an array field's own error sits at `<name>.root`. */
function toRhfErrors<T extends FieldValues>(errors: ServerFieldErrors | undefined, arrays: readonly string[]): RhfFieldErrors<T> | undefined {
  if (!errors) return undefined;
  const nested = {};
  for (const [path, message] of Object.entries(errors)) {
    if (message) set(nested, arrays.includes(path) ? `${path}.root` : path, { type: "server", message });
  }
  return nested as RhfFieldErrors<T>;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * What the user changed in a server-rendered control before the script arrived: a choice made, a
 * box ticked or cleared, text typed. `undefined` when the control still shows what the server sent.
 * A box is read with the others of its name (`group`), the way react-hook-form reads it: a group
 * is the list of ticked values, a lone box its value (or true) when ticked and false when not.
 */
function changedBeforeScript(el: Control, group: HTMLInputElement[]): string | boolean | string[] | undefined {
  if (el instanceof HTMLSelectElement) {
    const changed = Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
    return changed ? el.value : undefined;
  }
  if (el instanceof HTMLInputElement && el.type === "radio") return el.checked && !el.defaultChecked ? el.value : undefined;
  if (el instanceof HTMLInputElement && el.type === "checkbox") {
    if (!group.some((box) => box.checked !== box.defaultChecked)) return undefined;
    if (group.length > 1) return group.filter((box) => box.checked).map((box) => box.value);
    return el.checked ? (el.hasAttribute("value") && el.value !== "" ? el.value : true) : false;
  }
  if (el instanceof HTMLInputElement && el.type === "file") return undefined;
  return el.value !== el.defaultValue ? el.value : undefined;
}

export interface ServerFormOptions<TValues extends FieldValues> {
  defaultValues: DefaultValues<TValues>;
  /** The server's answer to the last post, if any. */
  serverErrors?: ServerFieldErrors;
  /** Field arrays whose own error (e.g. "at least one") the server reports under the array's name. */
  arrayFields?: readonly string[];
  /** When a field checks itself: "onTouched" for short forms, "onSubmit" (default) for long ones. */
  mode?: Mode;
}

export function useServerForm<TValues extends FieldValues, TOutput = TValues>(schema: ZodTypeAny, options: ServerFormOptions<TValues>) {
  const hydrated = useHydrated();
  const { serverErrors, arrayFields = [] } = options;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- arrayFields is a constant list per form
  const errors = useMemo(() => toRhfErrors<TValues>(serverErrors, arrayFields), [serverErrors]);
  const form = useForm<TValues, unknown, TOutput>({
    // The schema's output (trimmed, transformed) is for the server; the browser submits the form as typed.
    resolver: zodResolver(schema) as unknown as Resolver<TValues, unknown, TOutput>,
    defaultValues: options.defaultValues,
    mode: options.mode ?? "onSubmit",
    errors,
  });
  const submit = useSubmit();

  // On a slow phone the page can be used before its script runs; react-hook-form would then put
  // every field back to its default when it takes the fields over. What the user changed is read
  // just before that and given back once React runs, so a choice or a remark is not lost.
  // A box's defaultChecked (which makes it render ticked without JavaScript) is cleared before
  // react-hook-form registers it: react-hook-form reads a group from the DOM when a registering box
  // is defaultChecked (with only the first box registered that reads one string, and every box
  // registered after it is then ticked); cleared, it takes the group from the form's values, which
  // hold the same codes.
  const typedEarly = useRef(new Map<string, string | boolean | string[]>());
  const boxes = useRef(new Map<string, HTMLInputElement[]>());
  const register: UseFormRegister<TValues> = (name, registerOptions) => {
    const field = form.register(name, registerOptions);
    return {
      ...field,
      ref: (el: unknown) => {
        const control = el as Control | null;
        const box = control instanceof HTMLInputElement && control.type === "checkbox" ? control : null;
        if (control && !hydrated && typeof control.value === "string") {
          const group = boxes.current.get(name) ?? [];
          if (box && !group.includes(box)) group.push(box);
          boxes.current.set(name, group);
          const early = changedBeforeScript(control, group);
          if (early !== undefined) typedEarly.current.set(name, early);
        }
        if (box) box.defaultChecked = false;
        field.ref(el);
      },
    };
  };
  useEffect(() => {
    for (const [name, value] of typedEarly.current) {
      form.setValue(name as Path<TValues>, value as PathValue<TValues, Path<TValues>>, { shouldDirty: true });
    }
    typedEarly.current.clear();
    boxes.current.clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when React takes the page over
  }, []);

  /** The field's message key: the server's before React runs, then react-hook-form's (own check or server). */
  function errorOf(path: string): MessageKey | undefined {
    if (!hydrated) return asMessageKey(serverErrors?.[path]);
    const error = get(form.formState.errors, path) as { message?: unknown; root?: { message?: unknown } } | undefined;
    return asMessageKey(error?.message ?? error?.root?.message);
  }

  /** Any error on the form now (after hydration only those of a submitted form). */
  const hasErrors = hydrated ? form.formState.isSubmitted && Object.keys(form.formState.errors).length > 0 : Boolean(serverErrors);

  /**
   * onSubmit for a Remix <Form>: when the fields pass, the form element (or the button that was
   * pressed, with its name and value) is submitted as it would be without JavaScript. `prepare`
   * sees the button first and may stop the submission (return false).
   */
  function onSubmit(event: FormEvent<HTMLFormElement>, prepare?: (submitter: HTMLButtonElement | null) => boolean) {
    const formElement = event.currentTarget;
    const pressed = (event.nativeEvent as SubmitEvent).submitter;
    const submitter = pressed instanceof HTMLButtonElement ? pressed : null;
    if (prepare && !prepare(submitter)) {
      event.preventDefault();
      return;
    }
    void form.handleSubmit(() => {
      submit(submitter ?? formElement);
    })(event);
  }

  return { ...form, register, hydrated, errorOf, hasErrors, onSubmit };
}
