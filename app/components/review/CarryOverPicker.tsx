// The meeting editor's carry-over: the still-open directives of earlier meetings of the series, to tick for review.
import type { UseFormRegisterReturn } from "react-hook-form";
import type { CarryCandidate } from "~/domain/review-views";
import { formatDate, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import type { MessageKey } from "~/i18n";

export function CarryOverPicker({
  seriesChosen,
  candidates,
  loading,
  checked,
  register,
  error,
}: {
  seriesChosen: boolean;
  candidates: CarryCandidate[];
  loading: boolean;
  /** Ids ticked when the form was rendered. */
  checked: string[];
  register: UseFormRegisterReturn;
  error?: MessageKey;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <fieldset className="card carry-over" aria-describedby="carry-hint" data-testid="carry-over">
      <legend className="card__legend">{t("review.carry.title")}</legend>
      <p id="carry-hint" className="field__hint">
        {seriesChosen ? t("review.carry.pick") : t("review.carry.noSeries")}
      </p>
      {error ? (
        <p className="field__error" id="f-carried-error">
          {t(error)}
        </p>
      ) : null}
      {loading ? (
        <p role="status">{t("review.carry.loading")}</p>
      ) : seriesChosen && candidates.length === 0 ? (
        <p className="muted">{t("review.carry.none")}</p>
      ) : (
        <ul className="carry-over__list">
          {candidates.map((c) => (
            <li key={c.directiveId}>
              <label className="choice carry-over__choice">
                <input type="checkbox" value={String(c.directiveId)} defaultChecked={checked.includes(String(c.directiveId))} {...register} />
                <span>
                  <strong>{t("review.carry.from", { number: c.number, date: formatDate(c.meetingDate, locale) })}</strong>{" "}
                  {pickText(locale, c.textEn, c.textHi)}
                  <span className="carry-over__facts muted">
                    {t("review.carry.facts", {
                      open: n(c.open),
                      overdue: n(c.overdue),
                      awaiting: n(c.awaitingVerification),
                      age: n(c.ageDays),
                      times: n(c.timesCarried),
                    })}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
