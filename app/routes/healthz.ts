import { isDatabaseReachable } from "~/models/health.server";

// Answers within 3 s whatever the database does: the ping gives up after 2.5 s.
export async function loader() {
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  return (await isDatabaseReachable(2500))
    ? new Response("ok\n", { status: 200, headers })
    : new Response("database unavailable\n", { status: 503, headers });
}
