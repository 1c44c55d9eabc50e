// Sends the update with XMLHttpRequest (for upload progress) to /actions/:id/update and keeps the
// answer: saved (go to the item as it is now), invalid, conflict or refused (the form stays as typed).
import { useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { ActionUpdateInput, UpdateOutcome } from "~/schemas/action-update";
import type { EvidenceFiles } from "./useEvidenceFiles";

export interface ShownOutcome {
  value: UpdateOutcome;
  /** The answer to a post without JavaScript (its files could not be kept). */
  fromServer: boolean;
}

function readAnswer(xhr: XMLHttpRequest): UpdateOutcome | null {
  try {
    const answer = JSON.parse(xhr.responseText) as unknown;
    return answer && typeof answer === "object" && "outcome" in answer ? (answer as UpdateOutcome) : null;
  } catch {
    return null;
  }
}

export function useUpdateSender(itemId: number, serverOutcome: UpdateOutcome | null, evidence: EvidenceFiles) {
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const [outcome, setOutcome] = useState<ShownOutcome | null>(serverOutcome ? { value: serverOutcome, fromServer: true } : null);
  useEffect(() => {
    if (serverOutcome) setOutcome({ value: serverOutcome, fromServer: true });
  }, [serverOutcome]);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<"failed" | "sessionEnded" | null>(null);

  /** Send the checked values and the picked files; `onSaved` runs before the page moves on. */
  function send(values: ActionUpdateInput, onSaved: () => void) {
    if (!evidence.ready()) return;
    const { files } = evidence;
    const body = new FormData();
    body.set("intent", "update");
    body.set("version", String(values.version));
    body.set("toStatus", values.toStatus);
    body.set("remark", values.remark);
    body.set("links", values.links);
    for (const f of files) body.append("files", f.file, f.file.name);

    setOutcome(null);
    setProblem(null);
    setSending(true);
    setProgress(files.length > 0 ? 0 : null);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/actions/${itemId}/update`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && files.length > 0) setProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => {
      setSending(false);
      setProblem("failed");
    };
    xhr.onload = () => {
      setSending(false);
      const answer = readAnswer(xhr);
      if (!answer) {
        setProblem(xhr.responseURL.includes("/login") || xhr.status === 401 ? "sessionEnded" : "failed");
        return;
      }
      if (answer.outcome === "saved") {
        onSaved();
        evidence.clear();
        navigate(answer.redirectTo, { replace: true });
        return;
      }
      setOutcome({ value: answer, fromServer: false });
      if (answer.outcome === "invalid" && answer.fileProblems.length > 0) evidence.markProblems(answer.fileProblems);
      // Fetch the item as it is now: its new version, status and history.
      if (answer.outcome === "conflict") revalidator.revalidate();
    };
    xhr.send(body);
  }

  return { outcome, sending, progress, problem, send };
}
