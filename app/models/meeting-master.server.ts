// The master data the meeting editor lists: chair offices, series, divisions, districts,
// departments and categories (the codes the editor's values are checked against).
import { asc, eq } from "drizzle-orm";
import { db, schema, type DbOrTx } from "~/db.server";
import { listOffices, listSeries } from "./series.server";

export interface MasterData {
  /** Chair offices and meeting series (the editor's lists; app/models/series.server.ts keeps them). */
  offices: { code: string; nameEn: string; nameHi: string }[];
  series: { code: string; nameEn: string; nameHi: string; officeCode: string }[];
  divisions: { code: string; nameEn: string; nameHi: string }[];
  districts: { code: string; nameEn: string; nameHi: string; divisionCode: string }[];
  departments: { code: string; nameEn: string; nameHi: string }[];
  categories: { code: string; nameEn: string; nameHi: string }[];
}

/** Divisions, districts, departments and categories, in the order the editor lists them. */
export async function getMasterData(executor: DbOrTx = db()): Promise<MasterData> {
  const [offices, series, divisions, districts, departments, categories] = await Promise.all([
    listOffices(executor),
    listSeries({ role: "SECRETARIAT" }, executor).then((list) =>
      list.map((s) => ({ code: s.code, nameEn: s.nameEn, nameHi: s.nameHi, officeCode: s.officeCode })),
    ),
    executor
      .select({ code: schema.divisions.code, nameEn: schema.divisions.nameEn, nameHi: schema.divisions.nameHi })
      .from(schema.divisions)
      .orderBy(asc(schema.divisions.nameEn)),
    executor
      .select({
        code: schema.districts.code,
        nameEn: schema.districts.nameEn,
        nameHi: schema.districts.nameHi,
        divisionCode: schema.divisions.code,
      })
      .from(schema.districts)
      .innerJoin(schema.divisions, eq(schema.divisions.id, schema.districts.divisionId))
      .orderBy(asc(schema.districts.nameEn)),
    executor
      .select({ code: schema.departments.code, nameEn: schema.departments.nameEn, nameHi: schema.departments.nameHi })
      .from(schema.departments)
      .orderBy(asc(schema.departments.nameEn)),
    executor
      .select({ code: schema.categories.code, nameEn: schema.categories.nameEn, nameHi: schema.categories.nameHi })
      .from(schema.categories)
      .orderBy(asc(schema.categories.nameEn)),
  ]);
  return { offices, series, divisions, districts, departments, categories };
}

export function masterCodes(master: MasterData) {
  return {
    districts: master.districts.map((d) => d.code),
    divisions: master.divisions.map((d) => d.code),
    departments: master.departments.map((d) => d.code),
    categories: master.categories.map((c) => c.code),
    offices: master.offices.map((o) => o.code),
    series: master.series.map((s) => s.code),
  };
}
