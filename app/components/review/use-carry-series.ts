// The editor's series data: the lists from the loader, and the carry-over candidates fetched again
// (GET /meetings/carry-candidates) whenever the series is changed in the form.
import { useFetcher } from "@remix-run/react";
import type { EditorSeriesData } from "~/components/meetings/MeetingEditor";
import type { CarryCandidate } from "~/domain/review-views";

export function useCarrySeries(
  master: { offices: EditorSeriesData["offices"]; series: EditorSeriesData["series"] },
  initial: CarryCandidate[],
  meetingId: number | null,
): EditorSeriesData {
  const fetcher = useFetcher<{ seriesCode: string; candidates: CarryCandidate[] }>();
  return {
    offices: master.offices,
    series: master.series,
    candidates: fetcher.data?.candidates ?? initial,
    loading: fetcher.state === "loading",
    onSeriesChange: (seriesCode, meetingDate) => {
      const params = new URLSearchParams({ series: seriesCode, date: meetingDate });
      if (meetingId) params.set("meeting", String(meetingId));
      fetcher.load(`/meetings/carry-candidates?${params}`);
    },
  };
}
