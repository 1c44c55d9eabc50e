import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { UserForm, type UserFormErrors, type UserFormValues } from "~/components/admin/UserForm";
import { OneTimePassword } from "~/components/admin/OneTimePassword";
import { BackToUsers } from "~/components/admin/UsersTableHead";
import { requestOrigin } from "~/models/audit.server";
import { createUser, listUnitOptions } from "~/models/user.server";
import { userCreateSchema } from "~/schemas/user";
import adminStyles from "~/styles/admin.css";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";
import { parseForm } from "~/utils/parse-form";

export const meta = titleMeta("user.newTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:users:any");
  return listUnitOptions(viewer);
}

type ActionResult = { created: { userId: number; username: string; password: string } } | { fieldErrors: UserFormErrors; values: UserFormValues };

function formValues(form: Record<string, FormDataEntryValue>): UserFormValues {
  const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string) : "");
  return {
    displayName: text("displayName"),
    displayNameHi: text("displayNameHi"),
    username: text("username"),
    role: (text("role") || "DISTRICT_OFFICER") as UserFormValues["role"],
    districtCode: text("districtCode"),
    districtRole: text("districtRole") as UserFormValues["districtRole"],
    departmentCode: text("departmentCode"),
    divisionCode: text("divisionCode"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:users:any");
  const form = Object.fromEntries(await request.formData());
  if (form.intent !== "create") throw new Response("Unknown intent", { status: 400 });
  const values = formValues(form);
  const parsed = parseForm<typeof userCreateSchema, keyof UserFormErrors>(userCreateSchema, form);
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const result = await createUser(viewer, parsed.data, requestOrigin(request));
  if (!result.ok) return data<ActionResult>({ fieldErrors: result.fieldErrors, values }, { status: 400 });
  return data<ActionResult>({ created: { userId: result.userId, username: result.username, password: result.password } });
}

const EMPTY: UserFormValues = {
  displayName: "",
  displayNameHi: "",
  username: "",
  role: "DISTRICT_OFFICER",
  districtCode: "",
  districtRole: "",
  departmentCode: "",
  divisionCode: "",
};

export default function NewUser() {
  const { districts, departments, divisions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  if (result && "created" in result) {
    return (
      <>
        <h1>{t("user.newTitle")}</h1>
        <p className="flash" role="status">
          {t("user.created", { username: result.created.username })}
        </p>
        <OneTimePassword label={t("user.oneTimePassword")} password={result.created.password} />
        <p className="button-row">
          <Link className="button" to={`/admin/users/${result.created.userId}`}>
            {t("users.edit")}
          </Link>
          <Link className="button button--secondary" to="/admin/users/new" reloadDocument>
            {t("users.new")}
          </Link>
          <Link to="/admin/users">{t("user.backToList")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackToUsers />
      <h1>{t("user.newTitle")}</h1>
      <UserForm
        key={result ? "retry" : "fresh"}
        mode="create"
        defaultValues={result?.values ?? EMPTY}
        serverErrors={result?.fieldErrors}
        districts={districts}
        departments={departments}
        divisions={divisions}
        submitLabel={t("user.create")}
      />
    </>
  );
}
