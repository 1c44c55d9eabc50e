// The secretariat's two decisions on a directive under review: close it, or re-issue it with a new due date.
// Plain forms (they work without JavaScript); the answer's errors are shown next to their fields, and the
// typed reason and date are kept.
import { Form } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { asMessageKey } from "~/components/meetings/fields";
import type { ReviewedDirective } from "~/domain/review-views";
import { useT } from "~/utils/i18n";

export interface CarriedResult {
  intent: string;
  values: { reason: string; dueDate: string };
  fieldErrors?: Record<string, string>;
  formError?: MessageKey;
}

export function CarriedActions({ directive, result }: { directive: ReviewedDirective; result?: CarriedResult }) {
  const t = useT();
  const id = directive.directiveId;
  const forIntent = (intent: string) => (result?.intent === intent ? result : undefined);
  const form = (intent: "close-carried" | "reissue-carried") => {
    const r = forIntent(intent);
    const reasonId = `${intent}-${id}-reason`;
    const dueId = `${intent}-${id}-due`;
    const reasonError = asMessageKey(r?.fieldErrors?.reason);
    const dueError = asMessageKey(r?.fieldErrors?.dueDate);
    return (
      <details className="carried-action" open={Boolean(r)}>
        <summary>{t(intent === "close-carried" ? "review.carry.close" : "review.carry.reissue")}</summary>
        <Form method="post" className="carried-action__form">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="directiveId" value={id} />
          <p className="field__hint">{t(intent === "close-carried" ? "review.carry.closeHint" : "review.carry.reissueHint")}</p>
          {r?.formError ? (
            <p className="form-error" role="alert">
              {t(r.formError)}
            </p>
          ) : null}
          {intent === "reissue-carried" ? (
            <Field id={dueId} label={t("review.carry.newDue")} error={dueError} className="field--narrow">
              {(aria) => <input {...aria} name="dueDate" type="date" required defaultValue={r?.values.dueDate ?? ""} />}
            </Field>
          ) : null}
          <Field id={reasonId} label={t("review.carry.reason")} error={reasonError}>
            {(aria) => <textarea {...aria} name="reason" rows={2} required maxLength={2000} defaultValue={r?.values.reason ?? ""} />}
          </Field>
          <button type="submit" className="button button--secondary">
            {t(intent === "close-carried" ? "review.carry.close" : "review.carry.reissue")}
          </button>
        </Form>
      </details>
    );
  };
  return (
    <div className="carried-actions">
      {form("reissue-carried")}
      {form("close-carried")}
    </div>
  );
}
