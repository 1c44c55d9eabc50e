// What the Action Taken Report hands to its page and components (models/atr.server.ts builds it
// and re-exports these). Types only, browser-safe.
import type { MeetingSummary } from "./meeting-views";
import type { Figures, ItemLine } from "./views";
import type { Priority } from "./vocabulary";

export interface AtrLine extends ItemLine {
  /** First reported COMPLETED (IST date), shown while the item stands completed or verified. */
  completionDate: string | null;
  /** Completed late: first reported COMPLETED after its (possibly extended) due date. */
  completedLate: boolean;
  withdrawn: boolean;
}

export interface AtrDirective {
  id: number;
  number: number;
  textEn: string;
  textHi: string;
  categoryEn: string | null;
  categoryHi: string | null;
  priority: Priority;
  dueDate: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  /** Live items only; null when the directive has none (withdrawn, or nothing in scope). */
  figures: Figures | null;
  withdrawnItems: number;
  lines: AtrLine[];
}

export interface AtrReport {
  meeting: MeetingSummary;
  /** The day (IST) the report stands on: overdue and days overdue are counted to it. */
  asOn: string;
  summary: Figures;
  /** Live directives (not withdrawn) and withdrawn ones, for the summary. */
  liveDirectives: number;
  withdrawnDirectives: number;
  withdrawnItems: number;
  directives: AtrDirective[];
}

/** A line as the page gets it: without its directive's text, which the section shows once. */
export type AtrPageLine = Omit<AtrLine, "directiveTextEn" | "directiveTextHi">;
/** A directive as the page gets it: its lines (all, or the exceptions) and how many it has in all. */
export type AtrPageDirective = Omit<AtrDirective, "lines"> & { lines: AtrPageLine[]; allLines: number };
/** The report as the page gets it. */
export type AtrPageReport = Omit<AtrReport, "directives"> & { directives: AtrPageDirective[] };
