// Meeting series and the offices that chair them: the lists the secretariat keeps (/series), the
// options of the meeting editor and the meetings list's filters, and the chair a meeting is saved with.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, schema, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { col, selectChecked } from "./rows.server";
import type { OfficeOption, SeriesOption } from "~/domain/review-views";

export type { OfficeOption, SeriesOption } from "~/domain/review-views";

const ID_ROW = z.object({ id: col.int() });
const NAMED_ROW = z.object({ code: col.text(), name_en: col.text(), name_hi: col.text() });
const SERIES_ROW = NAMED_ROW.extend({
  office_code: col.text(),
  office_name_en: col.text(),
  office_name_hi: col.text(),
  meetings: col.int(),
  last_meeting_date: col.date().nullable(),
});
const SERIES_INFO_ROW = z.object({
  series_code: col.text().nullable(),
  series_name_en: col.text().nullable(),
  series_name_hi: col.text().nullable(),
  office_code: col.text().nullable(),
  prev_id: col.int().nullable(),
  prev_date: col.date().nullable(),
  prev_title_en: col.text().nullable(),
  prev_title_hi: col.text().nullable(),
});
const SERIES_MEETING_ROW = z.object({ id: col.int(), meeting_date: col.date(), title_en: col.text(), title_hi: col.text() });
const EDITOR_SERIES_ROW = z.object({
  series_code: col.text().nullable(),
  office_code: col.text().nullable(),
  /** The carried directives' ids, as text (the editor's form values). */
  carried: col.textList().nullable(),
});

export async function listOffices(executor: DbOrTx = db()): Promise<OfficeOption[]> {
  const rows = await selectChecked(NAMED_ROW, sql`SELECT code, name_en, name_hi FROM offices ORDER BY name_en, code`, executor);
  return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameHi: r.name_hi }));
}

/** Every series with its chair office; the meeting counts follow what the viewer may see. */
export async function listSeries(viewer: Pick<Viewer, "role">, executor: DbOrTx = db()): Promise<SeriesOption[]> {
  const visible = can(viewer.role, "write:meeting:any") ? sql`TRUE` : sql`m.status = 'PUBLISHED'`;
  const rows = await selectChecked(
    SERIES_ROW,
    sql`
      SELECT s.code, s.name_en, s.name_hi, o.code AS office_code, o.name_en AS office_name_en, o.name_hi AS office_name_hi,
        (SELECT count(*)::int FROM meetings m WHERE m.series_id = s.id AND ${visible}) AS meetings,
        (SELECT to_char(max(m.meeting_date), 'YYYY-MM-DD') FROM meetings m WHERE m.series_id = s.id AND ${visible}) AS last_meeting_date
      FROM meeting_series s JOIN offices o ON o.id = s.chair_office_id
      ORDER BY s.name_en, s.code`,
    executor,
  );
  return rows.map((r) => ({
    code: r.code,
    nameEn: r.name_en,
    nameHi: r.name_hi,
    officeCode: r.office_code,
    officeNameEn: r.office_name_en,
    officeNameHi: r.office_name_hi,
    meetings: r.meetings,
    lastMeetingDate: r.last_meeting_date,
  }));
}

/** The offices that chaired a meeting the viewer may see: the meetings list's chair filter, one entry per office. */
export async function listChairOffices(viewer: Pick<Viewer, "role">): Promise<OfficeOption[]> {
  const visible = can(viewer.role, "write:meeting:any") ? sql`TRUE` : sql`m.status = 'PUBLISHED'`;
  const rows = await selectChecked(
    NAMED_ROW,
    sql`
    SELECT o.code, o.name_en, o.name_hi FROM offices o
    WHERE EXISTS (SELECT 1 FROM meetings m WHERE m.chair_office_id = o.id AND ${visible})
    ORDER BY o.name_en, o.code`,
  );
  return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameHi: r.name_hi }));
}

export interface ChairAndSeries {
  chairOfficeId: number | null;
  seriesId: number | null;
  chairEn: string;
  chairHi: string;
}

/**
 * The chair a meeting is saved with: the chosen office (or, with none chosen, the series' office), its
 * names copied to chair_en/chair_hi for every page that shows them. Unknown codes give null (the
 * schema has refused them already). With neither chosen, the typed names stay (older forms and imports).
 */
export async function resolveChairAndSeries(
  input: { seriesCode: string; chairOffice: string; chairEn: string; chairHi: string },
  tx: DbOrTx,
): Promise<ChairAndSeries> {
  let seriesId: number | null = null;
  let officeCode = input.chairOffice;
  if (input.seriesCode) {
    const [series] = await selectChecked(
      z.object({ id: col.int(), office_code: col.text() }),
      sql`SELECT s.id, o.code AS office_code FROM meeting_series s JOIN offices o ON o.id = s.chair_office_id WHERE s.code = ${input.seriesCode}`,
      tx,
    );
    if (series) {
      seriesId = series.id;
      if (!officeCode) officeCode = series.office_code;
    }
  }
  if (officeCode) {
    const [office] = await selectChecked(
      z.object({ id: col.int(), name_en: col.text(), name_hi: col.text() }),
      sql`SELECT id, name_en, name_hi FROM offices WHERE code = ${officeCode}`,
      tx,
    );
    if (office) return { chairOfficeId: office.id, seriesId, chairEn: office.name_en, chairHi: office.name_hi };
  }
  return { chairOfficeId: null, seriesId, chairEn: input.chairEn, chairHi: input.chairHi };
}

export type CreateResult = { ok: true } | { ok: false; reason: "duplicate" | "unknown-office" | "forbidden" };

export async function createOffice(viewer: Viewer, input: { code: string; nameEn: string; nameHi: string }): Promise<CreateResult> {
  if (!can(viewer.role, "manage:master-data:any")) return { ok: false, reason: "forbidden" };
  const rows = await selectChecked(
    ID_ROW,
    sql`
    INSERT INTO offices (code, name_en, name_hi) VALUES (${input.code}, ${input.nameEn}, ${input.nameHi})
    ON CONFLICT (code) DO NOTHING RETURNING id`,
  );
  return rows.length > 0 ? { ok: true } : { ok: false, reason: "duplicate" };
}

export async function createSeries(
  viewer: Viewer,
  input: { code: string; nameEn: string; nameHi: string; officeCode: string },
): Promise<CreateResult> {
  if (!can(viewer.role, "manage:master-data:any")) return { ok: false, reason: "forbidden" };
  return db().transaction(async (tx) => {
    const [office] = await selectChecked(ID_ROW, sql`SELECT id FROM offices WHERE code = ${input.officeCode}`, tx);
    if (!office) return { ok: false, reason: "unknown-office" } as const;
    const rows = await tx
      .insert(schema.meetingSeries)
      .values({ code: input.code, nameEn: input.nameEn, nameHi: input.nameHi, chairOfficeId: office.id, createdById: viewer.id })
      .onConflictDoNothing()
      .returning({ id: schema.meetingSeries.id });
    return rows.length > 0 ? ({ ok: true } as const) : ({ ok: false, reason: "duplicate" } as const);
  });
}

export interface MeetingSeriesInfo {
  seriesCode: string | null;
  seriesNameEn: string | null;
  seriesNameHi: string | null;
  officeCode: string | null;
  /** The meeting of the same series held just before this one (published), if any. */
  previous: { id: number; meetingDate: string; titleEn: string; titleHi: string } | null;
}

export async function getMeetingSeriesInfo(meetingId: number, executor: DbOrTx = db()): Promise<MeetingSeriesInfo> {
  const [row] = await selectChecked(
    SERIES_INFO_ROW,
    sql`
      SELECT s.code AS series_code, s.name_en AS series_name_en, s.name_hi AS series_name_hi, o.code AS office_code,
        p.id AS prev_id, to_char(p.meeting_date, 'YYYY-MM-DD') AS prev_date, p.title_en AS prev_title_en, p.title_hi AS prev_title_hi
      FROM meetings m
      LEFT JOIN meeting_series s ON s.id = m.series_id
      LEFT JOIN offices o ON o.id = m.chair_office_id
      LEFT JOIN LATERAL (
        SELECT p.* FROM meetings p
        WHERE m.series_id IS NOT NULL AND p.series_id = m.series_id AND p.id <> m.id AND p.status = 'PUBLISHED'
          AND (p.meeting_date, p.id) < (m.meeting_date, m.id)
        ORDER BY p.meeting_date DESC, p.id DESC LIMIT 1
      ) p ON TRUE
      WHERE m.id = ${meetingId}`,
    executor,
  );
  return {
    seriesCode: row?.series_code ?? null,
    seriesNameEn: row?.series_name_en ?? null,
    seriesNameHi: row?.series_name_hi ?? null,
    officeCode: row?.office_code ?? null,
    previous:
      row?.prev_id != null
        ? { id: row.prev_id, meetingDate: row.prev_date!, titleEn: row.prev_title_en ?? "", titleHi: row.prev_title_hi ?? "" }
        : null,
  };
}

/** The published meetings of a series, oldest first (the district page's comparison). */
export async function listSeriesMeetings(seriesCode: string): Promise<{ id: number; meetingDate: string; titleEn: string; titleHi: string }[]> {
  const rows = await selectChecked(
    SERIES_MEETING_ROW,
    sql`
    SELECT m.id, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.title_en, m.title_hi
    FROM meetings m JOIN meeting_series s ON s.id = m.series_id
    WHERE s.code = ${seriesCode} AND m.status = 'PUBLISHED'
    ORDER BY m.meeting_date, m.id`,
  );
  return rows.map((r) => ({ id: r.id, meetingDate: r.meeting_date, titleEn: r.title_en, titleHi: r.title_hi }));
}

/** The editor's series, chair office and carried directives of a saved meeting. */
export async function getEditorSeriesValues(
  meetingId: number,
  executor: DbOrTx = db(),
): Promise<{ seriesCode: string; chairOffice: string; carried: string[] }> {
  const [row] = await selectChecked(
    EDITOR_SERIES_ROW,
    sql`
      SELECT s.code AS series_code, o.code AS office_code,
        (SELECT array_agg(r.directive_id::text ORDER BY r.directive_id) FROM meeting_reviewed_directives r WHERE r.meeting_id = m.id) AS carried
      FROM meetings m
      LEFT JOIN meeting_series s ON s.id = m.series_id
      LEFT JOIN offices o ON o.id = m.chair_office_id
      WHERE m.id = ${meetingId}`,
    executor,
  );
  return { seriesCode: row?.series_code ?? "", chairOffice: row?.office_code ?? "", carried: row?.carried ?? [] };
}
