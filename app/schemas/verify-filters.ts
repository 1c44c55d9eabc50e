// The verification queue's filters, read from the URL (GET form, so a filtered queue is a link).
// Browser-safe: the same parser serves the loader and the filter form.
export const VERIFY_STATUSES = ["ON_TIME", "LATE"] as const;
export type VerifyStatusFilter = (typeof VERIFY_STATUSES)[number];
export const VERIFY_SORTS = ["newest", "oldest"] as const;
export type VerifySort = (typeof VERIFY_SORTS)[number];

export interface VerifyFilters {
  meeting?: number;
  /** A meeting series (meeting_series.code): every meeting of it. */
  series?: string;
  division?: string;
  district?: string;
  department?: string;
  /** Reported on or before the due date, or after it. */
  status?: VerifyStatusFilter;
  /** Newest report first unless asked otherwise. */
  sort: VerifySort;
}

const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
/** Series codes may start with a digit (review.ts). */
const SERIES_CODE = /^[A-Z0-9_]{1,40}$/;

export function parseVerifyFilters(params: URLSearchParams): VerifyFilters {
  const code = (name: string) => {
    const value = params.get(name)?.trim().toUpperCase();
    return value && CODE.test(value) ? value : undefined;
  };
  const meeting = params.get("meeting");
  const status = params.get("status");
  const sort = params.get("sort");
  return {
    meeting: meeting && /^\d{1,9}$/.test(meeting) ? Number(meeting) : undefined,
    series: SERIES_CODE.test(params.get("series")?.trim().toUpperCase() ?? "") ? params.get("series")!.trim().toUpperCase() : undefined,
    division: code("division"),
    district: code("district"),
    department: code("department"),
    status: VERIFY_STATUSES.includes(status as VerifyStatusFilter) ? (status as VerifyStatusFilter) : undefined,
    sort: VERIFY_SORTS.includes(sort as VerifySort) ? (sort as VerifySort) : "newest",
  };
}

/** The filters as search params (without the page), for links and hidden fields. */
export function verifyFilterParams(filters: VerifyFilters): [string, string][] {
  const params: [string, string][] = [];
  if (filters.meeting !== undefined) params.push(["meeting", String(filters.meeting)]);
  for (const key of ["series", "division", "district", "department", "status"] as const) {
    const value = filters[key];
    if (value) params.push([key, value]);
  }
  if (filters.sort !== "newest") params.push(["sort", filters.sort]);
  return params;
}

export function hasVerifyFilter(filters: VerifyFilters): boolean {
  return verifyFilterParams(filters).some(([key]) => key !== "sort");
}

/** One option of a filter and how many waiting items choosing it would show. */
export interface FacetOption {
  value: string;
  labelEn: string;
  labelHi: string;
  n: number;
}

export interface VerifyFacets {
  meetings: FacetOption[];
  series: FacetOption[];
  divisions: FacetOption[];
  districts: FacetOption[];
  departments: FacetOption[];
  status: Record<VerifyStatusFilter, number>;
  /** Every waiting item under the other filters: what "All" shows for each facet. */
  totals: Record<"meeting" | "series" | "division" | "district" | "department", number>;
}
