// A draft in the meeting editor: the values of a meeting as the editor shows them, and saving
// the editor's values as a draft (directives and assignees replaced wholesale).
import { asc, eq, sql } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import {
  emptyDirective,
  emptyMeeting,
  resolveDueDate,
  ROLE_FIELDS,
  type DirectiveFormValues,
  type MeetingFormValues,
  type RoleField,
  type ValidMeetingForm,
} from "~/schemas/meeting";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import type { AssigneeScope } from "../../db/schema";
import { findVisibleMeeting, loadAssigneeLines, type MeetingSummary } from "./meeting.server";
import { getEditorSeriesValues, resolveChairAndSeries } from "./series.server";
import { z } from "zod";
import { MEETING_STATUSES } from "~/domain/vocabulary";
import { col, selectChecked } from "./rows.server";

const LOCKED_MEETING_ROW = z.object({ id: col.int(), status: col.oneOf(MEETING_STATUSES) });

const { meetings, directives, directiveAssignees, directiveAssigneeDivisions, directiveAssigneeDistricts } = schema;

export interface MeetingForEdit {
  meeting: MeetingSummary;
  values: MeetingFormValues;
}

/** A meeting as the editor's values. Null when the viewer may not edit it or it does not exist. */
export async function getMeetingForEdit(viewer: Viewer, meetingId: number): Promise<MeetingForEdit | null> {
  if (!can(viewer.role, "write:meeting:any")) return null;
  const meeting = await findVisibleMeeting(viewer, meetingId);
  if (!meeting) return null;
  const [directiveRows, assignees] = await Promise.all([
    db()
      .select({
        id: directives.id,
        textEn: directives.textEn,
        textHi: directives.textHi,
        categoryCode: schema.categories.code,
        priority: directives.priority,
        dueDate: directives.dueDate,
        dueInDays: directives.dueInDays,
      })
      .from(directives)
      .leftJoin(schema.categories, eq(schema.categories.id, directives.categoryId))
      .where(eq(directives.meetingId, meetingId))
      .orderBy(asc(directives.number)),
    loadAssigneeLines(meetingId, db()),
  ]);
  const values: MeetingFormValues = {
    ...emptyMeeting(meeting.meetingDate),
    titleEn: meeting.titleEn,
    titleHi: meeting.titleHi,
    startTime: meeting.startTime ?? "",
    mode: meeting.mode,
    chairEn: meeting.chairEn,
    chairHi: meeting.chairHi,
    participantsEn: meeting.participantsEn,
    participantsHi: meeting.participantsHi,
    calledRoles: meeting.calledRoles,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    referenceNo: meeting.referenceNo ?? "",
    directives: directiveRows.map((d) => {
      const row: DirectiveFormValues = {
        ...emptyDirective(),
        textEn: d.textEn,
        textHi: d.textHi,
        categoryCode: d.categoryCode ?? "",
        priority: d.priority,
        dueMode: d.dueInDays != null ? "DAYS" : "DATE",
        dueDate: d.dueInDays != null ? "" : (d.dueDate ?? ""),
        dueInDays: d.dueInDays != null ? String(d.dueInDays) : "",
      };
      for (const line of (assignees.get(d.id) ?? []).filter((l) => !l.withdrawnAt)) {
        if (line.department) {
          row.departments.push(line.department.code);
          continue;
        }
        const field = (Object.keys(ROLE_FIELDS) as RoleField[]).find((f) => ROLE_FIELDS[f] === line.districtRole);
        if (!field || !line.scope) continue;
        row[field] = {
          scope: line.scope,
          divisions: line.divisions.map((v) => v.code),
          districts: line.districts.map((t) => t.code),
        };
      }
      return row;
    }),
  };
  Object.assign(values, await getEditorSeriesValues(meetingId));
  return { meeting, values };
}

export type SaveDraftResult = { ok: true; meetingId: number } | { ok: false; reason: "not-found" | "published" };

interface CodeIds {
  districts: Map<string, number>;
  divisions: Map<string, number>;
  departments: Map<string, number>;
  categories: Map<string, number>;
}

async function codeIds(tx: DbOrTx): Promise<CodeIds> {
  const [districts, divisions, departments, categories] = await Promise.all([
    tx.select({ id: schema.districts.id, code: schema.districts.code }).from(schema.districts),
    tx.select({ id: schema.divisions.id, code: schema.divisions.code }).from(schema.divisions),
    tx.select({ id: schema.departments.id, code: schema.departments.code }).from(schema.departments),
    tx.select({ id: schema.categories.id, code: schema.categories.code }).from(schema.categories),
  ]);
  const toMap = (rows: { id: number; code: string }[]) => new Map(rows.map((r) => [r.code, r.id]));
  return { districts: toMap(districts), divisions: toMap(divisions), departments: toMap(departments), categories: toMap(categories) };
}

/**
 * Save the editor's (already validated) values as a draft: the meeting row, and its directives
 * and assignees replaced wholesale — a draft has no action items, so nothing refers to them.
 * Runs in the caller's transaction; a published meeting is refused, not changed.
 */
export async function saveDraftMeeting(
  viewer: Viewer,
  input: { meetingId: number | null; values: ValidMeetingForm; at?: Date },
  tx: DbOrTx,
): Promise<SaveDraftResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  const { values } = input;
  const at = input.at ?? new Date();
  const chair = await resolveChairAndSeries(values, tx);
  const fields = {
    titleEn: values.titleEn,
    titleHi: values.titleHi,
    meetingDate: values.meetingDate,
    startTime: values.startTime || null,
    mode: values.mode,
    chairEn: chair.chairEn,
    chairHi: chair.chairHi,
    chairOfficeId: chair.chairOfficeId,
    seriesId: chair.seriesId,
    participantsEn: values.participantsEn,
    participantsHi: values.participantsHi,
    calledRoles: [...new Set(values.calledRoles)],
    agenda: values.agenda,
    minutes: values.minutes,
    referenceNo: values.referenceNo || null,
    updatedAt: at,
  };

  let meetingId: number;
  if (input.meetingId != null) {
    const [existing] = await selectChecked(LOCKED_MEETING_ROW, sql`SELECT id, status FROM meetings WHERE id = ${input.meetingId} FOR UPDATE`, tx);
    if (!existing) return { ok: false, reason: "not-found" };
    if (existing.status !== "DRAFT") return { ok: false, reason: "published" };
    await tx.update(meetings).set(fields).where(eq(meetings.id, existing.id));
    // Cascades to the assignee lines and their division/district lists.
    await tx.delete(directives).where(eq(directives.meetingId, existing.id));
    meetingId = existing.id;
  } else {
    const [created] = await tx
      .insert(meetings)
      .values({ ...fields, status: "DRAFT", createdById: viewer.id, createdAt: at })
      .returning({ id: meetings.id });
    meetingId = created.id;
  }
  if (values.directives.length === 0) return { ok: true, meetingId };

  const ids = await codeIds(tx);
  const inserted = await tx
    .insert(directives)
    .values(
      values.directives.map((d, index) => ({
        meetingId,
        number: index + 1,
        textEn: d.textEn,
        textHi: d.textHi,
        categoryId: d.categoryCode ? (ids.categories.get(d.categoryCode) ?? null) : null,
        priority: d.priority,
        dueDate: resolveDueDate(values.meetingDate, d),
        dueInDays: d.dueMode === "DAYS" && d.dueInDays ? Number(d.dueInDays) : null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning({ id: directives.id, number: directives.number });
  const directiveIdByNumber = new Map(inserted.map((d) => [d.number, d.id]));

  const lines: (typeof directiveAssignees.$inferInsert)[] = [];
  values.directives.forEach((d, index) => {
    const directiveId = directiveIdByNumber.get(index + 1)!;
    for (const field of Object.keys(ROLE_FIELDS) as RoleField[]) {
      if (d[field].scope === "NONE") continue;
      lines.push({ directiveId, districtRole: ROLE_FIELDS[field], scope: d[field].scope as AssigneeScope });
    }
    for (const code of new Set(d.departments)) lines.push({ directiveId, departmentId: ids.departments.get(code)! });
  });
  if (lines.length === 0) return { ok: true, meetingId };
  const insertedLines = await tx
    .insert(directiveAssignees)
    .values(lines)
    .returning({ id: directiveAssignees.id, directiveId: directiveAssignees.directiveId, districtRole: directiveAssignees.districtRole });

  // A directive has at most one line per district role, so (directive, role) finds each line's id.
  const lineId = new Map(insertedLines.filter((l) => l.districtRole).map((l) => [`${l.directiveId}:${l.districtRole}`, l.id]));
  const divisionRows: (typeof directiveAssigneeDivisions.$inferInsert)[] = [];
  const districtRows: (typeof directiveAssigneeDistricts.$inferInsert)[] = [];
  values.directives.forEach((d, index) => {
    const directiveId = directiveIdByNumber.get(index + 1)!;
    for (const field of Object.keys(ROLE_FIELDS) as RoleField[]) {
      const assigneeId = lineId.get(`${directiveId}:${ROLE_FIELDS[field]}`);
      if (assigneeId == null) continue;
      if (d[field].scope === "DIVISIONS") {
        for (const code of new Set(d[field].divisions)) divisionRows.push({ assigneeId, divisionId: ids.divisions.get(code)! });
      }
      if (d[field].scope === "DISTRICTS") {
        for (const code of new Set(d[field].districts)) districtRows.push({ assigneeId, districtId: ids.districts.get(code)! });
      }
    }
  });
  if (divisionRows.length > 0) await tx.insert(directiveAssigneeDivisions).values(divisionRows);
  if (districtRows.length > 0) await tx.insert(directiveAssigneeDistricts).values(districtRows);
  return { ok: true, meetingId };
}
