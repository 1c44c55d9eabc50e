import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ActionCard } from "~/components/actions/ActionCard";
import { ActionFilters, type FilterErrors, type FilterOption } from "~/components/actions/ActionFilters";
import { BulkResult, type BulkRefusal } from "~/components/actions/BulkResult";
import { StatusCounts } from "~/components/actions/StatusCounts";
import { BulkStartFields } from "~/components/my-actions/BulkStartFields";
import type { MessageKey } from "~/i18n";
import { labelActionItems, startActionItems } from "~/models/action-item-bulk.server";
import {
  PAGE_SIZE,
  countActionItemsByStatus,
  listActionFilterOptions,
  listActionItems,
  type ActionListFilters,
  type StatusFilter,
} from "~/models/action-item-list.server";
import { getFilterOptions, parseFilters, type FilterOptions } from "~/models/compliance-filters.server";
import { filterQuery, MIX_KEYS } from "~/domain/compliance-types";
import { bulkStartSchema } from "~/schemas/action-update";
import actionsStyles from "~/styles/actions.css";
import { requireAnyPermission, requirePermission } from "~/utils/auth.server";
import { formatNumber, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { parseForm } from "~/utils/parse-form";
import type { PageHandle } from "~/root";
import { Pagination } from "~/components/layout/Pagination";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction = () => [{ title: "My actions · Anupalan" }];

/** The params that choose whose items: an officer's account fixes them, so theirs are dropped. */
const PLACE_PARAMS = ["division", "district", "role", "department"] as const;

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const toOption = (o: { id: number; code: string; nameEn: string; nameHi: string }): FilterOption => ({
  id: o.id,
  code: o.code,
  en: o.nameEn,
  hi: o.nameHi,
});

// Officers see their own items; the reading roles (secretariat, officials, admin) anyone's,
// read-only, narrowed by the dashboard's filters under the same names (meeting, category, division,
// district, role, department, from, to) and a status of the dashboard's status mix, so the link
// behind a mark on a chart lists exactly the items the mark counts. An officer's place params
// are ignored, as ?district= always was: their scope is in every query anyway.
const FILTER_LABELS: Record<keyof FilterErrors, MessageKey> = {
  status: "actions.filters.status",
  meeting: "actions.filters.meeting",
  review: "review.filter",
  category: "actions.filters.category",
  division: "dash.filter.division",
  district: "actions.filters.district",
  role: "dash.filter.role",
  department: "actions.filters.department",
  from: "dash.filter.from",
  to: "dash.filter.to",
};

/** The status link to mark as current: the valid one, upper-cased as the counts name it. */
function statusActive(value: string | undefined, error: string | undefined): string | null {
  return value && !error ? value.toUpperCase() : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:action-item:own", "read:action-item:any"]);
  const url = new URL(request.url);
  const reader = can(viewer.role, "read:action-item:any");
  const today = todayInIndia();

  let options: FilterOptions;
  if (reader) {
    options = await getFilterOptions();
  } else {
    const own = await listActionFilterOptions(viewer);
    options = {
      meetings: own.meetings.map((m) => ({ id: m.id, titleEn: m.en, titleHi: m.hi, meetingDate: m.date ?? "" })),
      categories: own.categories.map((c) => ({ id: c.id, code: c.code ?? "", nameEn: c.en, nameHi: c.hi })),
      divisions: [],
      districts: [],
      departments: [],
    };
  }
  const params = new URLSearchParams(url.searchParams);
  if (!reader) for (const key of PLACE_PARAMS) params.delete(key);
  const parsed = parseFilters(params, options);
  const errors: FilterErrors = { ...parsed.errors };

  const statusParam = url.searchParams.get("status")?.trim() ?? "";
  let status: StatusFilter | undefined;
  if (statusParam) {
    const key = statusParam.toUpperCase();
    if ((MIX_KEYS as readonly string[]).includes(key)) status = key as StatusFilter;
    else errors.status = "unknown";
  }
  const page = positiveInt(url.searchParams.get("page")) ?? 1;
  const filters: ActionListFilters = { ...parsed.filters, status, page };

  const [list, counts] = await Promise.all([listActionItems(viewer, filters, today), countActionItemsByStatus(viewer, filters, today)]);
  const district = options.districts.find((d) => d.id === filters.districtId);
  const department = options.departments.find((d) => d.id === filters.departmentId);
  const division = options.divisions.find((d) => d.id === filters.divisionId);
  const place = district
    ? { kind: "district" as const, en: district.nameEn, hi: district.nameHi }
    : department
      ? { kind: "department" as const, en: department.nameEn, hi: department.nameHi }
      : division
        ? { kind: "division" as const, en: division.nameEn, hi: division.nameHi }
        : filters.role === "DEPARTMENT"
          ? { kind: "departments" as const, en: "", hi: "" }
          : null;
  return data(
    {
      today,
      reader,
      canUpdate: can(viewer.role, "update:action-item:own"),
      dashboard: can(viewer.role, "read:dashboard:any"),
      // The raw values, invalid ones too, so the form shows what was asked for next to its error.
      filters: { status: statusParam, ...parsed.values },
      errors,
      place,
      page,
      pageCount: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
      // Computed here: PAGE_SIZE lives in a .server module, which the browser bundle does not have.
      from: list.total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
      to: Math.min(list.total, page * PAGE_SIZE),
      total: list.total,
      rows: list.rows,
      counts,
      options: {
        meetings: options.meetings.map((m) => ({ id: m.id, en: m.titleEn, hi: m.titleHi, date: m.meetingDate })),
        categories: options.categories.map(toOption),
      },
      places: reader
        ? {
            divisions: options.divisions.map(toOption),
            // Within a chosen division, only its districts (as on the dashboard).
            districts: options.districts.filter((d) => !filters.divisionId || d.divisionId === filters.divisionId).map(toOption),
            departments: options.departments.map(toOption),
          }
        : null,
    },
    { status: Object.keys(errors).length > 0 ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

type ActionData =
  | { ok: true; updated: number; refused: BulkRefusal[] }
  | { ok: false; fieldErrors: { items?: string; remark?: string }; values: { items: string[]; remark: string } };

// Several items to IN_PROGRESS with one remark. The answer is shown in place (not a redirect) so
// the officer sees which items were refused and why; posting it again is harmless, because
// every item carries the version it was seen at.
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "update:action-item:own");
  const form = await request.formData();
  const raw = {
    intent: form.get("intent"),
    items: form.getAll("items").filter((v): v is string => typeof v === "string"),
    remark: typeof form.get("remark") === "string" ? String(form.get("remark")) : "",
  };
  if (raw.intent !== "bulk-start") throw new Response("Unknown intent", { status: 400 });
  const parsed = parseForm(bulkStartSchema, raw, { fields: ["items", "remark"] });
  if (!parsed.ok) {
    return data<ActionData>({ ok: false, fieldErrors: parsed.fieldErrors, values: { items: raw.items, remark: raw.remark } }, { status: 400 });
  }
  const entries = parsed.data.items.map((value) => {
    const [id, version] = value.split(":").map(Number);
    return { id, version };
  });
  const result = await startActionItems(viewer, entries, parsed.data.remark);
  const labels = await labelActionItems(
    viewer,
    result.refused.map((r) => r.id),
  );
  return data<ActionData>({
    ok: true,
    updated: result.updated.length,
    refused: result.refused.map((r) => ({
      id: r.id,
      label: labels.get(r.id) ?? null,
      reason: r.reason,
      status: r.status,
      change: r.change
        ? { at: r.change.at, actorName: r.change.actorName, actorNameHi: r.change.actorNameHi ?? null, toStatus: r.change.toStatus }
        : undefined,
    })),
  });
}

export default function MyActions() {
  const { today, reader, canUpdate, dashboard, filters, errors, place, page, pageCount, from, to, total, rows, counts, options, places } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod === "POST";
  const failed = result && !result.ok ? result : null;
  const selectedItems = new Set(failed?.values.items ?? []);
  const anySelectable = canUpdate && rows.some((r) => r.status === "PENDING");
  const filtered = Object.values(filters).some((v) => v);

  const placeName = !place
    ? ""
    : place.kind === "departments"
      ? t("dash.filter.roleDepartments")
      : place.kind === "division"
        ? t("actfilters.division", { name: pickText(locale, place.en, place.hi) })
        : pickText(locale, place.en, place.hi);
  const errorKeys = (Object.keys(FILTER_LABELS) as (keyof typeof errors)[]).filter((key) => errors[key]);

  return (
    <div className="actions-page">
      {dashboard && filtered ? (
        <p className="breadcrumbs">
          <Link to={`/dashboard${filterQuery(filters)}`}>{t("dash.backToDashboard")}</Link>
        </p>
      ) : null}
      <h1>
        {reader ? t("actions.titleReader") : t("actions.title")}
        {placeName ? `: ${placeName}` : ""}
      </h1>
      {reader ? <p className="muted">{t("actions.readOnlyNote")}</p> : <p className="muted">{t("actions.intro")}</p>}

      {errorKeys.length > 0 ? (
        <div className="card filter-errors" role="alert">
          <p>{t("actfilters.invalid")}</p>
          <ul>
            {errorKeys.map((key) => (
              <li key={key}>
                <a href={`#filter-${key}`}>{t(FILTER_LABELS[key])}</a>: “{filters[key]}” — {t(`dash.filter.error.${errors[key]}` as MessageKey)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {result?.ok ? <BulkResult updated={result.updated} refused={result.refused} /> : null}

      <StatusCounts counts={counts} active={statusActive(filters.status, errors.status)} searchParams={searchParams} />
      <p className="muted status-counts__note">{t("actfilters.mixNote")}</p>

      <ActionFilters
        values={filters}
        errors={errors}
        meetings={options.meetings}
        categories={options.categories}
        divisions={places?.divisions}
        districts={places?.districts}
        departments={places?.departments}
      />

      {rows.length === 0 ? (
        <section className="card empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t("actions.empty.title")}</h2>
          <p>{t(filtered ? "actions.empty.filtered" : "actions.empty.none")}</p>
          {filtered ? (
            <Link to="/actions" className="button button--secondary">
              {t("actions.filters.clear")}
            </Link>
          ) : null}
        </section>
      ) : (
        <Form method="post" className="actions-list-form">
          <input type="hidden" name="intent" value="bulk-start" />
          <p className="muted list-count">
            {t("actions.list.showing", { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(total, locale) })}
          </p>
          <ol className="action-list" aria-label={t("actions.list.label")}>
            {rows.map((item) => (
              <ActionCard
                key={item.id}
                item={item}
                today={today}
                selectable={canUpdate && item.status === "PENDING"}
                selected={selectedItems.has(`${item.id}:${item.version}`)}
                showAssignee={reader}
              />
            ))}
          </ol>
          <Pagination page={page} pages={pageCount} />
          {anySelectable ? <BulkStartFields failed={failed} busy={busy} /> : null}
        </Form>
      )}
    </div>
  );
}
