// lint-as: app/schemas/fixture.ts
import { ROLES } from "../../db/schema/enums"; // violation
import { users } from "~/models/user.server"; // violation
import { z } from "zod";

export const fixtureSchema = z.enum(ROLES).or(z.literal(String(users)));
