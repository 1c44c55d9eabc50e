import { relations } from "drizzle-orm";
import { actionItemHistory, actionItems, evidence, extensionRequests } from "./actions";
import { categories, departments, districts, divisions, states } from "./master";
import { directiveAssigneeDistricts, directiveAssigneeDivisions, directiveAssignees, directives, meetings } from "./meetings";
import { users } from "./users";

export const statesRelations = relations(states, ({ many }) => ({ divisions: many(divisions) }));

export const divisionsRelations = relations(divisions, ({ one, many }) => ({
  state: one(states, { fields: [divisions.stateId], references: [states.id] }),
  districts: many(districts),
}));

export const districtsRelations = relations(districts, ({ one }) => ({
  division: one(divisions, { fields: [districts.divisionId], references: [divisions.id] }),
}));

export const usersRelations = relations(users, ({ one }) => ({
  district: one(districts, { fields: [users.districtId], references: [districts.id] }),
  department: one(departments, { fields: [users.departmentId], references: [departments.id] }),
}));

export const meetingsRelations = relations(meetings, ({ many }) => ({ directives: many(directives) }));

export const directivesRelations = relations(directives, ({ one, many }) => ({
  meeting: one(meetings, { fields: [directives.meetingId], references: [meetings.id] }),
  category: one(categories, { fields: [directives.categoryId], references: [categories.id] }),
  assignees: many(directiveAssignees),
  actionItems: many(actionItems),
}));

export const directiveAssigneesRelations = relations(directiveAssignees, ({ one, many }) => ({
  directive: one(directives, { fields: [directiveAssignees.directiveId], references: [directives.id] }),
  department: one(departments, { fields: [directiveAssignees.departmentId], references: [departments.id] }),
  divisions: many(directiveAssigneeDivisions),
  districts: many(directiveAssigneeDistricts),
}));

export const directiveAssigneeDivisionsRelations = relations(directiveAssigneeDivisions, ({ one }) => ({
  assignee: one(directiveAssignees, {
    fields: [directiveAssigneeDivisions.assigneeId],
    references: [directiveAssignees.id],
  }),
  division: one(divisions, { fields: [directiveAssigneeDivisions.divisionId], references: [divisions.id] }),
}));

export const directiveAssigneeDistrictsRelations = relations(directiveAssigneeDistricts, ({ one }) => ({
  assignee: one(directiveAssignees, {
    fields: [directiveAssigneeDistricts.assigneeId],
    references: [directiveAssignees.id],
  }),
  district: one(districts, { fields: [directiveAssigneeDistricts.districtId], references: [districts.id] }),
}));

export const actionItemsRelations = relations(actionItems, ({ one, many }) => ({
  directive: one(directives, { fields: [actionItems.directiveId], references: [directives.id] }),
  meeting: one(meetings, { fields: [actionItems.meetingId], references: [meetings.id] }),
  district: one(districts, { fields: [actionItems.districtId], references: [districts.id] }),
  department: one(departments, { fields: [actionItems.departmentId], references: [departments.id] }),
  history: many(actionItemHistory),
  evidence: many(evidence),
  extensionRequests: many(extensionRequests),
}));

export const actionItemHistoryRelations = relations(actionItemHistory, ({ one }) => ({
  actionItem: one(actionItems, { fields: [actionItemHistory.actionItemId], references: [actionItems.id] }),
  actor: one(users, { fields: [actionItemHistory.actorId], references: [users.id] }),
}));

export const evidenceRelations = relations(evidence, ({ one }) => ({
  actionItem: one(actionItems, { fields: [evidence.actionItemId], references: [actionItems.id] }),
}));

export const extensionRequestsRelations = relations(extensionRequests, ({ one }) => ({
  actionItem: one(actionItems, { fields: [extensionRequests.actionItemId], references: [actionItems.id] }),
}));
