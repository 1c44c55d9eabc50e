// "Start selected" on the list of my actions: one remark for every PENDING item ticked, with the
// errors of the last attempt (too many items, no remark) and what was typed kept.
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { MAX_BULK_ITEMS } from "~/schemas/action-update";
import { useT } from "~/utils/i18n";

export interface BulkStartFailure {
  fieldErrors: { items?: string; remark?: string };
  values: { items: string[]; remark: string };
}

export function BulkStartFields({ failed, busy }: { failed: BulkStartFailure | null; busy: boolean }) {
  const t = useT();
  return (
    <fieldset className="card bulk">
      <legend>{t("actions.bulk.legend")}</legend>
      <p className="field__hint">{t("actions.bulk.hint")}</p>
      {failed?.fieldErrors.items ? (
        <p className="field__error" role="alert" id="bulk-items-error">
          {t(failed.fieldErrors.items as MessageKey, { max: MAX_BULK_ITEMS })}
        </p>
      ) : null}
      <Field id="bulk-remark" label={t("actions.bulk.remark")} error={failed?.fieldErrors.remark as MessageKey | undefined}>
        {(aria) => <textarea {...aria} name="remark" rows={3} defaultValue={failed?.values.remark} />}
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("actions.update.submitting") : t("actions.bulk.submit")}
      </button>
    </fieldset>
  );
}
