// lint-as: app/routes/fixture.tsx
import { db } from "~/db.server"; // violation
import { actionItems } from "../../db/schema"; // violation
import { listMeetings } from "~/models/meeting-list.server";

export const fixture = [db, actionItems, listMeetings];
