import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

export function ComingSoon({ title }: { title: MessageKey }) {
  const t = useT();
  return (
    <section className="card">
      <h1>{t(title)}</h1>
      <p>
        <strong>{t("common.comingSoon")}.</strong> {t("common.comingSoonText")}
      </p>
    </section>
  );
}
