import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/utils/params";
import { getActionTakenReport } from "~/models/atr.server";
import { attachmentDisposition } from "~/models/evidence.server";
import { atrFileName, atrWorkbook } from "~/utils/atr-export.server";
import { requirePermission } from "~/utils/auth.server";
import { todayInIndia } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";

// The ATR as an Excel workbook: one sheet, the header row frozen and filtered, dates as dates.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:report:any");
  const meetingId = parseId(params.meetingId);
  const report = meetingId ? await getActionTakenReport(viewer, meetingId, todayInIndia()) : null;
  if (!report) throw new Response("Not found", { status: 404 });
  const body = await atrWorkbook(report, getLocale(request));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Length": String(body.length),
      "Content-Disposition": attachmentDisposition(atrFileName(report, "xlsx")),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
