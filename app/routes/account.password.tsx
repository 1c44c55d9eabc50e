import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import { useServerForm } from "~/components/forms/use-server-form";
import type { MessageKey } from "~/i18n";
import { requestOrigin } from "~/models/audit.server";
import { createSession } from "~/models/session.server";
import { changeOwnPassword } from "~/models/user.server";
import { PASSWORD_MIN, passwordChangeSchema, type PasswordChangeInput } from "~/schemas/user";
import { homePathFor, PASSWORD_CHANGE_PATH, requirePermission, requireViewer, safeRedirectTo, sessionCookieHeader } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";
import { parseForm } from "~/utils/parse-form";

export const meta = titleMeta("password.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  return {
    mustChange: viewer.mustChangePassword,
    changed: url.searchParams.get("done") === "changed",
    redirectTo: safeRedirectTo(url.searchParams.get("redirectTo"), ""),
  };
}

type Fields = keyof PasswordChangeInput;
type ActionResult = { fieldErrors: Partial<Record<Fields, MessageKey>> };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "update:password:own");
  const form = Object.fromEntries(await request.formData());
  const parsed = parseForm<typeof passwordChangeSchema, Fields>(passwordChangeSchema, form);
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const origin = requestOrigin(request);
  const result = await changeOwnPassword(viewer, parsed.data, origin);
  if (!result.ok) return data<ActionResult>({ fieldErrors: { [result.field]: result.message } }, { status: 400 });

  // Every session of the user ended with the change; this browser continues in a new one.
  const { token, expiresAt } = await createSession(viewer.id, origin);
  const redirectTo = safeRedirectTo(form.redirectTo, "");
  const destination = redirectTo && !redirectTo.startsWith(PASSWORD_CHANGE_PATH) ? redirectTo : `${PASSWORD_CHANGE_PATH}?done=changed`;
  throw redirect(viewer.mustChangePassword && !redirectTo ? homePathFor(viewer) : destination, {
    headers: { "Set-Cookie": sessionCookieHeader(request, token, expiresAt) },
  });
}

export default function ChangePassword() {
  const t = useT();
  const { mustChange, changed, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const form = useServerForm<PasswordChangeInput>(passwordChangeSchema, {
    mode: "onTouched",
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    serverErrors: result?.fieldErrors,
  });
  return (
    <section className="card auth-card" aria-labelledby="password-title">
      <h1 id="password-title">{t("password.title")}</h1>
      {changed ? (
        <p className="flash" role="status">
          {t("password.changed")}
        </p>
      ) : null}
      {mustChange ? (
        <p className="form-error" role="alert">
          {t("password.mustChange")}
        </p>
      ) : (
        <p>{t("password.intro", { min: PASSWORD_MIN })}</p>
      )}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="currentPassword" label={t("password.current")} error={form.errorOf("currentPassword")}>
          {(aria) => <input {...aria} type="password" autoComplete="current-password" required {...form.register("currentPassword")} />}
        </Field>
        <Field id="newPassword" label={t("password.new")} hint={t("password.newHint", { min: PASSWORD_MIN })} error={form.errorOf("newPassword")}>
          {(aria) => (
            <input {...aria} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} {...form.register("newPassword")} />
          )}
        </Field>
        <Field id="confirmPassword" label={t("password.confirm")} error={form.errorOf("confirmPassword")}>
          {(aria) => <input {...aria} type="password" autoComplete="new-password" required {...form.register("confirmPassword")} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("password.submit")}
        </button>
      </Form>
    </section>
  );
}
