// What the action-item models hand to routes and components: a row of "my actions" and an
// item's history with its evidence. Types only, browser-safe (components import them from here).
import type { ActionStatus, DistrictRole, HistoryKind } from "./vocabulary";

export interface ActionListRow {
  id: number;
  status: ActionStatus;
  version: number;
  dueDate: string | null;
  originalDueDate: string | null;
  daysOverdue: number;
  directiveNumber: number;
  textEn: string;
  textHi: string;
  priority: "NORMAL" | "HIGH";
  meetingId: number;
  meetingTitleEn: string;
  meetingTitleHi: string;
  meetingDate: string;
  categoryEn: string | null;
  categoryHi: string | null;
  districtEn: string | null;
  districtHi: string | null;
  districtRole: DistrictRole | null;
  departmentEn: string | null;
  departmentHi: string | null;
  extensionPending: boolean;
  /** When the secretariat returned it, while it stays returned (action_items.returned_at). */
  returnedAt: string | null;
}

/** One item as its page shows it: the list row with who updated it, withdrawal, return and extension. */
export interface ActionItemDetail extends ActionListRow {
  meetingChairEn: string;
  meetingChairHi: string;
  latestRemark: string | null;
  updatedAt: string;
  updatedByName: string | null;
  updatedByNameHi: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** The secretariat's reason and who returned it, while the item stays returned. */
  returnReason: string | null;
  returnedByName: string | null;
  returnedByNameHi: string | null;
  /** When the escalation ladder's last step reached it (issue 13). */
  escalatedAt: string | null;
  pendingExtension: { id: number; requestedDueDate: string; requestedAt: string; reason: string } | null;
}

export interface EvidenceSummary {
  id: number;
  kind: "FILE" | "LINK";
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  url: string | null;
}

export interface TimelineEntry {
  id: number;
  at: string;
  kind: HistoryKind;
  actorName: string | null;
  /** The actor's name in Devanagari, for Hindi pages (null: the English name stands in; decision 025). */
  actorNameHi: string | null;
  actorRole: string | null;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  fromDueDate: string | null;
  toDueDate: string | null;
  remark: string | null;
  version: number;
  evidence: EvidenceSummary[];
}
