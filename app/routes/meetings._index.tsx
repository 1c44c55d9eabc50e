import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/meetings/Pagination";
import { parsePage } from "~/utils/params";
import { getMasterData, listMeetings, type MeetingListFilters } from "~/models/meeting.server";
import { listChairOffices, listSeries } from "~/models/series.server";
import type { loader as rootLoader } from "~/root";
import { isCalendarDate } from "~/schemas/meeting";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber, formatPercent, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
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
      <div className="page-head">
        <h1>{t("meetings.list.title")}</h1>
        {canWrite ? (
          <div className="page-head__actions">
            <Link className="button button--secondary" to="/series">
              {t("review.series.title")}
            </Link>
            <Link className="button" to="/meetings/new">
              {t("nav.newMeeting")}
            </Link>
          </div>
        ) : null}
      </div>
      {searchParams.get("deleted") === "1" ? (
        <p className="flash" role="status">
          {t("draft.delete.done")}
        </p>
      ) : null}

      <Form method="get" className="card filters" role="search" aria-label={t("meetings.list.searchLabel")}>
        <div className="field filters__q">
          <label htmlFor="q">{t("meetings.list.q")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="q-hint" />
          <span id="q-hint" className="field__hint">
            {t("meetings.list.qHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="from">{t("meetings.list.from")}</label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("meetings.list.to")}</label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        {canWrite ? (
          <div className="field">
            <label htmlFor="status">{t("common.status")}</label>
            <select id="status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("common.all")}</option>
              <option value="DRAFT">{t("meetingStatus.DRAFT")}</option>
              <option value="PUBLISHED">{t("meetingStatus.PUBLISHED")}</option>
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="category">{t("common.category")}</label>
          <select id="category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">{t("common.all")}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {pickText(locale, c.nameEn, c.nameHi)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="chair">{t("meetings.page.chair")}</label>
          <select id="chair" name="chair" defaultValue={filters.chair ?? ""}>
            <option value="">{t("common.all")}</option>
            {chairs.map((c) => (
              <option key={c.code} value={c.code}>
                {pickText(locale, c.nameEn, c.nameHi)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="series">{t("review.series")}</label>
          <select id="series" name="series" defaultValue={filters.series ?? ""}>
            <option value="">{t("common.all")}</option>
            {series.map((s) => (
              <option key={s.code} value={s.code}>
                {pickText(locale, s.nameEn, s.nameHi)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("common.search")}
          </button>
          {filtered ? (
            <Link to="/meetings" className="button button--secondary">
              {t("common.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("meetings.list.count", { n: formatNumber(list.total, locale) })}
      </p>
      {list.rows.length === 0 ? (
        <p className="card">{filtered ? t("meetings.list.noneMatch") : t("meetings.list.none")}</p>
      ) : (
        <ul className="meeting-list">
          {list.rows.map((m) => {
            const rate = m.applicable > 0 ? m.done / m.applicable : null;
            return (
              <li key={m.id} className="meeting-row">
                <div className="meeting-row__main">
                  <span className="meeting-list__date">
                    {formatDate(m.meetingDate, locale)} · {t(`mode.${m.mode}`)}
                    {m.chairEn || m.chairHi ? ` · ${pickText(locale, m.chairEn, m.chairHi)}` : ""}
                    {m.seriesNameEn || m.seriesNameHi ? ` · ${pickText(locale, m.seriesNameEn, m.seriesNameHi)}` : ""}
                  </span>
                  <Link to={`/meetings/${m.id}`} className="meeting-row__title">
                    {pickText(locale, m.titleEn, m.titleHi)}
                  </Link>
                  <span className="meeting-row__facts">
                    <span className={`badge badge--${m.status}`}>{t(`meetingStatus.${m.status}`)}</span>{" "}
                    {t("meetings.list.directives", { n: formatNumber(m.directives, locale) })}
                    {m.status === "PUBLISHED" ? ` · ${t("meetings.list.items", { n: formatNumber(m.items, locale) })}` : ""}
                    {m.overdue > 0 ? (
                      <>
                        {" · "}
                        <span className="text-bad">{t("meetings.list.overdue", { n: formatNumber(m.overdue, locale) })}</span>
                      </>
                    ) : null}
                  </span>
                </div>
                {m.status === "PUBLISHED" ? (
                  <div className="meeting-row__rate">
                    <span>
                      {t("meetings.list.completion")}: <strong>{formatPercent(rate, locale)}</strong>
                    </span>
                    <div className="progress" aria-hidden="true">
                      <div className="progress__bar" style={{ width: `${(rate ?? 0) * 100}%` }} />
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} searchParams={searchParams} />
    </>
  );
}
