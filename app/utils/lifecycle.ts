// The action item's status lifecycle (DOMAIN.md), as data. The update form offers
// nextStatuses(); the server accepts only what findTransition() finds.
//
//   PENDING ──▶ IN_PROGRESS ──▶ COMPLETED ──(secretariat)──▶ VERIFIED
//      │             │               └──(secretariat returns, remark required)──▶ IN_PROGRESS
//      └─────────────┴──▶ NOT_APPLICABLE (reason required; secretariat can reject it → PENDING)
//   PENDING ──(officer, in one save; recorded as PENDING → IN_PROGRESS → COMPLETED, decision 012)──▶ COMPLETED
import type { ActionStatus, HistoryKind, Role } from "~/domain/vocabulary";

/** Who is acting on the item: the officer it is assigned to, or the secretariat. */
export type Actor = "OFFICER" | "SECRETARIAT";

export interface Transition {
  from: ActionStatus;
  to: ActionStatus;
  actor: Actor;
  kind: HistoryKind;
  remarkRequired: boolean;
  /**
   * A shortcut through a status: the officer reports "Completed" straight from "Pending", and the
   * history records both steps (PENDING → IN_PROGRESS, IN_PROGRESS → COMPLETED) at the same moment.
   */
  via?: ActionStatus;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: "PENDING", to: "IN_PROGRESS", actor: "OFFICER", kind: "STATUS_CHANGED", remarkRequired: true },
  { from: "PENDING", to: "NOT_APPLICABLE", actor: "OFFICER", kind: "STATUS_CHANGED", remarkRequired: true },
  { from: "IN_PROGRESS", to: "COMPLETED", actor: "OFFICER", kind: "STATUS_CHANGED", remarkRequired: true },
  // Recorded as the two steps PENDING → IN_PROGRESS → COMPLETED at the same moment (decision 012).
  { from: "PENDING", to: "COMPLETED", actor: "OFFICER", kind: "STATUS_CHANGED", remarkRequired: true, via: "IN_PROGRESS" },
  { from: "IN_PROGRESS", to: "NOT_APPLICABLE", actor: "OFFICER", kind: "STATUS_CHANGED", remarkRequired: true },
  // A progress note without a change of status.
  { from: "PENDING", to: "PENDING", actor: "OFFICER", kind: "REMARK", remarkRequired: true },
  { from: "IN_PROGRESS", to: "IN_PROGRESS", actor: "OFFICER", kind: "REMARK", remarkRequired: true },
  { from: "COMPLETED", to: "VERIFIED", actor: "SECRETARIAT", kind: "VERIFIED", remarkRequired: false },
  { from: "COMPLETED", to: "IN_PROGRESS", actor: "SECRETARIAT", kind: "RETURNED", remarkRequired: true },
  { from: "NOT_APPLICABLE", to: "PENDING", actor: "SECRETARIAT", kind: "NOT_APPLICABLE_REJECTED", remarkRequired: true },
];

export function actorFor(role: Role): Actor | null {
  switch (role) {
    case "DISTRICT_OFFICER":
    case "DEPARTMENT_OFFICER":
      return "OFFICER";
    case "SECRETARIAT":
    case "ADMIN":
      return "SECRETARIAT";
    case "OFFICIAL":
    case "DIVISION_OFFICER":
      return null;
  }
}

export function findTransition(from: ActionStatus, to: ActionStatus, actor: Actor): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to && t.actor === actor);
}

/** The statuses an actor may move an item to from `from` (its own status for a remark-only update). */
export function nextStatuses(from: ActionStatus, actor: Actor): ActionStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.actor === actor).map((t) => t.to);
}

/** Statuses that count as open work: overdue applies to these only. */
export const OPEN_STATUSES: readonly ActionStatus[] = ["PENDING", "IN_PROGRESS"];
