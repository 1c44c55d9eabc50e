// Carry-over: directives of earlier meetings of a series taken up again in a new meeting
// ("directives under review from earlier meetings", decision 011). Carrying adds one row to
// meeting_reviewed_directives; the directive keeps its one set of action items and their history.
// Closing or re-issuing a carried directive changes those items, each with a history row, in one transaction.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "~/db.server";
import type { Viewer } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { scopeCondition, type ComplianceViewer } from "./compliance-filters.server";
import { col, selectChecked } from "./rows.server";
import type { CarriedDirectiveContext, CarryCandidate, ReviewedDirective } from "~/domain/review-views";

export type { CarryCandidate, ReviewedDirective } from "~/domain/review-views";

/** Still open: some live item neither verified nor not applicable (COMPLETED awaits verification). */
const OPEN_DIRECTIVE = sql`EXISTS (
  SELECT 1 FROM action_items a
  WHERE a.directive_id = d.id AND a.withdrawn_at IS NULL AND a.status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED')
)`;

/** The directive and its meeting, as both lists of this file read them. */
const DIRECTIVE_CONTEXT_COLUMNS = {
  directive_id: col.int(),
  meeting_id: col.int(),
  meeting_date: col.date(),
  title_en: col.text(),
  title_hi: col.text(),
  number: col.int(),
  text_en: col.text(),
  text_hi: col.text(),
};
type DirectiveContextRow = z.output<z.ZodObject<typeof DIRECTIVE_CONTEXT_COLUMNS>>;

function directiveContext(r: DirectiveContextRow): CarriedDirectiveContext {
  return {
    directiveId: r.directive_id,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    meetingTitleEn: r.title_en,
    meetingTitleHi: r.title_hi,
    number: r.number,
    textEn: r.text_en,
    textHi: r.text_hi,
  };
}

const CANDIDATE_ROW = z.object({
  ...DIRECTIVE_CONTEXT_COLUMNS,
  open: col.int(),
  overdue: col.int(),
  awaiting: col.int(),
  age_days: col.int(),
  times_carried: col.int(),
  carried: col.bool(),
});
const REVIEWED_ROW = z.object({
  ...DIRECTIVE_CONTEXT_COLUMNS,
  due_date: col.date().nullable(),
  items: col.int(),
  done: col.int(),
  verified: col.int(),
  not_applicable: col.int(),
  open: col.int(),
  overdue: col.int(),
  age_days: col.int(),
  times_carried: col.int(),
  closed_on: col.date().nullable(),
});
const ID_ROW = z.object({ id: col.int() });
const LOCKED_ROW = z.object({ id: col.int(), closed: col.bool() });
const COUNT_ROW = z.object({ n: col.int() });

/**
 * Every directive of an earlier published meeting of the series that is still open somewhere, oldest first,
 * for the meeting being written (meetingId null: a new one, dated meetingDate).
 */
export async function listCarryCandidates(
  viewer: Pick<Viewer, "role">,
  input: { seriesCode: string; meetingId: number | null; meetingDate: string | null; today: string },
  executor: DbOrTx = db(),
): Promise<CarryCandidate[]> {
  if (!can(viewer.role, "write:meeting:any")) return [];
  const before = input.meetingDate && /^\d{4}-\d{2}-\d{2}$/.test(input.meetingDate) ? input.meetingDate : input.today;
  const self = input.meetingId ?? 0;
  const rows = await selectChecked(
    CANDIDATE_ROW,
    sql`
      SELECT d.id AS directive_id, m.id AS meeting_id, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date,
        m.title_en, m.title_hi, d.number, d.text_en, d.text_hi,
        c.open, c.overdue, c.awaiting, (${input.today}::date - m.meeting_date)::int AS age_days,
        (SELECT count(*)::int FROM meeting_reviewed_directives r WHERE r.directive_id = d.id AND r.meeting_id <> ${self}) AS times_carried,
        EXISTS (SELECT 1 FROM meeting_reviewed_directives r WHERE r.directive_id = d.id AND r.meeting_id = ${self}) AS carried
      FROM meeting_series s
      JOIN meetings m ON m.series_id = s.id AND m.status = 'PUBLISHED' AND m.id <> ${self} AND m.meeting_date <= ${before}::date
      JOIN directives d ON d.meeting_id = m.id AND d.withdrawn_at IS NULL AND d.closed_at IS NULL
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS'))::int AS open,
          count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${input.today}::date)::int AS overdue,
          count(*) FILTER (WHERE a.status = 'COMPLETED')::int AS awaiting
        FROM action_items a WHERE a.directive_id = d.id AND a.withdrawn_at IS NULL
      ) c
      WHERE s.code = ${input.seriesCode} AND ${OPEN_DIRECTIVE}
      ORDER BY m.meeting_date, m.id, d.number`,
    executor,
  );
  return rows.map((r) => ({
    ...directiveContext(r),
    open: Number(r.open),
    overdue: Number(r.overdue),
    awaitingVerification: Number(r.awaiting),
    ageDays: Number(r.age_days),
    timesCarried: Number(r.times_carried),
    carried: Boolean(r.carried),
  }));
}

export type SaveCarriedResult = { ok: true; carried: number } | { ok: false; reason: "not-candidate" | "no-series" };

/**
 * The directives a draft meeting reviews, replaced wholesale, in the caller's transaction. Each must be a
 * directive of an earlier published meeting of the meeting's series (open or not: a list saved earlier stays valid).
 */
export async function saveReviewedDirectives(
  viewer: Viewer,
  input: { meetingId: number; directiveIds: number[] },
  tx: DbOrTx,
): Promise<SaveCarriedResult> {
  const ids = [...new Set(input.directiveIds)];
  await tx.execute(sql`DELETE FROM meeting_reviewed_directives WHERE meeting_id = ${input.meetingId}`);
  if (ids.length === 0) return { ok: true, carried: 0 };
  const idList = sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  );
  const rows = await selectChecked(
    ID_ROW,
    sql`
      INSERT INTO meeting_reviewed_directives (meeting_id, directive_id, added_by_id)
      SELECT n.id, d.id, ${viewer.id}
      FROM meetings n
      JOIN meetings m ON m.series_id = n.series_id AND m.id <> n.id AND m.status = 'PUBLISHED' AND m.meeting_date <= n.meeting_date
      JOIN directives d ON d.meeting_id = m.id AND d.withdrawn_at IS NULL
      WHERE n.id = ${input.meetingId} AND n.series_id IS NOT NULL AND d.id IN (${idList})
      RETURNING directive_id AS id`,
    tx,
  );
  if (rows.length !== ids.length) return { ok: false, reason: rows.length === 0 && ids.length > 0 ? "no-series" : "not-candidate" };
  return { ok: true, carried: rows.length };
}

/** A meeting's directives under review from earlier meetings, with their live status (scoped to the viewer). */
export async function listReviewedDirectives(viewer: ComplianceViewer, meetingId: number, today: string): Promise<ReviewedDirective[]> {
  const rows = await selectChecked(
    REVIEWED_ROW,
    sql`
    SELECT d.id AS directive_id, m.id AS meeting_id, to_char(m.meeting_date, 'YYYY-MM-DD') AS meeting_date, m.title_en, m.title_hi,
      d.number, d.text_en, d.text_hi, to_char(d.due_date, 'YYYY-MM-DD') AS due_date,
      c.items, c.done, c.verified, c.not_applicable, c.open, c.overdue,
      (${today}::date - m.meeting_date)::int AS age_days,
      (SELECT count(*)::int FROM meeting_reviewed_directives x WHERE x.directive_id = d.id) AS times_carried,
      to_char(d.closed_at AT TIME ZONE 'Asia/Kolkata', 'YYYY-MM-DD') AS closed_on
    FROM meeting_reviewed_directives r
    JOIN directives d ON d.id = r.directive_id
    JOIN meetings m ON m.id = d.meeting_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS items,
        count(*) FILTER (WHERE a.status IN ('COMPLETED', 'VERIFIED'))::int AS done,
        count(*) FILTER (WHERE a.status = 'VERIFIED')::int AS verified,
        count(*) FILTER (WHERE a.status = 'NOT_APPLICABLE')::int AS not_applicable,
        count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS'))::int AS open,
        count(*) FILTER (WHERE a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date < ${today}::date)::int AS overdue
      FROM action_items a WHERE a.directive_id = d.id AND a.withdrawn_at IS NULL AND ${scopeCondition(viewer)}
    ) c
    WHERE r.meeting_id = ${meetingId}
    ORDER BY m.meeting_date, m.id, d.number`,
  );
  return rows.map((r) => ({
    ...directiveContext(r),
    dueDate: r.due_date,
    items: Number(r.items),
    done: Number(r.done),
    verified: Number(r.verified),
    notApplicable: Number(r.not_applicable),
    open: Number(r.open),
    overdue: Number(r.overdue),
    ageDays: Number(r.age_days),
    timesCarried: Number(r.times_carried),
    closedOn: r.closed_on,
  }));
}

export type CarriedChangeResult = { ok: true; affected: number } | { ok: false; reason: "not-found" | "closed" | "unchanged" | "due-in-past" };

/** The carried directive, locked, if it is under review in this meeting. */
async function lockCarried(tx: DbOrTx, meetingId: number, directiveId: number) {
  const [row] = await selectChecked(
    LOCKED_ROW,
    sql`
      SELECT d.id, d.closed_at IS NOT NULL AS closed FROM directives d
      JOIN meeting_reviewed_directives r ON r.directive_id = d.id AND r.meeting_id = ${meetingId}
      WHERE d.id = ${directiveId} AND d.withdrawn_at IS NULL
      FOR UPDATE OF d`,
    tx,
  );
  return row ? { id: Number(row.id), closed: Boolean(row.closed) } : null;
}

/**
 * Run `change` in a transaction on the carried directive, locked, if it is under review in this
 * meeting and not closed; otherwise answer why not. `change` gets the moment of the change
 * (input.at or now) and a way to run its statement that counts the items it changed (`n`).
 */
async function changeOpenCarried(
  input: { meetingId: number; directiveId: number; at?: Date },
  change: (tx: DbOrTx, directive: { id: number }, at: string, countChanged: (statement: SQL) => Promise<number>) => Promise<CarriedChangeResult>,
): Promise<CarriedChangeResult> {
  const at = (input.at ?? new Date()).toISOString();
  return db().transaction(async (tx) => {
    const directive = await lockCarried(tx, input.meetingId, input.directiveId);
    if (!directive) return { ok: false, reason: "not-found" } as const;
    if (directive.closed) return { ok: false, reason: "closed" } as const;
    const countChanged = async (statement: SQL) => Number((await selectChecked(COUNT_ROW, statement, tx))[0].n);
    return change(tx, directive, at, countChanged);
  });
}

/**
 * Close a directive under review: each item reported COMPLETED is verified, each still open becomes
 * NOT_APPLICABLE, every one with a history row carrying the reason; the directive is marked closed in
 * this meeting and is no longer offered for carrying.
 */
export async function closeCarriedDirective(
  viewer: Viewer,
  input: { meetingId: number; directiveId: number; reason: string; at?: Date },
): Promise<CarriedChangeResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  return changeOpenCarried(input, async (tx, directive, at, countChanged) => {
    const affected = await countChanged(sql`
        WITH changed AS (
          UPDATE action_items a
          SET status = CASE WHEN a.status = 'COMPLETED' THEN 'VERIFIED' ELSE 'NOT_APPLICABLE' END::action_status,
            verified_at = CASE WHEN a.status = 'COMPLETED' THEN ${at}::timestamptz ELSE a.verified_at END,
            latest_remark = ${input.reason}, version = a.version + 1, updated_at = ${at}::timestamptz, updated_by_id = ${viewer.id}
          FROM action_items o
          WHERE o.id = a.id AND a.directive_id = ${directive.id} AND a.withdrawn_at IS NULL
            AND a.status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED')
          RETURNING a.id, o.status AS from_status, a.status AS to_status, a.version
        ),
        history AS (
          INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, remark, version)
          SELECT id, ${at}::timestamptz, ${viewer.id},
            CASE WHEN to_status = 'VERIFIED' THEN 'VERIFIED' ELSE 'STATUS_CHANGED' END::history_kind,
            from_status, to_status, ${input.reason}, version
          FROM changed
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM history`);
    await tx.execute(sql`
      UPDATE directives SET closed_at = ${at}::timestamptz, closed_in_meeting_id = ${input.meetingId}, updated_at = ${at}::timestamptz
      WHERE id = ${directive.id}`);
    return { ok: true, affected } as const;
  });
}

/**
 * Re-issue a directive under review with a new due date: every item still open (PENDING or IN_PROGRESS)
 * takes the date, with a DUE_DATE_CHANGED history row carrying the reason. Items already done keep theirs.
 */
export async function reissueCarriedDirective(
  viewer: Viewer,
  input: { meetingId: number; directiveId: number; dueDate: string; reason: string; today: string; at?: Date },
): Promise<CarriedChangeResult> {
  if (!can(viewer.role, "write:meeting:any")) return { ok: false, reason: "not-found" };
  if (input.dueDate < input.today) return { ok: false, reason: "due-in-past" };
  return changeOpenCarried(input, async (_tx, directive, at, countChanged) => {
    const affected = await countChanged(sql`
        WITH changed AS (
          UPDATE action_items a
          SET due_date = ${input.dueDate}::date, version = a.version + 1, updated_at = ${at}::timestamptz, updated_by_id = ${viewer.id}
          FROM action_items o
          WHERE o.id = a.id AND a.directive_id = ${directive.id} AND a.withdrawn_at IS NULL
            AND a.status IN ('PENDING', 'IN_PROGRESS') AND a.due_date IS DISTINCT FROM ${input.dueDate}::date
          RETURNING a.id, a.status, a.version, o.due_date AS from_due
        ),
        history AS (
          INSERT INTO action_item_history (action_item_id, at, actor_id, kind, from_status, to_status, from_due_date, to_due_date, remark, version)
          SELECT id, ${at}::timestamptz, ${viewer.id}, 'DUE_DATE_CHANGED', status, status, from_due, ${input.dueDate}::date, ${input.reason}, version
          FROM changed
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM history`);
    if (affected === 0) return { ok: false, reason: "unchanged" } as const;
    return { ok: true, affected } as const;
  });
}
