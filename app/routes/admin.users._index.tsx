import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { UsersTableColumns } from "~/components/admin/UsersTableHead";
import { Field } from "~/components/forms/Field";
import { FilterButtons } from "~/components/forms/FilterButtons";
import { namedChoices, SelectField } from "~/components/forms/SelectField";
import { DataTable } from "~/components/layout/DataTable";
import { PageHead } from "~/components/layout/PageHead";
import { listUnitOptions, listUsers, USER_LIST_LIMIT, type UserListRow } from "~/models/user.server";
import { ROLES } from "~/domain/vocabulary";
import { userFiltersSchema } from "~/schemas/user";
import adminStyles from "~/styles/admin.css";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("users.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:users:any");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = userFiltersSchema.parse({
    role: params.role || undefined,
    district: params.district || undefined,
    q: params.q || undefined,
    status: params.status || undefined,
  });
  const [{ users, truncated }, units] = await Promise.all([listUsers(viewer, filters), listUnitOptions(viewer)]);
  // The limit travels with the data: the browser bundle has no *.server module to read it from.
  return { users, truncated, limit: USER_LIST_LIMIT, filters, districts: units.districts };
}

function WorksFor({
  user,
}: {
  user: Pick<
    UserListRow,
    "districtNameEn" | "districtNameHi" | "districtRole" | "departmentNameEn" | "departmentNameHi" | "divisionNameEn" | "divisionNameHi"
  >;
}) {
  const t = useT();
  const locale = useLocale();
  if (user.divisionNameEn && user.districtRole) {
    return <>{`${pickText(locale, user.divisionNameEn, user.divisionNameHi)} · ${t(`divisionSide.${user.districtRole}`)}`}</>;
  }
  if (user.districtNameEn) {
    const district = pickText(locale, user.districtNameEn, user.districtNameHi);
    return <>{user.districtRole ? `${district} · ${t(`districtRole.${user.districtRole}`)}` : district}</>;
  }
  if (user.departmentNameEn) return <>{pickText(locale, user.departmentNameEn, user.departmentNameHi)}</>;
  return <span className="muted">—</span>;
}

export default function UsersList() {
  const { users, truncated, limit, filters, districts } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHead title={t("users.title")}>
        <Link className="button" to="/admin/users/new">
          {t("users.new")}
        </Link>
        <Link className="button button--secondary" to="/admin/users/import">
          {t("users.import")}
        </Link>
      </PageHead>

      <Form method="get" className="card filters" aria-label={t("users.filters")}>
        <Field id="q" label={t("users.search")}>
          {(aria) => <input {...aria} name="q" type="search" defaultValue={filters.q ?? ""} />}
        </Field>
        <SelectField
          id="role"
          name="role"
          label={t("users.role")}
          defaultValue={filters.role ?? ""}
          emptyLabel={t("users.any")}
          choices={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <SelectField
          id="district"
          name="district"
          label={t("users.district")}
          defaultValue={filters.district ?? ""}
          emptyLabel={t("users.any")}
          choices={namedChoices(districts, locale)}
        />
        <SelectField
          id="status"
          name="status"
          label={t("users.status")}
          defaultValue={filters.status ?? ""}
          emptyLabel={t("users.any")}
          choices={[
            { value: "active", label: t("users.statusActive") },
            { value: "disabled", label: t("users.statusDisabled") },
          ]}
        />
        <FilterButtons applyLabel={t("common.filter")} clearLabel={t("common.clear")} clearTo="/admin/users" />
      </Form>

      <p className="muted" role="status">
        {t("users.count", { n: formatNumber(users.length, locale) })}
        {truncated ? ` ${t("users.truncated", { n: formatNumber(limit, locale) })}` : null}
      </p>
      {users.length === 0 ? (
        <p className="card">{t("users.none")}</p>
      ) : (
        <DataTable testId="users-table" head={<UsersTableColumns last={t("users.colStatus")} />}>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/admin/users/${user.id}`}>{pickText(locale, user.displayName, user.displayNameHi)}</Link>
              </td>
              <td>
                <code>{user.username}</code>
              </td>
              <td>{t(`role.${user.role}`)}</td>
              <td>
                <WorksFor user={user} />
              </td>
              <td>
                {user.disabled ? (
                  <span className="badge badge--off">{t("users.statusDisabled")}</span>
                ) : (
                  <span className="badge badge--on">{t("users.statusActive")}</span>
                )}
                {user.mustChangePassword && !user.disabled ? <span className="muted user-note">{t("users.mustChange")}</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
