import { redirect } from "@remix-run/node";
import { recordAudit, requestOrigin } from "~/models/audit.server";
import { findSessionUser, type SessionUser } from "~/models/session.server";
import { readCookie, serializeCookie } from "./cookies.server";
import { can, type Permission } from "./permissions";

export const SESSION_COOKIE = "anupalan_session";

export type Viewer = SessionUser;

export function sessionToken(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE);
}

export function sessionCookieHeader(request: Request, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return serializeCookie(SESSION_COOKIE, token, { request, maxAgeSeconds: maxAge });
}

export function clearSessionCookieHeader(request: Request): string {
  return serializeCookie(SESSION_COOKIE, "", { request, maxAgeSeconds: 0 });
}

/** The signed-in user, or null. Never throws for an anonymous visitor. */
export async function getViewer(request: Request): Promise<Viewer | null> {
  const token = sessionToken(request);
  return token ? findSessionUser(token) : null;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`, {
    headers: { "Set-Cookie": clearSessionCookieHeader(request) },
  });
}

export const PASSWORD_CHANGE_PATH = "/account/password";

/** The password page, coming back to `redirectTo` afterwards. */
export function passwordChangePath(redirectTo: string): string {
  return `${PASSWORD_CHANGE_PATH}?${new URLSearchParams({ redirectTo })}`;
}

/**
 * Throws a redirect to /login for an anonymous visitor. A user whose password was set by an
 * administrator (new account, reset) is sent to choose their own before anything else.
 */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) loginRedirect(request);
  const url = new URL(request.url);
  if (viewer.mustChangePassword && url.pathname !== PASSWORD_CHANGE_PATH) {
    throw redirect(passwordChangePath(`${url.pathname}${url.search}`));
  }
  return viewer;
}

/** Throws a redirect for an anonymous visitor and 403 (audited) for a role without the permission. */
export async function requirePermission(request: Request, permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!can(viewer.role, permission)) await denyAccess(request, viewer, permission);
  return viewer;
}

/** Passes when the viewer holds any one of the permissions. */
export async function requireAnyPermission(request: Request, permissions: Permission[]): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!permissions.some((p) => can(viewer.role, p))) await denyAccess(request, viewer, permissions.join("|"));
  return viewer;
}

/** Record the denial and throw 403. Use it too when scope, not role, forbids something. */
export async function denyAccess(request: Request, viewer: Viewer | null, what: string): Promise<never> {
  const url = new URL(request.url);
  await recordAudit({
    actorId: viewer?.id ?? null,
    actorUsername: viewer?.username ?? null,
    action: "access.denied",
    targetType: "route",
    targetId: `${request.method} ${url.pathname}`,
    details: { permission: what },
    ...requestOrigin(request),
  });
  throw new Response("Forbidden", { status: 403 });
}

export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}

/** Where each role works: officials → dashboard, officers → my actions, secretariat → meetings. */
export function homePathFor(viewer: Viewer): string {
  switch (viewer.role) {
    case "OFFICIAL":
      return "/dashboard";
    case "DISTRICT_OFFICER":
    case "DEPARTMENT_OFFICER":
      return "/actions";
    case "ADMIN":
    case "SECRETARIAT":
      return "/meetings";
    case "DIVISION_OFFICER":
      return "/division";
  }
}
