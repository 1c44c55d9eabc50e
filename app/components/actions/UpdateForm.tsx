import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { ActionStatus } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import {
  actionUpdateSchema,
  checkEvidenceFile,
  EVIDENCE_HEAD_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_LINKS,
  type ActionUpdateField,
  type ActionUpdateInput,
  type EvidenceFileError,
  type UpdateOutcome,
} from "~/schemas/action-update";
import { useLocale, useT } from "~/utils/i18n";
import { findTransition, type Actor } from "~/utils/lifecycle";
import { ConflictNotice } from "./ConflictNotice";
import { formatFileSize } from "./fileSize";

interface FormValues {
  intent: "update";
  version: number;
  toStatus: string;
  remark: string;
  links: string;
}

interface PickedFile {
  key: string;
  file: File;
  error: EvidenceFileError | null;
}

let fileKey = 0;

/**
 * The update form. With JavaScript it checks itself (the same zod schema as the server),
 * keeps the chosen files in memory and sends everything with XMLHttpRequest to show upload
 * progress; when the update is refused (invalid, or the item changed meanwhile) nothing the
 * officer entered is lost. Without JavaScript it is a plain multipart form posted to the page.
 */
export function UpdateForm({
  itemId,
  version,
  currentStatus,
  actor,
  nextStatuses,
  serverOutcome,
}: {
  itemId: number;
  version: number;
  currentStatus: ActionStatus;
  actor: Actor;
  nextStatuses: ActionStatus[];
  /** The answer to a post without JavaScript, if this render follows one. */
  serverOutcome: UpdateOutcome | null;
}) {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const schema = useMemo(() => actionUpdateSchema({ from: currentStatus, actor }), [currentStatus, actor]);
  const [outcome, setOutcome] = useState<{ value: UpdateOutcome; fromServer: boolean } | null>(
    serverOutcome ? { value: serverOutcome, fromServer: true } : null,
  );
  useEffect(() => {
    if (serverOutcome) setOutcome({ value: serverOutcome, fromServer: true });
  }, [serverOutcome]);

  const initial = serverOutcome && serverOutcome.outcome !== "saved" ? serverOutcome.values : undefined;
  const defaultStatus =
    initial && (nextStatuses as string[]).includes(initial.toStatus) ? initial.toStatus : nextStatuses.length === 1 ? nextStatuses[0] : "";
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    getValues,
    reset,
    formState: { errors },
  } = useForm<FormValues, unknown, ActionUpdateInput>({
    resolver: zodResolver(schema) as unknown as Resolver<FormValues, unknown, ActionUpdateInput>,
    defaultValues: { intent: "update", version, toStatus: defaultStatus, remark: initial?.remark ?? "", links: initial?.links ?? "" },
  });

  // The item moved on (a conflict, or our own save): the form now answers to the new version,
  // and a choice the lifecycle no longer offers is cleared.
  useEffect(() => {
    setValue("version", version);
    if (!(nextStatuses as string[]).includes(getValues("toStatus"))) setValue("toStatus", nextStatuses.length === 1 ? nextStatuses[0] : "");
  }, [version, nextStatuses, setValue, getValues]);

  const [files, setFiles] = useState<PickedFile[]>([]);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<"failed" | "sessionEnded" | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const toStatus = watch("toStatus");
  const transition = toStatus ? findTransition(currentStatus, toStatus as ActionStatus, actor) : undefined;
  const remarkOptional = transition ? !transition.remarkRequired : false;
  const remarkLabel: MessageKey =
    toStatus === "NOT_APPLICABLE" ? "actions.update.reason" : remarkOptional ? "actions.update.remarkOptional" : "actions.update.remark";

  const invalid = outcome?.value.outcome === "invalid" ? outcome.value : null;
  const errorKey = (field: ActionUpdateField): string | undefined =>
    (field !== "files" ? errors[field as keyof FormValues]?.message : undefined) ?? invalid?.fieldErrors[field];

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

  function send(values: ActionUpdateInput) {
    if (files.some((f) => f.error)) {
      setFilesError("evidence.error.type");
      return;
    }
    if (files.length > MAX_EVIDENCE_FILES) {
      setFilesError("evidence.error.tooMany");
      return;
    }
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
      let answer: UpdateOutcome | null = null;
      try {
        answer = JSON.parse(xhr.responseText) as UpdateOutcome;
      } catch {
        answer = null;
      }
      if (!answer || typeof answer !== "object" || !("outcome" in answer)) {
        setProblem(xhr.responseURL.includes("/login") || xhr.status === 401 ? "sessionEnded" : "failed");
        return;
      }
      if (answer.outcome === "saved") {
        reset({ intent: "update", version, toStatus: "", remark: "", links: "" });
        setFiles([]);
        navigate(answer.redirectTo, { replace: true });
        return;
      }
      setOutcome({ value: answer, fromServer: false });
      if (answer.outcome === "invalid" && answer.fileProblems.length > 0) {
        setFiles((current) =>
          current.map((f) => ({ ...f, error: answer.fileProblems.find((p) => p.name === f.file.name)?.error ?? f.error })),
        );
      }
      // Fetch the item as it is now: its new version, status and history.
      if (answer.outcome === "conflict") revalidator.revalidate();
    };
    xhr.send(body);
  }

  const conflict = outcome?.value.outcome === "conflict" ? outcome.value : null;
  const refused = outcome?.value.outcome === "refused" ? outcome.value : null;
  const serverDroppedFiles = outcome?.fromServer && outcome.value.outcome !== "saved" && outcome.value.outcome !== "refused" && outcome.value.filesDropped > 0;

  const optionLabel = (status: ActionStatus): string => {
    const kind = findTransition(currentStatus, status, actor)?.kind;
    if (kind === "REMARK") return t("actions.update.option.same", { status: t(`status.${status}`) });
    if (kind === "RETURNED") return t("actions.update.option.RETURNED");
    if (kind === "VERIFIED") return t("actions.update.option.VERIFIED");
    if (kind === "NOT_APPLICABLE_REJECTED") return t("actions.update.option.PENDING");
    return t(`actions.update.option.${status}` as MessageKey);
  };

  const fieldError = (field: ActionUpdateField, params?: Record<string, string | number>) => {
    const key = errorKey(field);
    return key ? (
      <span className="field__error" id={`${field}-error`}>
        {t(key as MessageKey, params)}
      </span>
    ) : null;
  };

  return (
    <form
      method="post"
      encType="multipart/form-data"
      action={`/actions/${itemId}`}
      noValidate
      className="update-form"
      onSubmit={handleSubmit(send)}
      aria-labelledby="update-title"
    >
      {conflict ? <ConflictNotice changes={conflict.changes} currentStatus={conflict.current.status} /> : null}
      {refused ? (
        <p className="form-error" role="alert">
          {t(`actions.refused.${refused.reason}` as MessageKey)}
        </p>
      ) : null}
      {problem ? (
        <p className="form-error" role="alert">
          {t(problem === "failed" ? "actions.update.failed" : "actions.update.sessionEnded")}
        </p>
      ) : null}
      {invalid ? (
        <p className="form-error" role="alert">
          {t("validation.fixErrors")}
        </p>
      ) : null}
      {errorKey("version") ? (
        <p className="form-error" role="alert">
          {t(errorKey("version") as MessageKey)}
        </p>
      ) : null}

      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="version" value={version} />

      <fieldset aria-describedby={errorKey("toStatus") ? "toStatus-error" : undefined}>
        <legend>{t("actions.update.toStatus")}</legend>
        {nextStatuses.map((status) => (
          <label key={status} className="choice">
            <input type="radio" value={status} defaultChecked={defaultStatus === status} {...register("toStatus")} />
            <span>{optionLabel(status)}</span>
          </label>
        ))}
        {fieldError("toStatus")}
      </fieldset>

      <div className="field">
        <label htmlFor="remark">{t(remarkLabel)}</label>
        <span className="field__hint" id="remark-hint">
          {toStatus === "NOT_APPLICABLE" ? t("actions.update.reasonHint") : t("actions.update.remarkHint")}
        </span>
        <textarea
          id="remark"
          rows={4}
          defaultValue={initial?.remark}
          aria-invalid={errorKey("remark") ? true : undefined}
          aria-describedby={errorKey("remark") ? "remark-hint remark-error" : "remark-hint"}
          {...register("remark")}
        />
        {fieldError("remark")}
      </div>

      <div className="field">
        <label htmlFor="evidence-files">{t("actions.update.files")}</label>
        <span className="field__hint" id="files-hint">
          {t("actions.update.filesHint", { max: MAX_EVIDENCE_FILES })}
        </span>
        <input
          ref={fileInput}
          id="evidence-files"
          type="file"
          name="files"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          onChange={onPick}
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
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setFiles((current) => current.filter((x) => x.key !== f.key))}
                >
                  {t("actions.update.removeFile", { name: f.file.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {invalid?.fileProblems.length && outcome?.fromServer ? (
          <ul className="field__error" role="alert">
            {invalid.fileProblems.map((p, i) => (
              <li key={i}>{t(p.error, { name: p.name })}</li>
            ))}
          </ul>
        ) : null}
        {filesError ? (
          <span className="field__error" role="alert">
            {t(filesError as MessageKey, { max: MAX_EVIDENCE_FILES, name: "" })}
          </span>
        ) : null}
        {fieldError("files", { max: MAX_EVIDENCE_FILES })}
        {serverDroppedFiles ? (
          <span className="field__error" role="alert" data-testid="reselect-files">
            {t("evidence.error.reselect")}
          </span>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor="links">{t("actions.update.links")}</label>
        <span className="field__hint" id="links-hint">
          {t("actions.update.linksHint")}
        </span>
        <textarea
          id="links"
          rows={2}
          inputMode="url"
          defaultValue={initial?.links}
          aria-invalid={errorKey("links") ? true : undefined}
          aria-describedby={errorKey("links") ? "links-hint links-error" : "links-hint"}
          {...register("links")}
        />
        {fieldError("links", { max: MAX_LINKS })}
      </div>

      {sending && progress !== null ? (
        <div className="upload-progress" role="status" aria-live="polite">
          <label htmlFor="upload-progress">{t("actions.update.uploading", { percent: progress })}</label>
          <progress id="upload-progress" max={100} value={progress} />
        </div>
      ) : null}

      <button type="submit" className="button" disabled={sending}>
        {sending ? t("actions.update.submitting") : t("actions.update.submit")}
      </button>
    </form>
  );
}
