import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { addDays, formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export interface ExtensionFormState {
  fieldErrors: { requestedDueDate?: string; reason?: string };
  formError?: string;
  params?: Record<string, string>;
  values: { requestedDueDate: string; reason: string };
}

/** Ask the secretariat for a later due date. Folded away until the officer needs it. */
export function ExtensionForm({
  version,
  dueDate,
  today,
  state,
}: {
  version: number;
  dueDate: string | null;
  today: string;
  state: ExtensionFormState | null;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "request-extension";
  const earliest = addDays(dueDate && dueDate >= today ? dueDate : today, 1);
  const params = { ...state?.params, date: state?.params?.date ? formatDate(state.params.date, locale) : "" };
  return (
    <details className="card extension" open={state ? true : undefined}>
      <summary>
        <h2 className="extension__title">{t("extension.title")}</h2>
      </summary>
      <p className="field__hint">{t("extension.intro")}</p>
      <Form method="post" noValidate>
        {state?.formError ? (
          <p className="form-error" role="alert">
            {t(state.formError as MessageKey, params)}
          </p>
        ) : null}
        <input type="hidden" name="intent" value="request-extension" />
        <input type="hidden" name="version" value={version} />
        <Field
          id="requestedDueDate"
          label={t("extension.requestedDueDate")}
          error={state?.fieldErrors.requestedDueDate as MessageKey | undefined}
          errorParams={params}
        >
          {(aria) => <input {...aria} name="requestedDueDate" type="date" min={earliest} required defaultValue={state?.values.requestedDueDate} />}
        </Field>
        <Field
          id="extension-reason"
          label={t("extension.reason")}
          hint={t("extension.reasonHint")}
          hintFirst
          error={state?.fieldErrors.reason as MessageKey | undefined}
        >
          {(aria) => <textarea {...aria} name="reason" rows={3} required defaultValue={state?.values.reason} />}
        </Field>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("extension.submit")}
        </button>
      </Form>
    </details>
  );
}
