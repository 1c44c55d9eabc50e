// Any address no other route matches: a 404 page in the chosen language.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
