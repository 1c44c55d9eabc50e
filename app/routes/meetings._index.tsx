import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { DateRangeFields } from "~/components/forms/DateRangeFields";
import { Field } from "~/components/forms/Field";
import { FilterButtons } from "~/components/forms/FilterButtons";
import { namedChoices, SelectField } from "~/components/forms/SelectField";
import { PageHead } from "~/components/layout/PageHead";
import { MeetingRow } from "~/components/meetings/MeetingRow";
import { Pagination } from "~/components/layout/Pagination";
import { parsePage } from "~/utils/params";
import { listMeetings, type MeetingListFilters } from "~/models/meeting-list.server";
import { getMasterData } from "~/models/meeting-master.server";
import { listChairOffices, listSeries } from "~/models/series.server";
import type { loader as rootLoader } from "~/root";
import { isCalendarDate } from "~/schemas/meeting";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber, todayInIndia } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Meetings · Anupalan" }];

/** The filters from the query string; a value that does not make sense is ignored, not an error. */
function filtersFrom(params: URLSearchParams): MeetingListFilters {
  const text = (name: string, max = 200) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, max) : undefined;
  };
  const date = (name: string) => {
    const value = params.get(name);
    return value && isCalendarDate(value) ? value : undefined;
  };
  const status = params.get("status");
  return {
    q: text("q"),
    from: date("from"),
    to: date("to"),
    status: status === "DRAFT" || status === "PUBLISHED" ? status : undefined,
    category: text("category", 50),
    chair: text("chair", 50),
    series: text("series", 50),
    page: parsePage(params.get("page")),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:meeting:any");
  const filters = filtersFrom(new URL(request.url).searchParams);
  const [list, chairs, series, master] = await Promise.all([
    listMeetings(viewer, filters, todayInIndia()),
    listChairOffices(viewer),
    listSeries(viewer),
    getMasterData(),
  ]);
  return { list, chairs, series, categories: master.categories, filters };
}

export default function Meetings() {
  const { list, chairs, series, categories, filters } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const canWrite = can(root?.viewer?.role, "write:meeting:any");
  const filtered = Boolean(filters.q || filters.from || filters.to || filters.status || filters.category || filters.chair || filters.series);
  return (
    <>
      <PageHead title={t("meetings.list.title")}>
        {canWrite ? (
          <>
            <Link className="button button--secondary" to="/series">
              {t("review.series.title")}
            </Link>
            <Link className="button" to="/meetings/new">
              {t("nav.newMeeting")}
            </Link>
          </>
        ) : null}
      </PageHead>
      {searchParams.get("deleted") === "1" ? (
        <p className="flash" role="status">
          {t("draft.delete.done")}
        </p>
      ) : null}

      <Form method="get" className="card filters" role="search" aria-label={t("meetings.list.searchLabel")}>
        <Field id="q" label={t("meetings.list.q")} hint={t("meetings.list.qHint")} className="filters__q">
          {(aria) => <input {...aria} name="q" type="search" defaultValue={filters.q ?? ""} />}
        </Field>
        <DateRangeFields labels={{ from: t("meetings.list.from"), to: t("meetings.list.to") }} values={filters} />
        {canWrite ? (
          <SelectField
            id="status"
            name="status"
            label={t("common.status")}
            defaultValue={filters.status ?? ""}
            emptyLabel={t("common.all")}
            choices={[
              { value: "DRAFT", label: t("meetingStatus.DRAFT") },
              { value: "PUBLISHED", label: t("meetingStatus.PUBLISHED") },
            ]}
          />
        ) : null}
        {(
          [
            ["category", t("common.category"), categories],
            ["chair", t("meetings.page.chair"), chairs],
            ["series", t("review.series"), series],
          ] as const
        ).map(([name, label, list]) => (
          <SelectField
            key={name}
            id={name}
            name={name}
            label={label}
            defaultValue={filters[name] ?? ""}
            emptyLabel={t("common.all")}
            choices={namedChoices(list, locale)}
          />
        ))}
        <FilterButtons
          className="filters__actions"
          applyLabel={t("common.search")}
          clearLabel={t("common.clear")}
          clearTo="/meetings"
          filtered={filtered}
        />
      </Form>

      <p className="muted" role="status">
        {t("meetings.list.count", { n: formatNumber(list.total, locale) })}
      </p>
      {list.rows.length === 0 ? (
        <p className="card">{filtered ? t("meetings.list.noneMatch") : t("meetings.list.none")}</p>
      ) : (
        <ul className="meeting-list">
          {list.rows.map((m) => (
            <MeetingRow key={m.id} meeting={m} />
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} />
    </>
  );
}
