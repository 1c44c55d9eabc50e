import { integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

const bilingualName = {
  nameEn: text("name_en").notNull(),
  nameHi: text("name_hi").notNull(),
};

/** One deployment serves one state; the table exists so imports can name it. */
export const states = pgTable("states", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  ...bilingualName,
});

export const divisions = pgTable("divisions", {
  id: serial("id").primaryKey(),
  stateId: integer("state_id")
    .notNull()
    .references(() => states.id),
  code: text("code").notNull().unique(),
  ...bilingualName,
});

export const districts = pgTable("districts", {
  id: serial("id").primaryKey(),
  divisionId: integer("division_id")
    .notNull()
    .references(() => divisions.id),
  code: text("code").notNull().unique(),
  ...bilingualName,
});

export const departments = pgTable("departments", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  ...bilingualName,
});

export const categories = pgTable("categories", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  ...bilingualName,
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The offices that chair review meetings (Chief Secretary, Chief Minister, ACS Home…): a list the
 * secretariat keeps, so that one office is one entry however its name was once typed.
 */
export const offices = pgTable("offices", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  ...bilingualName,
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type State = typeof states.$inferSelect;
export type Division = typeof divisions.$inferSelect;
export type District = typeof districts.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Office = typeof offices.$inferSelect;
