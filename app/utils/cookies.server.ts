import { getEnv } from "../../db/env";

export function readCookie(request: Request, name: string): string | null {
  return readCookieHeader(request.headers.get("cookie"), name);
}

/** One cookie's value from a Cookie header, or null. */
export function readCookieHeader(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  /** Mark Secure when the request came over https (or the app's public origin is https). */
  request: Request;
}

export function serializeCookie(name: string, value: string, { maxAgeSeconds, httpOnly = true, request }: CookieOptions) {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (httpOnly) parts.push("HttpOnly");
  if (servedOverHttps(request)) parts.push("Secure");
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join("; ");
}

/** Behind a proxy the request may arrive over http while the browser sees https. */
function servedOverHttps(request: Request): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  const appOrigin = getEnv().APP_ORIGIN;
  return appOrigin !== undefined && appOrigin.startsWith("https:");
}
