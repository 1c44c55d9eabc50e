// `npm run user:create -- --username admin --name "System administrator"`: creates a user from the
// command line — on a new deployment, the first administrator, who then creates everyone else
// at /admin/users. The database is migrated first, so this works on an empty one. The password
// is generated, printed once, and must be changed at the first sign-in.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generatePassword, isUniqueViolation, resolveScope } from "../app/models/user.server";
import { userCreateSchema } from "../app/schemas/user";
import { hashPassword } from "../app/utils/password.server";
import { en } from "../app/i18n";
import { closeDatabase, getDatabaseHandle } from "./client.server";
import { runMigrations } from "./migrate";
import * as schema from "./schema";

const USAGE = `Usage: npm run user:create -- --username NAME --name "Display name" [--role ADMIN]
       [--district CODE --district-role COLLECTOR|SP] [--department CODE]
       [--division CODE --district-role COLLECTOR|SP]   (DIVISION_OFFICER: COLLECTOR = Divisional Commissioner, SP = IG)
Roles: ADMIN (default), SECRETARIAT, OFFICIAL, DISTRICT_OFFICER, DEPARTMENT_OFFICER, DIVISION_OFFICER.`;

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: "string" },
        name: { type: "string" },
        role: { type: "string", default: "ADMIN" },
        district: { type: "string", default: "" },
        "district-role": { type: "string", default: "" },
        department: { type: "string", default: "" },
        division: { type: "string", default: "" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError("");
  const parsed = userCreateSchema.safeParse({
    username: values.username ?? "",
    displayName: values.name ?? "",
    role: values.role?.toUpperCase(),
    districtCode: values.district,
    districtRole: values["district-role"]?.toUpperCase(),
    departmentCode: values.department,
    divisionCode: values.division,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const message = en[i.message as keyof typeof en] ?? i.message;
      return `  ${String(i.path[0])}: ${message}`;
    });
    throw new UsageError(lines.join("\n"));
  }
  return parsed.data;
}

export async function main(argv: string[]): Promise<number> {
  let input;
  try {
    input = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  const handle = getDatabaseHandle();
  await runMigrations(handle);
  const db = handle.db;
  const resolved = await resolveScope(input, db);
  if (!resolved.ok) {
    const codes = Object.keys(resolved.fieldErrors).join(", ");
    console.error(`Unknown ${codes}: import the state's master data first (npm run db:import -- <file.json>).`);
    return 1;
  }
  const password = generatePassword();
  try {
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.users)
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash: await hashPassword(password),
          role: input.role,
          ...resolved.scope,
          mustChangePassword: true,
        })
        .returning({ id: schema.users.id });
      await tx.insert(schema.auditLog).values({
        action: "user.create",
        actorUsername: null,
        targetType: "user",
        targetId: String(created.id),
        details: { username: input.username, role: input.role, via: "command-line" },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      console.error(`A user named ${input.username} already exists.`);
      return 1;
    }
    throw error;
  }
  console.log(`Created ${input.role} ${input.username} in ${handle.location}.`);
  console.log(`Password (shown once; to be changed at the first sign-in): ${password}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
