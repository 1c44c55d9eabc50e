// Administration of accounts (manage:users:any): the list, one user, create, update (name in
// both scripts, role and scope), disable, password reset; split from user.server.ts (sign-in and
// own password), which re-exports it.
import crypto from "node:crypto";
import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import type { MessageKey } from "~/i18n";
import type { UserCreateData, UserFilters, UserUpdateData } from "~/schemas/user";
import type { Viewer } from "~/utils/auth.server";
import { hashPassword } from "~/utils/password.server";
import { can } from "~/utils/permissions";
import type { DistrictRole, Role } from "../../db/schema/enums";
import { recordAudit } from "./audit.server";

export type RequestOrigin = { ip: string | null; userAgent: string | null };

// No 0/O, 1/l/I: passwords are read out over the phone and copied from paper.
const PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A password set by the system: 12 random characters in three groups (about 70 bits), e.g. "k7Qm-x3Rt-9bWz". */
export function generatePassword(): string {
  const chars = Array.from({ length: 12 }, () => PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join("")).join("-");
}

// ---------------------------------------------------------------------------------------------

/** The audit row of a change to an account, written in the change's transaction. */
function auditUser(tx: DbOrTx, viewer: Viewer, origin: RequestOrigin, action: string, userId: number, details: Record<string, unknown>) {
  return recordAudit(
    { action, actorId: viewer.id, actorUsername: viewer.username, targetType: "user", targetId: String(userId), details, ...origin },
    tx,
  );
}

function assertCanManageUsers(viewer: Viewer): void {
  if (!can(viewer.role, "manage:users:any")) throw new Response("Forbidden", { status: 403 });
}

export interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  /** The name in Devanagari; null when only the English name was given. */
  displayNameHi: string | null;
  role: Role;
  districtCode: string | null;
  districtNameEn: string | null;
  districtNameHi: string | null;
  districtRole: DistrictRole | null;
  departmentCode: string | null;
  departmentNameEn: string | null;
  departmentNameHi: string | null;
  divisionCode: string | null;
  divisionNameEn: string | null;
  divisionNameHi: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
}

const listColumns = {
  id: schema.users.id,
  username: schema.users.username,
  displayName: schema.users.displayName,
  displayNameHi: schema.users.displayNameHi,
  role: schema.users.role,
  districtCode: schema.districts.code,
  districtNameEn: schema.districts.nameEn,
  districtNameHi: schema.districts.nameHi,
  districtRole: schema.users.districtRole,
  departmentCode: schema.departments.code,
  departmentNameEn: schema.departments.nameEn,
  departmentNameHi: schema.departments.nameHi,
  divisionCode: schema.divisions.code,
  divisionNameEn: schema.divisions.nameEn,
  divisionNameHi: schema.divisions.nameHi,
  disabledAt: schema.users.disabledAt,
  mustChangePassword: schema.users.mustChangePassword,
};

function toListRow({ disabledAt, ...row }: { disabledAt: Date | null } & Omit<UserListRow, "disabled">): UserListRow {
  return { ...row, disabled: disabledAt !== null };
}

export const USER_LIST_LIMIT = 500;

/** Users for the admin list, filtered by role, district, status and a name/username search. */
export async function listUsers(viewer: Viewer, filters: UserFilters): Promise<{ users: UserListRow[]; truncated: boolean }> {
  assertCanManageUsers(viewer);
  const conditions: SQL[] = [];
  if (filters.role) conditions.push(eq(schema.users.role, filters.role));
  if (filters.district) conditions.push(eq(schema.districts.code, filters.district));
  if (filters.status === "active") conditions.push(isNull(schema.users.disabledAt));
  if (filters.status === "disabled") conditions.push(isNotNull(schema.users.disabledAt));
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(schema.users.username, pattern), ilike(schema.users.displayName, pattern), ilike(schema.users.displayNameHi, pattern))!);
  }
  const rows = await db()
    .select(listColumns)
    .from(schema.users)
    .leftJoin(schema.districts, eq(schema.districts.id, schema.users.districtId))
    .leftJoin(schema.departments, eq(schema.departments.id, schema.users.departmentId))
    .leftJoin(schema.divisions, eq(schema.divisions.id, schema.users.divisionId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(schema.users.role), asc(schema.districts.nameEn), asc(schema.users.username))
    .limit(USER_LIST_LIMIT + 1);
  return { users: rows.slice(0, USER_LIST_LIMIT).map(toListRow), truncated: rows.length > USER_LIST_LIMIT };
}

export async function getUser(viewer: Viewer, userId: number): Promise<UserListRow | null> {
  assertCanManageUsers(viewer);
  const [row] = await db()
    .select(listColumns)
    .from(schema.users)
    .leftJoin(schema.districts, eq(schema.districts.id, schema.users.districtId))
    .leftJoin(schema.departments, eq(schema.departments.id, schema.users.departmentId))
    .leftJoin(schema.divisions, eq(schema.divisions.id, schema.users.divisionId))
    .where(eq(schema.users.id, userId));
  return row ? toListRow(row) : null;
}

export interface UnitOption {
  code: string;
  nameEn: string;
  nameHi: string;
}

/** Districts and departments to choose from in the user forms. */
export async function listUnitOptions(viewer: Viewer): Promise<{ districts: UnitOption[]; departments: UnitOption[]; divisions: UnitOption[] }> {
  assertCanManageUsers(viewer);
  const unit = (t: typeof schema.districts | typeof schema.departments | typeof schema.divisions) => ({
    code: t.code,
    nameEn: t.nameEn,
    nameHi: t.nameHi,
  });
  const [districts, departments, divisions] = await Promise.all([
    db().select(unit(schema.districts)).from(schema.districts).orderBy(asc(schema.districts.nameEn)),
    db().select(unit(schema.departments)).from(schema.departments).orderBy(asc(schema.departments.nameEn)),
    db().select(unit(schema.divisions)).from(schema.divisions).orderBy(asc(schema.divisions.nameEn)),
  ]);
  return { districts, departments, divisions };
}

/** The id of the district, department or division with this code; null when there is none. */
async function idOfCode(
  executor: DbOrTx,
  table: typeof schema.districts | typeof schema.departments | typeof schema.divisions,
  code: string,
): Promise<number | null> {
  const [row] = await executor.select({ id: table.id }).from(table).where(eq(table.code, code));
  return row?.id ?? null;
}

type ScopeFieldErrors = Partial<Record<"districtCode" | "departmentCode" | "divisionCode" | "username", MessageKey>>;

/** Turns district and department codes into ids; unknown codes become field errors. */
export async function resolveScope(
  input: Pick<UserCreateData, "role" | "districtCode" | "districtRole" | "departmentCode" | "divisionCode">,
  executor: DbOrTx = db(),
): Promise<
  | {
      ok: true;
      scope: { districtId: number | null; districtRole: DistrictRole | null; departmentId: number | null; divisionId: number | null };
    }
  | { ok: false; fieldErrors: ScopeFieldErrors }
> {
  let districtId: number | null = null;
  let departmentId: number | null = null;
  let divisionId: number | null = null;
  if (input.role === "DISTRICT_OFFICER") {
    districtId = await idOfCode(executor, schema.districts, input.districtCode);
    if (districtId === null) return { ok: false, fieldErrors: { districtCode: "user.districtUnknown" } };
  }
  if (input.role === "DEPARTMENT_OFFICER") {
    departmentId = await idOfCode(executor, schema.departments, input.departmentCode);
    if (departmentId === null) return { ok: false, fieldErrors: { departmentCode: "user.departmentUnknown" } };
  }
  if (input.role === "DIVISION_OFFICER") {
    divisionId = await idOfCode(executor, schema.divisions, input.divisionCode);
    if (divisionId === null) return { ok: false, fieldErrors: { divisionCode: "user.divisionUnknown" } };
  }
  const hasSide = input.role === "DISTRICT_OFFICER" || input.role === "DIVISION_OFFICER";
  return {
    ok: true,
    scope: { districtId, districtRole: hasSide ? input.districtRole || null : null, departmentId, divisionId },
  };
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export type CreateUserResult = { ok: true; userId: number; username: string; password: string } | { ok: false; fieldErrors: ScopeFieldErrors };

/** Creates an account with a generated password, which the admin sees once and hands over. */
export async function createUser(viewer: Viewer, input: UserCreateData, origin: RequestOrigin): Promise<CreateUserResult> {
  assertCanManageUsers(viewer);
  const resolved = await resolveScope(input);
  if (!resolved.ok) return resolved;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const userId = await db().transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.users)
        .values({
          username: input.username,
          displayName: input.displayName,
          displayNameHi: input.displayNameHi || null,
          passwordHash,
          role: input.role,
          ...resolved.scope,
          mustChangePassword: true,
        })
        .returning({ id: schema.users.id });
      await auditUser(tx, viewer, origin, "user.create", created.id, { username: input.username, ...describeAccess(input) });
      return created.id;
    });
    return { ok: true, userId, username: input.username, password };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { username: "user.usernameTaken" } };
    throw error;
  }
}

function describeAccess(input: Pick<UserCreateData, "role" | "districtCode" | "districtRole" | "departmentCode">) {
  return {
    role: input.role,
    district: input.districtCode || null,
    districtRole: input.districtRole || null,
    department: input.departmentCode || null,
  };
}

export type UpdateUserResult = { ok: true } | { ok: false; fieldErrors?: ScopeFieldErrors & { role?: MessageKey }; formError?: MessageKey };

/** Name, role and scope. A change of role or scope ends the user's sessions, so it applies at once. */
export async function updateUser(viewer: Viewer, userId: number, input: UserUpdateData, origin: RequestOrigin): Promise<UpdateUserResult | null> {
  assertCanManageUsers(viewer);
  const before = await getUser(viewer, userId);
  if (!before) return null;
  if (userId === viewer.id && input.role !== before.role) {
    return { ok: false, fieldErrors: { role: "user.cannotChangeOwnRole" } };
  }
  const resolved = await resolveScope(input);
  if (!resolved.ok) return resolved;
  const after = { displayName: input.displayName, displayNameHi: input.displayNameHi || null, ...describeAccess(input) };
  const previous = {
    displayName: before.displayName,
    displayNameHi: before.displayNameHi,
    role: before.role,
    district: before.districtCode,
    districtRole: before.districtRole,
    department: before.departmentCode,
  };
  const changes = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((key) => after[key] !== previous[key])
      .map((key) => [key, { from: previous[key], to: after[key] }]),
  );
  if (Object.keys(changes).length === 0) return { ok: true };
  const accessChanged = Object.keys(changes).some((key) => key !== "displayName" && key !== "displayNameHi");
  await db().transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ displayName: input.displayName, displayNameHi: input.displayNameHi || null, role: input.role, ...resolved.scope, updatedAt: new Date() })
      .where(eq(schema.users.id, userId));
    if (accessChanged) await tx.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
    await auditUser(tx, viewer, origin, "user.update", userId, { username: before.username, changes });
  });
  return { ok: true };
}

export type DisableResult = { ok: true } | { ok: false; formError: MessageKey };

/** Disabling ends every session of the user at once; enabling lets them sign in again. */
export async function setUserDisabled(viewer: Viewer, userId: number, disabled: boolean, origin: RequestOrigin): Promise<DisableResult | null> {
  assertCanManageUsers(viewer);
  if (disabled && userId === viewer.id) return { ok: false, formError: "user.cannotDisableSelf" };
  const target = await getUser(viewer, userId);
  if (!target) return null;
  if (target.disabled === disabled) return { ok: true };
  await db().transaction(async (tx) => {
    await tx
      .update(schema.users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(schema.users.id, userId));
    if (disabled) await tx.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
    await auditUser(tx, viewer, origin, disabled ? "user.disable" : "user.enable", userId, { username: target.username });
  });
  return { ok: true };
}

/**
 * Sets a new generated password, returned once for the admin to hand over; the user must
 * choose their own at the next sign-in, and their current sessions end.
 */
export async function resetUserPassword(viewer: Viewer, userId: number, origin: RequestOrigin): Promise<string | null> {
  assertCanManageUsers(viewer);
  const target = await getUser(viewer, userId);
  if (!target) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db().transaction(async (tx) => {
    await tx.update(schema.users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(schema.users.id, userId));
    await tx.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
    await auditUser(tx, viewer, origin, "user.password_reset", userId, { username: target.username });
  });
  return password;
}

/** Usernames among `usernames` that already exist (for the import's checks). */
export async function existingUsernames(usernames: string[], executor: DbOrTx = db()): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await executor.select({ username: schema.users.username }).from(schema.users).where(inArray(schema.users.username, usernames));
  return new Set(rows.map((r) => r.username));
}
