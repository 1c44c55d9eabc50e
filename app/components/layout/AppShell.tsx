import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import type { loader as rootLoader } from "~/root";
import { useLocale, useT } from "~/utils/i18n";
import { can, type Permission } from "~/utils/permissions";

const NAV: { to: string; label: MessageKey; permission: Permission }[] = [
  { to: "/dashboard", label: "nav.dashboard", permission: "read:dashboard:any" },
  { to: "/meetings", label: "nav.meetings", permission: "read:meeting:any" },
  { to: "/verify", label: "nav.verify", permission: "verify:action-item:any" },
  { to: "/actions", label: "nav.actions", permission: "read:action-item:own" },
  { to: "/admin/users", label: "nav.users", permission: "manage:users:any" },
  { to: "/admin/audit", label: "nav.audit", permission: "read:audit:any" },
];

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
                <span className="whoami" title={t(`role.${viewer.role}`)}>
                  {viewer.displayName}
                </span>
                <Link to="/account/password" className="whoami">
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
