import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/utils/params";
import { getActionTakenReport } from "~/models/atr.server";
import { attachmentDisposition } from "~/models/evidence.server";
import { atrCsv, atrFileName } from "~/utils/atr-export.server";
import { requirePermission } from "~/utils/auth.server";
import { todayInIndia } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";

// The ATR as CSV: UTF-8 with a byte-order mark (so Excel shows the Hindi), RFC 4180 quoting.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:report:any");
  const meetingId = parseId(params.meetingId);
  const report = meetingId ? await getActionTakenReport(viewer, meetingId, todayInIndia()) : null;
  if (!report) throw new Response("Not found", { status: 404 });
  return new Response(atrCsv(report, getLocale(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(atrFileName(report, "csv")),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
