import { pgTable, serial, text } from "drizzle-orm/pg-core";
import { refTo, writtenAt } from "./columns";

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
  stateId: refTo("state_id", () => states.id),
  code: text("code").notNull().unique(),
  ...bilingualName,
});

export const districts = pgTable("districts", {
  id: serial("id").primaryKey(),
  divisionId: refTo("division_id", () => divisions.id),
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
  createdAt: writtenAt("created_at"),
});

/**
 * The offices that chair review meetings (Chief Secretary, Chief Minister, ACS Home…): a list the
 * secretariat keeps, so that one office is one entry however its name was once typed.
 */
export const offices = pgTable("offices", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  ...bilingualName,
  createdAt: writtenAt("created_at"),
});
