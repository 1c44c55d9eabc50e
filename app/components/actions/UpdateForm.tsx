import { useEffect, useMemo } from "react";
import { useServerForm } from "~/components/forms/use-server-form";
import type { ActionStatus } from "~/domain/vocabulary";
import type { MessageKey } from "~/i18n";
import { actionUpdateSchema, MAX_LINKS, type ActionUpdateInput, type UpdateOutcome } from "~/schemas/action-update";
import { useT } from "~/utils/i18n";
import { findTransition, type Actor } from "~/utils/lifecycle";
import { EvidenceField } from "./update/EvidenceField";
import { initialStatus, StatusChoice } from "./update/StatusChoice";
import { UpdateAlerts } from "./update/UpdateAlerts";
import { useEvidenceFiles } from "./update/useEvidenceFiles";
import { useUpdateSender } from "./update/useUpdateSender";

interface FormValues {
  intent: "update";
  version: number;
  toStatus: string;
  remark: string;
  links: string;
}

/**
 * The update form. With JavaScript it checks itself (the same zod schema as the server),
 * keeps the chosen files in memory and sends everything with XMLHttpRequest to show upload
 * progress; when the update is refused (invalid, or the item changed meanwhile) nothing the
 * officer entered is lost. Without JavaScript it is a plain multipart form posted to the page.
 * The statuses offered (`nextStatuses`) come from the lifecycle; their wording is in ./update/StatusChoice.
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
  const schema = useMemo(() => actionUpdateSchema({ from: currentStatus, actor }), [currentStatus, actor]);
  const evidence = useEvidenceFiles();
  const initial = serverOutcome && serverOutcome.outcome !== "saved" ? serverOutcome.values : undefined;
  const defaultStatus = initialStatus(nextStatuses, initial?.toStatus);
  const sender = useUpdateSender(itemId, serverOutcome, evidence);
  const { outcome } = sender;
  const invalid = outcome?.value.outcome === "invalid" ? outcome.value : null;
  const form = useServerForm<FormValues, ActionUpdateInput>(schema, {
    defaultValues: { intent: "update", version, toStatus: defaultStatus, remark: initial?.remark ?? "", links: initial?.links ?? "" },
    serverErrors: invalid?.fieldErrors,
  });
  const { register, setValue, getValues, watch, errorOf } = form;

  // The item moved on (a conflict, or our own save): the form now answers to the new version,
  // and a choice the lifecycle no longer offers is cleared.
  useEffect(() => {
    setValue("version", version);
    if (!(nextStatuses as string[]).includes(getValues("toStatus"))) setValue("toStatus", nextStatuses.length === 1 ? nextStatuses[0] : "");
  }, [version, nextStatuses, setValue, getValues]);

  const toStatus = watch("toStatus");
  const transition = toStatus ? findTransition(currentStatus, toStatus as ActionStatus, actor) : undefined;
  const remarkOptional = transition ? !transition.remarkRequired : false;
  const remarkLabel: MessageKey =
    toStatus === "NOT_APPLICABLE" ? "actions.update.reason" : remarkOptional ? "actions.update.remarkOptional" : "actions.update.remark";
  const fromServer = Boolean(outcome?.fromServer);
  const askToReselect = fromServer && outcome?.value.outcome !== "saved" && outcome?.value.outcome !== "refused" && outcome!.value.filesDropped > 0;

  const textArea = (name: "remark" | "links", label: MessageKey, hint: string, extra: { rows: number; inputMode?: "url"; max?: number }) => {
    const error = errorOf(name);
    return (
      <div className="field">
        <label htmlFor={name}>{t(label)}</label>
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
        <textarea
          id={name}
          rows={extra.rows}
          inputMode={extra.inputMode}
          defaultValue={initial?.[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}
          {...register(name)}
        />
        {error ? (
          <span className="field__error" id={`${name}-error`}>
            {t(error, extra.max ? { max: extra.max } : undefined)}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <form
      method="post"
      encType="multipart/form-data"
      action={`/actions/${itemId}`}
      noValidate
      className="update-form"
      onSubmit={form.handleSubmit((values) =>
        sender.send(values, () => form.reset({ intent: "update", version, toStatus: "", remark: "", links: "" })),
      )}
      aria-labelledby="update-title"
    >
      <UpdateAlerts outcome={outcome} problem={sender.problem} versionError={errorOf("version")} />
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="version" value={version} />
      <StatusChoice
        currentStatus={currentStatus}
        actor={actor}
        nextStatuses={nextStatuses}
        defaultStatus={defaultStatus}
        field={register("toStatus")}
        error={errorOf("toStatus")}
      />
      {textArea("remark", remarkLabel, toStatus === "NOT_APPLICABLE" ? t("actions.update.reasonHint") : t("actions.update.remarkHint"), { rows: 4 })}
      <EvidenceField
        evidence={evidence}
        serverProblems={invalid && fromServer ? invalid.fileProblems : []}
        fieldError={errorOf("files")}
        askToReselect={askToReselect}
      />
      {textArea("links", "actions.update.links", t("actions.update.linksHint"), { rows: 2, inputMode: "url", max: MAX_LINKS })}
      {sender.sending && sender.progress !== null ? (
        <div className="upload-progress" role="status" aria-live="polite">
          <label htmlFor="upload-progress">{t("actions.update.uploading", { percent: sender.progress })}</label>
          <progress id="upload-progress" max={100} value={sender.progress} />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={sender.sending}>
        {sender.sending ? t("actions.update.submitting") : t("actions.update.submit")}
      </button>
    </form>
  );
}
