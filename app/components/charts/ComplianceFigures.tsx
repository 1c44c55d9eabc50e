import { Link } from "@remix-run/react";
import type { Figures } from "~/domain/views";
import { formatNumber, formatPercent } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

/** The headline figures, each with the counts it was computed from. */
export function ComplianceFigures({
  figures,
  showGrade = false,
  gradeHref,
}: {
  figures: Figures;
  showGrade?: boolean;
  /** The grade's explanation (decision 010). */
  gradeHref?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <ul className="figures" data-testid="headline">
      <li className="figure">
        <span className="figure__label">{t("dash.figure.items")}</span>
        <span className="figure__value" data-figure="items">
          {n(figures.items)}
        </span>
      </li>
      <li className="figure">
        <span className="figure__label">{t("dash.figure.completion")}</span>
        <span className="figure__value" data-figure="completion">
          {formatPercent(figures.completionRate, locale)}
        </span>
        <span className="figure__hint">{t("dash.figure.completionHint", { done: n(figures.done), applicable: n(figures.applicable) })}</span>
      </li>
      <li className="figure">
        <span className="figure__label">{t("dash.figure.onTime")}</span>
        <span className="figure__value" data-figure="on-time">
          {formatPercent(figures.onTimeRate, locale)}
        </span>
        <span className="figure__hint">{t("dash.figure.onTimeHint", { onTime: n(figures.onTime), duePassed: n(figures.duePassed) })}</span>
      </li>
      <li className="figure">
        <span className="figure__label">{t("dash.figure.overdue")}</span>
        <span className="figure__value" data-figure="overdue">
          {n(figures.overdue)}
        </span>
        <span className="figure__hint">{t("dash.figure.overdueHint")}</span>
      </li>
      <li className="figure">
        <span className="figure__label">{t("dash.figure.verified")}</span>
        <span className="figure__value" data-figure="verified">
          {formatPercent(figures.verifiedShare, locale)}
        </span>
        <span className="figure__hint">{t("dash.figure.verifiedHint", { verified: n(figures.verified), done: n(figures.done) })}</span>
      </li>
      {showGrade ? (
        <li className="figure">
          <span className="figure__label">{t("dash.figure.grade")}</span>
          <span className={`figure__value grade grade--${figures.grade ?? "none"}`} data-figure="grade">
            {figures.grade ?? (figures.applicable > 0 ? t("review.grade.notYetDue") : "—")}
          </span>
          {gradeHref ? (
            <span className="figure__hint">
              <Link to={gradeHref}>{t("review.grade.why")}</Link>
            </span>
          ) : null}
        </li>
      ) : null}
    </ul>
  );
}
