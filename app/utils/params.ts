// Numbers from the URL, read one way everywhere: an id in a route segment or a page number in
// the query string. Anything odd (not digits, zero, beyond PostgreSQL's integer) is no id at all,
// so the route answers 404 instead of asking the database about it.

const MAX_INT = 2_147_483_647;

/** An id from the URL, or null when it is not a positive whole number within PostgreSQL's integer. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 && id <= MAX_INT ? id : null;
}

/** An id from the URL, or a 404 thrown (for loaders and actions). */
export function requireId(value: string | null | undefined): number {
  const id = parseId(value);
  if (id === null) throw new Response("Not found", { status: 404 });
  return id;
}

/** A page number from the query string: 1 when missing or odd. */
export function parsePage(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}
