import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, serial, text } from "drizzle-orm/pg-core";
import { districtRoleEnum, roleEnum } from "./enums";
import { departments, districts, divisions } from "./master";
import { refTo, optionalRef, moment, writtenAt } from "./columns";

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
    districtId: optionalRef("district_id", () => districts.id),
    districtRole: districtRoleEnum("district_role"),
    departmentId: optionalRef("department_id", () => departments.id),
    /** A division officer's division; their side is districtRole (COLLECTOR: Commissioner, SP: IG). */
    divisionId: optionalRef("division_id", () => divisions.id),
    disabledAt: moment("disabled_at"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: writtenAt("created_at"),
    updatedAt: writtenAt("updated_at"),
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
    userId: refTo("user_id", () => users.id, { onDelete: "cascade" }),
    createdAt: writtenAt("created_at"),
    lastSeenAt: writtenAt("last_seen_at"),
    /** Absolute expiry, fixed at sign-in. The idle limit is checked against lastSeenAt. */
    expiresAt: moment("expires_at").notNull(),
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
    attemptedAt: writtenAt("attempted_at"),
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
