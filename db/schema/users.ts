import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { districtRoleEnum, roleEnum } from "./enums";
import { departments, districts, divisions } from "./master";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Always stored lower-case; sign-in compares lower-case. */
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    /** The name in Devanagari, shown on Hindi pages; the display name when absent. */
    displayNameHi: text("display_name_hi"),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    districtId: integer("district_id").references(() => districts.id),
    districtRole: districtRoleEnum("district_role"),
    departmentId: integer("department_id").references(() => departments.id),
    /** A division officer's division; their side is districtRole (COLLECTOR: Commissioner, SP: IG). */
    divisionId: integer("division_id").references(() => divisions.id),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A district officer is exactly one district and one role; a department officer one department;
    // a division officer one division and one side. (::text: the migration that added the role
    // cannot compare with the new enum value inside its own transaction.)
    check(
      "users_scope_matches_role",
      sql`(${t.role} <> 'DISTRICT_OFFICER' OR (${t.districtId} IS NOT NULL AND ${t.districtRole} IS NOT NULL))
      AND (${t.role} <> 'DEPARTMENT_OFFICER' OR ${t.departmentId} IS NOT NULL)
      AND (${t.role}::text <> 'DIVISION_OFFICER' OR (${t.divisionId} IS NOT NULL AND ${t.districtRole} IS NOT NULL))`,
    ),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token, so a leaked table does not leak live sessions. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Absolute expiry, fixed at sign-in. The idle limit is checked against lastSeenAt. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Sign-in attempts, kept in the database so the rate limit holds across server processes. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ip: text("ip").notNull(),
    username: text("username").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Only failures count towards the limit, so only failures need to be found fast.
    index("login_attempts_ip_failed_idx")
      .on(t.ip, t.attemptedAt)
      .where(sql`NOT ${t.succeeded}`),
    index("login_attempts_username_failed_idx")
      .on(t.username, t.attemptedAt)
      .where(sql`NOT ${t.succeeded}`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
