import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHead } from "~/components/layout/PageHead";
import { listNotices, markNoticesRead } from "~/models/notices.server";
import noticeStyles from "~/styles/notices.css";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("notices.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: noticeStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:notices:own");
  const unreadOnly = new URL(request.url).searchParams.get("show") === "unread";
  return { notices: await listNotices(viewer, { unreadOnly }), unreadOnly };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "read:notices:own");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "read-all") {
    await markNoticesRead(viewer, "all");
    return redirect("/notices");
  }
  if (intent === "read" || intent === "open") {
    const id = Number(form.get("noticeId"));
    if (!Number.isInteger(id) || id <= 0) throw new Response("Bad notice", { status: 400 });
    await markNoticesRead(viewer, id);
    // "open" marks it read and goes straight to the item; only a path inside the app is followed.
    const link = String(form.get("link") ?? "");
    return redirect(intent === "open" && /^\/[a-z]/.test(link) && !link.startsWith("//") ? link : "/notices");
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function Notices() {
  const { notices, unreadOnly } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const unread = notices.filter((n) => !n.read).length;
  return (
    <>
      <PageHead title={t("notices.title")}>
        <Link className="button button--secondary" to="/account/notices">
          {t("notices.settings")}
        </Link>
      </PageHead>
      <p>{t("notices.intro")}</p>
      <div className="notices-tools">
        <nav aria-label={t("notices.title")} className="notices-tabs">
          <Link to="/notices" aria-current={!unreadOnly ? "page" : undefined}>
            {t("notices.showAll")}
          </Link>
          <Link to="/notices?show=unread" aria-current={unreadOnly ? "page" : undefined}>
            {t("notices.showUnread")}
          </Link>
        </nav>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--quiet">
              {t("notices.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {notices.length === 0 ? (
        <p className="muted">{t("notices.none")}</p>
      ) : (
        <ul className="notice-list">
          {notices.map((n) => (
            <li key={n.id} className={n.read ? "notice" : "notice notice--unread"}>
              <div className="notice__head">
                {!n.read ? <span className="badge badge--unread">{t("notices.unread")}</span> : null}
                <h2 className="notice__subject">{n.subject}</h2>
              </div>
              <p className="notice__body">{n.body}</p>
              <div className="notice__foot">
                <span className="muted">{t("notices.received", { when: formatDateTime(n.createdAt, locale) })}</span>
                <Form method="post" className="notice__actions">
                  <input type="hidden" name="noticeId" value={n.id} />
                  <input type="hidden" name="link" value={n.link} />
                  <button type="submit" name="intent" value="open" className="button">
                    {n.link.startsWith("/actions/") ? t("notice.open") : t("notice.openList")}
                  </button>
                  {!n.read ? (
                    <button type="submit" name="intent" value="read" className="button button--quiet">
                      {t("notices.markRead")}
                    </button>
                  ) : null}
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
