// The evidence files the officer picked, kept in memory (so a refused update loses none of them)
// and checked in the browser the way the server checks them.
import { useState, type ChangeEvent } from "react";
import type { MessageKey } from "~/i18n";
import { checkEvidenceFile, EVIDENCE_HEAD_BYTES, MAX_EVIDENCE_FILES, type EvidenceFileError, type FileProblem } from "~/schemas/action-update";

export interface PickedFile {
  key: string;
  file: File;
  error: EvidenceFileError | null;
}

let fileKey = 0;

export function useEvidenceFiles() {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [filesError, setFilesError] = useState<MessageKey | null>(null);

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = "";
    const checked = await Promise.all(
      picked.map(async (file) => ({
        key: `f${++fileKey}`,
        file,
        error: checkEvidenceFile({ size: file.size, head: new Uint8Array(await file.slice(0, EVIDENCE_HEAD_BYTES).arrayBuffer()) }),
      })),
    );
    setFiles((current) => [...current, ...checked]);
    setFilesError(null);
  }

  /** Whether the files may be sent; if not, the reason is shown under the field. */
  function ready(): boolean {
    if (files.some((f) => f.error)) setFilesError("evidence.error.type");
    else if (files.length > MAX_EVIDENCE_FILES) setFilesError("evidence.error.tooMany");
    else return true;
    return false;
  }

  return {
    files,
    filesError,
    onPick,
    ready,
    remove: (key: string) => setFiles((current) => current.filter((f) => f.key !== key)),
    clear: () => setFiles([]),
    /** The server's verdict on each file, matched by name. */
    markProblems: (problems: FileProblem[]) =>
      setFiles((current) => current.map((f) => ({ ...f, error: problems.find((p) => p.name === f.file.name)?.error ?? f.error }))),
  };
}

export type EvidenceFiles = ReturnType<typeof useEvidenceFiles>;
