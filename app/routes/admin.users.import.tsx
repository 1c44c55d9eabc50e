import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { BackToUsers, UsersTableColumns } from "~/components/admin/UsersTableHead";
import { DataTable } from "~/components/layout/DataTable";
import type { MessageKey } from "~/i18n";
import { requestOrigin } from "~/models/audit.server";
import { importUsersFromCsv, passwordsCsv, type ImportedUser, type ImportLineError, type ImportMessage } from "~/models/user-import.server";
import { IMPORT_HEADER, IMPORT_MAX_BYTES } from "~/schemas/user-import";
import adminStyles from "~/styles/admin.css";
import { requirePermission } from "~/utils/auth.server";
import { formatNumber, todayInIndia } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("import.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

const MAX_KB = Math.round(IMPORT_MAX_BYTES / 1024);
const EXAMPLE = [
  IMPORT_HEADER,
  '"District Collector, Ajmer",collector.ajmer,DISTRICT_OFFICER,AJMER,COLLECTOR,"जिला कलेक्टर, अजमेर"',
  '"Superintendent of Police, Ajmer",sp.ajmer,DISTRICT_OFFICER,AJMER,SP,"पुलिस अधीक्षक, अजमेर"',
  '"Nodal Officer, DIPR",dipr.nodal,DEPARTMENT_OFFICER,DIPR,,',
  '"Joint Secretary, CS Office",js.cso,SECRETARIAT,,,"संयुक्त सचिव, मुख्य सचिव कार्यालय"',
].join("\n");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:users:any");
  return null;
}

type Created = Pick<ImportedUser, "line" | "displayName" | "username" | "role" | "districtCode" | "districtRole" | "departmentCode" | "password">;
type ActionResult =
  | { created: Created[]; csv: string; fileName: string }
  | { errors: ImportLineError[]; formError?: undefined; pasted: string }
  | { formError: ImportMessage; errors?: undefined; pasted: string };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:users:any");
  const tooLarge = { key: "import.tooLarge", params: { max: MAX_KB } } as const;
  // Refuse an oversized upload before reading it into memory (the form itself adds a little).
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 16 * 1024) {
    return data<ActionResult>({ formError: tooLarge, pasted: "" }, { status: 400 });
  }
  const form = await request.formData();
  if (form.get("intent") !== "import") throw new Response("Unknown intent", { status: 400 });
  const file = form.get("file");
  const pasted = typeof form.get("csv") === "string" ? (form.get("csv") as string) : "";
  let text = pasted;
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_MAX_BYTES) return data<ActionResult>({ formError: tooLarge, pasted }, { status: 400 });
    text = await file.text();
  }
  if (text.trim() === "") return data<ActionResult>({ formError: { key: "import.noFile" }, pasted }, { status: 400 });
  if (text.length > IMPORT_MAX_BYTES) return data<ActionResult>({ formError: tooLarge, pasted }, { status: 400 });

  const result = await importUsersFromCsv(viewer, text, requestOrigin(request));
  if (!result.ok) return data<ActionResult>({ errors: result.errors, pasted }, { status: 400 });
  return data<ActionResult>({
    created: result.created,
    csv: passwordsCsv(result.created),
    fileName: `anupalan-users-${todayInIndia()}.csv`,
  });
}

/** An import message in the viewer's language; a field-level message names the column. */
function useImportMessage() {
  const t = useT();
  return (message: ImportMessage) => {
    const params = { ...message.params };
    if (message.key === "import.fieldError") {
      params.field = t(params.field as MessageKey);
      params.message = t(params.message as MessageKey);
    }
    return t(message.key, params);
  };
}

export default function ImportUsers() {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const locale = useLocale();
  const say = useImportMessage();

  if (result && "created" in result) {
    return (
      <>
        <h1>{t("import.title")}</h1>
        <p className="flash" role="status">
          {t("import.done", { n: formatNumber(result.created.length, locale) })}
        </p>
        <section className="card" aria-labelledby="passwords-title">
          <h2 id="passwords-title">{t("import.passwordsTitle")}</h2>
          <p>{t("import.passwordsHint")}</p>
          <p>
            <a className="button" download={result.fileName} href={`data:text/csv;charset=utf-8,${encodeURIComponent(result.csv)}`}>
              {t("import.download")}
            </a>
          </p>
          <DataTable testId="imported-users" head={<UsersTableColumns last={t("import.colPassword")} />}>
            {result.created.map((user) => (
              <tr key={user.username}>
                <td>{user.displayName}</td>
                <td>
                  <code>{user.username}</code>
                </td>
                <td>{t(`role.${user.role}`)}</td>
                <td>
                  {[user.districtCode || user.departmentCode, user.districtRole ? t(`districtRole.${user.districtRole}`) : ""]
                    .filter(Boolean)
                    .join(" · ")}
                </td>
                <td>
                  <code>{user.password}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
        <BackToUsers />
      </>
    );
  }

  return (
    <>
      <BackToUsers />
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      {result?.formError ? (
        <p className="form-error" role="alert">
          {say(result.formError)}
        </p>
      ) : null}
      {result?.errors ? (
        <section className="form-error import-errors" role="alert" aria-labelledby="import-errors-title">
          <h2 id="import-errors-title">{t("import.errorsTitle")}</h2>
          <ul>
            {result.errors.map((error) => (
              <li key={error.line} data-line={error.line}>
                <strong>{t("import.line", { line: error.line })}:</strong> {error.messages.map(say).join(" ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="card">
        <summary>{t("import.columnsTitle")}</summary>
        <p>{t("import.columnsText")}</p>
        <p>
          <strong>{t("import.example")}</strong>
        </p>
        <pre className="csv-example">{EXAMPLE}</pre>
      </details>
      <Form method="post" encType="multipart/form-data" className="card">
        <input type="hidden" name="intent" value="import" />
        <div className="field">
          <label htmlFor="file">{t("import.file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" />
          <span id="file-hint" className="field__hint">
            {t("import.fileHint", { max: MAX_KB })}
          </span>
        </div>
        <div className="field">
          <label htmlFor="csv">{t("import.paste")}</label>
          <textarea id="csv" name="csv" rows={8} spellCheck={false} defaultValue={result?.pasted ?? ""} className="csv-input" />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("import.submit")}
        </button>
      </Form>
    </>
  );
}
