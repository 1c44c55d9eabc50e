// Small form parts shared by the meeting editor and the published-meeting change forms:
// a labelled field with its error, and the error lookup the editor's fields share.
import { createContext, useContext, type ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { pickText, useLocale, useT } from "~/utils/i18n";

export { asMessageKey, useHydrated } from "~/components/forms/use-server-form";

/** Error lookup by field path ("directives.0.textEn"). */
export type ErrorLookup = (path: string) => MessageKey | undefined;
export const ErrorsContext = createContext<ErrorLookup>(() => undefined);
export function useErrorLookup(): ErrorLookup {
  return useContext(ErrorsContext);
}

/** "directives.0.textEn" → "f-directives-0-textEn": a stable id for label and error. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function FieldError({ id, error }: { id: string; error: MessageKey | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="field__error">
      {t(error)}
    </span>
  );
}

/** The ARIA attributes that tie an input to its error and hint. */
export function describedBy(id: string, error: MessageKey | undefined, hint?: boolean) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids || undefined,
  } as const;
}

export function Field({
  id,
  label,
  error,
  hint,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  error: MessageKey | undefined;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Master data (code, English and Hindi names) as <option>s named in the viewer's language. */
export function NamedOptions({ list }: { list: { code: string; nameEn: string; nameHi: string }[] }) {
  const locale = useLocale();
  return (
    <>
      {list.map((o) => (
        <option key={o.code} value={o.code}>
          {pickText(locale, o.nameEn, o.nameHi)}
        </option>
      ))}
    </>
  );
}
