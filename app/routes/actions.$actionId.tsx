import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ExtensionForm, type ExtensionFormState } from "~/components/actions/ExtensionForm";
import { HistoryTimeline } from "~/components/actions/HistoryTimeline";
import { ItemSummary } from "~/components/actions/ItemSummary";
import { ReviewRemarkForm } from "~/components/actions/ReviewRemarkForm";
import { ReturnedNotice } from "~/components/actions/ReturnedNotice";
import { UpdateForm } from "~/components/actions/UpdateForm";
import { getActionItem, getActionItemTimeline } from "~/models/action-item.server";
import { listCorrectionsForItem } from "~/models/published-corrections.server";
import { requestExtension } from "~/models/extension.server";
import { extensionRequestSchema, type UpdateOutcome } from "~/schemas/action-update";
import actionsStyles from "~/styles/actions.css";
import { clearFlashCookie, FLASH_COOKIE, flashCookie, handleActionUpdate, readActionForm } from "./actions.$actionId.update.server";
import { denyAccess, requireAnyPermission, type Viewer } from "~/utils/auth.server";
import { readCookie } from "~/utils/cookies.server";
import { formatDate, todayInIndia } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { actorFor, nextStatuses, OPEN_STATUSES } from "~/utils/lifecycle";
import { firstField } from "~/utils/multipart.server";
import { can } from "~/utils/permissions";
import { requireId } from "~/utils/params";
import { parseForm } from "~/utils/parse-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: actionsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item.directiveNumber}. ${data.item.textEn || data.item.textHi} · Anupalan`.slice(0, 90) : "Anupalan" },
];

/** May this viewer report on items (officers) or act on reports (secretariat)? */
function mayUpdate(viewer: Viewer): boolean {
  const actor = actorFor(viewer.role);
  if (actor === "OFFICER") return can(viewer.role, "update:action-item:own");
  if (actor === "SECRETARIAT") return can(viewer.role, "verify:action-item:any");
  return false;
}

function remarkErrorOf(request: Request): "reviewRemark.required" | "reviewRemark.tooLong" | null {
  const code = new URL(request.url).searchParams.get("remark");
  return code === "empty" ? "reviewRemark.required" : code === "too-long" ? "reviewRemark.tooLong" : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["read:action-item:own", "read:action-item:any"]);
  const id = requireId(params.actionId);
  const today = todayInIndia();
  const item = await getActionItem(viewer, id, today);
  // Another district's item answers exactly like one that does not exist.
  if (!item) throw new Response("Not found", { status: 404 });
  const timeline = await getActionItemTimeline(viewer, id);
  const corrections = await listCorrectionsForItem(viewer, id);
  const actor = actorFor(viewer.role);
  const next = actor && mayUpdate(viewer) && !item.withdrawnAt ? nextStatuses(item.status, actor) : [];
  const flash = readCookie(request, FLASH_COOKIE);
  return data(
    {
      today,
      item,
      timeline,
      corrections,
      actor,
      nextStatuses: next,
      readOnly: !mayUpdate(viewer),
      reader: can(viewer.role, "read:action-item:any"),
      canRequestExtension:
        can(viewer.role, "request:extension:own") && OPEN_STATUSES.includes(item.status) && !item.pendingExtension && !item.withdrawnAt,
      flash: flash === "saved" || flash === "extension-requested" || flash === "remarked" ? flash : null,
      // A division officer remarks on items of their division (issue 13); the remark route checks again.
      canRemark: can(viewer.role, "remark:action-item:division") && !item.withdrawnAt,
      remarkError: remarkErrorOf(request),
    },
    flash ? { headers: { "Set-Cookie": clearFlashCookie(request) } } : undefined,
  );
}

type ActionData = { form: "update"; outcome: UpdateOutcome } | { form: "extension"; state: ExtensionFormState };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireAnyPermission(request, ["update:action-item:own", "verify:action-item:any", "request:extension:own"]);
  const id = requireId(params.actionId);
  const form = await readActionForm(request);
  const intent = firstField(form.fields, "intent");

  if (intent === "request-extension") {
    if (!can(viewer.role, "request:extension:own")) await denyAccess(request, viewer, "request:extension:own");
    return requestExtensionAction(request, viewer, id, form.fields);
  }
  if (!mayUpdate(viewer)) await denyAccess(request, viewer, "update:action-item:own");
  // The form without JavaScript posts here; the page's script posts to /actions/:id/update.
  const answer = await handleActionUpdate(viewer, id, form);
  if (answer.body.outcome === "saved") {
    throw redirect(answer.body.redirectTo, { headers: { "Set-Cookie": flashCookie(request, "saved") } });
  }
  return data<ActionData>({ form: "update", outcome: answer.body }, { status: answer.status });
}

async function requestExtensionAction(request: Request, viewer: Viewer, id: number, fields: Map<string, string[]>) {
  const raw = {
    intent: firstField(fields, "intent"),
    version: firstField(fields, "version"),
    requestedDueDate: firstField(fields, "requestedDueDate") ?? "",
    reason: firstField(fields, "reason") ?? "",
  };
  const values = { requestedDueDate: raw.requestedDueDate, reason: raw.reason };
  const answer = (status: number, state: Omit<ExtensionFormState, "values">) =>
    data<ActionData>({ form: "extension", state: { ...state, values } }, { status });
  const parsed = parseForm(extensionRequestSchema, raw, { fields: ["requestedDueDate", "reason"] });
  if (!parsed.ok) {
    const { fieldErrors } = parsed;
    return answer(400, Object.keys(fieldErrors).length > 0 ? { fieldErrors } : { fieldErrors, formError: "actions.error.stale" });
  }
  const result = await requestExtension(viewer, {
    actionItemId: id,
    expectedVersion: parsed.data.version,
    requestedDueDate: parsed.data.requestedDueDate,
    reason: parsed.data.reason,
    today: todayInIndia(),
  });
  if (result.ok) throw redirect(`/actions/${id}`, { headers: { "Set-Cookie": flashCookie(request, "extension-requested") } });
  switch (result.reason) {
    case "not-found":
      throw new Response("Not found", { status: 404 });
    case "not-later":
      return answer(400, { fieldErrors: { requestedDueDate: "extension.error.notLater" }, params: { date: result.currentDueDate } });
    case "past":
      return answer(400, { fieldErrors: { requestedDueDate: "extension.error.past" } });
    case "conflict":
      return answer(409, { fieldErrors: {}, formError: "actions.error.stale" });
    case "already-pending":
      return answer(409, { fieldErrors: {}, formError: "extension.error.alreadyPending" });
    case "closed":
      return answer(409, { fieldErrors: {}, formError: "extension.error.closed" });
    case "withdrawn":
      return answer(409, { fieldErrors: {}, formError: "actions.refused.withdrawn" });
    case "forbidden":
      return denyAccess(request, viewer, "request:extension:own");
  }
}

export default function ActionItemPage() {
  const page = useLoaderData<typeof loader>();
  const { item, today, actor, nextStatuses: next } = page;
  const result = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();

  return (
    <div className="item-page">
      <p>
        <Link to="/actions">← {page.reader ? t("actions.item.backReader") : t("actions.item.back")}</Link>
      </p>
      {page.flash ? (
        <p className="flash" role="status">
          {t(page.flash === "saved" ? "actions.update.saved" : page.flash === "remarked" ? "reviewRemark.saved" : "extension.requested")}
        </p>
      ) : null}
      {item.returnedAt && !item.withdrawnAt ? (
        <ReturnedNotice
          at={item.returnedAt}
          by={item.returnedByName ? pickText(locale, item.returnedByName, item.returnedByNameHi) : null}
          reason={item.returnReason}
        />
      ) : null}

      <ItemSummary item={item} corrections={page.corrections} today={today} />

      <section className="card" aria-labelledby="update-title">
        <h2 id="update-title">{t("actions.update.title")}</h2>
        {item.withdrawnAt ? (
          <p>{t("actions.update.withdrawn", { date: formatDate(item.withdrawnAt, locale), reason: item.withdrawnReason ?? "" })}</p>
        ) : page.readOnly ? (
          <p className="muted">{t("actions.update.readOnly")}</p>
        ) : next.length === 0 || !actor ? (
          <p className="muted">{t("actions.update.closed")}</p>
        ) : (
          <UpdateForm
            key={item.id}
            itemId={item.id}
            version={item.version}
            currentStatus={item.status}
            actor={actor}
            nextStatuses={next}
            serverOutcome={result?.form === "update" ? result.outcome : null}
          />
        )}
      </section>

      {page.canRemark ? <ReviewRemarkForm itemId={item.id} error={page.remarkError} /> : null}

      {page.canRequestExtension ? (
        <ExtensionForm version={item.version} dueDate={item.dueDate} today={today} state={result?.form === "extension" ? result.state : null} />
      ) : null}

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("actions.history.title")}</h2>
        <HistoryTimeline itemId={item.id} rows={page.timeline} />
      </section>
    </div>
  );
}
