import type { TimelineEntry } from "~/domain/action-views";
import type { HistoryKind } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatDateTime } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { formatFileSize } from "./fileSize";
import { StatusBadge } from "./StatusBadge";

const DUE_DATE_KINDS: HistoryKind[] = ["EXTENSION_REQUESTED", "EXTENSION_GRANTED", "DUE_DATE_CHANGED"];

/** Who did what and when, newest first: from → to, the remark, the due dates, the evidence. */
export function HistoryTimeline({ itemId, rows }: { itemId: number; rows: TimelineEntry[] }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="muted">{t("actions.history.empty")}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {rows.map((row) => {
        const moved = row.fromStatus && row.fromStatus !== row.toStatus;
        return (
          <li key={row.id} className="timeline__entry" data-kind={row.kind} data-to-status={row.toStatus}>
            <div className="timeline__head">
              <span className="timeline__kind">{t(`actions.history.kind.${row.kind}` as MessageKey)}</span>
              <time className="timeline__when" dateTime={row.at}>
                {formatDateTime(row.at, locale)}
              </time>
              <span className="timeline__who">
                {t("actions.history.by", {
                  who: row.actorName
                    ? `${pickText(locale, row.actorName, row.actorNameHi)}${row.actorRole ? ` (${t(`role.${row.actorRole}` as MessageKey)})` : ""}`
                    : t("actions.history.system"),
                })}
              </span>
            </div>
            <div className="timeline__move">
              {moved ? (
                <>
                  <StatusBadge status={row.fromStatus!} />
                  <span>→</span>
                </>
              ) : null}
              <StatusBadge status={row.toStatus} />
            </div>
            {DUE_DATE_KINDS.includes(row.kind) && row.toDueDate ? (
              <p className="timeline__remark">
                {t("actions.history.dueChange", { from: formatDate(row.fromDueDate, locale), to: formatDate(row.toDueDate, locale) })}
              </p>
            ) : null}
            {row.remark ? <p className="timeline__remark">{row.remark}</p> : null}
            {row.evidence.length > 0 ? (
              <ul className="timeline__evidence" aria-label={t("actions.history.evidence")}>
                {row.evidence.map((e) =>
                  e.kind === "FILE" ? (
                    <li key={e.id}>
                      <a href={`/actions/${itemId}/evidence/${e.id}`} download>
                        📎 {e.fileName}
                      </a>{" "}
                      <span className="muted">({formatFileSize(e.sizeBytes ?? 0, locale)})</span>
                    </li>
                  ) : (
                    <li key={e.id}>
                      <a href={e.url ?? "#"} target="_blank" rel="noopener noreferrer nofollow">
                        🔗 {e.url}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
