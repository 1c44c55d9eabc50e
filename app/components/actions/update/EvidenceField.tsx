// The evidence files field: the browser's file input, the files picked so far (each removable,
// each with its own problem), and the problems the server found.
import { useEffect, useState } from "react";
import type { MessageKey } from "~/i18n";
import { MAX_EVIDENCE_FILES, type FileProblem } from "~/schemas/action-update";
import { useLocale, useT } from "~/utils/i18n";
import { formatFileSize } from "../fileSize";
import type { EvidenceFiles } from "./useEvidenceFiles";

export function EvidenceField({
  evidence,
  serverProblems,
  fieldError,
  askToReselect,
}: {
  evidence: EvidenceFiles;
  /** Problems with files posted without JavaScript (they are not in `evidence`). */
  serverProblems: FileProblem[];
  fieldError: MessageKey | undefined;
  askToReselect: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const { files, filesError } = evidence;
  return (
    <div className="field">
      <label htmlFor="evidence-files">{t("actions.update.files")}</label>
      <span className="field__hint" id="files-hint">
        {t("actions.update.filesHint", { max: MAX_EVIDENCE_FILES })}
      </span>
      <input
        id="evidence-files"
        type="file"
        name="files"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        onChange={evidence.onPick}
        aria-describedby="files-hint"
        className={enhanced ? "file-input--enhanced" : undefined}
      />
      {/* The browser's own button speaks the browser's language, not the page's: once the
          script runs (and lists the chosen files below), a translated button stands in for it. */}
      {enhanced ? (
        <label htmlFor="evidence-files" className="button button--secondary file-pick" aria-hidden="true">
          {t("actions.update.chooseFiles")}
        </label>
      ) : null}
      {files.length > 0 ? (
        <ul className="file-list" data-testid="picked-files">
          {files.map((f) => (
            <li key={f.key} className={f.error ? "file-list__bad" : undefined}>
              <span>
                {f.file.name} <span className="muted">({formatFileSize(f.file.size, locale)})</span>
                {f.error ? (
                  <span className="field__error" role="alert">
                    {" "}
                    {t(f.error, { name: f.file.name })}
                  </span>
                ) : null}
              </span>
              <button type="button" className="button button--secondary" onClick={() => evidence.remove(f.key)}>
                {t("actions.update.removeFile", { name: f.file.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {serverProblems.length > 0 ? (
        <ul className="field__error" role="alert">
          {serverProblems.map((p, i) => (
            <li key={i}>{t(p.error, { name: p.name })}</li>
          ))}
        </ul>
      ) : null}
      {filesError ? (
        <span className="field__error" role="alert">
          {t(filesError, { max: MAX_EVIDENCE_FILES, name: "" })}
        </span>
      ) : null}
      {fieldError ? (
        <span className="field__error" id="files-error">
          {t(fieldError, { max: MAX_EVIDENCE_FILES })}
        </span>
      ) : null}
      {askToReselect ? (
        <span className="field__error" role="alert" data-testid="reselect-files">
          {t("evidence.error.reselect")}
        </span>
      ) : null}
    </div>
  );
}
