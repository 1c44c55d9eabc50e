import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import type { loader as rootLoader } from "~/root";
import { pickText, useLocale, useT } from "~/utils/i18n";
import { can, type Permission } from "~/utils/permissions";

const NAV: { to: string; label: MessageKey; permission: Permission }[] = [
  { to: "/dashboard", label: "nav.dashboard", permission: "read:dashboard:any" },
  { to: "/meetings", label: "nav.meetings", permission: "read:meeting:any" },
  { to: "/division", label: "nav.division", permission: "read:dashboard:division" },
  { to: "/verify", label: "nav.verify", permission: "verify:action-item:any" },
  { to: "/actions", label: "nav.actions", permission: "read:action-item:own" },
  { to: "/admin/users", label: "nav.users", permission: "manage:users:any" },
  { to: "/admin/audit", label: "nav.audit", permission: "read:audit:any" },
  { to: "/admin/reminders", label: "nav.reminders", permission: "manage:reminders:any" },
  { to: "/admin/notices", label: "nav.noticeAudit", permission: "read:notice-audit:any" },
];

/** The bell: a link to the inbox with the unread count, read out in words to screen readers. */
function NoticeBell({ unread }: { unread: number }) {
  const t = useT();
  const label = unread > 0 ? t("bell.label", { n: unread }) : t("bell.labelNone");
  return (
    <Link to="/notices" className="bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 ? <span className="bell__count">{unread > 99 ? "99+" : unread}</span> : null}
    </Link>
  );
}

function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const other = locale === "hi" ? "en" : "hi";
  params.set("lang", other);
  return (
    <a className="lang-switch" href={`${location.pathname}?${params}`} hrefLang={other} lang={other} aria-label={t("lang.switchLabel")}>
      {t("lang.switchTo")}
    </a>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const viewer = data?.viewer ?? null;
  const t = useT();
  const locale = useLocale();
  const items = NAV.filter((item) => can(viewer?.role, item.permission));
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            {viewer ? (
              <>
                {can(viewer.role, "read:notices:own") ? <NoticeBell unread={data?.unreadNotices ?? 0} /> : null}
                <span className="whoami" title={t(`role.${viewer.role}`)}>
                  {pickText(locale, viewer.displayName, viewer.displayNameHi)}
                </span>
                <Link to="/account/password" className="whoami header-password">
                  {t("nav.password")}
                </Link>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="button button--quiet">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/login" className="button button--quiet">
                {t("nav.signIn")}
              </Link>
            )}
          </div>
        </div>
        {items.length > 0 ? (
          <nav aria-label={t("nav.label")} className="site-nav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} prefetch="intent">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
              {viewer ? (
                // On a phone the password link leaves the crowded tools row for the sections row.
                <li className="nav-phone-only">
                  <NavLink to="/account/password">{t("nav.password")}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
