import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { OneTimePassword } from "~/components/admin/OneTimePassword";
import { UserForm, type UserFormErrors, type UserFormValues } from "~/components/admin/UserForm";
import { BackToUsers } from "~/components/admin/UsersTableHead";
import { IntentForm } from "~/components/forms/IntentButton";
import type { MessageKey } from "~/i18n";
import { requestOrigin } from "~/models/audit.server";
import { getUser, listUnitOptions, resetUserPassword, setUserDisabled, updateUser } from "~/models/user.server";
import { userUpdateSchema } from "~/schemas/user";
import adminStyles from "~/styles/admin.css";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";
import { requireId } from "~/utils/params";
import { parseForm } from "~/utils/parse-form";

export const meta = titleMeta("users.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

const DONE = { saved: "user.saved", disabled: "user.disabledDone", enabled: "user.enabledDone" } as const satisfies Record<string, MessageKey>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:users:any");
  const user = await getUser(viewer, requireId(params.userId));
  if (!user) throw new Response("Not found", { status: 404 });
  const units = await listUnitOptions(viewer);
  const done = new URL(request.url).searchParams.get("done");
  return { user, ...units, isSelf: user.id === viewer.id, done: done && done in DONE ? DONE[done as keyof typeof DONE] : null };
}

type ActionResult =
  | { intent: "update"; fieldErrors: UserFormErrors; values: UserFormValues }
  | { intent: "reset-password"; password: string }
  | { intent: "access"; formError: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:users:any");
  const userId = requireId(params.userId);
  const form = Object.fromEntries(await request.formData());
  const origin = requestOrigin(request);
  const notFound = () => new Response("Not found", { status: 404 });
  switch (form.intent) {
    case "update": {
      const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string) : "");
      const values = {
        displayName: text("displayName"),
        displayNameHi: text("displayNameHi"),
        username: "",
        role: text("role"),
        districtCode: text("districtCode"),
        districtRole: text("districtRole"),
        departmentCode: text("departmentCode"),
      } as UserFormValues;
      const parsed = parseForm<typeof userUpdateSchema, keyof UserFormErrors>(userUpdateSchema, form);
      if (!parsed.ok) return data<ActionResult>({ intent: "update", fieldErrors: parsed.fieldErrors, values }, { status: 400 });
      const result = await updateUser(viewer, userId, parsed.data, origin);
      if (!result) throw notFound();
      if (!result.ok) {
        return data<ActionResult>({ intent: "update", fieldErrors: result.fieldErrors ?? {}, values }, { status: 400 });
      }
      throw redirect(`/admin/users/${userId}?done=saved`);
    }
    case "disable":
    case "enable": {
      const result = await setUserDisabled(viewer, userId, form.intent === "disable", origin);
      if (!result) throw notFound();
      if (!result.ok) return data<ActionResult>({ intent: "access", formError: result.formError }, { status: 400 });
      throw redirect(`/admin/users/${userId}?done=${form.intent}d`);
    }
    case "reset-password": {
      if (userId === viewer.id) return data<ActionResult>({ intent: "access", formError: "user.resetSelf" }, { status: 400 });
      const password = await resetUserPassword(viewer, userId, origin);
      if (password === null) throw notFound();
      // Shown once in this answer and stored nowhere, so there is no redirect to survive.
      return data<ActionResult>({ intent: "reset-password", password });
    }
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

export default function EditUser() {
  const { user, districts, departments, divisions, isSelf, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const values: UserFormValues =
    result?.intent === "update"
      ? result.values
      : {
          displayName: user.displayName,
          displayNameHi: user.displayNameHi ?? "",
          username: user.username,
          role: user.role,
          districtCode: user.districtCode ?? "",
          districtRole: user.districtRole ?? "",
          departmentCode: user.departmentCode ?? "",
          divisionCode: user.divisionCode ?? "",
        };
  return (
    <>
      <BackToUsers />
      <h1>{t("user.editTitle", { username: user.username })}</h1>
      {done ? (
        <p className="flash" role="status">
          {t(done)}
        </p>
      ) : null}
      {user.disabled ? (
        <p className="form-error" role="status">
          {t("user.disabledNote")}
        </p>
      ) : null}
      {result?.intent === "reset-password" ? (
        <OneTimePassword label={t("user.resetDone", { username: user.username })} password={result.password} />
      ) : null}
      <UserForm
        key={`${user.id}-${result?.intent ?? ""}`}
        mode="edit"
        defaultValues={values}
        serverErrors={result?.intent === "update" ? result.fieldErrors : undefined}
        districts={districts}
        departments={departments}
        divisions={divisions}
        submitLabel={t("user.save")}
      />
      <section className="card" aria-labelledby="access-title">
        <h2 id="access-title">{t("user.access")}</h2>
        {result?.intent === "access" ? (
          <p className="form-error" role="alert">
            {t(result.formError)}
          </p>
        ) : null}
        <div className="access-actions">
          {isSelf ? (
            <p>
              <Link to="/account/password">{t("nav.password")}</Link>
            </p>
          ) : (
            <IntentForm intent="reset-password" label={t("user.resetPassword")} look="secondary" busy={busy}>
              <p className="field__hint">{t("user.resetHint")}</p>
            </IntentForm>
          )}
          {user.disabled ? (
            <IntentForm intent="enable" label={t("user.enable")} busy={busy} />
          ) : isSelf ? null : (
            <IntentForm intent="disable" label={t("user.disable")} look="danger" busy={busy}>
              <p className="field__hint">{t("user.disableHint")}</p>
            </IntentForm>
          )}
        </div>
      </section>
    </>
  );
}
