import { getDatabaseHandle } from "~/db.server";

// Answers within 3 s whatever the database does: the ping gives up after 2.5 s.
export async function loader() {
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  try {
    await getDatabaseHandle().ping(2500);
    return new Response("ok\n", { status: 200, headers });
  } catch {
    return new Response("database unavailable\n", { status: 503, headers });
  }
}
