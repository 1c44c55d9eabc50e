// The pre-review brief as a workbook: a summary sheet and one sheet per exception list, every place listed
// (the page shows the first few of each).
import ExcelJS from "exceljs";
import type { Locale, MessageKey } from "~/i18n";
import { translator } from "~/i18n";
import type { Brief, BriefPlace } from "~/models/brief.server";
import { pickText } from "./i18n";

export async function briefWorkbook(brief: Brief, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Anupalan";
  const name = (p: BriefPlace) => pickText(locale, p.nameEn, p.nameHi);
  const pct = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);

  const summary = wb.addWorksheet(t("review.brief.title").slice(0, 31));
  summary.columns = [{ width: 40 }, { width: 18 }];
  summary.addRow([pickText(locale, brief.meeting.titleEn, brief.meeting.titleHi)]).font = { bold: true };
  summary.addRow([brief.meeting.meetingDate]);
  const s = brief.totals;
  const lines: [MessageKey, number | string | null][] = [
    ["review.compare.items", s.items],
    ["review.brief.completion", pct(s.completionRate)],
    ["review.brief.overdue", s.overdue],
    ["review.brief.returned", s.returned],
    ["review.brief.silent", s.silentPlaces],
    ["review.brief.newlyCompleted", s.newlyCompleted],
    ["review.brief.newlyOverdue", s.newlyOverdue],
    ["dash.figure.grade", s.grade ?? t("review.grade.notYetDue")],
  ];
  for (const [key, value] of lines) summary.addRow([t(key), value]);

  const sheet = (title: MessageKey, headers: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(t(title).slice(0, 31));
    ws.columns = headers.map((_, i) => ({ width: i === 0 ? 28 : 14 }));
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.views = [{ state: "frozen", ySplit: 1 }];
  };
  const place = t("review.brief.place");
  sheet(
    "review.brief.overdueList",
    [place, t("review.brief.overdue"), t("atr.col.daysOverdue")],
    brief.overdue.map((p) => [name(p), p.overdue, p.maxDaysOverdue]),
  );
  sheet(
    "review.brief.returnedList",
    [place, t("review.brief.returned")],
    brief.returned.map((p) => [name(p), p.returned]),
  );
  sheet(
    "review.brief.silentList",
    [place, t("meetings.progress.pending"), t("review.brief.silent")],
    brief.silent.map((p) => [name(p), p.open, p.daysSinceUpdate]),
  );
  sheet(
    "review.brief.changes",
    [
      place,
      `${t("review.brief.completion")} — ${t("review.brief.then")}`,
      `${t("review.brief.completion")} — ${t("review.brief.now")}`,
      t("review.brief.newlyCompleted"),
      t("review.brief.newlyOverdue"),
    ],
    brief.changes.map((p) => [name(p), pct(p.then?.completionRate ?? null), pct(p.completionRate), p.newlyCompleted, p.newlyOverdue]),
  );
  const ranked = (list: BriefPlace[]) =>
    list.map((p) => [name(p), p.grade ?? "—", pct(p.gradeRate), p.then?.grade ?? "—", pct(p.then?.gradeRate ?? null)]);
  const gradeHeaders = [
    place,
    t("dash.figure.grade"),
    t("review.grade.rate"),
    `${t("dash.figure.grade")} — ${t("review.brief.then")}`,
    `${t("review.grade.rate")} — ${t("review.brief.then")}`,
  ];
  sheet("review.brief.best", gradeHeaders, ranked(brief.best));
  sheet("review.brief.worst", gradeHeaders, ranked(brief.worst));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
