// "Directives under review from earlier meetings" on a meeting's page and its ATR: each carried directive
// with its live status. The secretariat's close / re-issue forms are passed in (presentational only).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ReviewedDirective } from "~/domain/review-views";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export function ReviewedDirectives({
  directives,
  actions,
  headingLevel = 2,
}: {
  directives: ReviewedDirective[];
  actions?: (d: ReviewedDirective) => ReactNode;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const locale = useLocale();
  if (directives.length === 0) return null;
  const Heading = `h${headingLevel}` as "h2";
  return (
    <section className="reviewed card" aria-labelledby="reviewed-title" data-testid="reviewed-directives">
      <Heading id="reviewed-title">{t("review.carry.title")}</Heading>
      <ol className="reviewed__list">
        {directives.map((d) => {
          const applicable = d.items - d.notApplicable;
          return (
            <li key={d.directiveId} className="reviewed__item" data-directive-id={d.directiveId}>
              <p className="reviewed__from">
                <Link to={`/meetings/${d.meetingId}`}>{t("review.carry.from", { number: d.number, date: formatDate(d.meetingDate, locale) })}</Link>
                {d.closedOn ? <span className="badge"> {t("review.carry.closedOn", { date: formatDate(d.closedOn, locale) })}</span> : null}
              </p>
              <p className="reviewed__text">
                <Link to={`/directives/${d.directiveId}`}>{pickText(locale, d.textEn, d.textHi)}</Link>
              </p>
              <p className="reviewed__status" data-testid="reviewed-status">
                <strong>{formatPercent(applicable > 0 ? d.done / applicable : null, locale)}</strong>{" "}
                {t("review.carry.status", {
                  done: formatNumber(d.done, locale),
                  applicable: formatNumber(applicable, locale),
                  overdue: formatNumber(d.overdue, locale),
                  open: formatNumber(d.open, locale),
                })}
              </p>
              <p className="muted">{t("review.carry.age", { age: formatNumber(d.ageDays, locale), times: formatNumber(d.timesCarried, locale) })}</p>
              {actions ? actions(d) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
