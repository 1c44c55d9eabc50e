import { date, integer, pgTable, primaryKey, smallint, unique } from "drizzle-orm/pg-core";

// The weekly completion trend, summarised (docs/decisions/007-dashboard-at-scale.md). Both tables are
// derived data kept by triggers on action_items and action_item_history in the same transaction as
// every write (db/migrations/0003_trend_triggers.sql); no application code writes them.
//
// "The completion rate at the end of week W" of the state or of a division = the running sums of
// d_applicable and d_done over the weeks up to W: exactly what getWeeklyTrend's replay of history
// computes, pre-grouped. `changes` counts the history rows (and withdrawals) behind a week, so that a
// week with changes that cancel out still starts the series where the replay starts it.

/** Per week (Monday, IST) and division (NULL: state departments): the sum of every item's changes. */
export const trendWeekly = pgTable(
  "trend_weekly",
  {
    weekStart: date("week_start").notNull(),
    divisionId: integer("division_id"),
    dApplicable: integer("d_applicable").notNull().default(0),
    dDone: integer("d_done").notNull().default(0),
    changes: integer("changes").notNull().default(0),
  },
  (t) => [unique("trend_weekly_week_division_key").on(t.weekStart, t.divisionId).nullsNotDistinct()],
);

/**
 * Each item's share of trend_weekly as last applied, so that a trigger can replace an item's share
 * whatever changed (a history row, a withdrawal, a reinstatement) and in whatever order.
 */
export const trendItemWeeks = pgTable(
  "trend_item_weeks",
  {
    actionItemId: integer("action_item_id").notNull(),
    weekStart: date("week_start").notNull(),
    divisionId: integer("division_id"),
    dApplicable: smallint("d_applicable").notNull(),
    dDone: smallint("d_done").notNull(),
    changes: smallint("changes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionItemId, t.weekStart] })],
);
