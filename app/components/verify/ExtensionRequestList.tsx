// The secretariat's requests for more time on /verify: each with the item, the current and the
// requested due date, the officer's reason, and one form to grant or refuse it (refusing needs
// a remark). The two buttons share the form and send their intent as the button's value.
import { Form, Link, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import { IntentButton } from "~/components/forms/IntentButton";
import type { MessageKey } from "~/i18n";
import type { ExtensionDecisionFormResult, PendingExtensionRequest } from "~/domain/views";
import { MAX_REMARK } from "~/schemas/action-update";
import { formatDate, formatDateTime } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export function ExtensionRequestList({ requests, feedback }: { requests: PendingExtensionRequest[]; feedback?: ExtensionDecisionFormResult }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  if (requests.length === 0) return <p className="card">{t("extension.list.empty")}</p>;
  return (
    <ol className="verify-list extension-list">
      {requests.map((r) => {
        const who = r.districtEn
          ? `${pickText(locale, r.districtEn, r.districtHi)} · ${t(`districtRole.${r.districtRole ?? "COLLECTOR"}`)}`
          : pickText(locale, r.departmentEn, r.departmentHi);
        const mine = feedback && !feedback.ok && feedback.requestId === r.id ? feedback : undefined;
        const remarkId = `extension-remark-${r.id}`;
        return (
          <li key={r.id} className="card verify-item" id={`extension-${r.id}`} aria-labelledby={`extension-${r.id}-who`}>
            <h3 id={`extension-${r.id}-who`} className="verify-item__who">
              <Link to={`/actions/${r.actionItemId}`}>{who}</Link>
            </h3>
            <p className="verify-item__directive">
              {pickText(locale, r.meetingTitleEn, r.meetingTitleHi)} — {t("meetings.directive.heading", { n: r.directiveNumber })}:{" "}
              {pickText(locale, r.textEn, r.textHi)}
            </p>
            <p>
              {t("extension.list.current")}: <strong>{formatDate(r.currentDueDate, locale)}</strong>
              {" → "}
              {t("extension.list.requested")}: <strong data-testid="requested-due-date">{formatDate(r.requestedDueDate, locale)}</strong>
            </p>
            <p className="muted">
              {t("extension.list.requestedBy", {
                who: pickText(locale, r.requestedByName, r.requestedByNameHi),
                when: formatDateTime(r.requestedAt, locale),
              })}
            </p>
            <p>
              <strong>{t("extension.list.reason")}:</strong>
            </p>
            <blockquote className="verify-item__remark">{r.reason}</blockquote>
            <Form method="post" noValidate>
              <input type="hidden" name="requestId" value={r.id} />
              <Field id={remarkId} label={t("extension.list.remark")} error={mine?.fieldErrors.remark as MessageKey | undefined}>
                {(aria) => <textarea {...aria} name="remark" rows={2} maxLength={MAX_REMARK} />}
              </Field>
              <div className="verify-item__actions">
                <IntentButton intent="grant-extension" busy={busy}>
                  {t("extension.list.grant")}
                </IntentButton>
                <IntentButton intent="refuse-extension" look="secondary" busy={busy}>
                  {t("extension.list.refuse")}
                </IntentButton>
              </div>
            </Form>
          </li>
        );
      })}
    </ol>
  );
}
