// The Action Taken Report of one meeting (DOMAIN.md "Views"): each directive with every assignee's
// status, latest remark, completion date or days overdue, and the figures at the top. The figures
// come from compliance.server.ts (one set of formulas); the listed rows are the report itself.
// Withdrawn directives and items stay in the report, marked, but leave every figure.
import { sql } from "drizzle-orm";
import type { Viewer } from "~/utils/auth.server";
import { scopeCondition } from "./compliance-filters.server";
import { getDirectiveSummaries, getHeadline } from "./compliance.server";
import { listItemLines } from "./item-lines.server";
import { getMeeting } from "./meeting.server";
import { z } from "zod";
import { PRIORITIES } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";

const DIRECTIVE_ROW = z.object({
  id: col.int(),
  number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
  category_en: col.text().nullable(),
  category_hi: col.text().nullable(),
  priority: col.oneOf(PRIORITIES),
  due_date: col.date().nullable(),
  withdrawn_on: col.date().nullable(),
  withdrawn_reason: col.text().nullable(),
});
const WITHDRAWN_ROW = z.object({ directive_id: col.int(), withdrawn: col.int() });

import type { AtrDirective, AtrLine, AtrReport } from "~/domain/atr-views";
export type { AtrDirective, AtrLine, AtrReport };

/** The report, or null when the viewer may not see the meeting. A draft has no items: empty lists. */
export async function getActionTakenReport(viewer: Viewer, meetingId: number, today: string): Promise<AtrReport | null> {
  const meeting = await getMeeting(viewer, meetingId);
  if (!meeting) return null;
  const filters = { meetingId };
  const published = meeting.status === "PUBLISHED";
  const [summary, perDirective, lines, directiveRows, withdrawnRows] = await Promise.all([
    getHeadline(viewer, filters, today),
    getDirectiveSummaries(viewer, filters, today),
    listItemLines(viewer, filters, today, { order: "assignee", includeWithdrawn: true }),
    published
      ? selectChecked(
          DIRECTIVE_ROW,
          sql`
      SELECT d.id, d.number, d.text_en, d.text_hi, c.name_en AS category_en, c.name_hi AS category_hi, d.priority,
        to_char(d.due_date, 'YYYY-MM-DD') AS due_date,
        to_char(d.withdrawn_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS withdrawn_on, d.withdrawn_reason
      FROM directives d LEFT JOIN categories c ON c.id = d.category_id
      WHERE d.meeting_id = ${meetingId}
      ORDER BY d.number`,
        )
      : [],
    selectChecked(
      WITHDRAWN_ROW,
      sql`
      SELECT a.directive_id, count(*)::int AS withdrawn
      FROM action_items a
      WHERE a.meeting_id = ${meetingId} AND a.withdrawn_at IS NOT NULL AND ${scopeCondition(viewer)}
      GROUP BY a.directive_id`,
    ),
  ]);
  const figuresBy = new Map(perDirective.map((f) => [f.directiveId, f]));
  const withdrawnBy = new Map(withdrawnRows.map((r) => [r.directive_id, r.withdrawn]));
  const linesBy = new Map<number, AtrLine[]>();
  for (const line of lines) {
    const done = line.status === "COMPLETED" || line.status === "VERIFIED";
    const completionDate = done ? line.firstCompletedOn : null;
    const list = linesBy.get(line.directiveId) ?? [];
    list.push({
      ...line,
      completionDate,
      // Both are yyyy-mm-dd, so the text order is the calendar order.
      completedLate: completionDate != null && line.dueDate != null && completionDate > line.dueDate,
      withdrawn: line.withdrawnOn != null,
    });
    linesBy.set(line.directiveId, list);
  }
  const directives = directiveRows.map((d): AtrDirective => {
    const id = d.id;
    const figures = figuresBy.get(id);
    return {
      id,
      number: d.number,
      textEn: d.text_en,
      textHi: d.text_hi,
      categoryEn: d.category_en,
      categoryHi: d.category_hi,
      priority: d.priority,
      dueDate: d.due_date,
      withdrawnOn: d.withdrawn_on,
      withdrawnReason: d.withdrawn_reason,
      figures: figures ?? null,
      withdrawnItems: withdrawnBy.get(id) ?? 0,
      lines: linesBy.get(id) ?? [],
    };
  });
  const withdrawnDirectives = directives.filter((d) => d.withdrawnOn).length;
  return {
    meeting,
    asOn: today,
    summary,
    liveDirectives: directives.length - withdrawnDirectives,
    withdrawnDirectives,
    withdrawnItems: directives.reduce((n, d) => n + d.withdrawnItems, 0),
    directives,
  };
}
