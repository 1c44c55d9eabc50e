// Small builders for test data: createX(overrides, db). They write real rows through drizzle.
import { eq } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client.server";
import { importDepartmentsAndCategories, importStateMasterData } from "../../db/import";
import * as schema from "../../db/schema";
import type { ActionStatus, DistrictRole, Role } from "../../db/schema";
import departmentsJson from "../../db/seed-data/departments.json";
import meetingsJson from "../../db/seed-data/meetings.json";
import rajasthanJson from "../../db/seed-data/rajasthan.json";
import { hashPassword } from "~/utils/password.server";

export const TEST_PASSWORD = "test-password-1";
let cachedHash: string | undefined;

/** Rajasthan's divisions and districts, the departments and the categories. */
export async function importRajasthan(db: DbOrTx) {
  await importStateMasterData(db, rajasthanJson as never);
  await importDepartmentsAndCategories(db, departmentsJson as never, meetingsJson.categories as never);
}

export async function districtByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(schema.districts).where(eq(schema.districts.code, code));
  if (!row) throw new Error(`no district ${code}`);
  return row;
}

export async function departmentByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(schema.departments).where(eq(schema.departments.code, code));
  if (!row) throw new Error(`no department ${code}`);
  return row;
}

let userCounter = 0;
export async function createUser(
  db: DbOrTx,
  overrides: Partial<typeof schema.users.$inferInsert> & { role: Role; districtCode?: string; departmentCode?: string; divisionCode?: string },
) {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const { districtCode, departmentCode, divisionCode, ...rest } = overrides;
  const divisionId = divisionCode ? (await db.select().from(schema.divisions).where(eq(schema.divisions.code, divisionCode)))[0].id : rest.divisionId;
  const districtId = districtCode ? (await districtByCode(db, districtCode)).id : rest.districtId;
  const departmentId = departmentCode ? (await departmentByCode(db, departmentCode)).id : rest.departmentId;
  userCounter += 1;
  const [user] = await db
    .insert(schema.users)
    .values({
      username: `user${userCounter}.${Date.now().toString(36)}`,
      displayName: `Test user ${userCounter}`,
      passwordHash: cachedHash,
      districtRole: rest.role === "DISTRICT_OFFICER" ? ("COLLECTOR" as DistrictRole) : null,
      ...rest,
      districtId,
      departmentId,
      divisionId,
    })
    .returning();
  return user;
}

/**
 * The officer each item is assigned to, made on first need: one user per district × role or
 * department. Each call gives its own cache, for one test file's database.
 */
export function itemOfficers(db: () => DbOrTx) {
  const officers = new Map<string, Awaited<ReturnType<typeof createUser>>>();
  return async (item: typeof schema.actionItems.$inferSelect) => {
    const key = `${item.districtId}/${item.districtRole}/${item.departmentId}`;
    let officer = officers.get(key);
    if (!officer) {
      officer = item.departmentId
        ? await createUser(db(), { role: "DEPARTMENT_OFFICER", departmentId: item.departmentId })
        : await createUser(db(), { role: "DISTRICT_OFFICER", districtId: item.districtId, districtRole: item.districtRole });
      officers.set(key, officer);
    }
    return officer;
  };
}

export interface ItemSpec {
  districtCode?: string;
  districtRole?: DistrictRole;
  departmentCode?: string;
  status?: ActionStatus;
  dueDate?: string | null;
}

/**
 * A published meeting with one directive and the given action items (each with its CREATED
 * history row). For tests that need items without going through the meeting editor.
 */
export async function createPublishedMeeting(
  db: Database,
  options: { meetingDate?: string; dueDate?: string | null; items: ItemSpec[]; titleEn?: string; categoryCode?: string },
) {
  const meetingDate = options.meetingDate ?? "2024-01-10";
  return db.transaction(async (tx) => {
    const [category] = await tx
      .select()
      .from(schema.categories)
      .where(eq(schema.categories.code, options.categoryCode ?? "CYBER"));
    const [meeting] = await tx
      .insert(schema.meetings)
      .values({
        titleEn: options.titleEn ?? "Test review meeting",
        titleHi: "परीक्षण समीक्षा बैठक",
        meetingDate,
        status: "PUBLISHED",
        publishedAt: new Date(`${meetingDate}T11:30:00Z`),
      })
      .returning();
    const [directive] = await tx
      .insert(schema.directives)
      .values({
        meetingId: meeting.id,
        number: 1,
        textEn: "Publicise the cyber helpline 1930",
        textHi: "साइबर हेल्पलाइन 1930 का प्रचार करें",
        categoryId: category?.id,
        dueDate: options.dueDate === undefined ? "2024-02-10" : options.dueDate,
      })
      .returning();
    const items = [];
    for (const spec of options.items) {
      const district = spec.districtCode ? await districtByCode(tx, spec.districtCode) : null;
      const department = spec.departmentCode ? await departmentByCode(tx, spec.departmentCode) : null;
      const dueDate = spec.dueDate === undefined ? directive.dueDate : spec.dueDate;
      const [item] = await tx
        .insert(schema.actionItems)
        .values({
          directiveId: directive.id,
          meetingId: meeting.id,
          districtId: district?.id ?? null,
          divisionId: district?.divisionId ?? null,
          districtRole: district ? (spec.districtRole ?? "COLLECTOR") : null,
          departmentId: department?.id ?? null,
          status: spec.status ?? "PENDING",
          dueDate,
          originalDueDate: dueDate,
          createdAt: meeting.publishedAt!,
          updatedAt: meeting.publishedAt!,
        })
        .returning();
      await tx.insert(schema.actionItemHistory).values({
        actionItemId: item.id,
        at: meeting.publishedAt!,
        kind: "CREATED",
        toStatus: "PENDING",
        version: 1,
      });
      items.push(item);
    }
    return { meeting, directive, items };
  });
}
