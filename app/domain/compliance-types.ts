// Names shared by the compliance queries (server) and the charts (browser); no data access here.

export type Grade = "A" | "B" | "C" | "D";
export const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

/** A partition of the live items: overdue is split out of PENDING and IN_PROGRESS. */
export const MIX_KEYS = ["OVERDUE", "PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"] as const;
export type MixKey = (typeof MIX_KEYS)[number];

/** Worst first: a cell of the heat map shows the worst state among its items. */
export const CELL_STATES = MIX_KEYS;
export type CellState = MixKey;

/**
 * What the filter form and the URL hold. `from`/`to` select meetings by MEETING DATE (inclusive).
 * `review` (a meeting id) keeps the directives under review in that meeting: its own and those carried into it,
 * the set its pre-review brief counts (decision 011).
 */
export const FILTER_PARAMS = ["meeting", "category", "division", "district", "role", "department", "from", "to", "review"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type FilterValues = Partial<Record<FilterParam, string>>;

/** The canonical query string of filter values plus extra params (undefined removes one), for links. */
export function filterQuery(values: FilterValues, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_PARAMS) if (values[key]) params.set(key, values[key]!);
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
