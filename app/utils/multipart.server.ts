// Reads a multipart form with limits, without ever failing on a large file: a file over the
// limit is drained and reported (so the remark and the other fields still arrive and the form
// can be shown again), and only a request far beyond any legitimate upload is cut short.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { EVIDENCE_HEAD_BYTES } from "~/schemas/action-update";

export interface UploadedFile {
  field: string;
  /** The name the browser gave, reduced to its last path segment. */
  name: string;
  size: number;
  /** The first bytes, for recognising the type by content. */
  head: Uint8Array;
  /** The content, or null when the file was larger than allowed (it was read and dropped). */
  bytes: Buffer | null;
}

export interface MultipartForm {
  fields: Map<string, string[]>;
  files: UploadedFile[];
  /** The request went past the total limit and was not read to its end. */
  truncated: boolean;
}

class RequestTooLarge extends Error {}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

export async function readMultipartForm(
  request: Request,
  limits: { maxFileBytes: number; maxFiles: number; maxFieldBytes?: number },
): Promise<MultipartForm> {
  const maxFieldBytes = limits.maxFieldBytes ?? 64 * 1024;
  // Enough for the allowed files, the fields and a little slack; beyond it nobody is uploading evidence.
  const maxTotal = limits.maxFiles * limits.maxFileBytes + 2 * 1024 * 1024;
  const form: MultipartForm = { fields: new Map(), files: [], truncated: false };
  let total = 0;

  const handler: UploadHandler = async ({ name, filename, data }) => {
    const isFile = typeof filename === "string";
    const keepUpTo = isFile ? limits.maxFileBytes : maxFieldBytes;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let head: Uint8Array | null = null;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (total > maxTotal) throw new RequestTooLarge();
      if (size <= keepUpTo) {
        chunks.push(chunk);
      } else if (head === null) {
        // Over the limit: keep the first bytes (to name the file's type) and drop the rest as it comes.
        head = new Uint8Array(Buffer.concat([...chunks, chunk]).subarray(0, EVIDENCE_HEAD_BYTES));
        chunks.length = 0;
      }
    }
    const kept = head === null ? Buffer.concat(chunks) : null;
    if (!isFile) {
      const list = form.fields.get(name) ?? [];
      list.push(kept ? kept.toString("utf8") : "");
      form.fields.set(name, list);
      return undefined;
    }
    // An empty file input sends a part with no name and no bytes: nothing was chosen.
    if (filename === "" && size === 0) return undefined;
    form.files.push({
      field: name,
      name: cleanFileName(filename ?? ""),
      size,
      head: head ?? new Uint8Array(kept!.subarray(0, EVIDENCE_HEAD_BYTES)),
      bytes: kept,
    });
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (!(error instanceof RequestTooLarge)) throw error;
    form.truncated = true;
  }
  return form;
}

/** The last path segment, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "file").slice(-200);
}

/** A plain (url-encoded or multipart without files) form as the same field map. */
export async function readPlainForm(request: Request): Promise<Map<string, string[]>> {
  const formData = await request.formData();
  const fields = new Map<string, string[]>();
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const list = fields.get(key) ?? [];
    list.push(value);
    fields.set(key, list);
  }
  return fields;
}

export function firstField(fields: Map<string, string[]>, name: string): string | undefined {
  return fields.get(name)?.[0];
}
