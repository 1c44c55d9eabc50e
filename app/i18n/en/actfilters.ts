// Strings of the reader's filters on /actions (division, role, date range) beyond actions.ts.
export const actfilters = {
  "actfilters.invalid": "Some filters could not be used and were ignored:",
  "actfilters.division": "{name} division",
  "actfilters.mixNote": "As on the dashboard, overdue items are counted apart from pending and in progress.",
} as const;
