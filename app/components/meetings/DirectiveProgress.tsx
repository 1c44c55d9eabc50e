// A directive's progress across its assignees: the numbers, and a bar whose parts add up to
// all live items (overdue counts before pending and in progress, so nothing counts twice).
import type { DirectiveProgress as DirectiveProgressCounts } from "~/domain/meeting-views";
import type { MessageKey } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export type ProgressCounts = Pick<DirectiveProgressCounts, "total" | "done" | "inProgress" | "pending" | "overdue" | "notApplicable">;

const PARTS: { key: keyof Omit<ProgressCounts, "total">; label: MessageKey; className: string }[] = [
  { key: "done", label: "meetings.progress.done", className: "done" },
  { key: "inProgress", label: "meetings.progress.inProgress", className: "in-progress" },
  { key: "pending", label: "meetings.progress.pending", className: "pending" },
  { key: "overdue", label: "meetings.progress.overdue", className: "overdue" },
  { key: "notApplicable", label: "meetings.progress.notApplicable", className: "not-applicable" },
];

export function DirectiveProgress({ counts }: { counts: ProgressCounts }) {
  const t = useT();
  const locale = useLocale();
  if (counts.total === 0) return <p className="muted">{t("meetings.progress.noItems")}</p>;
  return (
    <div className="directive-progress">
      <ul className="progress-legend">
        {PARTS.filter((p) => p.key !== "notApplicable" || counts.notApplicable > 0).map((part) => (
          <li key={part.key} data-part={part.key}>
            <span className={`swatch swatch--${part.className}`} aria-hidden="true" />
            {t(part.label)}: <strong>{formatNumber(counts[part.key], locale)}</strong>
          </li>
        ))}
        <li>
          {t("meetings.progress.total")}: <strong>{formatNumber(counts.total, locale)}</strong>
        </li>
      </ul>
      <div className="stacked-bar" aria-hidden="true">
        {PARTS.map((part) =>
          counts[part.key] > 0 ? (
            <span
              key={part.key}
              className={`stacked-bar__part stacked-bar__part--${part.className}`}
              style={{ width: `${(counts[part.key] / counts.total) * 100}%` }}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}
