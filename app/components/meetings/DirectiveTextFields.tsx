// A directive's text in both languages, as two labelled textareas (Hindi first, as the minutes are
// written), with the form's own error at the top: shared by "add a directive", "correct the text" and
// the meeting editor.
import type { ComponentProps } from "react";
import type { MessageKey } from "~/i18n";
import { LIMITS } from "~/schemas/meeting";
import { useT } from "~/utils/i18n";
import { describedBy, Field } from "./fields";

export function FormErrorAlert({ error }: { error: MessageKey | undefined }) {
  const t = useT();
  return error ? (
    <p className="form-error" role="alert">
      {t(error)}
    </p>
  ) : null;
}

/** `labels` picks the labels' wording (the editor's "Directive (Hindi)"); `field` gives a textarea's form props, by default its name. */
export function DirectiveTextFields({
  idPrefix,
  values,
  errorOf,
  rows,
  labels = "corrections.correct",
  field = (name) => ({ name }),
}: {
  idPrefix: string;
  values: { textHi: string; textEn: string };
  errorOf: (field: "textHi" | "textEn") => MessageKey | undefined;
  rows: number;
  labels?: "corrections.correct" | "meetings.directive";
  field?: (name: "textHi" | "textEn") => ComponentProps<"textarea">;
}) {
  const t = useT();
  return (
    <>
      {(["textHi", "textEn"] as const).map((name) => {
        const id = `${idPrefix}-${name}`;
        return (
          <Field key={name} id={id} label={t(`${labels}.${name}`)} error={errorOf(name)}>
            <textarea
              {...field(name)}
              lang={name === "textHi" ? "hi" : "en"}
              rows={rows}
              maxLength={LIMITS.directiveText}
              defaultValue={values[name]}
              {...describedBy(id, errorOf(name))}
            />
          </Field>
        );
      })}
    </>
  );
}

/** The reason every change to published minutes needs: written to the history of each item it touches. */
export function ReasonField({ id, value, error }: { id: string; value: string; error: MessageKey | undefined }) {
  const t = useT();
  return (
    <Field id={id} label={t("meetings.change.reason")} error={error} hint={t("meetings.change.reasonHint")}>
      <textarea name="reason" rows={2} maxLength={LIMITS.reason} required defaultValue={value} {...describedBy(id, error, true)} />
    </Field>
  );
}
