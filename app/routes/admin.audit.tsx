import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DateRangeFields } from "~/components/forms/DateRangeFields";
import { Field } from "~/components/forms/Field";
import { FilterButtons } from "~/components/forms/FilterButtons";
import { SelectField } from "~/components/forms/SelectField";
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
        <SelectField
          id="action"
          name="action"
          label={t("audit.action")}
          defaultValue={filters.action ?? ""}
          emptyLabel={t("audit.anyAction")}
          choices={actions.map((action) => ({ value: action, label: label(action) }))}
        />
        <Field id="user" label={t("audit.user")}>
          {(aria) => <input {...aria} name="user" autoCapitalize="none" spellCheck={false} defaultValue={filters.user ?? ""} />}
        </Field>
        <DateRangeFields labels={{ from: t("audit.from"), to: t("audit.to") }} values={filters} />
        <FilterButtons applyLabel={t("common.filter")} clearLabel={t("common.clear")} clearTo="/admin/audit" />
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
