import { Link } from "@remix-run/react";
import type { Figures } from "~/domain/views";
import { formatNumber, formatPercent } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { FigureList, type FigureItem } from "./FigureList";

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
  const items: FigureItem[] = [
    { key: "items", figure: "items", label: t("dash.figure.items"), value: n(figures.items) },
    {
      key: "completion",
      figure: "completion",
      label: t("dash.figure.completion"),
      value: formatPercent(figures.completionRate, locale),
      hint: t("dash.figure.completionHint", { done: n(figures.done), applicable: n(figures.applicable) }),
    },
    {
      key: "on-time",
      figure: "on-time",
      label: t("dash.figure.onTime"),
      value: formatPercent(figures.onTimeRate, locale),
      hint: t("dash.figure.onTimeHint", { onTime: n(figures.onTime), duePassed: n(figures.duePassed) }),
    },
    { key: "overdue", figure: "overdue", label: t("dash.figure.overdue"), value: n(figures.overdue), hint: t("dash.figure.overdueHint") },
    {
      key: "verified",
      figure: "verified",
      label: t("dash.figure.verified"),
      value: formatPercent(figures.verifiedShare, locale),
      hint: t("dash.figure.verifiedHint", { verified: n(figures.verified), done: n(figures.done) }),
    },
  ];
  if (showGrade) {
    items.push({
      key: "grade",
      figure: "grade",
      label: t("dash.figure.grade"),
      valueClassName: `grade grade--${figures.grade ?? "none"}`,
      value: figures.grade ?? (figures.applicable > 0 ? t("review.grade.notYetDue") : "—"),
      hint: gradeHref ? <Link to={gradeHref}>{t("review.grade.why")}</Link> : undefined,
    });
  }
  return <FigureList items={items} testId="headline" />;
}
