import { boolean, date, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { moment } from "./columns";

// The unfiltered dashboard's per-district counts, summarised (docs/decisions/028-district-figures.md).
// Derived data kept by statement triggers on action_items in the same transaction as every write
// (db/migrations/*_district_figures.sql); no application code writes them. Counts that depend on the
// day (overdue, due passed, graded, on time, the status mix) are for `district_figures_day.as_of`: the
// first reader on a new IST day rebuilds the table (one scan a day) before reading it.

/** Per group of live items (district and division; both NULL: the state departments' items): getComplianceSets' counts. */
export const districtFigures = pgTable(
  "district_figures",
  {
    districtId: integer("district_id"),
    divisionId: integer("division_id"),
    items: integer("items").notNull().default(0),
    notApplicable: integer("not_applicable").notNull().default(0),
    done: integer("done").notNull().default(0),
    verified: integer("verified").notNull().default(0),
    overdue: integer("overdue").notNull().default(0),
    duePassed: integer("due_passed").notNull().default(0),
    onTime: integer("on_time").notNull().default(0),
    graded: integer("graded").notNull().default(0),
    pending: integer("pending").notNull().default(0),
    inProgress: integer("in_progress").notNull().default(0),
    completed: integer("completed").notNull().default(0),
    withEvidence: integer("with_evidence").notNull().default(0),
    lastAt: moment("last_at"),
  },
  (t) => [unique("district_figures_group_key").on(t.districtId, t.divisionId).nullsNotDistinct()],
);

/** One row: the IST day the counts in district_figures are for. No row: nothing kept yet (a reader builds it). */
export const districtFiguresDay = pgTable("district_figures_day", {
  singleton: boolean("singleton").primaryKey().default(true),
  asOf: date("as_of").notNull(),
});
