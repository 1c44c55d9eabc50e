import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { recordAudit, recordAuditOncePerMinute, requestOrigin } from "~/models/audit.server";
import { beginLoginAttempt, markLoginSucceeded, normaliseUsername } from "~/models/rate-limit.server";
import { createSession, deleteSession } from "~/models/session.server";
import { verifyLogin } from "~/models/user.server";
import { loginSchema } from "~/schemas/login";
import { getViewer, homePathFor, passwordChangePath, safeRedirectTo, sessionCookieHeader, sessionToken } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { parseForm } from "~/utils/parse-form";
import type { PageHandle } from "~/root";

/** Nothing here needs the app's script: sent without it (decision 014). */
export const handle: PageHandle = { scripts: false };

export const meta: MetaFunction = () => [{ title: "Sign in · Anupalan" }];

// Remix builds a page's headers from this; without it the 429's Retry-After would be dropped.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) {
    const redirectTo = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirectTo(redirectTo, homePathFor(viewer)));
  }
  return null;
}

type ActionResult = {
  fieldErrors?: Partial<Record<"username" | "password", MessageKey>>;
  formError?: { key: MessageKey; params?: Record<string, number> };
  values: { username: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = parseForm(loginSchema, form, { fields: ["username", "password"] });
  const username = typeof form.username === "string" ? form.username : "";
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors, values: { username } }, { status: 400 });
  const origin = requestOrigin(request);
  const typedUsername = normaliseUsername(parsed.data.username);

  // The limit is checked before the password, so a blocked guesser learns nothing.
  const attempt = await beginLoginAttempt({ ip: origin.ip, username: typedUsername });
  if (!attempt.allowed) {
    await recordAuditOncePerMinute({
      action: "auth.login_throttled",
      actorUsername: typedUsername,
      details: { limitedBy: attempt.limitedBy, retryAfterSeconds: attempt.retryAfterSeconds },
      ...origin,
    });
    return data<ActionResult>(
      { formError: { key: "login.tooMany", params: { seconds: attempt.retryAfterSeconds } }, values: { username } },
      { status: 429, headers: { "Retry-After": String(attempt.retryAfterSeconds) } },
    );
  }

  const user = await verifyLogin(parsed.data.username, parsed.data.password);
  if (!user) {
    await recordAudit({ action: "auth.login_failed", actorUsername: typedUsername, ...origin });
    return data<ActionResult>({ formError: { key: "login.invalid" }, values: { username } }, { status: 401 });
  }
  await markLoginSucceeded(attempt.attemptId);
  // A new session id at every sign-in; any session the browser held before is ended.
  const previous = sessionToken(request);
  if (previous) await deleteSession(previous);
  const { token, expiresAt } = await createSession(user.id, origin);
  await recordAudit({ action: "auth.login", actorId: user.id, actorUsername: user.username, ...origin });
  const destination = safeRedirectTo(parsed.data.redirectTo, homePathFor(user));
  throw redirect(user.mustChangePassword ? passwordChangePath(destination) : destination, {
    headers: { "Set-Cookie": sessionCookieHeader(request, token, expiresAt) },
  });
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="card auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      {result?.formError ? (
        <p className="form-error" role="alert">
          {t(result.formError.key, result.formError.params)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field id="username" label={t("login.username")} error={errors.username}>
          {(aria) => (
            <input
              {...aria}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              defaultValue={result?.values.username}
            />
          )}
        </Field>
        <Field id="password" label={t("login.password")} error={errors.password}>
          {(aria) => <input {...aria} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("login.submit")}
        </button>
        <p className="field__hint">{t("login.hint")}</p>
      </Form>
    </section>
  );
}
