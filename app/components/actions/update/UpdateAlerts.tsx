// What the last attempt to save said, above the form: the item changed meanwhile, the change is
// not allowed, the request failed, or fields to fix.
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";
import { ConflictNotice } from "../ConflictNotice";
import type { ShownOutcome } from "./useUpdateSender";

export function UpdateAlerts({
  outcome,
  problem,
  versionError,
}: {
  outcome: ShownOutcome | null;
  problem: "failed" | "sessionEnded" | null;
  versionError: MessageKey | undefined;
}) {
  const t = useT();
  const value = outcome?.value;
  const alert = (text: string) => (
    <p className="form-error" role="alert">
      {text}
    </p>
  );
  return (
    <>
      {value?.outcome === "conflict" ? <ConflictNotice changes={value.changes} currentStatus={value.current.status} /> : null}
      {value?.outcome === "refused" ? alert(t(`actions.refused.${value.reason}` as MessageKey)) : null}
      {problem ? alert(t(problem === "failed" ? "actions.update.failed" : "actions.update.sessionEnded")) : null}
      {value?.outcome === "invalid" ? alert(t("validation.fixErrors")) : null}
      {versionError ? alert(t(versionError)) : null}
    </>
  );
}
