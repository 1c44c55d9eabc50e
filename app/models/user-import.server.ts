import { db, schema } from "~/db.server";
import type { MessageKey } from "~/i18n";
import { userCreateSchema, type UserCreateData } from "~/schemas/user";
import { IMPORT_HEADER, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "~/schemas/user-import";
import type { Viewer } from "~/utils/auth.server";
import { hashPassword } from "~/utils/password.server";
import { can } from "~/utils/permissions";
import { recordAudit } from "./audit.server";
import { existingUsernames, generatePassword, isUniqueViolation, type RequestOrigin } from "./user.server";

// Bulk creation of accounts from a CSV file, all or nothing: every row is checked first, and
// only a file without a single error is written, in one transaction.

export { IMPORT_HEADER, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS };

export interface ImportMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}
export interface ImportLineError {
  /** The line of the file where the row starts (the header is line 1). */
  line: number;
  messages: ImportMessage[];
}
export interface ImportedUser {
  line: number;
  displayName: string;
  /** The name in Devanagari ("" when the file has no name_hi column or the cell is empty). */
  displayNameHi: string;
  username: string;
  role: UserCreateData["role"];
  districtCode: string;
  districtRole: UserCreateData["districtRole"];
  departmentCode: string;
  divisionCode: string;
  password: string;
}
export type ImportResult = { ok: true; created: ImportedUser[] } | { ok: false; errors: ImportLineError[] };

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks)
// ---------------------------------------------------------------------------------------------

export interface CsvRecord {
  line: number;
  cells: string[];
}

export function parseCsv(text: string): { records: CsvRecord[]; unclosedQuoteAt: number | null } {
  const input = text.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteStartLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      quoteStartLine = line;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      endRecord();
      if (ch === "\r" && input[i + 1] === "\n") i++;
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) return { records, unclosedQuoteAt: quoteStartLine };
  if (cell !== "" || cells.length > 0) endRecord();
  return { records, unclosedQuoteAt: null };
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

type Column = "name" | "nameHi" | "username" | "role" | "code" | "districtRole";

/** Header names accepted for each column (compared lower-case, spaces and dashes as _). */
const COLUMN_NAMES: Record<Column, string[]> = {
  name: ["name", "display_name", "full_name"],
  nameHi: ["name_hi", "display_name_hi", "hindi_name"],
  username: ["username", "user_name", "login"],
  role: ["role"],
  code: ["code", "district_or_department", "district_or_department_code", "district", "department", "unit"],
  districtRole: ["district_role", "post"],
};
const REQUIRED_COLUMNS: Column[] = ["name", "username", "role"];

function columnIndexes(header: string[]): { indexes: Partial<Record<Column, number>>; missing: Column[] } {
  const normalised = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const indexes: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    const at = normalised.findIndex((h) => COLUMN_NAMES[column].includes(h));
    if (at >= 0) indexes[column] = at;
  }
  return { indexes, missing: REQUIRED_COLUMNS.filter((c) => indexes[c] === undefined) };
}

const FIELD_OF_ISSUE: Record<string, MessageKey> = {
  displayName: "import.colName",
  displayNameHi: "import.colNameHi",
  username: "import.colUsername",
  role: "import.colRole",
  districtCode: "import.colCode",
  departmentCode: "import.colCode",
  divisionCode: "import.colCode",
  districtRole: "import.colDistrictRole",
};

/** Checks one data row; returns the parsed user or the row's messages. */
function checkRow(cells: string[], indexes: Partial<Record<Column, number>>) {
  const get = (column: Column) => {
    const at = indexes[column];
    return at === undefined ? "" : (cells[at] ?? "").trim();
  };
  const role = get("role")
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  const code = get("code");
  const districtRole = get("districtRole").toUpperCase();
  const messages: ImportMessage[] = [];
  // A division officer's row names the division in the code column and the side (COLLECTOR: Commissioner, SP: IG) as its post.
  const division = role === "DIVISION_OFFICER";
  if (code && role !== "DISTRICT_OFFICER" && role !== "DEPARTMENT_OFFICER" && !division && role !== "") {
    messages.push({ key: "import.codeNotAllowed" });
  }
  if (districtRole && role !== "DISTRICT_OFFICER" && !division && role !== "") {
    messages.push({ key: "import.districtRoleNotAllowed" });
  }
  const parsed = userCreateSchema.safeParse({
    displayName: get("name"),
    displayNameHi: get("nameHi"),
    username: get("username"),
    role,
    districtCode: role === "DISTRICT_OFFICER" ? code : "",
    districtRole: role === "DISTRICT_OFFICER" || division ? districtRole : "",
    departmentCode: role === "DEPARTMENT_OFFICER" ? code : "",
    divisionCode: division ? code : "",
  });
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      // One message per column: an empty username need not also be told its pattern.
      if (reported.has(field)) continue;
      reported.add(field);
      messages.push({ key: "import.fieldError", params: { field: FIELD_OF_ISSUE[field] ?? field, message: issue.message } });
    }
    return { ok: false as const, messages };
  }
  return messages.length > 0 ? { ok: false as const, messages } : { ok: true as const, user: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

type CheckedUser = { line: number; user: UserCreateData };
type UnitIds = { districtIds: Map<string, number>; divisionIds: Map<string, number>; departmentIds: Map<string, number> };

/**
 * Checks every row of the CSV and, only if all are valid, creates the accounts with generated
 * passwords in one transaction. The passwords are returned once, for the admin to hand over.
 */
export async function importUsersFromCsv(viewer: Viewer, text: string, origin: RequestOrigin): Promise<ImportResult> {
  if (!can(viewer.role, "manage:users:any")) throw new Response("Forbidden", { status: 403 });
  const file = readFile(text);
  if (!file.ok) return file;
  const { errors, valid } = checkRows(file.rows, file.indexes);
  const known = await checkAgainstDatabase(valid);
  errors.push(...known.errors);
  if (errors.length > 0) return { ok: false, errors: mergeByLine(errors) };

  // argon2 runs on libuv's thread pool, so hashing in parallel uses every core.
  const created: ImportedUser[] = await Promise.all(valid.map(async ({ line, user }) => ({ line, ...user, password: generatePassword() })));
  const hashes = await Promise.all(created.map((u) => hashPassword(u.password)));
  try {
    await insertAccounts(viewer, created, hashes, known.ids, origin);
  } catch (error) {
    // Someone created one of these usernames between the check and the insert.
    if (isUniqueViolation(error)) {
      const nowTaken = await existingUsernames(created.map((u) => u.username));
      return {
        ok: false,
        errors: created
          .filter((u) => nowTaken.has(u.username))
          .map((u) => ({ line: u.line, messages: [{ key: "import.usernameExists" as const, params: { username: u.username } }] })),
      };
    }
    throw error;
  }
  return { ok: true, created };
}

/** The file as a header and rows, or the one error that stops reading it (quotes, empty, columns, size). */
function readFile(
  text: string,
): { ok: true; rows: CsvRecord[]; indexes: Partial<Record<Column, number>> } | { ok: false; errors: ImportLineError[] } {
  const { records, unclosedQuoteAt } = parseCsv(text);
  if (unclosedQuoteAt !== null) return { ok: false, errors: [{ line: unclosedQuoteAt, messages: [{ key: "import.badQuotes" }] }] };
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { ok: false, errors: [{ line: header?.line ?? 1, messages: [{ key: "import.empty" }] }] };
  const { indexes, missing } = columnIndexes(header.cells);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ line: header.line, messages: missing.map((column) => ({ key: "import.missingColumn", params: { column } })) }],
    };
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    return { ok: false, errors: [{ line: rows[IMPORT_MAX_ROWS].line, messages: [{ key: "import.tooManyRows", params: { max: IMPORT_MAX_ROWS } }] }] };
  }
  return { ok: true, rows, indexes };
}

/** Each row on its own, and usernames repeated within the file. */
function checkRows(rows: CsvRecord[], indexes: Partial<Record<Column, number>>): { errors: ImportLineError[]; valid: CheckedUser[] } {
  const errors: ImportLineError[] = [];
  const valid: CheckedUser[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const checked = checkRow(row.cells, indexes);
    const messages = checked.ok ? [] : checked.messages;
    if (checked.ok) {
      const earlier = firstLineOf.get(checked.user.username);
      if (earlier !== undefined) {
        messages.push({ key: "import.duplicateInFile", params: { username: checked.user.username, line: earlier } });
      } else {
        firstLineOf.set(checked.user.username, row.line);
        valid.push({ line: row.line, user: checked.user });
      }
    }
    if (messages.length > 0) errors.push({ line: row.line, messages });
  }
  return { errors, valid };
}

/** Codes and usernames against the database, in four queries whatever the file's size. */
async function checkAgainstDatabase(valid: CheckedUser[]): Promise<{ errors: ImportLineError[]; ids: UnitIds }> {
  const [districts, departments, divisions, taken] = await Promise.all([
    db().select({ id: schema.districts.id, code: schema.districts.code }).from(schema.districts),
    db().select({ id: schema.departments.id, code: schema.departments.code }).from(schema.departments),
    db().select({ id: schema.divisions.id, code: schema.divisions.code }).from(schema.divisions),
    existingUsernames(valid.map((v) => v.user.username)),
  ]);
  const districtIds = new Map(districts.map((d) => [d.code, d.id]));
  const divisionIds = new Map(divisions.map((d) => [d.code, d.id]));
  const departmentIds = new Map(departments.map((d) => [d.code, d.id]));
  const errors: ImportLineError[] = [];
  for (const { line, user } of valid) {
    const messages: ImportMessage[] = [];
    if (taken.has(user.username)) messages.push({ key: "import.usernameExists", params: { username: user.username } });
    if (user.role === "DISTRICT_OFFICER" && !districtIds.has(user.districtCode)) {
      messages.push({ key: "import.districtUnknown", params: { code: user.districtCode } });
    }
    if (user.role === "DEPARTMENT_OFFICER" && !departmentIds.has(user.departmentCode)) {
      messages.push({ key: "import.departmentUnknown", params: { code: user.departmentCode } });
    }
    if (user.role === "DIVISION_OFFICER" && !divisionIds.has(user.divisionCode)) {
      messages.push({ key: "import.divisionUnknown", params: { code: user.divisionCode } });
    }
    if (messages.length > 0) errors.push({ line, messages });
  }
  return { errors, ids: { districtIds, divisionIds, departmentIds } };
}

/** Errors in line order; one line may have failed both checks: merge them. */
function mergeByLine(errors: ImportLineError[]): ImportLineError[] {
  errors.sort((a, b) => a.line - b.line);
  const merged: ImportLineError[] = [];
  for (const error of errors) {
    const last = merged[merged.length - 1];
    if (last && last.line === error.line) last.messages.push(...error.messages);
    else merged.push({ line: error.line, messages: [...error.messages] });
  }
  return merged;
}

/** The accounts, an audit row for each and one for the import, in one transaction. */
async function insertAccounts(viewer: Viewer, created: ImportedUser[], hashes: string[], ids: UnitIds, origin: RequestOrigin) {
  const { districtIds, divisionIds, departmentIds } = ids;
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(schema.users)
      .values(
        created.map((u, i) => ({
          username: u.username,
          displayName: u.displayName,
          displayNameHi: u.displayNameHi || null,
          passwordHash: hashes[i],
          role: u.role,
          districtId: u.role === "DISTRICT_OFFICER" ? districtIds.get(u.districtCode)! : null,
          districtRole: (u.role === "DISTRICT_OFFICER" || u.role === "DIVISION_OFFICER") && u.districtRole ? u.districtRole : null,
          departmentId: u.role === "DEPARTMENT_OFFICER" ? departmentIds.get(u.departmentCode)! : null,
          divisionId: u.role === "DIVISION_OFFICER" ? divisionIds.get(u.divisionCode)! : null,
          mustChangePassword: true,
        })),
      )
      .returning({ id: schema.users.id, username: schema.users.username });
    await tx.insert(schema.auditLog).values(
      inserted.map((u) => ({
        action: "user.create",
        actorId: viewer.id,
        actorUsername: viewer.username,
        targetType: "user",
        targetId: String(u.id),
        details: { username: u.username, via: "csv-import" },
        ...origin,
      })),
    );
    await recordAudit(
      {
        action: "user.import",
        actorId: viewer.id,
        actorUsername: viewer.username,
        targetType: "user",
        details: { created: inserted.length },
        ...origin,
      },
      tx,
    );
  });
}

/** The created accounts with their one-time passwords, as a CSV the admin can download. */
export function passwordsCsv(
  users: Pick<ImportedUser, "displayName" | "username" | "role" | "districtCode" | "districtRole" | "departmentCode" | "divisionCode" | "password">[],
): string {
  const quote = (value: string) => {
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    "name,username,role,district_or_department,district_role,password",
    ...users.map((u) =>
      [u.displayName, u.username, u.role, u.districtCode || u.departmentCode || u.divisionCode, u.districtRole, u.password].map(quote).join(","),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
