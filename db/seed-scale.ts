// A national-size deployment for benchmarks:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/anupalan_bench_1m npm run seed:scale -- --districts 780 --directives 1300
// PostgreSQL only. Wipes the database (local databases only, like the demo seed), migrates it, and
// generates master data, meetings, directives, about one action item per directive and district
// (plus some department items) and each item's dated history — all with INSERT … SELECT inside the
// database, so a million items with their history take minutes, not hours. Deterministic for the
// same arguments and --today (setseed).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql as sqlTag } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "./client.server";
import { runMigrations } from "./migrate";
import { seedSeries } from "./seed-series";
import { DEMO_PASSWORD, isLocalDatabase } from "./seed";
import departmentsJson from "./seed-data/departments.json";
import meetingsJson from "./seed-data/meetings.json";
import { hashPassword } from "../app/utils/password.server";

export interface ScaleOptions {
  url: string;
  districts: number;
  directives: number;
  /** yyyy-mm-dd (IST); history is cut there. */
  today: string;
  /** Districts per division. */
  divisionSize: number;
  /** Directives per meeting. */
  directivesPerMeeting: number;
  force: boolean;
  log?: (line: string) => void;
}

export interface ScaleSummary {
  divisions: number;
  districts: number;
  meetings: number;
  directives: number;
  actionItems: number;
  historyRows: number;
  evidence: number;
  seconds: number;
}

const REMARKS = {
  start: ["सभी थानाधिकारियों को निर्देश जारी किए गए", "Nodal officer designated; work started", "Letter issued to all SDMs and BDOs"],
  progress: ["कार्य प्रगति पर है", "Awareness vans running in 4 of 7 blocks", "Information received from 70% of police stations"],
  complete: ["कार्यवाही पूर्ण, पालना रिपोर्ट संलग्न", "Completed; compliance report sent by email", "सभी थानों में कार्य पूर्ण"],
  returned: ["पालना रिपोर्ट अपूर्ण है, पुनः प्रेषित करें", "Evidence not attached. Please upload the compliance report."],
  verified: ["सत्यापित", "Compliance verified"],
  notApplicable: ["यह कार्य राज्य स्तर पर किया जा रहा है", "Not applicable to the district (nil report)"],
};

const pgArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

export async function seedScale(options: ScaleOptions): Promise<ScaleSummary> {
  const log = options.log ?? (() => {});
  if (!/^postgres(ql)?:\/\//.test(options.url)) throw new Error("seed:scale needs PostgreSQL: set DATABASE_URL");
  if (!options.force && !isLocalDatabase(options.url)) {
    throw new Error(`Refusing to wipe ${options.url}: not a database on this machine (add --force if you mean it)`);
  }
  const started = performance.now();
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await run();
    log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  };

  const handle = openDatabase({ url: options.url });
  const client = postgres(options.url, { max: 1, onnotice: () => {} });
  try {
    await step("wipe and migrate", async () => {
      await client.unsafe(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS drizzle CASCADE;`);
      await runMigrations(handle);
    });
    const divisions = Math.ceil(options.districts / options.divisionSize);
    const meetings = Math.ceil(options.directives / options.directivesPerMeeting);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await client.begin(async (tx) => {
      await tx.unsafe(`SELECT setseed(0.4242)`);
      // The rows are generated consistent with each other, so the per-row foreign-key triggers
      // (six checks per action item, one per history row) are skipped where the role allows it:
      // they would take most of the time. A role that may not do this simply runs them.
      await tx.unsafe(`SAVEPOINT replica`);
      try {
        await tx.unsafe(`SET LOCAL session_replication_role = replica`);
        await tx.unsafe(`RELEASE SAVEPOINT replica`);
      } catch {
        await tx.unsafe(`ROLLBACK TO SAVEPOINT replica`);
        log("  (not allowed to skip foreign-key checks: this will be slower)");
      }
      await step("master data and users", async () => {
        await tx.unsafe(`INSERT INTO states (code, name_en, name_hi) VALUES ('IN', 'India (scale test)', 'भारत (स्केल परीक्षण)')`);
        await tx.unsafe(`
          INSERT INTO divisions (id, state_id, code, name_en, name_hi)
          SELECT g, 1, 'DV' || lpad(g::text, 3, '0'), 'Division ' || g, 'संभाग ' || g FROM generate_series(1, ${divisions}) g`);
        await tx.unsafe(`
          INSERT INTO districts (id, division_id, code, name_en, name_hi)
          SELECT g, (g - 1) / ${options.divisionSize} + 1, 'D' || lpad(g::text, 4, '0'), 'District ' || g, 'जिला ' || g
          FROM generate_series(1, ${options.districts}) g`);
        const depts = departmentsJson.departments.map((d, i) => `(${i + 1}, '${d.code}', '${d.name.en}', '${d.name.hi}')`);
        await tx.unsafe(`INSERT INTO departments (id, code, name_en, name_hi) VALUES ${depts.join(",")}`);
        const cats = meetingsJson.categories.map((c, i) => `(${i + 1}, '${c.code}', '${c.name.en}', '${c.name.hi}')`);
        await tx.unsafe(`INSERT INTO categories (id, code, name_en, name_hi) VALUES ${cats.join(",")}`);
        await tx`
          INSERT INTO users (username, display_name, password_hash, role, district_id, district_role, department_id) VALUES
            ('admin', 'System Administrator', ${passwordHash}, 'ADMIN', NULL, NULL, NULL),
            ('secretariat', 'Review Cell', ${passwordHash}, 'SECRETARIAT', NULL, NULL, NULL),
            ('official', 'Additional Chief Secretary', ${passwordHash}, 'OFFICIAL', NULL, NULL, NULL),
            ('collector.d0001', 'District Collector, District 1', ${passwordHash}, 'DISTRICT_OFFICER', 1, 'COLLECTOR', NULL)`;
        for (const table of ["divisions", "districts", "departments", "categories"]) {
          await tx.unsafe(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
        }
      });
      await step(`${meetings} meetings, ${options.directives} directives`, async () => {
        // Meetings spread over the two years before today.
        await tx.unsafe(`
          INSERT INTO meetings (id, title_en, title_hi, meeting_date, chair_en, chair_hi, status, published_at, created_at, updated_at)
          SELECT g, 'Review meeting ' || g, 'समीक्षा बैठक ' || g, md, 'Chief Secretary', 'मुख्य सचिव', 'PUBLISHED',
            (md + time '17:00') AT TIME ZONE 'Asia/Kolkata', (md + time '17:00') AT TIME ZONE 'Asia/Kolkata',
            (md + time '17:00') AT TIME ZONE 'Asia/Kolkata'
          FROM generate_series(1, ${meetings}) g,
            LATERAL (SELECT '${options.today}'::date - 730 + ((g - 1) * 720 / ${meetings})::int AS md) d`);
        await tx.unsafe(`
          INSERT INTO directives (id, meeting_id, number, text_en, text_hi, category_id, priority, due_date, due_in_days, created_at, updated_at)
          SELECT g, m.id, (g - 1) % ${options.directivesPerMeeting} + 1,
            'Directive ' || g || ': act on the review''s decision', 'निर्देश ' || g || ': समीक्षा के निर्णय पर कार्यवाही करें',
            (g % ${meetingsJson.categories.length}) + 1, CASE WHEN g % 5 = 0 THEN 'HIGH' ELSE 'NORMAL' END::priority,
            m.meeting_date + (15 * (1 + g % 4)), 15 * (1 + g % 4), m.published_at, m.published_at
          FROM generate_series(1, ${options.directives}) g
          JOIN meetings m ON m.id = (g - 1) / ${options.directivesPerMeeting} + 1`);
        // Odd directives go to every Collector, even ones to every SP; one in three also to a department.
        await tx.unsafe(`
          INSERT INTO directive_assignees (directive_id, district_role, scope)
          SELECT id, CASE WHEN id % 2 = 1 THEN 'COLLECTOR' ELSE 'SP' END::district_role, 'ALL' FROM directives`);
        await tx.unsafe(`
          INSERT INTO directive_assignees (directive_id, department_id)
          SELECT id, id % ${departmentsJson.departments.length} + 1 FROM directives WHERE id % 3 = 0`);
        for (const table of ["meetings", "directives"]) {
          await tx.unsafe(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
        }
      });
      await step("item plans", async () => {
        // One row per item with its whole planned life; events after "today" are cut later.
        // A district's pace: 30 % fast, 35 % steady, 20 % slow, 15 % mostly overdue.
        await tx.unsafe(`
          CREATE TEMP TABLE plan ON COMMIT DROP AS
          WITH targets AS (
            SELECT dir.id AS directive_id, dir.meeting_id, asg.id AS assignee_id, dis.id AS district_id, dis.division_id,
              asg.district_role, NULL::int AS department_id, m.published_at, dir.due_date, (dis.id * 37) % 100 AS pace
            FROM directives dir JOIN meetings m ON m.id = dir.meeting_id
            JOIN directive_assignees asg ON asg.directive_id = dir.id AND asg.district_role IS NOT NULL
            CROSS JOIN districts dis
            UNION ALL
            SELECT dir.id, dir.meeting_id, asg.id, NULL, NULL, NULL, asg.department_id, m.published_at, dir.due_date,
              (asg.department_id * 53) % 100
            FROM directives dir JOIN meetings m ON m.id = dir.meeting_id
            JOIN directive_assignees asg ON asg.directive_id = dir.id AND asg.department_id IS NOT NULL
          ),
          drawn AS (
            SELECT t.*, row_number() OVER () AS id,
              (t.due_date - (t.published_at AT TIME ZONE 'Asia/Kolkata')::date) AS window_days,
              CASE WHEN t.pace < 30 THEN 0.02 WHEN t.pace < 65 THEN 0.08 WHEN t.pace < 85 THEN 0.22 ELSE 0.55 END AS stays_open,
              CASE WHEN t.pace < 30 THEN 0.6 WHEN t.pace < 65 THEN 0.9 WHEN t.pace < 85 THEN 1.4 ELSE 2.2 END AS pace_factor,
              random() AS r_na, random() AS r_open, random() AS r_start, random() AS r_done, random() AS r_ret,
              random() AS r_ver, random() AS r_ext, random() AS r_ev, random() AS r_txt
            FROM targets t
          )
          SELECT d.*,
            d.r_na < 0.015 AS not_applicable,
            d.r_open >= d.stays_open AS completes,
            d.published_at + make_interval(secs => 86400 * (1 + d.window_days * 0.4 * d.pace_factor * d.r_start)) AS start_at,
            d.published_at + make_interval(secs => 86400 * (2 + d.window_days * (0.4 + d.pace_factor * d.r_done))) AS done_at,
            d.r_ret < 0.05 AS returned,
            d.r_ver < 0.8 AS verified,
            d.r_ext < 0.08 AS extended
          FROM drawn d`);
        await tx.unsafe(`ALTER TABLE plan ADD PRIMARY KEY (id)`);
      });
      const cut = `('${options.today}'::date + time '18:00') AT TIME ZONE 'Asia/Kolkata'`;
      await step("history", async () => {
        // Each kind of event as one INSERT … SELECT; from_status is the status the previous event left.
        await tx.unsafe(`
          CREATE TEMP TABLE events ON COMMIT DROP AS
          SELECT id AS item_id, 1 AS seq, published_at AS at, 'CREATED'::history_kind AS kind,
            NULL::action_status AS from_status, 'PENDING'::action_status AS to_status, NULL::date AS from_due, NULL::date AS to_due,
            NULL::text AS remark
          FROM plan
          UNION ALL
          SELECT id, 2, published_at + interval '2 days', 'STATUS_CHANGED', 'PENDING', 'NOT_APPLICABLE', NULL, NULL,
            (${pgArray(REMARKS.notApplicable)})[1 + floor(r_txt * ${REMARKS.notApplicable.length})::int]
          FROM plan WHERE not_applicable
          UNION ALL
          SELECT id, 2, start_at, 'STATUS_CHANGED', 'PENDING', 'IN_PROGRESS', NULL, NULL,
            (${pgArray(REMARKS.start)})[1 + floor(r_txt * ${REMARKS.start.length})::int]
          FROM plan WHERE NOT not_applicable AND (completes OR r_open < stays_open * 0.65)
          UNION ALL
          SELECT id, 3, (due_date - 2 + time '11:00') AT TIME ZONE 'Asia/Kolkata', 'EXTENSION_GRANTED', 'IN_PROGRESS', 'IN_PROGRESS',
            due_date, due_date + 30, 'Extension granted'
          FROM plan WHERE NOT not_applicable AND extended AND (completes OR r_open < stays_open * 0.65)
            AND (due_date - 2 + time '11:00') AT TIME ZONE 'Asia/Kolkata' > start_at
            AND (NOT completes OR greatest(done_at, start_at + interval '1 day') > (due_date - 2 + time '11:00') AT TIME ZONE 'Asia/Kolkata')
          UNION ALL
          SELECT id, 4, greatest(done_at, start_at + interval '1 day') - interval '3 days', 'REMARK', 'IN_PROGRESS', 'IN_PROGRESS', NULL, NULL,
            (${pgArray(REMARKS.progress)})[1 + floor(r_txt * ${REMARKS.progress.length})::int]
          FROM plan WHERE NOT not_applicable AND (completes OR r_open < stays_open * 0.65) AND r_ev < 0.5
            AND done_at - interval '3 days' > start_at + interval '1 hour'
          UNION ALL
          SELECT id, 5, greatest(done_at, start_at + interval '1 day'), 'STATUS_CHANGED', 'IN_PROGRESS', 'COMPLETED', NULL, NULL,
            (${pgArray(REMARKS.complete)})[1 + floor(r_txt * ${REMARKS.complete.length})::int]
          FROM plan WHERE NOT not_applicable AND completes
          UNION ALL
          SELECT id, 6, greatest(done_at, start_at + interval '1 day') + interval '4 days', 'RETURNED', 'COMPLETED', 'IN_PROGRESS', NULL, NULL,
            (${pgArray(REMARKS.returned)})[1 + floor(r_txt * ${REMARKS.returned.length})::int]
          FROM plan WHERE NOT not_applicable AND completes AND returned
          UNION ALL
          SELECT id, 7, greatest(done_at, start_at + interval '1 day') + interval '12 days', 'STATUS_CHANGED', 'IN_PROGRESS', 'COMPLETED', NULL, NULL,
            'Resubmitted with the complete report'
          FROM plan WHERE NOT not_applicable AND completes AND returned
          UNION ALL
          SELECT id, 8, greatest(done_at, start_at + interval '1 day') + CASE WHEN returned THEN interval '20 days' ELSE interval '6 days' END,
            'VERIFIED', 'COMPLETED', 'VERIFIED', NULL, NULL,
            (${pgArray(REMARKS.verified)})[1 + floor(r_txt * ${REMARKS.verified.length})::int]
          FROM plan WHERE NOT not_applicable AND completes AND verified`);
        await tx.unsafe(`DELETE FROM events WHERE at > ${cut}`);
        await tx.unsafe(`CREATE INDEX ON events (item_id, seq)`);
      });
      await step("action items", async () => {
        await tx.unsafe(`
          INSERT INTO action_items (id, directive_id, meeting_id, assignee_id, district_id, division_id, district_role, department_id,
            status, due_date, original_due_date, latest_remark, first_completed_at, completed_at, verified_at, version,
            updated_at, created_at, last_reported_at, has_evidence)
          SELECT p.id, p.directive_id, p.meeting_id, p.assignee_id, p.district_id, p.division_id, p.district_role, p.department_id,
            e.status, coalesce(e.extended_to, p.due_date), p.due_date, e.remark, e.first_completed_at, e.completed_at,
            e.verified_at, e.version, e.updated_at, p.published_at, e.last_reported_at,
            -- The same test as the evidence step below (three in four completions carry a link).
            e.first_completed_at IS NOT NULL AND p.r_ev < 0.75
          FROM plan p
          JOIN (
            SELECT item_id,
              (array_agg(to_status ORDER BY seq DESC))[1] AS status,
              (array_agg(remark ORDER BY seq DESC) FILTER (WHERE remark IS NOT NULL))[1] AS remark,
              max(at) AS updated_at,
              max(at) FILTER (WHERE kind IN ('STATUS_CHANGED', 'REMARK', 'EXTENSION_REQUESTED')) AS last_reported_at,
              min(at) FILTER (WHERE to_status = 'COMPLETED' AND kind = 'STATUS_CHANGED') AS first_completed_at,
              max(at) FILTER (WHERE to_status = 'COMPLETED' AND kind = 'STATUS_CHANGED') AS completed_at,
              max(at) FILTER (WHERE kind = 'VERIFIED') AS verified_at,
              max(to_due) AS extended_to,
              count(*)::int AS version
            FROM events GROUP BY item_id
          ) e ON e.item_id = p.id`);
        await tx.unsafe(`SELECT setval(pg_get_serial_sequence('action_items', 'id'), (SELECT max(id) FROM action_items))`);
      });
      await step("history rows", async () => {
        await tx.unsafe(`
          INSERT INTO action_item_history (action_item_id, at, kind, from_status, to_status, from_due_date, to_due_date, remark, version)
          SELECT item_id, at, kind, from_status, to_status, from_due, to_due, remark,
            row_number() OVER (PARTITION BY item_id ORDER BY seq)
          FROM events ORDER BY at`);
      });
      // session_replication_role = replica skips the triggers that keep the weekly trend summary
      // (db/migrations/0003_trend_triggers.sql), so it is filled here, in one pass over the history.
      // Where the role could not skip them they have filled it already; the rebuild gives the same rows.
      await step("weekly trend summary", () => tx.unsafe(`SELECT anupalan_trend_rebuild()`));
      // Each item's last report (db/migrations/0005_last_reported_trigger.sql) was written with the item
      // above, so as not to rewrite a million rows; the rebuild only fixes what differs (nothing, normally).
      await step("last reported", () => tx.unsafe(`SELECT anupalan_last_reported_rebuild()`));
      await step("returned", () => tx.unsafe(`SELECT anupalan_returned_rebuild()`));
      await step("evidence", async () => {
        // Three in four completions carry a link to their compliance report.
        await tx.unsafe(`
          INSERT INTO evidence (action_item_id, kind, url, uploaded_at)
          SELECT a.id, 'LINK', 'https://example.gov.in/atr/' || a.id || '.pdf', a.first_completed_at
          FROM action_items a JOIN plan p ON p.id = a.id
          WHERE a.first_completed_at IS NOT NULL AND p.r_ev < 0.75`);
      });
      // The evidence flag (db/migrations/0007_has_evidence_trigger.sql) was written with each item above by
      // the same test; the triggers were skipped, so the rebuild checks it (it rewrites nothing, normally).
      await step("has evidence", () => tx.unsafe(`SELECT anupalan_has_evidence_rebuild()`));
      // The dashboard's per-district counts (decision 028) were not kept while the triggers were skipped:
      // forget them, and the first reader builds them.
      await step("district figures", () => tx.unsafe(`DELETE FROM district_figures_day; DELETE FROM district_figures`));
    });
    await step("series and 50 carried directives", () => addScaleSeries(handle));
    // VACUUM as well as ANALYZE: a bulk-loaded table has no visibility map until autovacuum gets
    // to it, and until then every index-only scan (the evidence join) reads the heap.
    await step("vacuum analyze", () => client.unsafe(`VACUUM ANALYZE`));
    const [counts] = await client.unsafe(`
      SELECT (SELECT count(*) FROM meetings)::int AS meetings, (SELECT count(*) FROM directives)::int AS directives,
        (SELECT count(*) FROM action_items)::int AS items, (SELECT count(*) FROM action_item_history)::int AS history,
        (SELECT count(*) FROM evidence)::int AS evidence`);
    return {
      divisions,
      districts: options.districts,
      meetings: counts.meetings,
      directives: counts.directives,
      actionItems: counts.items,
      historyRows: counts.history,
      evidence: counts.evidence,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await client.end({ timeout: 1 });
    await handle.close();
  }
}

/**
 * Every meeting joins the Chief Secretary's series, and the latest one reviews 50 still-open directives of the
 * earlier ones (the brief's benchmark, BENCHMARKS.md). Also run alone on a database seeded before the series
 * existed: `npm run seed:scale -- --series-only` migrates it and adds them.
 */
export async function addScaleSeries(handle: ReturnType<typeof openDatabase>): Promise<{ carried: number }> {
  return handle.db.transaction((tx) => seedSeries(tx, { carryLimit: 50, carryInto: "latest" }));
}

function todayIst(): string {
  return new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
}

async function main() {
  const { values } = parseArgs({
    options: {
      districts: { type: "string", default: "780" },
      directives: { type: "string", default: "1300" },
      "division-size": { type: "string", default: "8" },
      "directives-per-meeting": { type: "string", default: "13" },
      today: { type: "string" },
      force: { type: "boolean", default: false },
      "series-only": { type: "boolean", default: false },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the PostgreSQL database to fill, e.g. postgres://postgres@127.0.0.1:5432/anupalan_bench_1m");
  if (values["series-only"]) {
    const handle = openDatabase({ url });
    try {
      await runMigrations(handle);
      await handle.db.execute(sqlTag`ANALYZE`);
      const { carried } = await addScaleSeries(handle);
      await handle.db.execute(sqlTag`ANALYZE meeting_reviewed_directives`);
      console.log(`Series added; ${carried} directives carried into the latest meeting.`);
    } finally {
      await handle.close();
    }
    return;
  }
  const int = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  const options: ScaleOptions = {
    url,
    districts: int("districts", values.districts),
    directives: int("directives", values.directives),
    divisionSize: int("division-size", values["division-size"]),
    directivesPerMeeting: int("directives-per-meeting", values["directives-per-meeting"]),
    today: values.today ?? todayIst(),
    force: values.force ?? false,
    log: (line) => console.log(line),
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error("--today must be YYYY-MM-DD");
  console.log(`Generating ${options.districts} districts × ${options.directives} directives into ${url.replace(/:[^:@/]+@/, ":***@")}`);
  const s = await seedScale(options);
  const n = (v: number) => v.toLocaleString("en-IN");
  console.log(
    `Done in ${s.seconds} s: ${s.divisions} divisions, ${s.districts} districts, ${s.meetings} meetings, ${n(s.directives)} directives, ` +
      `${n(s.actionItems)} action items, ${n(s.historyRows)} history rows, ${n(s.evidence)} evidence links. ` +
      `Sign in as official / ${DEMO_PASSWORD}.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
