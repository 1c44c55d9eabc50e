import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { STATE_COLORS } from "~/components/charts/colors";
import { DirectiveAssigneesTable, DrillText } from "~/components/drill/DirectiveParts";
import type { MessageKey } from "~/i18n";
import { getFilterOptions } from "~/models/compliance-filters.server";
import { DIRECTIVE_STATUS_FILTERS, findDirective, getDirectiveRecord, type DirectiveStatusFilter } from "~/models/drilldown.server";
import dashboardStyles from "~/styles/dashboard.css";
import drillStyles from "~/styles/drill.css";
import { denyAccess, requireAnyPermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { parseId } from "~/utils/params";
import type { PageHandle } from "~/root";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dashboardStyles },
  { rel: "stylesheet", href: drillStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Directive ${data.record.directive.number} · Anupalan` : "Directive · Anupalan" },
];

// Readers see every assignee; a district or department officer only their own item(s) of the
// directive (the scope inside the query), and 403 for a directive that has none of theirs.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:action-item:any", "read:action-item:own"]);
  const id = parseId(params.directiveId);
  const directive = id !== null ? await findDirective(id) : null;
  if (!directive) throw new Response("Not found", { status: 404 });
  const reader = can(viewer.role, "read:action-item:any");

  const url = new URL(request.url);
  const errors: { status?: string; place?: string } = {};
  const statusParam = url.searchParams.get("status")?.trim().toUpperCase() ?? "";
  let status: DirectiveStatusFilter | undefined;
  if (statusParam) {
    if ((DIRECTIVE_STATUS_FILTERS as readonly string[]).includes(statusParam)) status = statusParam as DirectiveStatusFilter;
    else errors.status = url.searchParams.get("status") ?? "";
  }
  const districtCode = url.searchParams.get("district")?.trim() ?? "";
  const departmentCode = url.searchParams.get("department")?.trim() ?? "";
  let place: { kind: "district" | "department"; id: number; code: string; nameEn: string; nameHi: string } | null = null;
  if (reader && (districtCode || departmentCode)) {
    const options = await getFilterOptions();
    const code = (districtCode || departmentCode).toLowerCase();
    const found = districtCode
      ? options.districts.find((d) => d.code.toLowerCase() === code)
      : options.departments.find((d) => d.code.toLowerCase() === code);
    if (found) place = { kind: districtCode ? "district" : "department", ...found };
    else errors.place = districtCode || departmentCode;
  }

  const today = todayInIndia();
  const record = await getDirectiveRecord(viewer, directive, today, {
    status,
    districtId: place?.kind === "district" ? place.id : undefined,
    departmentId: place?.kind === "department" ? place.id : undefined,
  });
  if (!reader && record.inScope === 0) await denyAccess(request, viewer, "read:action-item:own");
  return data(
    { today, reader, record, status: status ?? null, place, errors },
    { status: Object.keys(errors).length > 0 ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

const COUNT_KEYS = ["DONE", "IN_PROGRESS", "PENDING", "OVERDUE", "NOT_APPLICABLE"] as const;

export default function DirectivePage() {
  const { reader, record, status, place, errors } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const { directive, figures, counts } = record;
  const meetingTitle = pickText(locale, directive.meeting.titleEn, directive.meeting.titleHi);
  const placeName = place ? pickText(locale, place.nameEn, place.nameHi) : null;
  const href = (extra: { status?: string | null }) => {
    const params = new URLSearchParams();
    if (place) params.set(place.kind, place.code);
    if (extra.status) params.set("status", extra.status);
    const q = params.toString();
    return `/directives/${directive.id}${q ? `?${q}` : ""}`;
  };
  const countOf = (k: (typeof COUNT_KEYS)[number]) => (k === "DONE" ? figures.done : counts[k]);
  const labelOf = (k: DirectiveStatusFilter) => (k === "DONE" ? t("drill.directive.done") : t(`dash.state.${k}` as MessageKey));
  const swatch = (k: (typeof COUNT_KEYS)[number]) => (k === "DONE" ? STATE_COLORS.COMPLETED : STATE_COLORS[k]);

  return (
    <div className="dashboard drill">
      <p className="breadcrumbs">
        {reader ? <Link to="/dashboard">{t("dash.backToDashboard")}</Link> : <Link to="/actions">{t("nav.actions")}</Link>}
      </p>
      <h1>{t("dash.directive.title", { number: n(directive.number) })}</h1>
      <p className="drill-summary">
        <span>
          {reader ? (
            <Link to={`/meetings/${directive.meeting.id}`}>
              {t("dash.directive.of", { meeting: meetingTitle, date: formatDate(directive.meeting.meetingDate, locale) })}
            </Link>
          ) : (
            t("dash.directive.of", { meeting: meetingTitle, date: formatDate(directive.meeting.meetingDate, locale) })
          )}
        </span>
        {directive.dueDate ? <span>{t("drill.directive.due", { date: formatDate(directive.dueDate, locale) })}</span> : null}
        {directive.categoryNameEn || directive.categoryNameHi ? (
          <span>{t("drill.directive.category", { category: pickText(locale, directive.categoryNameEn, directive.categoryNameHi) })}</span>
        ) : null}
        {directive.priority === "HIGH" ? <span className="status status--OVERDUE">{t("drill.directive.highPriority")}</span> : null}
      </p>
      <DrillText en={directive.textEn} hi={directive.textHi} />
      {directive.withdrawnOn ? (
        <div className="card drill-notice" role="note">
          <p>
            <strong>{t("drill.directive.withdrawn", { date: formatDate(directive.withdrawnOn, locale) })}</strong>
          </p>
          {directive.withdrawnReason ? <p>{t("drill.directive.withdrawnReason", { reason: directive.withdrawnReason })}</p> : null}
        </div>
      ) : null}
      {!reader ? <p className="muted">{t("drill.directive.ownOnly")}</p> : null}
      {errors.status ? (
        <p className="field__error" role="alert">
          {t("drill.directive.badStatus", { value: errors.status })}
        </p>
      ) : null}
      {errors.place ? (
        <p className="field__error" role="alert">
          {t("drill.directive.badPlace", { value: errors.place })}
        </p>
      ) : null}

      <section className="card dash-section" aria-labelledby="counts-title">
        <h2 id="counts-title">{t("drill.directive.counts")}</h2>
        {placeName ? (
          <p>
            {t("dash.directive.filteredTo", { name: placeName })}{" "}
            <Link to={`/directives/${directive.id}${status ? `?status=${status}` : ""}`}>{t("dash.directive.showAll")}</Link>
          </p>
        ) : null}
        <p className="muted" data-testid="directive-completion">
          {t("drill.directive.completionLine", {
            rate: formatPercent(figures.completionRate, locale),
            done: n(figures.done),
            applicable: n(figures.applicable),
          })}
        </p>
        <ul className="drill-counts" aria-label={t("drill.directive.countsLabel")}>
          {COUNT_KEYS.map((k) => (
            <li key={k}>
              <Link to={href({ status: k })} aria-current={status === k ? "true" : undefined} data-count={k}>
                <span className="drill-count__value">{n(countOf(k))}</span>
                <span className="drill-count__label">
                  <span className="chart-legend__swatch" style={{ background: swatch(k) }} aria-hidden="true" />
                  {labelOf(k)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {record.withdrawn > 0 ? <p className="muted">{t("drill.directive.withdrawnItems", { n: n(record.withdrawn) })}</p> : null}
      </section>

      <section className="card dash-section" aria-labelledby="assignees-title">
        <h2 id="assignees-title">{t("dash.directive.assignees")}</h2>
        {status ? (
          <p>
            {t("drill.directive.statusFilter", { status: labelOf(status) })} <Link to={href({ status: null })}>{t("drill.directive.anyStatus")}</Link>
          </p>
        ) : null}
        {record.rows.length === 0 ? <p>{t("drill.directive.noRows")}</p> : <DirectiveAssigneesTable rows={record.rows} reader={reader} />}
      </section>
    </div>
  );
}
