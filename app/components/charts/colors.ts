// Chart colours. Grades and states are never told by colour alone: every chart has a table with the
// same figures, and bars carry their grade letter.
import type { CellState, Grade, MixKey } from "~/domain/compliance-types";

export const GRADE_COLORS: Record<Grade, string> = {
  A: "#1c6b3a",
  B: "#5b8f29",
  C: "#b07d00",
  D: "#b01c1c",
};

/** The same colours as the .status--* badges in app.css. */
export const STATE_COLORS: Record<CellState | MixKey, string> = {
  OVERDUE: "#b01c1c",
  PENDING: "#6b7280",
  IN_PROGRESS: "#1d5fbf",
  COMPLETED: "#2f7d46",
  VERIFIED: "#145c2e",
  NOT_APPLICABLE: "#b8bcc6",
};

/** Distinct, print-safe line colours (division lines). */
export const LINE_COLORS = ["#15306b", "#b3470b", "#1c6b3a", "#7b2d8e", "#0f7c8c", "#8a5a00", "#b01c1c", "#4a5263", "#2f5fd0", "#6b8e23"];
