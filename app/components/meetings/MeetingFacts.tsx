// The meeting page's facts: date, mode, chair, series, reference, participants, called roles
// and whether (and by whom) it was published.
import { Link } from "@remix-run/react";
import type { MeetingSummary } from "~/domain/meeting-views";
import { formatDate, formatDateTime } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export interface MeetingSeriesLink {
  seriesCode: string | null;
  seriesNameEn: string | null;
  seriesNameHi: string | null;
}

export function MeetingFacts({ meeting, series }: { meeting: MeetingSummary; series: MeetingSeriesLink }) {
  const t = useT();
  const locale = useLocale();
  const published = meeting.status === "PUBLISHED";
  return (
    <dl className="meeting-facts card">
      <div>
        <dt>{t("common.date")}</dt>
        <dd>
          {formatDate(meeting.meetingDate, locale)}
          {meeting.startTime ? `, ${meeting.startTime}` : ""}
          {meeting.dateApproximate ? ` (${t("meetings.page.approximate")})` : ""}
        </dd>
      </div>
      <div>
        <dt>{t("meetings.field.mode")}</dt>
        <dd>{t(`mode.${meeting.mode}`)}</dd>
      </div>
      <div>
        <dt>{t("meetings.page.chair")}</dt>
        <dd>{pickText(locale, meeting.chairEn, meeting.chairHi) || "—"}</dd>
      </div>
      {series.seriesCode ? (
        <div>
          <dt>{t("review.series")}</dt>
          <dd>
            <Link to={`/meetings?series=${series.seriesCode}`}>{pickText(locale, series.seriesNameEn, series.seriesNameHi)}</Link>
          </dd>
        </div>
      ) : null}
      {meeting.referenceNo ? (
        <div>
          <dt>{t("meetings.field.referenceNo")}</dt>
          <dd>{meeting.referenceNo}</dd>
        </div>
      ) : null}
      {meeting.participantsEn || meeting.participantsHi ? (
        <div className="meeting-facts__wide">
          <dt>{t("meetings.page.participants")}</dt>
          <dd>{pickText(locale, meeting.participantsEn, meeting.participantsHi)}</dd>
        </div>
      ) : null}
      {meeting.calledRoles.length > 0 ? (
        <div className="meeting-facts__wide">
          <dt>{t("meetings.field.calledRoles")}</dt>
          <dd>
            {meeting.calledRoles
              .map((r) => (["COLLECTOR", "SP", "DIV_COMMISSIONER", "IG"].includes(r) ? t(`meetings.calledRole.${r as "SP"}`) : r))
              .join(", ")}
          </dd>
        </div>
      ) : null}
      <div className="meeting-facts__wide">
        <dt>{t("common.status")}</dt>
        <dd>
          {published
            ? t("meetings.page.publishedBy", {
                when: formatDateTime(meeting.publishedAt, locale),
                who: meeting.publishedByName ? pickText(locale, meeting.publishedByName, meeting.publishedByNameHi) : "—",
              })
            : t("meetings.page.draftNote")}
        </dd>
      </div>
    </dl>
  );
}
