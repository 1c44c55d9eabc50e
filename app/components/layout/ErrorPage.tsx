import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

const KNOWN = [400, 403, 404, 429, 500] as const;

export function ErrorPage({ status }: { status: number }) {
  const t = useT();
  const known = (KNOWN as readonly number[]).includes(status) ? status : 500;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(`error.${known}.title` as MessageKey)}</h1>
      <p>{t(`error.${known}.text` as MessageKey)}</p>
      <p>
        <Link to="/">{t("error.goHome")}</Link>
      </p>
    </section>
  );
}
