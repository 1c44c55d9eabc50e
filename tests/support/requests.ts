// Build requests the way a browser would send them, and call route modules with them.
import { SESSION_COOKIE } from "~/utils/auth.server";
import { createSession } from "~/models/session.server";
import type { DbOrTx } from "../../db/client.server";
import { createUser } from "./factories";

export const BASE_URL = "http://localhost:3000";

/** A Cookie header for a fresh session of this user (skips the sign-in form). */
export async function sessionCookieFor(userId: number): Promise<string> {
  const { token } = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  return `${SESSION_COOKIE}=${token}`;
}

/** The four readers the compliance fixture's route tests sign in as, each with a fresh session. */
export type FixtureReader = "official" | "secretariat" | "ajmerCollector" | "dipr";

export async function fixtureReaderCookies(d: DbOrTx): Promise<Record<FixtureReader, string>> {
  const official = await createUser(d, { role: "OFFICIAL" });
  const secretariat = await createUser(d, { role: "SECRETARIAT" });
  const ajmerCollector = await createUser(d, { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
  const dipr = await createUser(d, { role: "DEPARTMENT_OFFICER", departmentCode: "DIPR" });
  return {
    official: await sessionCookieFor(official.id),
    secretariat: await sessionCookieFor(secretariat.id),
    ajmerCollector: await sessionCookieFor(ajmerCollector.id),
    dipr: await sessionCookieFor(dipr.id),
  };
}

export function getRequest(path: string, init: { cookie?: string; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  return new Request(new URL(path, BASE_URL), { headers });
}

export function postRequest(
  path: string,
  body: Record<string, string | string[] | Blob> | FormData,
  init: { cookie?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  let form: FormData;
  if (body instanceof FormData) {
    form = body;
  } else {
    form = new FormData();
    for (const [key, value] of Object.entries(body)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
  }
  return new Request(new URL(path, BASE_URL), { method: "POST", body: form, headers });
}

const context = { cspNonce: "test" };

type RouteFn = (args: { request: Request; params: Record<string, string>; context: typeof context }) => unknown;

/**
 * Call a loader or action and return its Response, whether it returned or threw one.
 * Plain objects (single-fetch style) come back as a 200 JSON Response; data() results keep their status.
 */
export async function callRoute(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return toResponse(await fn({ request, params, context }));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const maybe = toResponseIfData(thrown);
    if (maybe) return maybe;
    throw thrown;
  }
}

function toResponseIfData(value: unknown): Response | null {
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init?: ResponseInit | null };
    return new Response(JSON.stringify(data ?? null), { status: init?.status ?? 200, headers: init?.headers });
  }
  return null;
}

function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  return toResponseIfData(value) ?? new Response(JSON.stringify(value ?? null), { status: 200 });
}
