import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { emailIsConfigured, getNoticePreferences, saveNoticePreferences, type NoticePreferences } from "~/models/notices.server";
import { noticePreferencesSchema } from "~/schemas/notices";
import noticeStyles from "~/styles/notices.css";
import { requirePermission } from "~/utils/auth.server";
import { useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("prefs.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: noticeStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:notices:own");
  return { prefs: await getNoticePreferences(viewer), emailConfigured: emailIsConfigured() };
}

type ActionResult = { saved: true } | { errors: Partial<Record<keyof NoticePreferences, MessageKey>>; values: NoticePreferences };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "read:notices:own");
  const form = Object.fromEntries(await request.formData());
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  const parsed = noticePreferencesSchema.safeParse({
    email: text("email"),
    emailEnabled: text("emailEnabled") || undefined,
    digestFrequency: text("digestFrequency"),
    locale: text("locale"),
  });
  if (!parsed.success) {
    const errors: Partial<Record<keyof NoticePreferences, MessageKey>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof NoticePreferences] ??= issue.message as MessageKey;
    const values: NoticePreferences = {
      email: text("email"),
      emailEnabled: text("emailEnabled") === "on",
      digestFrequency: text("digestFrequency") === "OFF" ? "OFF" : "WEEKLY",
      locale: text("locale") === "en" ? "en" : "hi",
    };
    return data<ActionResult>({ errors, values }, { status: 400 });
  }
  await saveNoticePreferences(viewer, parsed.data);
  return data<ActionResult>({ saved: true });
}

export default function NoticeSettings() {
  const { prefs, emailConfigured } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const values = result && "values" in result ? result.values : prefs;
  const errors = result && "errors" in result ? result.errors : {};
  return (
    <>
      <h1>{t("prefs.title")}</h1>
      <p>{t("prefs.intro")}</p>
      {result && "saved" in result ? (
        <p className="flash" role="status">
          {t("prefs.saved")}
        </p>
      ) : null}
      {!emailConfigured ? <p className="muted">{t("prefs.emailOff")}</p> : null}
      <Form method="post" noValidate className="card settings-form" key={JSON.stringify(values)}>
        <Field id="email" label={t("prefs.email")} hint={t("prefs.emailHint")} error={errors.email}>
          {(aria) => <input {...aria} type="email" name="email" autoComplete="email" defaultValue={values.email} />}
        </Field>
        <label className="check">
          <input type="checkbox" name="emailEnabled" defaultChecked={values.emailEnabled} />
          {t("prefs.emailEnabled")}
        </label>
        <Field id="digestFrequency" label={t("prefs.digest")} error={errors.digestFrequency}>
          {(aria) => (
            <select {...aria} name="digestFrequency" defaultValue={values.digestFrequency}>
              <option value="WEEKLY">{t("prefs.digest.WEEKLY")}</option>
              <option value="OFF">{t("prefs.digest.OFF")}</option>
            </select>
          )}
        </Field>
        <Field id="locale" label={t("prefs.locale")} error={errors.locale}>
          {(aria) => (
            <select {...aria} name="locale" defaultValue={values.locale}>
              <option value="hi" lang="hi">
                हिन्दी
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {t("prefs.save")}
        </button>
      </Form>
    </>
  );
}
