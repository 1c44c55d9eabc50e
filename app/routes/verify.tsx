import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/layout/Pagination";
import { parsePage } from "~/utils/params";
import { ExtensionRequestList } from "~/components/verify/ExtensionRequestList";
import { VerifyQueue, type ItemFeedback } from "~/components/verify/VerifyQueue";
import type { MessageKey } from "~/i18n";
import { recordAudit, requestOrigin } from "~/models/audit.server";
import { listPendingExtensionRequests, type ExtensionDecisionFormResult } from "~/models/extension.server";
import { decideExtensionFromForm } from "./verify.extension.server";
import { acceptCompletion, acceptCompletions, listVerificationQueue, returnCompletion, type VerifyRefusal } from "~/models/verification.server";
import { verifySchema, verifyValuesFromFormData } from "~/schemas/verify";
import { parseVerifyFilters, verifyFilterParams } from "~/schemas/verify-filters";
import { acceptFiltered, countVerifyFacets } from "~/models/verify-filters.server";
import { VerifyFilterForm } from "~/components/verify/VerifyFilterForm";
import meetingsStyles from "~/styles/meetings.css";
import { denyAccess, requirePermission } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import { requireFormData } from "~/utils/parse-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStyles }];

export const meta: MetaFunction = () => [{ title: "Verification · Anupalan" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "verify:action-item:any");
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  const filters = parseVerifyFilters(params);
  const [queue, extensions, facets] = await Promise.all([
    listVerificationQueue(viewer, { page, filters }),
    listPendingExtensionRequests(viewer),
    countVerifyFacets(viewer, filters),
  ]);
  return { queue, extensions, facets, filters };
}

const REFUSAL_KEYS: Record<VerifyRefusal, MessageKey> = {
  "not-found": "verify.refused.not-found",
  withdrawn: "verify.refused.withdrawn",
  "not-allowed": "verify.refused.not-allowed",
  "remark-required": "verify.error.remarkRequired",
  conflict: "verify.refused.conflict",
};

interface VerifyActionData {
  item?: ItemFeedback;
  formError?: MessageKey;
  extension?: ExtensionDecisionFormResult;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "verify:action-item:any");
  const form = await requireFormData(request);
  const intent = form.get("intent");

  if (intent === "grant-extension" || intent === "refuse-extension") {
    if (!can(viewer.role, "decide:extension:any")) await denyAccess(request, viewer, "decide:extension:any");
    const result = await decideExtensionFromForm(viewer, form);
    if (result.ok) throw redirect(`/verify?done=${result.decision === "GRANT" ? "extension-granted" : "extension-refused"}#extensions`);
    return data<VerifyActionData>({ extension: result }, { status: result.formError ? 409 : 400 });
  }

  if (intent === "accept-filtered") {
    const filters = parseVerifyFilters(new URLSearchParams([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")));
    const expected = Number(/^\d{1,6}$/.test(String(form.get("expected") ?? "")) ? form.get("expected") : -1);
    const back = new URLSearchParams(verifyFilterParams(filters));
    const result = await acceptFiltered(viewer, filters, expected);
    if (!result.ok) {
      back.set("notice", result.reason);
      throw redirect(`/verify?${back}`);
    }
    if (result.accepted.length > 0) {
      await recordAudit({
        actorId: viewer.id,
        actorUsername: viewer.username,
        action: "action_item.verify_bulk",
        targetType: "action_item",
        details: { accepted: result.accepted, refused: result.refused, filters },
        ...requestOrigin(request),
      });
    }
    back.set("done", "accepted");
    back.set("n", String(result.accepted.length));
    if (result.refused.length > 0) back.set("refused", result.refused.map((r) => `${r.itemId}:${r.reason}`).join(","));
    throw redirect(`/verify?${back}`);
  }

  const values = verifyValuesFromFormData(form);
  const parsed = verifySchema.safeParse(values);
  if (!parsed.success) {
    const itemId = typeof values.actionItemId === "string" && /^\d{1,9}$/.test(values.actionItemId) ? Number(values.actionItemId) : null;
    const remarkIssue = parsed.error.issues.find((i) => i.path[0] === "remark");
    const selectedIssue = parsed.error.issues.find((i) => i.path[0] === "selected");
    if (itemId !== null && (intent === "accept" || intent === "return")) {
      return data<VerifyActionData>(
        {
          item: {
            itemId,
            intent,
            remark: String(values.remark ?? ""),
            remarkError: remarkIssue ? (remarkIssue.message as MessageKey) : undefined,
            formError: remarkIssue ? undefined : "validation.invalid",
          },
        },
        { status: 400 },
      );
    }
    return data<VerifyActionData>(
      {
        formError:
          selectedIssue?.message === "verify.error.tooMany"
            ? "verify.error.tooMany"
            : selectedIssue
              ? "verify.error.noneSelected"
              : "validation.invalid",
      },
      { status: 400 },
    );
  }

  const input = parsed.data;
  const origin = requestOrigin(request);
  const audit = (action: string, details: Record<string, unknown>) =>
    recordAudit({ actorId: viewer.id, actorUsername: viewer.username, action, targetType: "action_item", details, ...origin });

  if (input.intent === "accept-selected") {
    const result = await acceptCompletions(viewer, input.selected);
    if (result.accepted.length > 0) await audit("action_item.verify_bulk", { accepted: result.accepted, refused: result.refused });
    const params = new URLSearchParams({ done: "accepted", n: String(result.accepted.length) });
    if (result.refused.length > 0) params.set("refused", result.refused.map((r) => `${r.itemId}:${r.reason}`).join(","));
    throw redirect(`/verify?${params}`);
  }
  const change =
    input.intent === "accept"
      ? await acceptCompletion(viewer, { itemId: input.actionItemId, version: input.version })
      : await returnCompletion(viewer, { itemId: input.actionItemId, version: input.version, remark: input.remark });
  if (!change.ok) {
    return data<VerifyActionData>(
      {
        item: {
          itemId: input.actionItemId,
          intent: input.intent,
          remark: input.intent === "return" ? input.remark : undefined,
          formError: REFUSAL_KEYS[change.reason],
        },
      },
      { status: change.reason === "not-found" ? 404 : 409 },
    );
  }
  throw redirect(`/verify?done=${input.intent === "accept" ? "accepted" : "returned"}&n=1`);
}

/** "12:conflict,15:not-allowed" from the redirect after a bulk accept; unknown parts are dropped. */
function refusedFrom(value: string | null): { itemId: number; reason: VerifyRefusal }[] {
  if (!value) return [];
  return value
    .split(",")
    .slice(0, 200)
    .map((part) => /^(\d{1,9}):([a-z-]{1,20})$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null && m[2] in REFUSAL_KEYS)
    .map((m) => ({ itemId: Number(m[1]), reason: m[2] as VerifyRefusal }));
}

const DONE_KEYS: Record<string, MessageKey> = {
  accepted: "verify.flash.accepted",
  returned: "verify.flash.returned",
  "extension-granted": "verify.flash.extensionGranted",
  "extension-refused": "verify.flash.extensionRefused",
};

export default function Verify() {
  const { queue, extensions, facets, filters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as VerifyActionData | undefined;
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const done = DONE_KEYS[searchParams.get("done") ?? ""];
  const n = Number(/^\d{1,6}$/.test(searchParams.get("n") ?? "") ? searchParams.get("n") : 0);
  const refused = refusedFrom(searchParams.get("refused"));
  return (
    <>
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      {done ? (
        <p className="flash" role="status">
          {t(done, { n: formatNumber(n, locale) })}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <div className="form-error" role="alert">
          <p>{t("verify.refusedIntro", { n: formatNumber(refused.length, locale) })}</p>
          <ul>
            {refused.map((r) => (
              <li key={r.itemId}>
                <Link to={`/actions/${r.itemId}`}>{t("verify.itemNumber", { id: r.itemId })}</Link>: {t(REFUSAL_KEYS[r.reason])}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result?.formError ? (
        <p className="form-error" role="alert">
          {t(result.formError)}
        </p>
      ) : null}
      {searchParams.get("notice") === "changed" || searchParams.get("notice") === "too-many" ? (
        <p className="form-error" role="alert" data-testid="verify-notice">
          {t(searchParams.get("notice") === "changed" ? "verify.filtered.changed" : "verify.filtered.tooMany")}
        </p>
      ) : null}

      <VerifyFilterForm filters={filters} facets={facets} total={queue.total} />

      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t("verify.queueTitle", { n: formatNumber(queue.total, locale) })}</h2>
        {queue.items.length === 0 ? <p className="card">{t("verify.empty")}</p> : <VerifyQueue items={queue.items} feedback={result?.item} />}
        <Pagination page={queue.page} pages={queue.pages} />
      </section>

      <section aria-labelledby="extensions-title" id="extensions">
        <h2 id="extensions-title">{t("verify.extensionsTitle", { n: formatNumber(extensions.length, locale) })}</h2>
        {result?.extension && !result.extension.ok && result.extension.formError ? (
          <p className="form-error" role="alert">
            {t((result.extension.formError in {} ? "validation.invalid" : result.extension.formError) as MessageKey)}
          </p>
        ) : null}
        {extensions.length === 0 ? (
          <p className="card">{t("verify.noExtensions")}</p>
        ) : (
          <ExtensionRequestList requests={extensions} feedback={result?.extension} />
        )}
      </section>
    </>
  );
}
