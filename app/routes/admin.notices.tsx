import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/layout/DataTable";
import { DELIVERY_PAGE, listDeliveries } from "~/models/notices.server";
import noticeStyles from "~/styles/notices.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("noticeAudit.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: noticeStyles }];

const STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;
const filtersSchema = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:notice-audit:any");
  const filters = filtersSchema.parse({ status: new URL(request.url).searchParams.get("status") || undefined });
  return { rows: await listDeliveries(viewer, filters), filters, limit: DELIVERY_PAGE };
}

export default function NoticeAudit() {
  const { rows, filters, limit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("noticeAudit.title")}</h1>
      <p>{t("noticeAudit.intro")}</p>
      <Form method="get" className="notices-tools notices-tools--filter">
        <div className="field">
          <label htmlFor="status">{t("noticeAudit.filterStatus")}</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("noticeAudit.any")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`noticeAudit.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("noticeAudit.filter")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="muted">{t("noticeAudit.none")}</p>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col">{t("noticeAudit.when")}</th>
              <th scope="col">{t("noticeAudit.to")}</th>
              <th scope="col">{t("noticeAudit.what")}</th>
              <th scope="col">{t("noticeAudit.channel")}</th>
              <th scope="col">{t("noticeAudit.status")}</th>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {formatDateTime(r.at, locale)}
                {r.sentAt && r.channel === "EMAIL" ? <div className="muted">→ {formatDateTime(r.sentAt, locale)}</div> : null}
              </td>
              <td>
                {pickText(locale, r.displayName, r.displayNameHi)}
                <div className="muted">
                  <code>{r.username}</code>
                  {r.address ? ` · ${r.address}` : null}
                </div>
              </td>
              <td>
                <Link to={r.link}>{r.subject}</Link>
              </td>
              <td>{t(`noticeAudit.channel.${r.channel}`)}</td>
              <td>
                <span className={`badge badge--${r.status}`}>{t(`noticeAudit.status.${r.status}`)}</span>
                {r.attempts > 1 ? <div className="muted">{t("noticeAudit.attempts", { n: formatNumber(r.attempts, locale) })}</div> : null}
                {r.lastError ? <div className="muted">{r.lastError}</div> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {rows.length === limit ? <p className="muted">{t("users.truncated", { n: formatNumber(limit, locale) })}</p> : null}
    </>
  );
}
