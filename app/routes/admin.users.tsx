import type { LoaderFunctionArgs } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { requirePermission } from "~/utils/auth.server";

// Placeholder until its issue builds the page; the guard is already the real one.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:users:any");
  return null;
}

export default function Page() {
  return <ComingSoon title="nav.users" />;
}
