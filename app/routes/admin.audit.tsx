import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { listAuditEntries } from "~/models/audit.server";
import adminStyles from "~/styles/admin.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";
import { Pagination } from "~/components/layout/Pagination";

export const meta = titleMeta("audit.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

// Search params are typed by hand into URLs: a bad value is dropped, never a 500.
const filtersSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  user: z.string().trim().max(100).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:audit:any");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = filtersSchema.parse({
    action: params.action || undefined,
    user: params.user || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
    page: params.page || undefined,
  });
  const result = await listAuditEntries(viewer, {
    action: filters.action,
    username: filters.user,
    from: filters.from,
    to: filters.to,
    page: filters.page,
  });
  return { ...result, filters };
}

export default function AuditLog() {
  const { entries, total, page, pages, actions, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const label = (action: string) => {
    // An action without a label in the dictionary reads as its code.
    const key = `audit.action.${action}` as MessageKey;
    const text = t(key);
    return text === key ? action : text;
  };

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <Form method="get" className="card filters" aria-label={t("audit.filters")}>
        <div className="field">
          <label htmlFor="action">{t("audit.action")}</label>
          <select id="action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("audit.anyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {label(action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user">{t("audit.user")}</label>
          <input id="user" name="user" autoCapitalize="none" spellCheck={false} defaultValue={filters.user ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="from">{t("audit.from")}</label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("audit.to")}</label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button">
            {t("common.filter")}
          </button>
          <Link to="/admin/audit" className="button button--secondary">
            {t("common.clear")}
          </Link>
        </div>
      </Form>
      <p className="muted" role="status">
        {t("audit.total", { n: formatNumber(total, locale) })}
      </p>
      {entries.length === 0 ? (
        <p className="card">{t("audit.none")}</p>
      ) : (
        // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("audit.title")}>
          <table className="data" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.colWhen")}</th>
                <th scope="col">{t("audit.colWho")}</th>
                <th scope="col">{t("audit.colWhat")}</th>
                <th scope="col">{t("audit.colTarget")}</th>
                <th scope="col">{t("audit.colWhere")}</th>
                <th scope="col">{t("audit.colDetails")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td className="audit-when">{formatDateTime(entry.at, locale)}</td>
                  <td>
                    {entry.actorUsername ? <code>{entry.actorUsername}</code> : <span className="muted">{t("audit.unknownUser")}</span>}
                    {entry.actorName ? <div className="muted">{pickText(locale, entry.actorName, entry.actorNameHi)}</div> : null}
                  </td>
                  <td>{label(entry.action)}</td>
                  <td>{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : "—"}</td>
                  <td title={entry.userAgent ?? undefined}>{entry.ip ?? "—"}</td>
                  <td className="audit-details">{entry.details ? JSON.stringify(entry.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
