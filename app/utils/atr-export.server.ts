// The Action Taken Report as a spreadsheet (xlsx, with exceljs) and as CSV: one row per action
// item, the same columns in both, in the reader's language. Withdrawn items are listed with the
// date they were withdrawn, like on the page.
import ExcelJS from "exceljs";
import type { Locale, MessageKey, Translate } from "~/i18n";
import { translator } from "~/i18n";
import type { AtrReport } from "~/models/atr.server";
import { isoDateInIndia } from "./format";
import { pickText } from "./i18n";

type Cell = { kind: "text"; value: string } | { kind: "date"; value: string | null } | { kind: "number"; value: number | null };

interface Column {
  key: MessageKey;
  /** Width in characters (xlsx). */
  width: number;
}

export const ATR_COLUMNS: Column[] = [
  { key: "atr.sno", width: 7 },
  { key: "atr.col.directiveNo", width: 10 },
  { key: "atr.col.directiveText", width: 48 },
  { key: "atr.col.division", width: 14 },
  { key: "atr.col.assignee", width: 26 },
  { key: "atr.col.role", width: 12 },
  { key: "atr.col.dueDate", width: 12 },
  { key: "atr.col.originalDueDate", width: 12 },
  { key: "atr.col.status", width: 14 },
  { key: "atr.col.completedOn", width: 12 },
  { key: "atr.col.daysOverdue", width: 10 },
  { key: "atr.col.remark", width: 60 },
  { key: "atr.col.lastUpdated", width: 12 },
  { key: "atr.col.withdrawnOn", width: 12 },
];

const text = (value: string | null | undefined): Cell => ({ kind: "text", value: value ?? "" });
const date = (value: string | null | undefined): Cell => ({ kind: "date", value: value ?? null });
const number = (value: number | null | undefined): Cell => ({ kind: "number", value: value ?? null });

/** The report's rows as typed cells, in the order of ATR_COLUMNS. */
export function atrRows(report: AtrReport, locale: Locale, t: Translate = translator(locale)): Cell[][] {
  const rows: Cell[][] = [];
  for (const directive of report.directives) {
    const directiveText = pickText(locale, directive.textEn, directive.textHi);
    for (const line of directive.lines) {
      rows.push([
        number(rows.length + 1),
        number(directive.number),
        text(directiveText),
        text(pickText(locale, line.divisionNameEn, line.divisionNameHi)),
        text(
          line.districtCode
            ? pickText(locale, line.districtNameEn, line.districtNameHi)
            : pickText(locale, line.departmentNameEn, line.departmentNameHi),
        ),
        text(line.districtRole ? t(`districtRole.${line.districtRole}`) : t("atr.department")),
        date(line.dueDate),
        date(line.originalDueDate),
        text(t(`status.${line.status}`)),
        date(line.completionDate),
        number(line.daysOverdue),
        text(line.latestRemark),
        date(isoDateInIndia(new Date(line.updatedAt))),
        date(line.withdrawnOn),
      ]);
    }
  }
  return rows;
}

/** A calendar date as the Excel date of that day (midnight UTC is a whole serial number). */
function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export async function atrWorkbook(report: AtrReport, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Anupalan";
  workbook.created = new Date();
  const title = pickText(locale, report.meeting.titleEn, report.meeting.titleHi);
  const sheet = workbook.addWorksheet(t("atr.sheet"), {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" },
  });
  sheet.columns = ATR_COLUMNS.map((c) => ({ width: c.width }));

  sheet.getCell("A1").value = t("atr.heading", { meeting: title });
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value = [
    t("atr.meetingOn", { date: isoToDmy(report.meeting.meetingDate) }),
    t("atr.asOn", { date: isoToDmy(report.asOn) }),
  ].join(" · ");

  const header = sheet.getRow(3);
  header.values = ATR_COLUMNS.map((c) => t(c.key));
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9EDF5" } };
  });

  for (const cells of atrRows(report, locale, t)) {
    const row = sheet.addRow(cells.map((c) => (c.kind === "date" ? (c.value ? excelDate(c.value) : null) : c.value === "" ? null : c.value)));
    row.alignment = { vertical: "top", wrapText: true };
    cells.forEach((c, i) => {
      if (c.kind === "date") row.getCell(i + 1).numFmt = "dd-mm-yyyy";
    });
  }
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: ATR_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function isoToDmy(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}-${m}-${y}`;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) is kept as text with a leading apostrophe. */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** UTF-8 with a byte-order mark, so that Excel shows the Hindi; dates as yyyy-mm-dd; CRLF lines. */
export function atrCsv(report: AtrReport, locale: Locale): string {
  const t = translator(locale);
  const lines = [ATR_COLUMNS.map((c) => csvField(t(c.key)))];
  for (const cells of atrRows(report, locale, t)) {
    lines.push(
      cells.map((c) => {
        if (c.kind === "text") return csvField(defuse(c.value));
        return c.value == null ? "" : String(c.value);
      }),
    );
  }
  return `\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}

export function atrFileName(report: AtrReport, extension: "xlsx" | "csv"): string {
  return `ATR-${report.meeting.meetingDate}-meeting-${report.meeting.id}.${extension}`;
}
