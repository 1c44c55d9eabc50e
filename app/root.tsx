import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "~/components/layout/AppShell";
import { ErrorPage } from "~/components/layout/ErrorPage";
import appStyles from "~/styles/app.css";
import { unreadNoticeCount } from "~/models/notices.server";
import { getViewer } from "~/utils/auth.server";
import { getLocale, localeCookieHeader } from "~/utils/locale.server";
import { messagesFor } from "~/utils/messages.server";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Anupalan · अनुपालन" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getLocale(request);
  const viewer = await getViewer(request);
  const cookie = localeCookieHeader(request);
  // The bell's count; pages kept by the page cache are dropped when a notice is written (migration 0012).
  const unreadNotices = viewer ? await unreadNoticeCount(viewer) : 0;
  return data(
    {
      locale,
      // This language's strings: the browser bundle has no dictionary (decision 024). Pages sent
      // without script (decision 014) do not serialise loader data, so they pay nothing for it.
      messages: messagesFor(locale),
      viewer: viewer && {
        id: viewer.id,
        username: viewer.username,
        displayName: viewer.displayName,
        displayNameHi: viewer.displayNameHi,
        role: viewer.role,
      },
      unreadNotices,
    },
    cookie ? { headers: { "Set-Cookie": cookie } } : undefined,
  );
}

// The root data (language, who is signed in) changes only with ?lang= or after a form post.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (formMethod && formMethod !== "GET") return defaultShouldRevalidate;
  if (currentUrl.searchParams.get("lang") !== nextUrl.searchParams.get("lang")) return true;
  return false;
};

/**
 * A route that only shows (links, GET filters, plain POST forms that work without script) sets
 * `handle = { scripts: false }`: its page is sent without the app's JavaScript, so a phone has
 * nothing to download, parse or hydrate (decision 014). Forms still post; links load pages.
 */
export interface PageHandle {
  scripts?: boolean;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const matches = useMatches();
  const scripts = !matches.some((m) => (m.handle as PageHandle | undefined)?.scripts === false);
  const locale = data?.locale ?? "en";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* Devanagari is most of a Hindi page; an English page has a few words of it (brand, language switch), which may come late. */}
        {locale === "hi" ? (
          <link rel="preload" href="/fonts/noto-sans-devanagari-devanagari-400-normal.woff2" as="font" type="font/woff2" crossOrigin="anonymous" />
        ) : null}
        <Links />
      </head>
      <body>
        {children}
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <AppShell>
      <ErrorPage status={status} />
    </AppShell>
  );
}
