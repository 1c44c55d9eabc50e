// The message after a write, read from the redirect's query (?saved=1, ?published=656,
// ?done=assignee-added&n=41). Only known messages are shown; anything else is ignored.
import type { MessageKey } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

const DONE: Record<string, MessageKey> = {
  "directive-withdrawn": "meetings.flash.directiveWithdrawn",
  "assignee-withdrawn": "meetings.flash.assigneeWithdrawn",
  "assignee-added": "meetings.flash.assigneeAdded",
  "due-date-changed": "meetings.flash.dueDateChanged",
  "text-corrected": "corrections.flash.textCorrected",
  "directive-added": "corrections.flash.directiveAdded",
};

function count(value: string | null): number {
  return value && /^\d{1,7}$/.test(value) ? Number(value) : 0;
}

export function MeetingFlash({ searchParams }: { searchParams: URLSearchParams }) {
  const t = useT();
  const locale = useLocale();
  let message: string | null = null;
  if (searchParams.get("saved") === "1") message = t("meetings.flash.saved");
  const published = searchParams.get("published");
  if (published !== null) message = t("meetings.flash.published", { n: formatNumber(count(published), locale) });
  const done = DONE[searchParams.get("done") ?? ""];
  if (done) message = t(done, { n: formatNumber(count(searchParams.get("n")), locale) });
  if (!message) return null;
  return (
    <p className="flash" role="status">
      {message}
    </p>
  );
}
