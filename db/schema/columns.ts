// The column shapes the tables repeat: a reference to another row, required or not, and a moment
// with its time zone. Each call builds a new column; the SQL is what the long form gives.
import { integer, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

type RefActions = { onDelete?: "cascade" | "set null" };

/** `name integer NOT NULL REFERENCES target` (with `ON DELETE CASCADE` when asked). */
export function refTo<TName extends string>(name: TName, target: () => AnyPgColumn, actions: RefActions = {}) {
  return integer(name).notNull().references(target, actions);
}

/** A reference that may be empty: nobody has decided yet, or the system acted. */
export function optionalRef<TName extends string>(name: TName, target: () => AnyPgColumn, actions: RefActions = {}) {
  return integer(name).references(target, actions);
}

/** A moment, kept with its time zone. */
export function moment<TName extends string>(name: TName) {
  return timestamp(name, { withTimezone: true });
}

/** When the row was written, set by the database. */
export function writtenAt<TName extends string>(name: TName) {
  return moment(name).notNull().defaultNow();
}
