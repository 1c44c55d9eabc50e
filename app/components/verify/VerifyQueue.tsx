// The verification queue: each reported completion with its district, remark and evidence, a
// checkbox for "accept selected", and its own accept and return forms. The checkboxes belong
// to the bulk form through the form="" attribute, so no form is nested in another and all of
// it works without JavaScript.
import { Form, Link, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import { IntentForm } from "~/components/forms/IntentButton";
import type { MessageKey } from "~/i18n";
import type { QueueItem } from "~/domain/views";
import { MAX_RETURN_REMARK } from "~/schemas/verify";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export const BULK_FORM_ID = "accept-selected";

export interface ItemFeedback {
  itemId: number;
  intent: "accept" | "return";
  remark?: string;
  remarkError?: MessageKey;
  formError?: MessageKey;
}

function isWebLink(url: string | null): url is string {
  return Boolean(url && /^https?:\/\//i.test(url));
}

function sizeText(bytes: number | null, locale: "en" | "hi"): string {
  if (bytes == null) return "";
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), locale, 1)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

/** A reported completion's evidence: files (downloaded through the item) and links. */
function EvidenceList({ item }: { item: QueueItem }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="verify-item__evidence">
      <strong>{t("verify.evidence")}:</strong>{" "}
      {item.evidence.length === 0 ? (
        <span className="muted">{t("verify.noEvidence")}</span>
      ) : (
        <ul>
          {item.evidence.map((e) => (
            <li key={e.id}>
              {e.kind === "FILE" ? (
                <a href={`/actions/${item.id}/evidence/${e.id}`}>
                  {e.fileName ?? t("verify.file")} {e.sizeBytes != null ? `(${sizeText(e.sizeBytes, locale)})` : ""}
                </a>
              ) : isWebLink(e.url) ? (
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                  {e.url}
                </a>
              ) : (
                <span>{e.url}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function VerifyQueue({ items, feedback }: { items: QueueItem[]; feedback: ItemFeedback | undefined }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <IntentForm id={BULK_FORM_ID} className="bulk-bar" intent="accept-selected" label={t("verify.acceptSelected")} busy={busy}>
        <span className="field__hint">{t("verify.acceptSelectedHint")}</span>
      </IntentForm>
      <ol className="verify-list">
        {items.map((item) => {
          const who = item.districtEn
            ? `${pickText(locale, item.districtEn, item.districtHi)} · ${t(`districtRole.${item.districtRole ?? "COLLECTOR"}`)}`
            : pickText(locale, item.departmentEn, item.departmentHi);
          const mine = feedback?.itemId === item.id ? feedback : undefined;
          const remarkId = `return-remark-${item.id}`;
          return (
            <li key={item.id} className="card verify-item" id={`item-${item.id}`} aria-labelledby={`item-${item.id}-who`}>
              <div className="verify-item__head">
                <label className="choice verify-item__select">
                  <input type="checkbox" name="selected" value={`${item.id}:${item.version}`} form={BULK_FORM_ID} />
                  <span className="visually-hidden">{t("verify.selectItem", { who })}</span>
                </label>
                <h2 id={`item-${item.id}-who`} className="verify-item__who">
                  <Link to={`/actions/${item.id}`}>{who}</Link>
                </h2>
                {item.late ? <span className="status status--OVERDUE">{t("verify.late")}</span> : null}
              </div>
              <p className="verify-item__directive">
                <Link to={`/meetings/${item.meetingId}#directive-${item.directiveId}`}>
                  {pickText(locale, item.meetingTitleEn, item.meetingTitleHi)} ({formatDate(item.meetingDate, locale)})
                </Link>
                {" — "}
                {t("meetings.directive.heading", { n: item.directiveNumber })}: {pickText(locale, item.textEn, item.textHi)}
              </p>
              <p className="muted">
                {item.reportedByName
                  ? t("verify.reported", {
                      when: formatDateTime(item.completedAt, locale),
                      who: pickText(locale, item.reportedByName, item.reportedByNameHi),
                    })
                  : t("verify.reportedAt", { when: formatDateTime(item.completedAt, locale) })}{" "}
                · {t("common.dueDate")}: {formatDate(item.dueDate, locale)}
              </p>
              <blockquote className="verify-item__remark">
                {item.remark ? item.remark : <span className="muted">{t("verify.noRemark")}</span>}
              </blockquote>
              <EvidenceList item={item} />
              {mine?.formError ? (
                <p className="form-error" role="alert">
                  {t(mine.formError)}
                </p>
              ) : null}
              <div className="verify-item__actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="accept" />
                  <input type="hidden" name="actionItemId" value={item.id} />
                  <input type="hidden" name="version" value={item.version} />
                  <button type="submit" className="button" disabled={busy} aria-label={t("verify.acceptLabel", { who })}>
                    {t("verify.accept")}
                  </button>
                </Form>
                <details className="verify-item__return" open={mine?.intent === "return"}>
                  <summary>{t("verify.return")}</summary>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="return" />
                    <input type="hidden" name="actionItemId" value={item.id} />
                    <input type="hidden" name="version" value={item.version} />
                    <Field id={remarkId} label={t("verify.returnRemark")} error={mine?.remarkError}>
                      {(aria) => (
                        <textarea {...aria} name="remark" rows={2} maxLength={MAX_RETURN_REMARK} required defaultValue={mine?.remark ?? ""} />
                      )}
                    </Field>
                    <button type="submit" className="button button--secondary" disabled={busy}>
                      {t("verify.returnSubmit")}
                    </button>
                  </Form>
                </details>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
