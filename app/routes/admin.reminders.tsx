import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/Field";
import type { MessageKey } from "~/i18n";
import { requestOrigin } from "~/models/audit.server";
import { getLadderSettings, saveLadderSettings } from "~/models/notices.server";
import { ladderSchema } from "~/schemas/notices";
import noticeStyles from "~/styles/notices.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("ladder.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: noticeStyles }];

interface LadderValues {
  dueSoonDays: string;
  dueSoonEnabled: boolean;
  dueTodayEnabled: boolean;
  divisionDays: string;
  divisionEnabled: boolean;
  escalateDays: string;
  escalateEnabled: boolean;
}
type Errors = Partial<Record<keyof LadderValues, MessageKey>>;
type ActionResult = { saved: true } | { errors: Errors; values: LadderValues };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:reminders:any");
  const { steps, lastRun } = await getLadderSettings(viewer);
  const step = (s: string) => steps.find((x) => x.step === s)!;
  const values: LadderValues = {
    dueSoonDays: String(-step("DUE_SOON").offsetDays),
    dueSoonEnabled: step("DUE_SOON").enabled,
    dueTodayEnabled: step("DUE_TODAY").enabled,
    divisionDays: String(step("OVERDUE_DIVISION").offsetDays),
    divisionEnabled: step("OVERDUE_DIVISION").enabled,
    escalateDays: String(step("OVERDUE_ESCALATED").offsetDays),
    escalateEnabled: step("OVERDUE_ESCALATED").enabled,
  };
  return { values, lastRun };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:reminders:any");
  const form = Object.fromEntries(await request.formData());
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  const values: LadderValues = {
    dueSoonDays: text("dueSoonDays"),
    dueSoonEnabled: text("dueSoonEnabled") === "on",
    dueTodayEnabled: text("dueTodayEnabled") === "on",
    divisionDays: text("divisionDays"),
    divisionEnabled: text("divisionEnabled") === "on",
    escalateDays: text("escalateDays"),
    escalateEnabled: text("escalateEnabled") === "on",
  };
  const parsed = ladderSchema.safeParse({
    ...values,
    dueSoonEnabled: text("dueSoonEnabled") || undefined,
    dueTodayEnabled: text("dueTodayEnabled") || undefined,
    divisionEnabled: text("divisionEnabled") || undefined,
    escalateEnabled: text("escalateEnabled") || undefined,
  });
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof LadderValues] ??= issue.message as MessageKey;
    return data<ActionResult>({ errors, values }, { status: 400 });
  }
  await saveLadderSettings(viewer, parsed.data, requestOrigin(request));
  return data<ActionResult>({ saved: true });
}

/** The ladder's steps in order: each can be switched off; three have a number of days. */
const LADDER: {
  step: "DUE_SOON" | "DUE_TODAY" | "OVERDUE_DIVISION" | "OVERDUE_ESCALATED";
  enabled: "dueSoonEnabled" | "dueTodayEnabled" | "divisionEnabled" | "escalateEnabled";
  days?: "dueSoonDays" | "divisionDays" | "escalateDays";
  daysLabel?: MessageKey;
}[] = [
  { step: "DUE_SOON", enabled: "dueSoonEnabled", days: "dueSoonDays", daysLabel: "ladder.daysBefore" },
  { step: "DUE_TODAY", enabled: "dueTodayEnabled" },
  { step: "OVERDUE_DIVISION", enabled: "divisionEnabled", days: "divisionDays", daysLabel: "ladder.daysOverdue" },
  { step: "OVERDUE_ESCALATED", enabled: "escalateEnabled", days: "escalateDays", daysLabel: "ladder.daysOverdue" },
];

function Step({
  legend,
  enabledName,
  enabled,
  daysName,
  days,
  daysLabel,
  error,
}: {
  legend: string;
  enabledName: keyof LadderValues;
  enabled: boolean;
  daysName?: keyof LadderValues;
  days?: string;
  daysLabel?: string;
  error?: MessageKey;
}) {
  const t = useT();
  return (
    <fieldset className="ladder-step">
      <legend>{legend}</legend>
      <label className="check">
        <input type="checkbox" name={enabledName} defaultChecked={enabled} />
        {t("ladder.enabled")}
      </label>
      {daysName ? (
        <Field id={daysName} label={daysLabel!} error={error}>
          {(aria) => <input {...aria} name={daysName} inputMode="numeric" defaultValue={days} />}
        </Field>
      ) : null}
    </fieldset>
  );
}

export default function LadderSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const values = result && "values" in result ? result.values : loaded.values;
  const errors = result && "errors" in result ? result.errors : {};
  return (
    <>
      <h1>{t("ladder.title")}</h1>
      <p>{t("ladder.intro")}</p>
      <p className="muted">
        {t("ladder.lastRun")}: {loaded.lastRun ? formatDate(loaded.lastRun, locale) : t("ladder.never")}
      </p>
      {result && "saved" in result ? (
        <p className="flash" role="status">
          {t("ladder.saved")}
        </p>
      ) : null}
      <Form method="post" noValidate className="card settings-form" key={JSON.stringify(values)}>
        {LADDER.map((step) => (
          <Step
            key={step.step}
            legend={t(`ladder.step.${step.step}`)}
            enabledName={step.enabled}
            enabled={values[step.enabled]}
            daysName={step.days}
            days={step.days ? values[step.days] : undefined}
            daysLabel={step.daysLabel ? t(step.daysLabel) : undefined}
            error={step.days ? errors[step.days] : undefined}
          />
        ))}
        <button type="submit" className="button" disabled={busy}>
          {t("ladder.save")}
        </button>
      </Form>
    </>
  );
}
