// One meeting in the meetings list: date, mode, chair and series; title; status, counts and,
// once published, its completion rate with a bar.
import { Link } from "@remix-run/react";
import type { MeetingListRow } from "~/domain/meeting-views";
import { formatDate, formatNumber, formatPercent } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export function MeetingRow({ meeting: m }: { meeting: MeetingListRow }) {
  const t = useT();
  const locale = useLocale();
  const rate = m.applicable > 0 ? m.done / m.applicable : null;
  return (
    <li className="meeting-row">
      <div className="meeting-row__main">
        <span className="meeting-list__date">
          {formatDate(m.meetingDate, locale)} · {t(`mode.${m.mode}`)}
          {m.chairEn || m.chairHi ? ` · ${pickText(locale, m.chairEn, m.chairHi)}` : ""}
          {m.seriesNameEn || m.seriesNameHi ? ` · ${pickText(locale, m.seriesNameEn, m.seriesNameHi)}` : ""}
        </span>
        <Link to={`/meetings/${m.id}`} className="meeting-row__title">
          {pickText(locale, m.titleEn, m.titleHi)}
        </Link>
        <span className="meeting-row__facts">
          <span className={`badge badge--${m.status}`}>{t(`meetingStatus.${m.status}`)}</span>{" "}
          {t("meetings.list.directives", { n: formatNumber(m.directives, locale) })}
          {m.status === "PUBLISHED" ? ` · ${t("meetings.list.items", { n: formatNumber(m.items, locale) })}` : ""}
          {m.overdue > 0 ? (
            <>
              {" · "}
              <span className="text-bad">{t("meetings.list.overdue", { n: formatNumber(m.overdue, locale) })}</span>
            </>
          ) : null}
        </span>
      </div>
      {m.status === "PUBLISHED" ? (
        <div className="meeting-row__rate">
          <span>
            {t("meetings.list.completion")}: <strong>{formatPercent(rate, locale)}</strong>
          </span>
          <div className="progress" aria-hidden="true">
            <div className="progress__bar" style={{ width: `${(rate ?? 0) * 100}%` }} />
          </div>
        </div>
      ) : null}
    </li>
  );
}
