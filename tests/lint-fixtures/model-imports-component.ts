// lint-as: app/models/fixture.server.ts
import { StatusBadge } from "~/components/actions/StatusBadge"; // violation
import { loader } from "../routes/login"; // violation
import { db } from "~/db.server";
import { actionItems } from "../../db/schema";

export const fixture = [StatusBadge, loader, db, actionItems];
