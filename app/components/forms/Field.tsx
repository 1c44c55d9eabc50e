import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({
  id,
  label,
  hint,
  hintFirst,
  error,
  errorParams,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  /** The hint between the label and the control, for a hint to read before typing. */
  hintFirst?: boolean;
  error?: MessageKey;
  /** The values the error's message needs (e.g. a date). */
  errorParams?: Record<string, string | number>;
  /** Added to "field" (e.g. "field--narrow"). */
  className?: string;
  children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const hintText = hint ? (
    <span id={`${id}-hint`} className="field__hint">
      {hint}
    </span>
  ) : null;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {hintFirst ? hintText : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hintFirst ? null : hintText}
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {t(error, errorParams)}
        </span>
      ) : null}
    </div>
  );
}
