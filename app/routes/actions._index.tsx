import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ActionCard } from "~/components/actions/ActionCard";
import { ActionFilters } from "~/components/actions/ActionFilters";
import { BulkResult, type BulkRefusal } from "~/components/actions/BulkResult";
import { StatusCounts } from "~/components/actions/StatusCounts";
import type { MessageKey } from "~/i18n";
import {
  PAGE_SIZE,
  countActionItemsByStatus,
  labelActionItems,
  listActionFilterOptions,
  listActionItems,
  listPlaces,
  startActionItems,
  type ActionListFilters,
  type StatusFilter,
} from "~/models/action-item.server";
import { bulkStartSchema, MAX_BULK_ITEMS } from "~/schemas/action-update";
import actionsStyles from "~/styles/actions.css";
import { requireAnyPermission, requirePermission } from "~/utils/auth.server";
import { formatNumber, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction = () => [{ title: "My actions · Anupalan" }];

const STATUS_FILTERS: readonly StatusFilter[] = ["OVERDUE", "PENDING", "IN_PROGRESS", "COMPLETED", "VERIFIED", "NOT_APPLICABLE"];

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

// Officers see their own items; the reading roles (secretariat, officials, admin) any district's
// or department's, read-only, chosen with ?district=CODE or ?department=CODE.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:action-item:own", "read:action-item:any"]);
  const url = new URL(request.url);
  const reader = can(viewer.role, "read:action-item:any");
  const today = todayInIndia();
  const [options, places] = await Promise.all([listActionFilterOptions(viewer), reader ? listPlaces() : null]);

  const statusParam = url.searchParams.get("status") ?? "";
  const categoryCode = url.searchParams.get("category") ?? "";
  const districtCode = reader ? (url.searchParams.get("district") ?? "") : "";
  const departmentCode = reader ? (url.searchParams.get("department") ?? "") : "";
  const filters: ActionListFilters = {
    status: (STATUS_FILTERS as readonly string[]).includes(statusParam) ? (statusParam as StatusFilter) : undefined,
    meetingId: positiveInt(url.searchParams.get("meeting")),
    categoryId: options.categories.find((c) => c.code === categoryCode)?.id,
    districtId: places?.districts.find((d) => d.code === districtCode)?.id,
    departmentId: places?.departments.find((d) => d.code === departmentCode)?.id,
    page: positiveInt(url.searchParams.get("page")) ?? 1,
  };
  const [list, counts] = await Promise.all([
    listActionItems(viewer, filters, today),
    countActionItemsByStatus(viewer, filters, today),
  ]);
  const district = places?.districts.find((d) => d.id === filters.districtId) ?? null;
  const department = places?.departments.find((d) => d.id === filters.departmentId) ?? null;
  return {
    today,
    reader,
    canUpdate: can(viewer.role, "update:action-item:own"),
    filters: {
      status: filters.status ?? "",
      meeting: filters.meetingId ? String(filters.meetingId) : "",
      category: filters.categoryId ? categoryCode : "",
      district: district?.code ?? "",
      department: department?.code ?? "",
    },
    place: district ?? department,
    page: filters.page ?? 1,
    pageCount: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    // Computed here: PAGE_SIZE lives in a .server module, which the browser bundle does not have.
    from: list.total === 0 ? 0 : ((filters.page ?? 1) - 1) * PAGE_SIZE + 1,
    to: Math.min(list.total, (filters.page ?? 1) * PAGE_SIZE),
    total: list.total,
    rows: list.rows,
    counts,
    options,
    places,
  };
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
  const parsed = bulkStartSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: { items?: string; remark?: string } = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "items" || field === "remark") fieldErrors[field] ??= issue.message;
    }
    return data<ActionData>({ ok: false, fieldErrors, values: { items: raw.items, remark: raw.remark } }, { status: 400 });
  }
  const entries = parsed.data.items.map((value) => {
    const [id, version] = value.split(":").map(Number);
    return { id, version };
  });
  const result = await startActionItems(viewer, entries, parsed.data.remark);
  const labels = await labelActionItems(viewer, result.refused.map((r) => r.id));
  return data<ActionData>({
    ok: true,
    updated: result.updated.length,
    refused: result.refused.map((r) => ({
      id: r.id,
      label: labels.get(r.id) ?? null,
      reason: r.reason,
      status: r.status,
      change: r.change ? { at: r.change.at, actorName: r.change.actorName, toStatus: r.change.toStatus } : undefined,
    })),
  });
}

export default function MyActions() {
  const { today, reader, canUpdate, filters, place, page, pageCount, from, to, total, rows, counts, options, places } =
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
  const filtered = Object.values(filters).some((v) => v !== "");
  const pageLink = (n: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("page", String(n));
    return `?${params}`;
  };

  return (
    <div className="actions-page">
      <h1>
        {reader ? t("actions.titleReader") : t("actions.title")}
        {place ? `: ${pickText(locale, place.en, place.hi)}` : ""}
      </h1>
      {reader ? <p className="muted">{t("actions.readOnlyNote")}</p> : <p className="muted">{t("actions.intro")}</p>}

      {result?.ok ? <BulkResult updated={result.updated} refused={result.refused} /> : null}

      <StatusCounts counts={counts} active={filters.status || null} searchParams={searchParams} />

      <ActionFilters
        values={filters}
        meetings={options.meetings}
        categories={options.categories}
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
          <p className="muted list-count">{t("actions.list.showing", { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(total, locale) })}</p>
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
          {pageCount > 1 ? (
            <nav className="pager" aria-label={t("common.page", { page, pages: pageCount })}>
              {page > 1 ? <Link to={pageLink(page - 1)}>{t("common.previous")}</Link> : <span />}
              <span>{t("common.page", { page, pages: pageCount })}</span>
              {page < pageCount ? <Link to={pageLink(page + 1)}>{t("common.next")}</Link> : <span />}
            </nav>
          ) : null}
          {anySelectable ? (
            <fieldset className="card bulk">
              <legend>{t("actions.bulk.legend")}</legend>
              <p className="field__hint">{t("actions.bulk.hint")}</p>
              {failed?.fieldErrors.items ? (
                <p className="field__error" role="alert" id="bulk-items-error">
                  {t(failed.fieldErrors.items as MessageKey, { max: MAX_BULK_ITEMS })}
                </p>
              ) : null}
              <div className="field">
                <label htmlFor="bulk-remark">{t("actions.bulk.remark")}</label>
                <textarea
                  id="bulk-remark"
                  name="remark"
                  rows={3}
                  defaultValue={failed?.values.remark}
                  aria-invalid={failed?.fieldErrors.remark ? true : undefined}
                  aria-describedby={failed?.fieldErrors.remark ? "bulk-remark-error" : undefined}
                />
                {failed?.fieldErrors.remark ? (
                  <span className="field__error" id="bulk-remark-error">
                    {t(failed.fieldErrors.remark as MessageKey)}
                  </span>
                ) : null}
              </div>
              <button type="submit" className="button" disabled={busy}>
                {busy ? t("actions.update.submitting") : t("actions.bulk.submit")}
              </button>
            </fieldset>
          ) : null}
        </Form>
      )}
    </div>
  );
}
