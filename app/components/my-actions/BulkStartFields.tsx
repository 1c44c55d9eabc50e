// "Start selected" on the list of my actions: one remark for every PENDING item ticked, with the
// errors of the last attempt (too many items, no remark) and what was typed kept.
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
      <div className="field">
        <label htmlFor="bulk-remark">{t("actions.bulk.remark")}</label>
        <textarea
          id="bulk-remark"
          name="remark"
          rows={3}
          defaultValue={failed?.values.remark}
          aria-invalid={failed?.fieldErrors.remark ? true : undefined}
          aria-describedby={failed?.fieldErrors.remark ? "bulk-remark-error" : undefined}
        />
        {failed?.fieldErrors.remark ? (
          <span className="field__error" id="bulk-remark-error">
            {t(failed.fieldErrors.remark as MessageKey)}
          </span>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("actions.update.submitting") : t("actions.bulk.submit")}
      </button>
    </fieldset>
  );
}
