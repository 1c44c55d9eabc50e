import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId } from "~/utils/params";
import { getBrief } from "~/models/brief.server";
import { attachmentDisposition } from "~/models/evidence.server";
import { requirePermission } from "~/utils/auth.server";
import { briefWorkbook } from "~/utils/brief-export.server";
import { todayInIndia } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";

// The pre-review brief as an Excel workbook: every exception listed, not only the first few.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "read:report:any");
  const meetingId = parseId(params.meetingId);
  const today = todayInIndia();
  const brief = meetingId ? await getBrief(viewer, meetingId, today) : null;
  if (!brief) throw new Response("Not found", { status: 404 });
  const body = await briefWorkbook(brief, getLocale(request));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Length": String(body.length),
      "Content-Disposition": attachmentDisposition(`brief-${brief.meeting.meetingDate}-${brief.meeting.id}.xlsx`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
