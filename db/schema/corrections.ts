// Corrections to published minutes (issue 11 item 5, decision 022): a directive's text corrected after
// publishing keeps its old and new text here, with who, when and why; each of its items' history gets a
// TEXT_CORRECTED row pointing at it. Append-only, like the history (a trigger in migration 0014).
import { index, pgTable, serial, text } from "drizzle-orm/pg-core";
import { directives, meetings } from "./meetings";
import { users } from "./users";
import { refTo, optionalRef, writtenAt } from "./columns";

export const directiveCorrections = pgTable(
  "directive_corrections",
  {
    id: serial("id").primaryKey(),
    directiveId: refTo("directive_id", () => directives.id),
    meetingId: refTo("meeting_id", () => meetings.id),
    at: writtenAt("at"),
    actorId: optionalRef("actor_id", () => users.id),
    reason: text("reason").notNull(),
    oldTextEn: text("old_text_en").notNull(),
    oldTextHi: text("old_text_hi").notNull(),
    newTextEn: text("new_text_en").notNull(),
    newTextHi: text("new_text_hi").notNull(),
  },
  (t) => [index("directive_corrections_directive_idx").on(t.directiveId, t.at)],
);
