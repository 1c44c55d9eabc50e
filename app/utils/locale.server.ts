import { isLocale, translator, type Locale } from "~/i18n";
import { readCookie, serializeCookie } from "./cookies.server";

export const LOCALE_COOKIE = "lang";

/** ?lang= first, then the remembered cookie, then the browser's preference, then English. */
export function getLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie = readCookie(request, LOCALE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*hi\b/i.test(accept) ? "hi" : "en";
}

export function getTranslator(request: Request) {
  return translator(getLocale(request));
}

/** The Set-Cookie header that remembers ?lang=, or null when the URL does not choose one. */
export function localeCookieHeader(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (!isLocale(fromQuery)) return null;
  return serializeCookie(LOCALE_COOKIE, fromQuery, { request, httpOnly: false, maxAgeSeconds: 365 * 24 * 3600 });
}
