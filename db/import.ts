import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { closeDatabase, getDatabaseHandle, type DbOrTx } from "./client.server";
import { runMigrations } from "./migrate";
import { categories, departments, districts, divisions, states } from "./schema";

// ---------------------------------------------------------------------------------------------
// File formats
// ---------------------------------------------------------------------------------------------

const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]*$/, "a code is upper-case letters, digits and _ (e.g. JAIPUR)");

const bilingualNameSchema = z.object({
  en: z.string().trim().min(1, "the English name is empty"),
  hi: z.string().trim().min(1, "the Hindi name is empty"),
});

const namedEntrySchema = z.object({ code: codeSchema, name: bilingualNameSchema });

function refineUniqueCodes(entries: { code: string }[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const { code } of entries) {
    if (seen.has(code)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} code ${code} appears twice` });
    seen.add(code);
  }
}

/** A state's master data, e.g. db/seed-data/rajasthan.json. */
export const stateFileSchema = z
  .object({
    code: codeSchema,
    name: bilingualNameSchema,
    note: z.string().optional(),
    divisions: z
      .array(namedEntrySchema.extend({ districts: z.array(namedEntrySchema).min(1, "a division has no districts") }))
      .min(1, "the state has no divisions"),
  })
  .superRefine((state, ctx) => {
    refineUniqueCodes(state.divisions, "division", ctx);
    refineUniqueCodes(
      state.divisions.flatMap((d) => d.districts),
      "district",
      ctx,
    );
  });
export type StateMasterData = z.infer<typeof stateFileSchema>;

/** db/seed-data/departments.json; its officer roles are fixed enums and are not imported. */
export const departmentsFileSchema = z
  .object({
    note: z.string().optional(),
    departments: z.array(namedEntrySchema).min(1, "no departments"),
  })
  .passthrough()
  .superRefine((file, ctx) => refineUniqueCodes(file.departments, "department", ctx));
export type DepartmentsFile = z.infer<typeof departmentsFileSchema>;

/** The "categories" list of db/seed-data/meetings.json. */
export const categoriesSchema = z.array(namedEntrySchema).superRefine((list, ctx) => refineUniqueCodes(list, "category", ctx));
export type CategoryEntry = z.infer<typeof categoriesSchema>[number];

// ---------------------------------------------------------------------------------------------
// Upserts
// ---------------------------------------------------------------------------------------------

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface StateImportResult {
  stateId: number;
  state: ImportCounts;
  divisions: ImportCounts;
  districts: ImportCounts;
  /** Ids by code, for callers that go on to insert rows referring to them. */
  divisionIds: Map<string, number>;
  districtIds: Map<string, number>;
}

export interface DepartmentsImportResult {
  departments: ImportCounts;
  categories: ImportCounts;
  departmentIds: Map<string, number>;
  categoryIds: Map<string, number>;
}

interface CodedRow {
  id: number;
  code: string;
}

/**
 * ON CONFLICT (code) DO UPDATE of the given columns, but only where a value differs, so that
 * re-importing an unchanged file writes nothing and RETURNING lists only real changes.
 */
function updateWhenChanged(columns: Record<string, PgColumn>): { set: Record<string, SQL>; setWhere: SQL } {
  const incoming = (column: PgColumn) => sql.raw(`excluded."${column.name}"`);
  const list = Object.values(columns);
  return {
    set: Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, incoming(column)])),
    setWhere: sql`(${sql.join(list, sql`, `)}) IS DISTINCT FROM (${sql.join(list.map(incoming), sql`, `)})`,
  };
}

/**
 * Runs one table's upsert and classifies every row: codes that did not exist before were
 * inserted, other codes the upsert returned were updated, the rest were left unchanged.
 */
async function upsertByCode<R extends { code: string }>(
  rows: R[],
  findExisting: (codes: string[]) => Promise<CodedRow[]>,
  upsert: (rows: R[]) => Promise<{ code: string }[]>,
): Promise<{ counts: ImportCounts; ids: Map<string, number> }> {
  if (rows.length === 0) return { counts: { inserted: 0, updated: 0, unchanged: 0 }, ids: new Map() };
  const codes = rows.map((r) => r.code);
  const before = new Set((await findExisting(codes)).map((r) => r.code));
  const written = await upsert(rows);
  const inserted = written.filter((r) => !before.has(r.code)).length;
  const updated = written.length - inserted;
  const ids = new Map((await findExisting(codes)).map((r) => [r.code, r.id]));
  return { counts: { inserted, updated, unchanged: rows.length - written.length }, ids };
}

/** Upserts the state, its divisions and its districts by code. Districts removed from the file are kept. */
export async function importStateMasterData(db: DbOrTx, data: StateMasterData): Promise<StateImportResult> {
  const state = await upsertByCode(
    [{ code: data.code, nameEn: data.name.en, nameHi: data.name.hi }],
    (codes) => db.select({ id: states.id, code: states.code }).from(states).where(inArray(states.code, codes)),
    (rows) =>
      db
        .insert(states)
        .values(rows)
        .onConflictDoUpdate({
          target: states.code,
          ...updateWhenChanged({ nameEn: states.nameEn, nameHi: states.nameHi }),
        })
        .returning({ code: states.code }),
  );
  const stateId = state.ids.get(data.code)!;

  const division = await upsertByCode(
    data.divisions.map((d) => ({ code: d.code, nameEn: d.name.en, nameHi: d.name.hi, stateId })),
    (codes) => db.select({ id: divisions.id, code: divisions.code }).from(divisions).where(inArray(divisions.code, codes)),
    (rows) =>
      db
        .insert(divisions)
        .values(rows)
        .onConflictDoUpdate({
          target: divisions.code,
          ...updateWhenChanged({ nameEn: divisions.nameEn, nameHi: divisions.nameHi, stateId: divisions.stateId }),
        })
        .returning({ code: divisions.code }),
  );

  const district = await upsertByCode(
    data.divisions.flatMap((d) =>
      d.districts.map((x) => ({
        code: x.code,
        nameEn: x.name.en,
        nameHi: x.name.hi,
        divisionId: division.ids.get(d.code)!,
      })),
    ),
    (codes) => db.select({ id: districts.id, code: districts.code }).from(districts).where(inArray(districts.code, codes)),
    (rows) =>
      db
        .insert(districts)
        .values(rows)
        .onConflictDoUpdate({
          target: districts.code,
          ...updateWhenChanged({
            nameEn: districts.nameEn,
            nameHi: districts.nameHi,
            divisionId: districts.divisionId,
          }),
        })
        .returning({ code: districts.code }),
  );

  return {
    stateId,
    state: state.counts,
    divisions: division.counts,
    districts: district.counts,
    divisionIds: division.ids,
    districtIds: district.ids,
  };
}

/** Upserts the state departments and the directive categories by code. */
export async function importDepartmentsAndCategories(
  db: DbOrTx,
  departmentsJson: Pick<DepartmentsFile, "departments">,
  categoriesFromMeetingsJson: CategoryEntry[],
): Promise<DepartmentsImportResult> {
  const department = await upsertByCode(
    departmentsJson.departments.map((d) => ({ code: d.code, nameEn: d.name.en, nameHi: d.name.hi })),
    (codes) => db.select({ id: departments.id, code: departments.code }).from(departments).where(inArray(departments.code, codes)),
    (rows) =>
      db
        .insert(departments)
        .values(rows)
        .onConflictDoUpdate({
          target: departments.code,
          ...updateWhenChanged({ nameEn: departments.nameEn, nameHi: departments.nameHi }),
        })
        .returning({ code: departments.code }),
  );
  const category = await upsertByCode(
    categoriesFromMeetingsJson.map((c) => ({ code: c.code, nameEn: c.name.en, nameHi: c.name.hi })),
    (codes) => db.select({ id: categories.id, code: categories.code }).from(categories).where(inArray(categories.code, codes)),
    (rows) =>
      db
        .insert(categories)
        .values(rows)
        .onConflictDoUpdate({
          target: categories.code,
          ...updateWhenChanged({ nameEn: categories.nameEn, nameHi: categories.nameHi }),
        })
        .returning({ code: categories.code }),
  );
  return {
    departments: department.counts,
    categories: category.counts,
    departmentIds: department.ids,
    categoryIds: category.ids,
  };
}

/** The districts of one state with their division, in id order. */
export async function loadStateDistricts(db: DbOrTx, stateCode: string) {
  return db
    .select({ id: districts.id, code: districts.code, nameEn: districts.nameEn, nameHi: districts.nameHi, divisionId: districts.divisionId })
    .from(districts)
    .innerJoin(divisions, eq(divisions.id, districts.divisionId))
    .innerJoin(states, and(eq(states.id, divisions.stateId), eq(states.code, stateCode)))
    .orderBy(districts.id);
}

// ---------------------------------------------------------------------------------------------
// Command line: npm run db:import -- <file.json>
// ---------------------------------------------------------------------------------------------

export class ImportFileError extends Error {}

/** Lines like "divisions[2].districts[0].name.hi: the Hindi name is empty". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.reduce<string>(
        (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)),
        "",
      );
      return `  ${where || "(file)"}: ${issue.message}`;
    })
    .join("\n");
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (!result.success) throw new ImportFileError(`${file} is not valid:\n${describeZodError(result.error)}`);
  return result.data;
}

type ImportFile =
  { kind: "state"; data: StateMasterData } | { kind: "departments"; data: DepartmentsFile } | { kind: "categories"; data: CategoryEntry[] };

/** Reads a state file, departments.json, or any file with a "categories" list (meetings.json). */
export function readImportFile(file: string): ImportFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new ImportFileError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const keys = json && typeof json === "object" && !Array.isArray(json) ? Object.keys(json) : [];
  if (keys.includes("divisions")) return { kind: "state", data: parseWith(stateFileSchema, json, file) };
  if (keys.includes("departments")) return { kind: "departments", data: parseWith(departmentsFileSchema, json, file) };
  if (keys.includes("categories")) {
    const categoriesOnly = z.object({ categories: categoriesSchema }).passthrough();
    return { kind: "categories", data: parseWith(categoriesOnly, json, file).categories };
  }
  throw new ImportFileError(
    `${file} is not an import file: expected a state's master data ({ "code", "name", "divisions": [...] }), ` +
      `departments.json ({ "departments": [...] }) or a file with a "categories" list.`,
  );
}

function formatCounts(label: string, counts: ImportCounts): string {
  return `  ${label.padEnd(12)} inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged}`;
}

async function main(file: string | undefined): Promise<void> {
  if (!file) throw new ImportFileError("Usage: npm run db:import -- <file.json>   (e.g. db/seed-data/rajasthan.json)");
  const input = readImportFile(file);
  const handle = getDatabaseHandle();
  await runMigrations(handle);
  const lines = await handle.db.transaction(async (tx) => {
    if (input.kind === "state") {
      const result = await importStateMasterData(tx, input.data);
      return [
        `Imported ${input.data.name.en} (${input.data.code}) into ${handle.location}`,
        formatCounts("state", result.state),
        formatCounts("divisions", result.divisions),
        formatCounts("districts", result.districts),
      ];
    }
    const result =
      input.kind === "departments"
        ? await importDepartmentsAndCategories(tx, input.data, [])
        : await importDepartmentsAndCategories(tx, { departments: [] }, input.data);
    return [
      `Imported ${file} into ${handle.location}`,
      input.kind === "departments" ? formatCounts("departments", result.departments) : formatCounts("categories", result.categories),
    ];
  });
  console.log(lines.join("\n"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv[2])
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
