// The lists the secretariat keeps for the review cycle: meeting series and the offices that chair them.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { namedChoices, SelectField } from "~/components/forms/SelectField";
import { asMessageKey } from "~/components/meetings/fields";
import type { MessageKey } from "~/i18n";
import { recordAudit, requestOrigin } from "~/models/audit.server";
import { createOffice, createSeries, listOffices, listSeries } from "~/models/series.server";
import { fieldErrorsFrom } from "~/schemas/meeting";
import { officeSchema, seriesSchema } from "~/schemas/review";
import meetingsStyles from "~/styles/meetings.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDate, formatNumber } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];
export const meta: MetaFunction = () => [{ title: "Series · Anupalan" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:master-data:any");
  const [series, offices] = await Promise.all([listSeries(viewer), listOffices()]);
  return { series, offices };
}

interface SeriesActionData {
  intent: string;
  values: Record<string, string>;
  fieldErrors?: Record<string, string>;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:master-data:any");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries(["code", "nameEn", "nameHi", "officeCode"].map((k) => [k, String(form.get(k) ?? "")]));
  values.code = values.code.trim().toUpperCase();
  const schema = intent === "add-series" ? seriesSchema : officeSchema;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return data<SeriesActionData>({ intent, values, fieldErrors: fieldErrorsFrom(parsed.error) }, { status: 400 });
  const result =
    intent === "add-series"
      ? await createSeries(viewer, parsed.data as { code: string; nameEn: string; nameHi: string; officeCode: string })
      : await createOffice(viewer, parsed.data);
  if (!result.ok) {
    const fieldErrors: Record<string, MessageKey> =
      result.reason === "unknown-office" ? { officeCode: "review.error.unknownOffice" } : { code: "review.error.duplicate" };
    return data<SeriesActionData>({ intent, values, fieldErrors }, { status: 409 });
  }
  await recordAudit({
    actorId: viewer.id,
    actorUsername: viewer.username,
    action: intent === "add-series" ? "series.create" : "office.create",
    targetType: intent === "add-series" ? "series" : "office",
    targetId: values.code,
    details: { nameEn: values.nameEn, nameHi: values.nameHi, officeCode: values.officeCode || undefined },
    ...requestOrigin(request),
  });
  throw redirect("/series?saved=1");
}

export default function SeriesPage() {
  const { series, offices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SeriesActionData | undefined;
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const field = (intent: string, name: string, label: MessageKey, extra: { lang?: string } = {}) => {
    const id = `${intent}-${name}`;
    const r = result?.intent === intent ? result : undefined;
    const error = asMessageKey(r?.fieldErrors?.[name]);
    return (
      <div className="field">
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          name={name}
          lang={extra.lang}
          required
          defaultValue={r?.values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <span className="field__error" id={`${id}-error`}>
            {t(error)}
          </span>
        ) : null}
      </div>
    );
  };
  const seriesResult = result?.intent === "add-series" ? result : undefined;
  const officeError = asMessageKey(seriesResult?.fieldErrors?.officeCode);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/meetings">{t("nav.meetings")}</Link>
      </p>
      <h1>{t("review.series.title")}</h1>
      <p>{t("review.series.intro")}</p>
      {params.get("saved") ? (
        <p className="flash" role="status">
          {t("review.series.created")}
        </p>
      ) : null}
      <section className="card" aria-labelledby="series-list">
        <h2 id="series-list">{t("review.series.list")}</h2>
        <ul className="meeting-list">
          {series.map((s) => (
            <li key={s.code} className="meeting-row">
              <div className="meeting-row__main">
                <Link className="meeting-row__title" to={`/meetings?series=${s.code}`}>
                  {pickText(locale, s.nameEn, s.nameHi)}
                </Link>
                <span className="meeting-row__facts">
                  {pickText(locale, s.officeNameEn, s.officeNameHi)} · {t("review.series.meetings", { n: formatNumber(s.meetings, locale) })}
                  {s.lastMeetingDate ? ` · ${t("review.series.last", { date: formatDate(s.lastMeetingDate, locale) })}` : ""}
                </span>
              </div>
              <Link className="button button--secondary" to={`/meetings/new?series=${s.code}`}>
                {t("review.series.newMeeting")}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="series-add">
        <h2 id="series-add">{t("review.series.add")}</h2>
        <Form method="post" className="grid-2">
          <input type="hidden" name="intent" value="add-series" />
          {field("add-series", "nameHi", "review.series.nameHi", { lang: "hi" })}
          {field("add-series", "nameEn", "review.series.nameEn", { lang: "en" })}
          {field("add-series", "code", "review.series.code")}
          <SelectField
            id="add-series-officeCode"
            name="officeCode"
            label={t("review.series.office")}
            required
            defaultValue={seriesResult?.values.officeCode ?? ""}
            emptyLabel={t("review.office.none")}
            choices={namedChoices(offices, locale)}
            error={officeError ? t(officeError) : undefined}
          />
          <div>
            <button type="submit" className="button">
              {t("review.series.add")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="office-list">
        <h2 id="office-list">{t("review.office.list")}</h2>
        <ul>
          {offices.map((o) => (
            <li key={o.code}>
              {pickText(locale, o.nameEn, o.nameHi)} <span className="muted">({o.code})</span>
            </li>
          ))}
        </ul>
        <h3>{t("review.office.add")}</h3>
        <Form method="post" className="grid-2">
          <input type="hidden" name="intent" value="add-office" />
          {field("add-office", "nameHi", "review.series.nameHi", { lang: "hi" })}
          {field("add-office", "nameEn", "review.series.nameEn", { lang: "en" })}
          {field("add-office", "code", "review.series.code")}
          <div>
            <button type="submit" className="button button--secondary">
              {t("review.office.add")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
