import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { REVIEW_REMARK_MAX } from "~/schemas/notices";
import { useT } from "~/utils/i18n";

/** A division officer's remark: it goes to the item's history and changes nothing else. */
export function ReviewRemarkForm({ itemId, error }: { itemId: number; error: MessageKey | null }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card" aria-labelledby="remark-title">
      <h2 id="remark-title">{t("reviewRemark.title")}</h2>
      <Form method="post" action={`/actions/${itemId}/remark`}>
        <Field id="review-remark" label={t("reviewRemark.label")} hint={t("reviewRemark.hint")} error={error ?? undefined}>
          {(aria) => <textarea {...aria} name="remark" required maxLength={REVIEW_REMARK_MAX} rows={4} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("reviewRemark.submit")}
        </button>
      </Form>
    </section>
  );
}
