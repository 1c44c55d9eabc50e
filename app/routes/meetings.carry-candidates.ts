// The meeting editor's carry-over list for a series (fetched when the series is chosen):
// GET /meetings/carry-candidates?series=CODE&meeting=ID&date=YYYY-MM-DD
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCarryCandidates } from "~/models/carry-over.server";
import { requirePermission } from "~/utils/auth.server";
import { todayInIndia } from "~/utils/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "write:meeting:any");
  const params = new URL(request.url).searchParams;
  const seriesCode = (params.get("series") ?? "").slice(0, 50);
  const meetingId = /^\d{1,9}$/.test(params.get("meeting") ?? "") ? Number(params.get("meeting")) : null;
  const date = params.get("date");
  const candidates = seriesCode ? await listCarryCandidates(viewer, { seriesCode, meetingId, meetingDate: date, today: todayInIndia() }) : [];
  return Response.json({ seriesCode, candidates }, { headers: { "Cache-Control": "private, no-store" } });
}
