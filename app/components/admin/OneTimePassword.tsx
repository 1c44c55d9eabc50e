import { useT } from "~/utils/i18n";

/** A password the system generated, shown this once for the admin to hand over. */
export function OneTimePassword({ label, password }: { label: string; password: string }) {
  const t = useT();
  return (
    <div className="card one-time-password" role="region" aria-label={label}>
      <p className="one-time-password__label">{label}</p>
      <p>
        <code className="one-time-password__value" data-testid="one-time-password">
          {password}
        </code>
      </p>
      <p className="field__hint">{t("user.oneTimeHint")}</p>
    </div>
  );
}
